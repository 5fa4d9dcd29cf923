#!/bin/sh
# libsentiment's sentences against TextBlob + NLTK on the same paragraphs,
# in one run: prints both throughputs and their ratio.
#
# usage: [TEXTBLOB_SRC=DIR] compare-punkt.sh BENCH_SENTENCES [CORPUS [LINES]]
#   BENCH_SENTENCES  the built tests/bench/bench-sentences
#   CORPUS           default ../shared/corpus/bench.txt; its first LINES
#                    lines (default 10000) are joined in paragraphs of 5
#   TEXTBLOB_SRC     a TextBlob source tree: TextBlob(p).sentences and each
#                    sentence's .sentiment, as the tutorial's service does;
#                    without it, ../shared/reference/punkt_oracle.py --ref
#                    (NLTK's Punkt and the reference scorer). PYTHON picks
#                    the interpreter (default /usr/bin/python3, which has
#                    Debian's python3-nltk).
set -eu
bench=$1
here=$(cd "$(dirname "$0")" && pwd)
corpus=${2:-$here/../../../shared/corpus/bench.txt}
lines=${3:-10000}
oracle=$here/../../../shared/reference/punkt_oracle.py

paragraphs=$(mktemp)
trap 'rm -f "$paragraphs" "$paragraphs.err"' EXIT
head -n "$lines" "$corpus" | paste -d ' ' - - - - - >"$paragraphs"

if [ -n "${TEXTBLOB_SRC:-}" ]; then
    who="TextBlob + NLTK"
    "${PYTHON:-/usr/bin/python3}" "$oracle" --timing <"$paragraphs" >/dev/null 2>"$paragraphs.err"
else
    who="NLTK + reference scorer (--ref)"
    "${PYTHON:-/usr/bin/python3}" "$oracle" --ref --timing <"$paragraphs" >/dev/null 2>"$paragraphs.err"
fi
theirs=$(sed -n 's/.*MB\/s=\([0-9.]*\).*/\1/p' "$paragraphs.err")
ours=$("$bench" "$paragraphs" 1 100 3 | sed -n 's/^throughput *\([0-9.]*\) MB\/s.*/\1/p')
echo "paragraphs  $(wc -l <"$paragraphs") of 5 lines, from the first $lines lines of $corpus"
echo "oracle      $theirs MB/s ($who, per-sentence scores)"
echo "libsentiment $ours MB/s (sentiment_analyzer_sentences, one thread)"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio       %.0fx\n", a / b }'
