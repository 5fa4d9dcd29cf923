#!/bin/bash
# The public ABI of libsentiment.so.1 against the committed baseline
# tests/abi/libsentiment.abi (see tests/abi/README.md).
#
# usage: tests/abi/abi.sh check BUILD_DIR   compare BUILD_DIR's library
#        tests/abi/abi.sh dump BUILD_DIR    rewrite the baseline from it
#
# BUILD_DIR is a meson build of this tree with gcc and debug info (the
# default buildtype, debugoptimized, has -g). Needs abidw/abidiff from
# abigail-tools (Debian 12: 2.2).
#
# Two baselines: libsentiment.abi (abidw: exported functions and the types
# they reach) and constants.txt (the value of every enumerator and numeric
# macro of sentiment.h: the functions take and return plain ints, so
# abidiff never sees enum sentiment_error or enum sentiment_flag, whose
# numbers are part of the ABI too).
#
# check exits 0 if the library's ABI equals the baseline or only adds
# functions, variables or constants (then it says so: refresh the baseline
# when they are released), and 1 on any other change: a symbol removed, a
# parameter, return or public type changed, the SONAME or a symbol version
# changed, a constant removed or renumbered. It prints abidiff's report.
set -uo pipefail
export LC_ALL=C

top=$(cd "$(dirname "$0")/../.." && pwd)
baseline=$top/tests/abi/libsentiment.abi
constants=$top/tests/abi/constants.txt
headers=$top/include

usage() {
    echo "usage: $0 check|dump BUILD_DIR" >&2
    exit 2
}
[ $# -eq 2 ] || usage
mode=$1
lib=$2/lib/libsentiment.so.1
[ -e "$lib" ] || { echo "abi: no $lib (build first)" >&2; exit 1; }
lib=$(readlink -f "$lib")
build=$(cd "$2" && pwd)

# Prints "NAME VALUE" for each enumerator and numeric #define of
# sentiment.h, as the compiler sees them.
print_constants() {
    local names tmp status
    names=$(sed -nE -e 's/^[[:space:]]+(SENTIMENT_[A-Z0-9_]+)[[:space:]]*=.*/\1/p' \
                    -e 's/^#[[:space:]]*define[[:space:]]+(SENTIMENT_[A-Z0-9_]+)[[:space:]]+[0-9].*/\1/p' \
                    "$headers/sentiment.h" | sort -u)
    tmp=$(mktemp -d) || return 1
    {
        echo '#include <stdio.h>'
        echo '#include "sentiment.h"'
        echo 'int main(void) {'
        for n in $names; do
            # shellcheck disable=SC2028 # the \n is for the C compiler
            echo "    printf(\"%s %lld\\n\", \"$n\", (long long)($n));"
        done
        echo '    return 0;'
        echo '}'
    } >"$tmp/constants.c"
    ${CC:-cc} -I"$headers" -I"$build" -o "$tmp/constants" "$tmp/constants.c" &&
        "$tmp/constants"
    status=$?
    rm -rf "$tmp"
    return $status
}

# Only what the public header declares: exported functions and the types
# reachable from them, without private types (the analyzer struct stays
# opaque), build paths or source lines, so the baseline changes only when
# the ABI does.
dump_args=(--headers-dir "$headers" --drop-private-types --exported-interfaces-only
           --no-corpus-path --no-comp-dir-path --no-show-locs)

case $mode in
dump)
    abidw "${dump_args[@]}" --out-file "$baseline" "$lib" || exit 1
    print_constants >"$constants.tmp" && mv "$constants.tmp" "$constants" || exit 1
    echo "abi: wrote $baseline and $constants from $lib"
    ;;
check)
    # shellcheck disable=SC2015 # the braces end in exit: never both
    [ -f "$baseline" ] && [ -f "$constants" ] ||
        { echo "abi: no baseline in tests/abi" >&2; exit 1; }
    now=$(print_constants) || { echo "abi: cannot compile sentiment.h's constants"; exit 1; }
    # lines only in the baseline: a constant removed or renumbered
    changed=$(comm -23 <(sort "$constants") <(sort <<<"$now"))
    added=$(comm -13 <(sort "$constants") <(sort <<<"$now"))
    # shellcheck disable=SC2001 # indents every line
    if [ -n "$changed" ]; then
        echo "abi: INCOMPATIBLE: constants of sentiment.h removed or renumbered;"
        echo "baseline:"; echo "$changed" | sed 's/^/  /'
        echo "now:"; grep -F -f <(echo "$changed" | cut -d' ' -f1 | sed 's/$/ /') <<<"$now" | sed 's/^/  /'
        exit 1
    fi
    # shellcheck disable=SC2001 # indents every line
    [ -z "$added" ] || { echo "abi: constants added:"; echo "$added" | sed 's/^/  /'; }
    diff_args=(--headers-dir2 "$headers" --drop-private-types --fail-no-debug-info)
    # Everything but added symbols must be unchanged ...
    abidiff "${diff_args[@]}" --no-added-syms "$baseline" "$lib"
    rc=$?
    if [ $rc -ne 0 ]; then
        if [ $((rc & 3)) -ne 0 ]; then
            echo "abi: abidiff failed (status $rc)"
        elif [ $((rc & 8)) -ne 0 ]; then
            echo "abi: INCOMPATIBLE change against tests/abi/libsentiment.abi"
        else
            echo "abi: the ABI changed against tests/abi/libsentiment.abi (status $rc)"
        fi
        exit 1
    fi
    # ... and added ones are reported.
    report=$(abidiff "${diff_args[@]}" "$baseline" "$lib")
    rc=$?
    if [ $rc -ne 0 ] || [ -n "$added" ]; then
        [ $rc -eq 0 ] || echo "$report"
        echo "abi: compatible: symbols or constants were only added. When they are" \
             "released, refresh the baseline (tests/abi/README.md)."
    else
        echo "abi: same ABI as tests/abi/libsentiment.abi"
    fi
    ;;
*)
    usage
    ;;
esac
