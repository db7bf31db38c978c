#!/usr/bin/env python3
"""Black-box checks of `osteodoc serve` on loopback, started by scripts/test.sh:

  schema    openapi-spec-validator on openapi.yaml, then schemathesis against the live server
            (bounded examples): no 5xx, every response conforms to the document.
  kill      kill -9 during a burst of plan posts and document issues (and inbox files): after a
            restart every acknowledged (2xx) plan and document is there, intact, and the inbox
            took every file exactly once.
  postgres  the same server on a throw-away PostgreSQL; PostgreSQL stopped and restarted under
            load: 503 meanwhile, the server reconnects by itself, no acknowledged write is lost.

Usage: server_check.py BIN [schema] [kill] [postgres]   (default: all)
"""
import concurrent.futures as futures
import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PG_BIN = os.environ.get("OSTEODOC_PG_BIN", "/usr/lib/postgresql/15/bin")
EXAMPLE = json.load(open(os.path.join(ROOT, "examples/plan.json")))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`osteodoc serve` on a temp data folder (made by --init) and a loopback port."""

    def __init__(self, binary, data=None, env=None):
        self.binary = binary
        self.data = data or tempfile.mkdtemp(prefix="osteodoc-srv-")
        self.port = free_port()
        self.env = dict(os.environ, OSTEODOC_RESOURCES=ROOT, OSTEODOC_INBOX_SETTLE_MILLISECONDS="300",
                        OSTEODOC_INBOX_POLL_MILLISECONDS="100", **(env or {}))
        self.process = None
        self.log = open(os.path.join(self.data, "server.log"), "ab")

    def init(self):
        out = subprocess.run([self.binary, "serve", "--init", "--data", self.data], env=self.env,
                             check=True, capture_output=True, text=True).stdout
        self.password = re.search(r"Password \(shown once, write it down\): (\S+)", out).group(1)
        self.token = re.search(r"API token for the planning core .*: (\S+)", out).group(1)
        return self

    def start(self):
        self.process = subprocess.Popen([self.binary, "serve", "--data", self.data, "--port", str(self.port)],
                                        env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if self.request("GET", "/health")[0] == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit("server exited at start; see " + self.log.name)
            time.sleep(0.1)
        raise SystemExit("server did not start")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def request(self, method, path, body=None, headers=None, timeout=30):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = dict(headers or {})
        if body is not None:
            h.setdefault("Content-Type", "application/json")
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data, dict(r.getheaders())

    def login(self):
        status, body, headers = self.request("POST", "/api/v1/login",
                                             json.dumps({"name": "admin", "password": self.password}))
        assert status == 200, (status, body)
        cookie = headers["Set-Cookie"].split(";")[0]
        return {"Cookie": cookie, "X-CSRF-Token": json.loads(body)["csrfToken"]}

    def post_plan(self, plan):
        return self.request("POST", "/api/v1/plans", json.dumps(plan), {"Authorization": "Bearer " + self.token})


def plan_with_id(plan_id):
    p = json.loads(json.dumps(EXAMPLE))
    p["planId"] = plan_id
    return p


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL: " + message)


# --- schema --------------------------------------------------------------------------------

def schema_check(binary):
    subprocess.run([sys.executable, "-m", "openapi_spec_validator", os.path.join(ROOT, "openapi.yaml")], check=True)
    server = Server(binary).init().start()
    try:
        status, _, _ = server.post_plan(EXAMPLE)
        check(status in (200, 201), "example plan accepted")
        auth = server.login()
        examples = os.environ.get("OSTEODOC_SCHEMATHESIS_EXAMPLES", "25")
        command = ["schemathesis", "run", os.path.join(ROOT, "openapi.yaml"), "--url", f"http://127.0.0.1:{server.port}",
                   "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,"
                               "response_schema_conformance,response_headers_conformance",
                   "--max-examples", examples, "--seed", "1", "--no-color",
                   # Signing out would end the session the other operations use.
                   "--exclude-operation-id", "logout",
                   "-H", "Cookie: " + auth["Cookie"].split(": ")[-1], "-H", "X-CSRF-Token: " + auth["X-CSRF-Token"]]
        result = subprocess.run(command, cwd=ROOT)
        check(result.returncode == 0, "schemathesis found problems")
        print("schema: openapi.yaml valid; schemathesis found nothing")
    finally:
        server.stop()


# --- kill -9 -------------------------------------------------------------------------------

def burst(server, auth, count, stop_after=None):
    """count plan posts and count consent issues, concurrently; returns the acknowledged ones."""
    acked_plans, acked_docs = {}, {}

    def post(i):
        plan = plan_with_id(f"PLN-K-{i:04d}")
        try:
            status, body, _ = server.post_plan(plan)
            if status in (200, 201):
                acked_plans[plan["planId"]] = json.loads(body)["sha256"]
        except OSError:
            pass

    def issue(i):
        try:
            status, body, _ = server.request("POST", "/api/v1/documents",
                                             json.dumps({"planId": "PLN-2026-004217", "kind": "consent"}), auth)
            if status == 201:
                d = json.loads(body)
                acked_docs[d["id"]] = d["sha256"]
        except OSError:
            pass

    with futures.ThreadPoolExecutor(16) as pool:
        jobs = []
        for i in range(count):
            jobs.append(pool.submit(post, i))
            jobs.append(pool.submit(issue, i))
        if stop_after is not None:
            while len(acked_plans) + len(acked_docs) < stop_after:
                time.sleep(0.005)
            server.kill9()
        futures.wait(jobs)
    return acked_plans, acked_docs


def kill_check(binary):
    server = Server(binary).init().start()
    try:
        check(server.post_plan(EXAMPLE)[0] in (200, 201), "example plan")
        auth = server.login()
        inbox = os.path.join(server.data, "inbox")
        for i in range(40):
            tmp = os.path.join(inbox, f".in-{i}.json.tmp")
            with open(tmp, "w") as f:
                json.dump(plan_with_id(f"PLN-I-{i:03d}"), f)
            os.rename(tmp, os.path.join(inbox, f"in-{i}.json"))
        started = time.time()
        plans, docs = burst(server, auth, 500, stop_after=300)
        print(f"kill: server killed with -9 after {len(plans)} plans and {len(docs)} documents acknowledged "
              f"({time.time() - started:.1f} s)")
        server.start()
        auth = server.login()
        for plan_id, sha in plans.items():
            status, body, _ = server.request("GET", f"/api/v1/plans/{plan_id}", headers=auth)
            check(status == 200 and json.loads(body)["sha256"] == sha, f"acknowledged plan {plan_id} is there")
            check(json.loads(body)["latestRevision"] == 1, f"{plan_id}: one revision")
        for doc_id, sha in docs.items():
            status, body, _ = server.request("GET", f"/api/v1/documents/{doc_id}.pdf", headers=auth)
            check(status == 200 and hashlib.sha256(body).hexdigest() == sha, f"acknowledged document {doc_id} is intact")
        # The inbox resumes: every file taken exactly once.
        deadline = time.time() + 60
        while time.time() < deadline:
            pending = [n for n in os.listdir(inbox) if n.endswith(".json")] + os.listdir(os.path.join(inbox, ".processing"))
            if not pending:
                break
            time.sleep(0.2)
        accepted = sorted(os.listdir(os.path.join(inbox, "accepted")))
        check(accepted == sorted(f"in-{i}.json" for i in range(40)), f"each inbox file accepted once: {accepted}")
        check(os.listdir(os.path.join(inbox, "rejected")) == [], "nothing rejected")
        for i in range(40):
            status, body, _ = server.request("GET", f"/api/v1/plans/PLN-I-{i:03d}", headers=auth)
            check(status == 200 and json.loads(body)["latestRevision"] == 1, f"inbox plan {i}: one revision")
        # And the registry still takes writes.
        check(server.post_plan(plan_with_id("PLN-AFTER"))[0] == 201, "writes after restart")
        print(f"kill: after restart all {len(plans)} plans and {len(docs)} documents are there and intact; "
              f"inbox 40/40 files taken once")
    finally:
        server.stop()


# --- PostgreSQL ----------------------------------------------------------------------------

class Postgres:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="osteodoc-pg-")
        self.port = free_port()
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        if os.getuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.run(f"{PG_BIN}/initdb", "-D", self.dir + "/data", "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-q", "-c", "CREATE DATABASE osteodoc")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/osteodoc"

    def run(self, *args):
        subprocess.run(self.as_user + list(args), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.run(f"{PG_BIN}/pg_ctl", "-D", self.dir + "/data", "-l", self.dir + "/log", "-w", "-o",
                 f"-k {self.dir} -p {self.port} -c listen_addresses=127.0.0.1", "start")

    def stop(self):
        self.run(f"{PG_BIN}/pg_ctl", "-D", self.dir + "/data", "-m", "fast", "-w", "stop")

    def destroy(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def postgres_check(binary):
    if not os.path.exists(f"{PG_BIN}/initdb"):
        print(f"postgres: SKIPPED — no PostgreSQL server binaries under {PG_BIN}")
        return
    pg = Postgres()
    server = Server(binary, env={"OSTEODOC_DATABASE_URL": pg.url, "OSTEODOC_DATABASE_TIMEOUT_SECONDS": "2"})
    try:
        server.init().start()
        check(server.post_plan(EXAMPLE)[0] in (200, 201), "example plan on PostgreSQL")
        auth = server.login()
        acked, statuses, failures = {}, [], []
        stop_at = time.time() + 3
        restart_at = stop_at + 5
        end = restart_at + 8
        # When PostgreSQL was really down: from the moment pg_ctl says it has stopped (a fast
        # shutdown still writes a checkpoint) to the moment the restart begins.
        window = {}

        def worker(n):
            i = 0
            while time.time() < end:
                i += 1
                plan_id = f"PLN-PG-{n}-{i}"
                started = time.time()
                try:
                    status, body, _ = server.post_plan(plan_with_id(plan_id))
                except OSError as error:
                    status = -1
                    failures.append(f"{started - stop_at:+.1f} s after the stop: {type(error).__name__}")
                statuses.append((started, time.time(), status))
                if status in (200, 201):
                    acked[plan_id] = json.loads(body)["sha256"]
                time.sleep(0.02)

        with futures.ThreadPoolExecutor(4) as pool:
            jobs = [pool.submit(worker, n) for n in range(4)]
            while time.time() < stop_at:
                time.sleep(0.05)
            pg.stop()
            window["stopped"] = time.time()
            while time.time() < restart_at:
                time.sleep(0.05)
            ready_while_down = server.request("GET", "/ready")[0]
            window["restarting"] = time.time()
            pg.start()
            window["restarted"] = time.time()
            futures.wait(jobs)
        # A post sent and answered while PostgreSQL was down must be a 503; one that was waiting for a
        # connection when the restart began may succeed. After the restart the pool reconnects by itself.
        down = [s for t0, t1, s in statuses if window["stopped"] < t0 and t1 < window["restarting"]]
        after = [s for t0, _, s in statuses if t0 > window["restarted"] + 4]
        down_ok = down and all(s == 503 for s in down)
        after_ok = after and all(s in (200, 201) for s in after)
        if not (down_ok and after_ok):
            # What each post got, sent → answered, in seconds from the stop: the failure's evidence.
            for t0, t1, s in sorted(statuses):
                if window["stopped"] - 1 < t1 and t0 < window["restarted"] + 5:
                    print(f"  {t0 - window['stopped']:+.2f} → {t1 - window['stopped']:+.2f} s: {s}")
            print(f"  restart began at {window['restarting'] - window['stopped']:+.2f} s, "
                  f"PostgreSQL up at {window['restarted'] - window['stopped']:+.2f} s")
        check(down_ok, f"503 while PostgreSQL is down: {sorted(set(down))}")
        check(ready_while_down == 503, "/ready says 503 while PostgreSQL is down")
        check(after_ok, f"reconnected by itself: {sorted(set(after))} {failures}")
        check(not [s for _, _, s in statuses if s >= 500 and s != 503], "no other 5xx")
        for plan_id, sha in acked.items():
            status, body, _ = server.request("GET", f"/api/v1/plans/{plan_id}", headers=auth)
            check(status == 200 and json.loads(body)["sha256"] == sha, f"acknowledged plan {plan_id} is there")
        print(f"postgres: {len(statuses)} posts, {len(down)} answered 503 while PostgreSQL was down, "
              f"{len(after)} succeeded after the restart; all {len(acked)} acknowledged plans are there")
    finally:
        server.stop()
        pg.destroy()


if __name__ == "__main__":
    binary = sys.argv[1]
    wanted = sys.argv[2:] or ["schema", "kill", "postgres"]
    for name in wanted:
        {"schema": schema_check, "kill": kill_check, "postgres": postgres_check}[name](binary)
