#!/bin/bash
# Hardening checks, beyond the test suite (.ci/run calls this):
#
#   bash .ci/hardening.sh
#
# 1. build       gcc, debugoptimized (-g): the library and sentiment-cli
# 2. abi         tests/abi/abi.sh check: abidiff against the committed
#                baseline, and the header's constants (tests/abi/README.md)
# 3. differential  tests/differential/run.py: 20,000 fresh adversarial lines,
#                sentiment-cli vs the reference implementation, both modes
#    sentences   tests/differential/sentences.py: 3,000 fresh gen_punkt.py
#                lines, sentiment-cli --sentences --json vs NLTK's Punkt
#                (punkt_oracle.py --ref, python3-nltk), both modes
#                (both skipped, with their reason, when ../shared/reference
#                is not beside the repository: a clone on its own)
# 4. fuzz build  clang -Dfuzz=true: the libFuzzer targets (ASan + UBSan),
#                the HTTP shim's request handling among them
# 5. fuzz NAME   each libFuzzer target fuzzed for $SENTIMENT_FUZZ_SECONDS
#                (60) from its seeds and dictionary, as many at once as
#                there are CPUs; any crash, leak, timeout, out-of-memory or
#                failed check is a failure, its input is kept and shown
#
# Installs what it needs with apt-get (only what is missing). Prints PASS,
# FAIL or SKIP per check, ends with the line "N passed, M failed, K skipped"
# and exits non-zero if anything failed. About 3-4 minutes on a 2-CPU machine.
#
# Environment: SENTIMENT_CI_DIR (scratch, default _ci/; this script uses
# its hardening/ subdirectory), SENTIMENT_FUZZ_SECONDS, SENTIMENT_DIFF_SEED
# (rerun the differential test with a given seed).
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${SENTIMENT_CI_DIR:-$top/_ci}/hardening
fuzz_seconds=${SENTIMENT_FUZZ_SECONDS:-60}
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
skipped=0
failures=()
start=$SECONDS

pass() { echo "PASS: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); failures+=("$1"); }
skip() { echo "SKIP: $1"; skipped=$((skipped + 1)); }

# ------------------------------------------------------------ dependencies

# The project's one package list; .ci/run has installed this group already.
if ! "$top/.ci/deps.sh" test; then
    echo "cannot install the test dependencies (.ci/deps.sh test)"
    echo "0 passed, 1 failed"
    exit 1
fi

mkdir -p "$out"

# setup_and_build NAME DIR [NINJA_TARGETS...] -- MESON_ARGS...: a fresh build.
setup_and_build() {
    local name=$1 dir=$2 targets=()
    shift 2
    while [ $# -gt 0 ] && [ "$1" != -- ]; do targets+=("$1"); shift; done
    [ $# -gt 0 ] && shift
    rm -rf "$dir"
    if ! meson setup "$dir" "$top" "$@" >"$dir.setup.log" 2>&1; then
        tail -n 30 "$dir.setup.log"
        return 1
    fi
    if ! ninja -C "$dir" -j "$jobs" "${targets[@]}" >"$dir.build.log" 2>&1; then
        tail -n 40 "$dir.build.log"
        return 1
    fi
}

# ------------------------------------------------------------ gcc build, ABI, differential

echo "=== build (gcc, debugoptimized)"
gcc_dir=$out/gcc
if CC=gcc setup_and_build build "$gcc_dir" -- -Dbuildtype=debugoptimized \
       -Dtests=false -Dexamples=disabled -Dcli=true; then
    pass "build (gcc, -g)"

    echo "=== abi"
    if CC=gcc bash "$top/tests/abi/abi.sh" check "$gcc_dir"; then
        pass "abi: against tests/abi/"
    else
        fail "abi: against tests/abi/ (see tests/abi/README.md)"
    fi

    echo "=== differential"
    (cd "$top" && python3 tests/differential/run.py --cli "$gcc_dir/cli/sentiment-cli")
    case $? in
    0) pass "differential: sentiment-cli vs reference" ;;
    77) skip "differential: no ../shared/reference beside the repository" ;;
    *) fail "differential: sentiment-cli vs reference" ;;
    esac

    echo "=== sentences differential"
    if [ ! -f "$top/../shared/reference/punkt_oracle.py" ]; then
        skip "sentences differential: no ../shared/reference/punkt_oracle.py beside the repository"
    elif (cd "$top" && python3 tests/differential/sentences.py \
              --cli "$gcc_dir/cli/sentiment-cli"); then
        pass "sentences differential: sentiment-cli --sentences vs NLTK Punkt"
    else
        fail "sentences differential: sentiment-cli --sentences vs NLTK Punkt"
    fi
else
    fail "build (gcc, -g)"
    fail "abi: not run"
    fail "differential: not run"
    fail "sentences differential: not run"
fi

# ------------------------------------------------------------ fuzzing

echo "=== fuzz targets (clang, -Dfuzz=true)"
fuzz_dir=$out/fuzz
# Set up first, then build only the libFuzzer binaries: every executable
# named fuzz-* (not *-replay), wherever its meson.build is.
fuzz_targets=()
rm -rf "$fuzz_dir"
if CC=clang CXX=clang++ meson setup "$fuzz_dir" "$top" -Dfuzz=true \
       -Dbuildtype=debugoptimized >"$fuzz_dir.setup.log" 2>&1; then
    mapfile -t fuzz_targets < <(meson introspect --targets "$fuzz_dir" | python3 -c '
import json, os, sys
for t in json.load(sys.stdin):
    if (t["type"] == "executable" and t["name"].startswith("fuzz-")
            and not t["name"].endswith("-replay")):
        print(os.path.relpath(t["filename"][0], sys.argv[1]))
' "$fuzz_dir")
fi
if [ ${#fuzz_targets[@]} -gt 0 ] &&
   ninja -C "$fuzz_dir" -j "$jobs" "${fuzz_targets[@]}" >"$fuzz_dir.build.log" 2>&1; then
    pass "fuzz build: ${#fuzz_targets[@]} libFuzzer targets"
else
    tail -n 30 "$fuzz_dir.setup.log" "$fuzz_dir.build.log" 2>/dev/null
    fail "fuzz build"
    fuzz_targets=()
fi

# fuzz REL_PATH: fuzzes one target; its seeds are tests/fuzz/<name>/ (the
# server's: examples/tests/fuzz-<name>/) and its dictionary
# tests/fuzz/<name>.dict, for the binary fuzz-<name>.
fuzz() {
    local rel=$1 bin name corpus art args=() dirs=()
    bin=$fuzz_dir/$rel
    name=$(basename "$rel")
    name=${name#fuzz-}
    corpus=$out/corpus/$name
    art=$out/artifacts/$name
    rm -rf "$corpus" "$art"
    mkdir -p "$corpus" "$art"
    [ -f "$top/tests/fuzz/$name.dict" ] && args+=("-dict=$top/tests/fuzz/$name.dict")
    # libFuzzer adds what it finds to the first directory only: the seeds
    # in the tree stay as they are.
    dirs=("$corpus")
    [ -d "$top/tests/fuzz/$name" ] && dirs+=("$top/tests/fuzz/$name")
    [ -d "$top/examples/tests/fuzz-$name" ] && dirs+=("$top/examples/tests/fuzz-$name")
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$bin" -max_total_time="$fuzz_seconds" -timeout=25 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$art/" "${args[@]}" "${dirs[@]}" \
            >"$out/fuzz-$name.log" 2>&1
    echo $? >"$out/fuzz-$name.status"
}

if [ ${#fuzz_targets[@]} -gt 0 ]; then
    echo "=== fuzzing ${#fuzz_targets[@]} targets for ${fuzz_seconds}s each, $jobs at a time"
    running=0
    for rel in "${fuzz_targets[@]}"; do
        fuzz "$rel" &
        running=$((running + 1))
        if [ "$running" -ge "$jobs" ]; then
            wait -n
            running=$((running - 1))
        fi
    done
    wait
    for rel in "${fuzz_targets[@]}"; do
        name=$(basename "$rel")
        name=${name#fuzz-}
        status=$(cat "$out/fuzz-$name.status" 2>/dev/null || echo 1)
        finds=$(find "$out/artifacts/$name" -type f | sort)
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/fuzz-$name.log")
        cov=$(grep -oE 'cov: [0-9]+' "$out/fuzz-$name.log" | tail -n 1)
        if [ "$status" = 0 ] && [ -z "$finds" ]; then
            pass "fuzz $name: ${runs:-?} runs, $cov, no finding"
        else
            grep -E -A 30 '^==[0-9]+==ERROR|runtime error|check failed|SUMMARY|Test unit written' \
                "$out/fuzz-$name.log" | head -n 60
            for f in $finds; do
                echo "  input kept: $f"
                echo "  rerun: $fuzz_dir/$rel $f   (or its -replay twin in any build)"
            done
            fail "fuzz $name (exit $status, log $out/fuzz-$name.log)"
        fi
    done
fi

# ------------------------------------------------------------ summary

echo
echo "hardening: $((SECONDS - start)) s"
if [ "$failed" -ne 0 ]; then
    printf 'failed: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
