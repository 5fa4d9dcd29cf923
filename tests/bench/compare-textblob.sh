#!/bin/sh
# libsentiment against TextBlob itself, on the same slice of the corpus, in
# one run: prints both throughputs and their ratio.
#
# usage: TEXTBLOB_SRC=DIR compare-textblob.sh BENCH_SCORE [CORPUS [LINES]]
#   BENCH_SCORE  the built tests/bench/bench-score
#   TEXTBLOB_SRC a TextBlob source tree, as ../shared/reference/
#                textblob_oracle.py expects (with Debian's python3-nltk;
#                PYTHON picks the interpreter, default /usr/bin/python3)
set -eu
bench=$1
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/../../../shared/corpus/bench.txt
[ -f "$corpus" ] || corpus=$here/corpus/public-domain.txt
corpus=${2:-$corpus}
lines=${3:-10000}
oracle=$here/../../../shared/reference/textblob_oracle.py
: "${TEXTBLOB_SRC:?set TEXTBLOB_SRC to a TextBlob source tree}"
[ -f "$oracle" ] || { echo "compare-textblob: needs $oracle (../shared beside the repository)" >&2; exit 77; }

slice=$(mktemp)
trap 'rm -f "$slice" "$slice.err"' EXIT
head -n "$lines" "$corpus" >"$slice"

"${PYTHON:-/usr/bin/python3}" "$oracle" --timing <"$slice" >/dev/null 2>"$slice.err"
textblob=$(sed -n 's/.*MB\/s=\([0-9.]*\).*/\1/p' "$slice.err")
ours=$("$bench" "$slice" 100 3 | sed -n 's/^throughput *\([0-9.]*\) MB\/s.*/\1/p')
echo "slice       $lines lines of $corpus"
echo "TextBlob    $textblob MB/s"
echo "libsentiment $ours MB/s (one thread)"
awk -v a="$ours" -v b="$textblob" 'BEGIN { printf "ratio       %.0fx\n", a / b }'
