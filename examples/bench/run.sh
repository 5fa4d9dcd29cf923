#!/bin/sh
# examples/bench/run.sh SERVER_BINARY [WRK_THREADS] [SERVER_THREADS] [SECONDS]
#
# The benchmark of examples/README.md: wrk with 16 connections POSTing the
# tutorial's sentence to /analyse/sentiment on 127.0.0.1 for SECONDS
# (default 10). The server runs with ACCESS_LOG=0 (a log line per request
# would measure the disk) and is stopped at the end.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
set -eu
server=$1
wrk_threads=${2:-1}
server_threads=${3:-1}
seconds=${4:-10}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
ACCESS_LOG=0 HOST=127.0.0.1 PORT=0 THREADS=$server_threads "$server" >"$out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$out"' EXIT
i=0
until grep -q '^listening on ' "$out"; do
    i=$((i + 1))
    [ $i -lt 100 ] || { echo "server did not start" >&2; exit 1; }
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$out")
echo "wrk -t$wrk_threads -c16 -d${seconds}s, server THREADS=$server_threads"
wrk -t"$wrk_threads" -c16 -d"${seconds}s" --latency -s "$here/post.lua" "$url/analyse/sentiment"
