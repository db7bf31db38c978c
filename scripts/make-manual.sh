#!/usr/bin/env bash
# Writes osteodoc.1 (troff man page) into DIR from the argument parser's own description of the
# program (`osteodoc --experimental-dump-help`, the JSON that swift-argument-parser's
# generate-manual plugin reads too). Own generator rather than the plugin: the plugin builds its
# tool and the program again in a debug build inside the package, where the release scripts
# already have the built program in hand.
#
#   bash scripts/make-manual.sh PATH-TO-OSTEODOC DIR
set -euo pipefail
binary=$1 dir=$2
"$binary" --experimental-dump-help | python3 -c '
import json, sys
tool = json.load(sys.stdin)["command"]
version = sys.argv[1]
def esc(text):
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l) if l[:1] in ".\x27" else l for l in text.split("\n"))
def synopsis(cmd, path):
    parts = []
    for a in cmd.get("arguments", []):
        if not a.get("shouldDisplay", True): continue
        names = a.get("names") or []
        long = next((n["name"] for n in names if n["kind"] == "long"), None)
        if a["kind"] == "positional": s = "<%s>" % a.get("valueName", "value")
        elif a["kind"] == "flag": s = "--%s" % long
        else: s = "--%s <%s>" % (long, a.get("valueName", "value"))
        if a.get("isRepeating"): s += " ..."
        parts.append("[%s]" % s if a.get("isOptional") else s)
    return " ".join(path + parts)
out = [".TH OSTEODOC 1 \"\" \"osteodoc %s\" \"User Commands\"" % version,
       ".SH NAME", "osteodoc \\- " + esc(tool.get("abstract")),
       ".SH SYNOPSIS", ".B osteodoc", "<command> [options]", ".SH DESCRIPTION", esc(tool.get("abstract"))]
if tool.get("discussion"): out += [".PP", esc(tool["discussion"])]
def walk(cmd, path):
    subs = [s for s in cmd.get("subcommands", []) if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    if not subs:
        out.extend([".SS " + esc(" ".join(path)), ".B " + esc(synopsis(cmd, path)), ".PP", esc(cmd.get("abstract"))])
        if cmd.get("discussion"): out.extend([".PP", esc(cmd["discussion"])])
        for a in cmd.get("arguments", []):
            if not a.get("shouldDisplay", True): continue
            names = a.get("names") or []
            label = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in names) or "<%s>" % a.get("valueName")
            if a["kind"] == "option": label += " <%s>" % a.get("valueName", "value")
            text = a.get("abstract") or ""
            if a.get("defaultValue"): text += " (default: %s)" % a["defaultValue"]
            out.extend([".TP", "\\fB" + esc(label) + "\\fR", esc(text)])
    for s in subs: walk(s, path + [s["commandName"]])
out.append(".SH COMMANDS")
walk(tool, ["osteodoc"])
out += [".SH ENVIRONMENT", ".TP", "\\fBOSTEODOC_RESOURCES\\fR",
        "Folder with templates/ and locales/ (default: <prefix>/share/osteodoc beside the program).",
        ".TP", "\\fBOSTEODOC_FONTS\\fR", "Folder of the Noto fonts (default: /usr/share/fonts/truetype/noto).",
        ".SH EXIT STATUS", "0 success; 1 input or content error; 64 usage error.",
        ".SH SEE ALSO", "/usr/share/doc/osteodoc/plan\\-export\\-v1.md, the contract of the plan export."]
print("\n".join(out))
' "$("$binary" --version | head -1 | cut -d' ' -f2)" > "$dir/osteodoc.1"
