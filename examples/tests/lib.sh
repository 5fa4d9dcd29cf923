# shellcheck shell=bash disable=SC2034,SC2154
# (SC2034: the variables set here are the stages'; SC2154: start_server
# and start_nginx set URL_<NAME> and PID_<NAME> with printf -v.)
# lib.sh: what the examples' stage scripts (examples/tests/*.sh) share.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
#
# A stage sources this file, calls sa_begin, reports with pass/fail/skip
# and ends with `sa_end`, which prints "N passed, M failed" (", K skipped"
# when some were) and exits 0 only if nothing failed, 77 if everything was
# skipped (meson's and .ci/examples.sh's "skipped").
#
# Environment: SA_ARTIFACTS (screenshots and, on failure, logs; default
# BUILD_DIR/examples-artifacts or /tmp/sa-artifacts), SA_KEEP_WORK=1 (keep
# the scratch directory), SA_IMAGE_CACHE (the podman store kept between
# runs; default /var/tmp/libsentiment-images).

set -uo pipefail

SA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TESTS=$SA_ROOT/examples/tests
PASSED=0
FAILED=0
SKIPPED=0
export DEBIAN_FRONTEND=noninteractive

pass() { echo "PASS $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $*"; FAILED=$((FAILED + 1)); }
skip() { echo "SKIP $*"; SKIPPED=$((SKIPPED + 1)); }
# check NAME COMMAND...: PASS if the command succeeds.
check() {
    local name=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}

# sa_begin STAGE [BUILD_DIR]: the scratch directory WORK (removed at exit),
# ARTIFACTS, and with a build directory (required when the argument is
# given, even empty) SERVER and TEST_SERVER.
sa_begin() {
    STAGE=$1
    if [ $# -ge 2 ]; then
        if [ -z "$2" ] || [ ! -x "$2/examples/sentiment-server" ]; then
            echo "usage: $0 BUILD_DIR (a meson build directory with examples/sentiment-server built)" >&2
            exit 2
        fi
        BUILD=$(cd "$2" && pwd)
        SERVER=$BUILD/examples/sentiment-server
        TEST_SERVER=$BUILD/examples/test-server
        ARTIFACTS=${SA_ARTIFACTS:-$BUILD/examples-artifacts}
    else
        ARTIFACTS=${SA_ARTIFACTS:-/tmp/sa-artifacts}
    fi
    CACHE=${SA_IMAGE_CACHE:-/var/tmp/libsentiment-images}
    mkdir -p "$ARTIFACTS"
    WORK=$(mktemp -d "/tmp/sa-$STAGE.XXXXXX")
    # nginx workers run as nobody and must read the web root under WORK.
    chmod 755 "$WORK"
    STAGE_START=$SECONDS
    trap sa_cleanup EXIT
    trap 'exit 130' INT TERM
}

sa_end() {
    echo "   $STAGE took $((SECONDS - STAGE_START)) s"
    if [ "$SKIPPED" -gt 0 ]; then
        echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
    else
        echo "$PASSED passed, $FAILED failed"
    fi
    [ "$FAILED" -eq 0 ] || exit 1
    [ "$PASSED" -gt 0 ] || exit 77
    exit 0
}

# ---- processes and cleanup -------------------------------------------------

PIDS=()
AT_EXIT=()
# at_exit COMMAND: run at exit, before the processes are stopped, last
# registered first (e.g. stopping containers, a cluster).
at_exit() { AT_EXIT=("$*" "${AT_EXIT[@]}"); }

sa_cleanup() {
    local pid cmd
    for cmd in "${AT_EXIT[@]}"; do
        eval "$cmd"
    done
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    if [ "$FAILED" -ne 0 ]; then
        mkdir -p "$ARTIFACTS/logs/$STAGE"
        cp -r "$WORK"/*.log "$WORK"/*.out "$ARTIFACTS/logs/$STAGE/" 2>/dev/null
        echo "logs kept in $ARTIFACTS/logs/$STAGE"
    fi
    [ -n "${SA_KEEP_WORK:-}" ] || rm -rf "$WORK"
}

# Take a reaped process off the list, so that cleanup never signals a PID
# that the system may have given to someone else since.
forget_pid() {
    local i
    for i in "${!PIDS[@]}"; do
        [ "${PIDS[$i]}" = "$1" ] && unset 'PIDS[i]'
    done
}

# stop_pid PID [SIGNAL]: signal (TERM), wait up to 10 s, then KILL; returns
# the exit status.
stop_pid() {
    local pid=$1 sig=${2:-TERM} status
    kill -"$sig" "$pid" 2>/dev/null
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    forget_pid "$pid"
    return "$status"
}

# ---- packages -------------------------------------------------------------

# need GROUP...: the Debian packages of these groups of .ci/deps.sh, the
# project's one package list (it installs only what is missing).
need() {
    local g
    for g in "$@"; do
        timeout 600 sh "$SA_ROOT/.ci/deps.sh" "$g" || return 1
    done
}

# need_node: node and the pinned npm packages of examples/tests (npm ci
# only when the lock changed since the last install).
need_node() {
    command -v node >/dev/null || need node || return 1
    cmp -s "$TESTS/package-lock.json" "$TESTS/node_modules/.sa-lock" 2>/dev/null && return 0
    (cd "$TESTS" && timeout 180 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error &&
        cp package-lock.json node_modules/.sa-lock)
}

# ---- servers and HTTP -------------------------------------------------------

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The URL a server printed on its stdout (it prints one line), within 10 s.
wait_url() { # wait_url OUTFILE
    for _ in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then
            sed -n 's/^listening on //p' "$1" | head -n 1
            return 0
        fi
        sleep 0.1
    done
    return 1
}

wait_http() { # wait_http URL [TENTHS]: 200 within TENTHS/10 s (10 s)
    for _ in $(seq "${2:-100}"); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1")" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

post() { # post URL JSON: prints "STATUS BODY"
    curl -s --max-time 10 -H 'Content-Type: application/json' --data-binary "$2" \
        -w ' %{http_code}' "$1" | awk '{ status = $NF; $NF = ""; sub(/ $/, ""); print status " " $0 }'
}

# start_server NAME [VAR=VALUE...]: start sentiment-server on a free port;
# sets URL_<NAME> and PID_<NAME>.
start_server() {
    local name=$1 url
    shift
    env HOST=127.0.0.1 PORT=0 "$@" "$SERVER" >"$WORK/$name.out" 2>>"$WORK/$name.log" &
    PIDS+=($!)
    printf -v "PID_$name" '%s' "$!"
    if url=$(wait_url "$WORK/$name.out"); then
        printf -v "URL_$name" '%s' "$url"
        return 0
    fi
    return 1
}

# render_nginx OUT LISTEN UPSTREAM_LINES WWW PREFIX: examples/frontend/nginx.conf
# for this machine: our port, our upstream servers, our web root and run
# directory. Fails if the shipped file no longer has the lines replaced.
render_nginx() {
    local src=$SA_ROOT/examples/frontend/nginx.conf
    grep -q 'listen 8080;' "$src" &&
        grep -q 'server sa-web-app-lb:80 max_fails=1 fail_timeout=1s;' "$src" || return 1
    mkdir -p "$5"
    sed -e "s|listen 8080;|listen $2;|" \
        -e "s|server sa-web-app-lb:80 max_fails=1 fail_timeout=1s;|$3|" \
        -e "s|/usr/share/nginx/html|$4|" \
        -e "s|/tmp/nginx|$5|g" "$src" >"$1"
}

# render_template OUT TEMPLATE NAME=VALUE...: TEMPLATE with each @NAME@
# replaced; fails if a placeholder is left.
render_template() {
    local out=$1 src=$2 kv args=()
    shift 2
    for kv in "$@"; do
        args+=(-e "s|@${kv%%=*}@|${kv#*=}|g")
    done
    sed "${args[@]}" "$src" >"$out" && ! grep -q '@[A-Z_]*@' "$out"
}

start_nginx() { # start_nginx NAME CONF PREFIX: sets PID_<NAME>
    timeout 10 nginx -t -q -c "$2" -p "$3/" -e stderr >>"$WORK/$1.log" 2>&1 || return 1
    nginx -c "$2" -p "$3/" -e stderr >"$WORK/$1.out" 2>>"$WORK/$1.log" &
    PIDS+=($!)
    printf -v "PID_$1" '%s' "$!"
}

# start_three_tiers: logic and web-app servers and nginx with the shipped
# config and page, as in the tutorial; sets FRONT (the page's URL),
# PID_logic, PID_web, PID_front.
start_three_tiers() {
    local port
    start_server logic THREADS=2 || { fail "$STAGE: logic tier starts"; return 1; }
    start_server web THREADS=2 SA_LOGIC_API_URL="$URL_logic" ||
        { fail "$STAGE: web-app tier starts"; return 1; }
    mkdir -p "$WORK/www"
    cp "$SA_ROOT/examples/frontend/index.html" "$WORK/www/"
    chmod -R a+rX "$WORK/www"
    port=$(free_port)
    if ! render_nginx "$WORK/front.conf" "127.0.0.1:$port" \
        "server 127.0.0.1:${URL_web##*:} max_fails=1 fail_timeout=1s;" \
        "$WORK/www" "$WORK/front" || ! start_nginx front "$WORK/front.conf" "$WORK/front"; then
        fail "$STAGE: nginx starts with examples/frontend/nginx.conf"
        return 1
    fi
    FRONT="http://127.0.0.1:$port"
    wait_http "$FRONT/" || { fail "$STAGE: nginx serves the page"; return 1; }
}

# run_counted NAME SECONDS COMMAND...: run a program that prints its own
# PASS/FAIL lines and count them. A non-zero exit without any FAIL line is
# a failure of its own.
run_counted() {
    local name=$1 secs=$2 out rc f
    shift 2
    out=$WORK/$name.counted.log
    timeout "$secs" "$@" >"$out" 2>&1
    rc=$?
    count_lines "$out"
    f=$(grep -c '^FAIL ' "$out")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        fail "$name: exited with status $rc"
    fi
    return "$rc"
}

# count_lines FILE: show the PASS/FAIL/SKIP lines that a program or a
# subshell wrote to FILE, and count them.
count_lines() {
    cat "$1"
    PASSED=$((PASSED + $(grep -c '^PASS ' "$1")))
    FAILED=$((FAILED + $(grep -c '^FAIL ' "$1")))
    SKIPPED=$((SKIPPED + $(grep -c '^SKIP ' "$1")))
}

# load_result FILE: the JSON line of load.mjs as "TOTAL FAILED", or fails.
load_result() {
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["total"], r["failed"])' "$1" 2>/dev/null
}

# ---- container images ---------------------------------------------------------

# podman_store: PODMAN, the podman command on the image store kept in
# CACHE between runs, with the settings this machine kind needs.
podman_store() {
    local driver=overlay
    mkdir -p "$CACHE"
    # podman's defaults ask for rlimits above this machine's hard limits and
    # crun cannot run on its hybrid cgroups: runc and lower ulimits do.
    cp "$TESTS/containers.conf" "$CACHE/containers.conf"
    export CONTAINERS_CONF=$CACHE/containers.conf
    # overlay where the file system allows it (it does on these machines),
    # else vfs, which works anywhere but copies every layer.
    timeout 60 podman --root "$CACHE/store-overlay" --runroot "$CACHE/run-overlay" \
        --storage-driver overlay info >/dev/null 2>&1 || driver=vfs
    STORE=(--root "$CACHE/store-$driver" --runroot "$CACHE/run-$driver" --storage-driver "$driver")
    PODMAN=(podman "${STORE[@]}")
}

# The images, under the names the manifests give them (a short name such as
# libsentiment/sa-frontend is docker.io's, for Kubernetes as for docker),
# and the green release's Send button (Material green 500).
IMAGE_SERVER=docker.io/libsentiment/sentiment-server:1.0.0
IMAGE_FRONTEND=docker.io/libsentiment/sa-frontend:1.0.0
IMAGE_FRONTEND_GREEN=docker.io/libsentiment/sa-frontend:green
GREEN='#4caf50'
