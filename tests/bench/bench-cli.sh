#!/bin/sh
# sentiment-cli throughput with one and with two threads.
#
# Usage: bench-cli.sh PATH/TO/sentiment-cli [CORPUS [RUNS]]
#
# Scores CORPUS (default ../shared/corpus/bench.txt beside the repository,
# else the in-repository sample corpus/public-domain.txt) repeated 5 times
# (~110 MB for bench.txt), with -s to a file, RUNS times (default 3)
# each with -j1 and -j2, and prints the best MB/s of each and their ratio.
# Asserts nothing; exits non-zero only if a run fails or the two outputs
# differ.
set -eu

cli=$1
here=$(dirname "$0")
corpus=$here/../../../shared/corpus/bench.txt
[ -f "$corpus" ] || corpus=$here/corpus/public-domain.txt
corpus=${2:-$corpus}
runs=${3:-3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

for i in 1 2 3 4 5; do cat "$corpus"; done > "$tmp/input.txt"
bytes=$(wc -c < "$tmp/input.txt")

# Wall time in nanoseconds of one run of sentiment-cli -s -jN.
run() {
    t0=$(date +%s%N)
    "$cli" -s -j"$1" "$tmp/input.txt" > "$tmp/out-j$1.txt"
    echo $(( $(date +%s%N) - t0 ))
}

# The best of $runs runs of each, taken in turn so that a busy moment of
# the machine does not fall on one of them only.
t1='' t2=''
i=0
while [ "$i" -lt "$runs" ]; do
    t=$(run 1); if [ -z "$t1" ] || [ "$t" -lt "$t1" ]; then t1=$t; fi
    t=$(run 2); if [ -z "$t2" ] || [ "$t" -lt "$t2" ]; then t2=$t; fi
    i=$((i + 1))
done
cmp -s "$tmp/out-j1.txt" "$tmp/out-j2.txt" || { echo "outputs of -j1 and -j2 differ" >&2; exit 1; }
awk -v b="$bytes" -v t1="$t1" -v t2="$t2" -v n="$runs" 'BEGIN {
    printf "input       %.1f MB (corpus x 5), best of %d runs, -s to a file\n", b / 1e6, n
    printf "-j1         %.1f MB/s (%.3f s)\n", b / 1e6 / (t1 / 1e9), t1 / 1e9
    printf "-j2         %.1f MB/s (%.3f s)\n", b / 1e6 / (t2 / 1e9), t2 / 1e9
    printf "ratio       %.2fx\n", t1 / t2
}'
