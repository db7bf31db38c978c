#!/usr/bin/env bash
# Installs osteodoc:
#   <prefix>/bin/osteodoc                       the program (release build, static Swift runtime)
#   <prefix>/bin/osteodoc-server                the server behind `osteodoc serve`, when built
#   <prefix>/share/osteodoc/{templates,locales,web,examples} content, staff pages, example plan (found relative to the prefix)
#   <prefix>/share/man/man1/osteodoc*.1         manual pages (generated from the argument parser)
#   <prefix>/share/{bash-completion,zsh,fish}/… shell completions (--generate-completion-script)
#   <prefix>/share/doc/osteodoc/                LICENSE, CHANGELOG.md, the plan-export contract and schema
#
#   bash scripts/install.sh [--prefix /usr/local] [--destdir DIR] [--binary PATH]
#
# --destdir stages the files under DIR (for packaging); --binary installs an already built program.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local destdir="" binary=""
while (($#)); do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --destdir) destdir="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done
[ -n "$binary" ] || binary=$(bash scripts/build-release.sh | tail -1)
root="$destdir$prefix"
install -d "$root/bin" "$root/share/osteodoc" "$root/share/man/man1" "$root/share/doc/osteodoc" \
  "$root/share/bash-completion/completions" "$root/share/zsh/vendor-completions" "$root/share/fish/vendor_completions.d"
install -m 0755 -s "$binary" "$root/bin/osteodoc"   # stripped: symbols are no use at run time
# The server program (osteodoc serve runs it), when it was built beside the CLI.
server="$(dirname "$binary")/osteodoc-server"
[ -x "$server" ] && install -m 0755 -s "$server" "$root/bin/osteodoc-server"
# Content: templates and every locale, the translators' records (.source) included, nothing else.
rm -rf "$root/share/osteodoc/templates" "$root/share/osteodoc/locales" "$root/share/osteodoc/web" "$root/share/osteodoc/examples"
cp -r templates locales web "$root/share/osteodoc/"
# The staff pages' translators' preview renders the example plan (no patient's data).
install -D -m 0644 examples/plan.json "$root/share/osteodoc/examples/plan.json"
find "$root/share/osteodoc" -type d -exec chmod 0755 {} + ; find "$root/share/osteodoc" -type f -exec chmod 0644 {} +
# Manual pages and completions come from the program itself.
OSTEODOC_RESOURCES="$root/share/osteodoc" bash scripts/make-manual.sh "$binary" "$root/share/man/man1"
"$binary" --generate-completion-script bash > "$root/share/bash-completion/completions/osteodoc"
"$binary" --generate-completion-script zsh > "$root/share/zsh/vendor-completions/_osteodoc"
"$binary" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/osteodoc.fish"
install -m 0644 LICENSE CHANGELOG.md docs/plan-export-v1.md schema/plan-export-v1.schema.json examples/plan.json "$root/share/doc/osteodoc/"
[ ! -f examples/osteodoc.toml ] || install -m 0644 examples/osteodoc.toml "$root/share/doc/osteodoc/osteodoc.toml.example"
echo "installed osteodoc $("$root/bin/osteodoc" --version | head -1 | cut -d' ' -f2) into $root"
