#!/usr/bin/env bash
# Builds the libFuzzer programs (Fuzz/, with -sanitize=fuzzer,address) and runs one target,
# or all of them, for a number of seconds in total:
#
#   bash scripts/fuzz.sh TARGET SECONDS      TARGET: PlanDecode Pipeline Template Markdown Paragraph PO, or all
#
# The working corpus grows in Fuzz/.build/corpus/<Target> (seeded from Fuzz/corpus/<Target>,
# which is in git). An input that crashes, leaks, runs out of memory or takes more than 10 s
# is moved to Fuzz/regressions/<Target>/ — replayed by the test suite (FuzzRegressionTests) and,
# under the sanitizers, at the start of every fuzz run —
# once committed — and the script exits with status 1.
# Environment: FUZZ_CONFIG (debug, the default: quicker to build; release: many more
# executions per second, for long runs), FUZZ_JOBS (parallel workers per target, default 1),
# FUZZ_NICE (default 0), FUZZ_STATS (a file to which one line of figures per target is appended).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
all=(PlanDecode Template Markdown Paragraph PO Pipeline)

build_flags=(-c "${FUZZ_CONFIG:-debug}" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld --package-path Fuzz)
build_log="$(mktemp)"
if ! swift build "${build_flags[@]}" >"$build_log" 2>&1; then
  echo "fuzz: building the fuzz targets failed:" >&2; tail -40 "$build_log" >&2; rm -f "$build_log"; exit 1
fi
rm -f "$build_log"
bin="$(swift build "${build_flags[@]}" --show-bin-path)"
# Compile the hyphenation dictionaries once, in a process that does not fuzz: libhyphen's loader
# leaves ~1 KB of patterns unreachable per dictionary, which LeakSanitizer would charge to
# whichever input it next checks; fuzz processes read the compiled form (FuzzHarness.hyphenationCache).
empty="$(mktemp -d)"
ASAN_OPTIONS=detect_leaks=0 "$bin/FuzzParagraph" -runs=1 "$empty" >/dev/null 2>&1 || true
rm -rf "$empty"

dict_for() {
  case "$1" in
    PlanDecode|Pipeline) echo Fuzz/dict/plan.dict ;;
    Markdown|Template) echo Fuzz/dict/markdown.dict ;;
    PO) echo Fuzz/dict/po.dict ;;
    *) echo "" ;;
  esac
}

run_one() {
  local name=$1 secs=$2
  local work="Fuzz/.build/corpus/$name" artifacts="Fuzz/.build/artifacts/$name" log="Fuzz/.build/logs/$name.log"
  mkdir -p "$work" "$artifacts" "Fuzz/.build/logs" "Fuzz/regressions/$name"
  local dict; dict=$(dict_for "$name")
  # A slow input is one over 10 s in a release build; a debug build with the sanitizers is
  # some 20 times slower on a busy machine, so its smoke allows 60 s (FUZZ_TIMEOUT overrides).
  local timeout=${FUZZ_TIMEOUT:-10}; [ "${FUZZ_CONFIG:-debug}" = debug ] && timeout=${FUZZ_TIMEOUT:-60}
  local args=(-max_total_time="$secs" -timeout="$timeout" -rss_limit_mb=4096 -max_len=16384 -print_final_stats=1
              -detect_leaks=1 -artifact_prefix="$artifacts/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then args+=(-fork="${FUZZ_JOBS}" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1); fi
  echo "fuzz $name for ${secs}s"
  set +e
  # Leaks are checked after every input that allocates more than it frees (-detect_leaks=1), which
  # finds anything that grows per execution. The check at exit is off: it would only repeat what
  # the per-input checks find, or report libhyphen's loader (see the compilation step above) in a
  # process that had to compile a dictionary itself.
  # SWIFT_BACKTRACE=enable=no: on a broken promise (fatalError) Swift's crash handler would read
  # the process's memory from a helper thread, which AddressSanitizer then reports as a heap
  # overflow or use-after-free of its own — a false second finding under the real one.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=1:leak_check_at_exit=0:allocator_may_return_null=1" nice -n "${FUZZ_NICE:-0}" \
    "$bin/Fuzz$name" "${args[@]}" "$work" "Fuzz/corpus/$name" "Fuzz/regressions/$name" >"$log" 2>&1
  local status=$?
  set -e
  local execs cov corpus
  # Forked runs (FUZZ_JOBS > 1) print no final stats: take the last progress line's count.
  execs=$(grep -E "stat::number_of_executed_units" "$log" | tail -1 | awk '{print $2}' || true)
  [ -n "$execs" ] || execs=$(grep -oE "^#[0-9]+" "$log" | tail -1 | tr -d '#' || true)
  cov=$(grep -oE "cov: [0-9]+" "$log" | tail -1 | awk '{print $2}' || true)
  corpus=$(find "$work" -type f | wc -l)
  echo "  $name: ${execs:-?} executions, coverage ${cov:-?} edges, corpus $corpus inputs, exit $status"
  [ -n "${FUZZ_STATS:-}" ] && echo "$name ${execs:-0} ${cov:-0} $corpus $status $secs" >>"$FUZZ_STATS"
  local found=0
  for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-*; do
    [ -e "$f" ] || continue
    case "$(basename "$f")" in slow-unit-*) continue ;; esac
    mv "$f" "Fuzz/regressions/$name/"
    echo "  new regression input: Fuzz/regressions/$name/$(basename "$f")"
    found=1
  done
  if [ "$found" -eq 1 ] || { [ "$status" -ne 0 ] && [ "${FUZZ_JOBS:-1}" -le 1 ]; }; then
    tail -40 "$log" >&2
    return 1
  fi
  return 0
}

if [ "$target" = all ]; then
  # The pipeline renders whole documents (slow): it gets a double share of the time.
  share=$(( seconds / (${#all[@]} + 1) )); [ "$share" -ge 1 ] || share=1
  failed=0
  for name in "${all[@]}"; do
    secs=$share; [ "$name" = Pipeline ] && secs=$(( share * 2 ))
    run_one "$name" "$secs" || failed=1
  done
  exit "$failed"
fi
run_one "$target" "$seconds"
