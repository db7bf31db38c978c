#!/usr/bin/env python3
"""Fails when Sources/ has a force unwrap (`x!`), `try!` or `as!` that is not in the allowlist.

Issue 14 class 1: a force unwrap on a value derived from the plan once aborted rendering.
Every remaining one must be justified in scripts/force-unwrap-allowlist.txt, one per line:

    <path>: <the code line, stripped>  # why it cannot fail

Lines are matched by path and text (not line numbers), so edits elsewhere in a file do not
invalidate an entry; an entry that no longer matches anything is reported as stale.
Strings and comments are blanked before matching, so `"!"` or `// try!` never count.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
ALLOWLIST = ROOT / "scripts" / "force-unwrap-allowlist.txt"
PATTERN = re.compile(r"\btry!|\bas!|[\w)\]}>]!(?![=])")


def code_only(text: str) -> list[str]:
    """The file's lines with string literals and comments replaced by spaces."""
    out, i, n = [], 0, len(text)
    buf = []
    block_depth = 0
    in_string = None  # '"' or '"""'
    while i < n:
        c = text[i]
        if block_depth:
            if text.startswith("*/", i):
                block_depth -= 1; buf.append("  "); i += 2; continue
            if text.startswith("/*", i):
                block_depth += 1; buf.append("  "); i += 2; continue
            buf.append("\n" if c == "\n" else " "); i += 1; continue
        if in_string:
            if c == "\\":
                buf.append("  " if i + 1 < n and text[i + 1] != "\n" else " "); i += 2 if text[i + 1:i + 2] != "\n" else 1; continue
            if text.startswith(in_string, i):
                buf.append(" " * len(in_string)); i += len(in_string); in_string = None; continue
            buf.append("\n" if c == "\n" else " "); i += 1; continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            buf.append(" " * (j - i)); i = j; continue
        if text.startswith("/*", i):
            block_depth = 1; buf.append("  "); i += 2; continue
        if text.startswith('"""', i):
            in_string = '"""'; buf.append("   "); i += 3; continue
        if c == '"':
            in_string = '"'; buf.append(" "); i += 1; continue
        buf.append(c); i += 1
    return "".join(buf).split("\n")


def self_test() -> None:
    """The matcher finds what it must and nothing else (run on every invocation: it is cheap)."""
    must = ["let a = b!", "f(x)!.y", "try! g()", "y as! Int", "d[k]!", "a!.b"]
    never = ["a != b", "!flag", 'let s = "wow!"', "// x! here", "/* try! */ ok", '"""\nhey!\n"""', "a !== b"]
    for line in must:
        assert any(PATTERN.search(l) for l in code_only(line)), f"missed: {line}"
    for line in never:
        assert not any(PATTERN.search(l) for l in code_only(line)), f"false alarm: {line}"


def main() -> int:
    self_test()
    allowed = {}
    for raw in ALLOWLIST.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        entry, _, why = raw.partition("  # ")
        path, _, code = entry.partition(": ")
        if not why.strip():
            print(f"{ALLOWLIST.name}: entry without a justification: {raw}")
            return 1
        allowed[(path.strip(), code.strip())] = 0
    found = []
    for file in sorted((ROOT / "Sources").rglob("*.swift")):
        rel = file.relative_to(ROOT).as_posix()
        original = file.read_text(encoding="utf-8").split("\n")
        for number, line in enumerate(code_only(file.read_text(encoding="utf-8")), 1):
            if PATTERN.search(line):
                key = (rel, original[number - 1].strip())
                if key in allowed:
                    allowed[key] += 1
                else:
                    found.append(f"{rel}:{number}: {original[number - 1].strip()}")
    stale = [f"{p}: {c}" for (p, c), uses in allowed.items() if uses == 0]
    for line in found:
        print(f"force unwrap not in the allowlist: {line}")
    for line in stale:
        print(f"stale allowlist entry (no such line): {line}")
    if found or stale:
        print(f"{len(found)} unjustified force unwrap(s), {len(stale)} stale entr(y/ies); see {ALLOWLIST.relative_to(ROOT)}")
        return 1
    print(f"force unwraps: {sum(allowed.values())} justified in {ALLOWLIST.relative_to(ROOT)}, none other")
    return 0


if __name__ == "__main__":
    sys.exit(main())
