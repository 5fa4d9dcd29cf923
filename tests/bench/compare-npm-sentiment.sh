#!/bin/sh
# libsentiment against the npm package "sentiment" on the same corpus, in
# one run: prints both throughputs and their ratio.
#
# usage: NPM_SENTIMENT=DIR compare-npm-sentiment.sh BENCH_SCORE [CORPUS]
#   BENCH_SCORE    the built tests/bench/bench-score
#   NPM_SENTIMENT  a directory holding node_modules/sentiment, made with
#                  `npm install --prefix DIR sentiment@5`
set -eu
bench=$1
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/../../../shared/corpus/bench.txt
[ -f "$corpus" ] || corpus=$here/corpus/public-domain.txt
corpus=${2:-$corpus}
: "${NPM_SENTIMENT:?set NPM_SENTIMENT to a directory with node_modules/sentiment}"

theirs=$(NODE_PATH="$NPM_SENTIMENT/node_modules" node "$here/npm-sentiment.js" "$corpus" |
         sed -n 's/^npm sentiment \([0-9.]*\) MB\/s.*/\1/p')
ours=$("$bench" "$corpus" 100 3 | sed -n 's/^throughput *\([0-9.]*\) MB\/s.*/\1/p')
echo "corpus       $corpus"
echo "npm sentiment $theirs MB/s"
echo "libsentiment  $ours MB/s (one thread)"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "ratio        %.0fx\n", a / b }'
