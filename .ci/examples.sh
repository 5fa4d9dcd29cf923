#!/usr/bin/env bash
# .ci/examples.sh BUILD_DIR: the heavier checks of examples/, run by .ci/run
# after the core tests. BUILD_DIR is a meson build directory in which
# examples/sentiment-server and examples/test-server are built.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
#
# Parts, each bounded by `timeout`:
#   setup      install nginx-light, chromium, curl; npm ci (pinned lock)
#   three-tier nginx -> sentiment-server (web app) -> sentiment-server (logic),
#              driven by headless Chromium through playwright-core
#   rolling    two logic replicas behind an nginx upstream, restarted in turn
#              with SIGTERM under load: zero failed requests
#   manifests  Kubernetes manifests: schemas (kubernetes-models) and our
#              cross-checks; broken copies must fail
#   images     buildah builds both Dockerfiles, podman runs them; the contract
#              test and the browser test pass against the containers
#
# Everything listens on 127.0.0.1 only. Every process started here is
# stopped at exit. One PASS/FAIL line per check; the last line is
# "N passed, M failed"; the exit status is 0 only if nothing failed.
#
# Environment: SA_ARTIFACTS (where the screenshots and, on failure, the logs
# go; default BUILD_DIR/examples-artifacts), SA_SKIP_IMAGES=1 (skip the
# images part, reported as skipped), SA_IMAGE_CACHE (image store kept
# between runs; default /var/tmp/libsentiment-images).

set -uo pipefail

if [ $# -ne 1 ] || [ ! -x "$1/examples/sentiment-server" ]; then
    echo "usage: $0 BUILD_DIR (with examples/sentiment-server built)" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER=$BUILD/examples/sentiment-server
TEST_SERVER=$BUILD/examples/test-server
TESTS=$ROOT/examples/tests
ARTIFACTS=${SA_ARTIFACTS:-$BUILD/examples-artifacts}
CACHE=${SA_IMAGE_CACHE:-/var/tmp/libsentiment-images}
mkdir -p "$ARTIFACTS"
WORK=$(mktemp -d /tmp/sa-examples.XXXXXX)
# nginx workers run as nobody and must read the web root under WORK.
chmod 755 "$WORK"
export DEBIAN_FRONTEND=noninteractive

PASSED=0
FAILED=0
SKIPPED=0
pass() { echo "PASS $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL $*"; FAILED=$((FAILED + 1)); }
check() { # check NAME COMMAND...: PASS if the command succeeds
    local name=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}

# ---- processes ------------------------------------------------------------

PIDS=()
CONTAINERS=()
PODMAN=()
cleanup() {
    local pid c
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for c in "${CONTAINERS[@]}"; do
        timeout 20 "${PODMAN[@]}" rm -f -t 2 "$c" >/dev/null 2>&1
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    if [ "$FAILED" -ne 0 ]; then
        mkdir -p "$ARTIFACTS/logs"
        cp "$WORK"/*.log "$WORK"/*.out "$ARTIFACTS/logs/" 2>/dev/null
        echo "logs kept in $ARTIFACTS/logs"
    fi
    [ -n "${SA_KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The URL a server printed on its stdout (it prints one line), within 10 s.
wait_url() { # wait_url OUTFILE
    local i
    for i in $(seq 100); do
        if grep -q '^listening on ' "$1" 2>/dev/null; then
            sed -n 's/^listening on //p' "$1" | head -n 1
            return 0
        fi
        sleep 0.1
    done
    return 1
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
    local pid=$1 sig=${2:-TERM} i status
    kill -"$sig" "$pid" 2>/dev/null
    for i in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    status=$?
    forget_pid "$pid"
    return "$status"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http() { # wait_http URL: 200 within 10 s
    local i
    for i in $(seq 100); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1")" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

post() { # post URL JSON: prints "STATUS BODY"
    curl -s --max-time 10 -H 'Content-Type: application/json' --data-binary "$2" \
        -w ' %{http_code}' "$1" | awk '{ status = $NF; $NF = ""; sub(/ $/, ""); print status " " $0 }'
}

# Render examples/frontend/nginx.conf for this machine: our port, our
# upstream servers, our web root and run directory. Fails if the shipped
# file no longer has the lines we replace.
render_nginx() { # render_nginx OUT LISTEN UPSTREAM_LINES WWW PREFIX
    local src=$ROOT/examples/frontend/nginx.conf
    grep -q 'listen 8080;' "$src" &&
        grep -q 'server sa-web-app-lb:80 max_fails=1 fail_timeout=1s;' "$src" || return 1
    mkdir -p "$5"
    sed -e "s|listen 8080;|listen $2;|" \
        -e "s|server sa-web-app-lb:80 max_fails=1 fail_timeout=1s;|$3|" \
        -e "s|/usr/share/nginx/html|$4|" \
        -e "s|/tmp/nginx|$5|g" "$src" >"$1"
}

start_nginx() { # start_nginx NAME CONF PREFIX
    timeout 10 nginx -t -q -c "$2" -p "$3/" -e stderr >>"$WORK/$1.log" 2>&1 || return 1
    nginx -c "$2" -p "$3/" -e stderr >"$WORK/$1.out" 2>>"$WORK/$1.log" &
    PIDS+=($!)
    printf -v "PID_$1" '%s' "$!"
}

# Run a program that prints its own PASS/FAIL lines; count them. A
# non-zero exit without any FAIL line is a failure of its own.
run_counted() { # run_counted NAME SECONDS COMMAND...
    local name=$1 secs=$2 out rc p f
    shift 2
    out=$WORK/$name.counted.log
    timeout "$secs" "$@" >"$out" 2>&1
    rc=$?
    cat "$out"
    p=$(grep -c '^PASS ' "$out")
    f=$(grep -c '^FAIL ' "$out")
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        fail "$name: exited with status $rc"
    fi
    return "$rc"
}

# contract NAME URL WHAT: the contract test (TAP) against a running server;
# one line for all its checks, plus one per failure.
contract() {
    local log=$WORK/contract-$1.log n
    timeout 60 "$TEST_SERVER" --url "$2" >"$log" 2>&1
    n=$(grep -c '^ok ' "$log")
    if ! grep -q '^not ok ' "$log" && [ "$n" -gt 50 ]; then
        pass "images: the contract test passes against $3 ($n checks)"
    else
        grep '^not ok ' "$log" | sed 's/^/    /'
        fail "images: the contract test against $3"
    fi
}

# ---- setup ------------------------------------------------------------------

# apt_install PACKAGE...: install what is missing (apt-get update only then).
apt_install() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "installing: ${missing[*]}"
    timeout 180 apt-get update -qq >/dev/null &&
        timeout 300 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

part_setup() {
    local t0=$SECONDS
    echo "== setup"
    if apt_install nginx-light chromium fonts-dejavu-core curl python3; then
        pass "setup: nginx-light, chromium, curl installed"
    else
        fail "setup: apt-get install nginx-light chromium"
    fi
    command -v node >/dev/null || apt_install nodejs npm
    # npm ci only when the lock changed since the last install.
    if cmp -s "$TESTS/package-lock.json" "$TESTS/node_modules/.sa-lock" 2>/dev/null ||
        (cd "$TESTS" && timeout 180 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error &&
            cp package-lock.json node_modules/.sa-lock); then
        pass "setup: npm ci (playwright-core, kubernetes-models pinned)"
    else
        fail "setup: npm ci"
    fi
    echo "   setup took $((SECONDS - t0)) s"
}

# ---- three tiers --------------------------------------------------------------

part_three_tier() {
    local t0=$SECONDS port out
    echo "== three tiers: nginx -> web app -> logic, in Chromium"
    start_server logic THREADS=2 || { fail "three-tier: logic tier starts"; return; }
    start_server web THREADS=2 SA_LOGIC_API_URL="$URL_logic" ||
        { fail "three-tier: web-app tier starts"; return; }
    mkdir -p "$WORK/www"
    cp "$ROOT/examples/frontend/index.html" "$WORK/www/"
    chmod -R a+rX "$WORK/www"
    port=$(free_port)
    if ! render_nginx "$WORK/front.conf" "127.0.0.1:$port" \
        "server 127.0.0.1:${URL_web##*:} max_fails=1 fail_timeout=1s;" \
        "$WORK/www" "$WORK/front" || ! start_nginx front "$WORK/front.conf" "$WORK/front"; then
        fail "three-tier: nginx starts with examples/frontend/nginx.conf"
        return
    fi
    FRONT="http://127.0.0.1:$port"
    check "three-tier: nginx serves the page" wait_http "$FRONT/"

    out=$(post "$FRONT/sentiment" '{"sentence":"I love yogobella!"}')
    [[ "$out" == 200\ *'"polarity":0.625,'* ]] &&
        pass "three-tier: POST /sentiment through nginx -> 200 polarity 0.625" ||
        fail "three-tier: POST /sentiment through nginx: $out"
    out=$(post "$FRONT/sentiment" '{"sentence":')
    [[ "$out" == 400\ *'"error"'* ]] &&
        pass "three-tier: a malformed request comes back as the web app's 400 JSON" ||
        fail "three-tier: malformed request: $out"

    run_counted e2e-three-tier 90 node "$TESTS/e2e.mjs" "$FRONT/" \
        "$ARTIFACTS/e2e-three-tier.png" three-tier
    [ -s "$ARTIFACTS/e2e-three-tier.png" ] &&
        pass "three-tier: screenshot kept at $ARTIFACTS/e2e-three-tier.png" ||
        fail "three-tier: no screenshot"

    check "three-tier: the logic tier scored the browser's requests" \
        grep -q '"POST /analyse/sentiment" 200' "$WORK/logic.log"
    check "three-tier: the web app forwarded them" grep -q '"POST /sentiment" 200' "$WORK/web.log"

    # Logic tier down: the web app's JSON 502 reaches the client.
    stop_pid "$PID_logic"
    out=$(post "$FRONT/sentiment" '{"sentence":"anyone there?"}')
    [[ "$out" == 502\ *'"error"'* ]] &&
        pass "three-tier: logic tier down -> 502 JSON error through nginx" ||
        fail "three-tier: logic down: $out"
    stop_pid "$PID_web"
    stop_pid "$PID_front" QUIT   # nginx's graceful stop
    echo "   three-tier took $((SECONDS - t0)) s"
}

# ---- rolling restart ------------------------------------------------------------

# Has replica R logged a scored request since its restart? Polls TENTHS/10 s.
took_traffic() { # took_traffic R TENTHS
    local i
    for i in $(seq "$2"); do
        sed -n '/^--- restarted/,$p' "$WORK/logic_$1.log" |
            grep -q '"POST /analyse/sentiment" 200' && return 0
        sleep 0.1
    done
    return 1
}

part_rolling() {
    local t0=$SECONDS r port status result stop=$WORK/load.stop load_pid
    echo "== rolling restart: two logic replicas behind nginx, under load"
    start_server logic_a THREADS=1 || { fail "rolling: replica a starts"; return; }
    start_server logic_b THREADS=1 || { fail "rolling: replica b starts"; return; }
    port=$(free_port)
    # nginx plays the Service sa-logic: round robin over the replicas; a
    # replica that refuses a connection is skipped for fail_timeout.
    cat >"$WORK/svc.conf" <<EOF
daemon off;
worker_processes 1;
pid $WORK/svc/nginx.pid;
error_log stderr notice;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path $WORK/svc/body;
    proxy_temp_path $WORK/svc/proxy;
    fastcgi_temp_path $WORK/svc/fastcgi;
    uwsgi_temp_path $WORK/svc/uwsgi;
    scgi_temp_path $WORK/svc/scgi;
    upstream sa_logic {
        server 127.0.0.1:${URL_logic_a##*:} max_fails=1 fail_timeout=1s;
        server 127.0.0.1:${URL_logic_b##*:} max_fails=1 fail_timeout=1s;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://sa_logic;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout non_idempotent;
        }
    }
}
EOF
    mkdir -p "$WORK/svc"
    start_nginx svc "$WORK/svc.conf" "$WORK/svc" || { fail "rolling: nginx starts"; return; }
    start_server web2 THREADS=2 SA_LOGIC_API_URL="http://127.0.0.1:$port" ||
        { fail "rolling: web app starts"; return; }
    wait_http "$URL_web2/readyz" || { fail "rolling: web app ready"; return; }
    out=$(post "$URL_web2/sentiment" '{"sentence":"I love yogobella!"}')
    [[ "$out" == 200\ * ]] || { fail "rolling: chain answers before the load: $out"; return; }

    timeout 60 node "$TESTS/load.mjs" "$URL_web2/sentiment" "$stop" 45 8 >"$WORK/load.out" 2>&1 &
    load_pid=$!
    PIDS+=("$load_pid")
    sleep 1.5
    for r in a b; do
        local pid_var=PID_logic_$r url_var=URL_logic_$r
        stop_pid "${!pid_var}"
        status=$?
        [ "$status" -eq 0 ] && pass "rolling: replica $r drains and exits 0 on SIGTERM" ||
            fail "rolling: replica $r exit status $status"
        : >"$WORK/logic_$r.out"
        echo "--- restarted" >>"$WORK/logic_$r.log"
        start_server "logic_$r" THREADS=1 PORT="${!url_var##*:}" &&
            wait_http "${!url_var}/readyz" &&
            pass "rolling: replica $r back and ready on its port" ||
            fail "rolling: replica $r restart"
        # Like minReadySeconds, and stricter: before the next replica goes
        # down, this one must be taking traffic again (nginx retries a
        # failed server after its fail_timeout of 1 s).
        if took_traffic "$r" 50; then
            pass "rolling: restarted replica $r takes traffic again"
        else
            fail "rolling: restarted replica $r took no traffic within 5 s"
        fi
    done
    touch "$stop"
    wait "$load_pid"
    forget_pid "$load_pid"
    result=$(cat "$WORK/load.out")
    echo "   load: $result"
    if python3 - "$result" <<'EOF'
import json, sys
r = json.loads(sys.argv[1])
sys.exit(0 if r["failed"] == 0 and r["total"] >= 300 and r["ok"] == r["total"] else 1)
EOF
    then
        pass "rolling: zero failed requests during the rolling restart ($(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["total"])' "$result") requests)"
    else
        fail "rolling: failed requests or too little load: $result"
    fi
    stop_pid "$PID_web2"
    stop_pid "$PID_logic_a"
    stop_pid "$PID_logic_b"
    stop_pid "$PID_svc" QUIT
    echo "   rolling took $((SECONDS - t0)) s"
}

# ---- manifests ----------------------------------------------------------------

part_manifests() {
    echo "== Kubernetes manifests"
    run_counted manifests 60 node "$TESTS/check-manifests.mjs" "$ROOT/examples/deploy/k8s"
}

# ---- images ---------------------------------------------------------------------

# Without a registry, the Dockerfiles' base (debian:bookworm-slim) is made
# with debootstrap from the machine's own Debian mirror and imported under
# that name; the store is kept in CACHE so later runs skip this step.
part_images() {
    local t0=$SECONDS mirror store out url_l url_w port c
    echo "== images: buildah builds, podman runs"
    if [ "${SA_SKIP_IMAGES:-0}" = 1 ]; then
        echo "SKIP images (SA_SKIP_IMAGES=1)"
        SKIPPED=$((SKIPPED + 1))
        return
    fi
    if ! apt_install podman buildah runc debootstrap; then
        fail "images: apt-get install podman buildah runc debootstrap"
        return
    fi
    mkdir -p "$CACHE"
    # podman's defaults ask for rlimits above this machine's hard limits and
    # crun cannot run on its hybrid cgroups: runc and lower ulimits do.
    cat >"$CACHE/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
EOF
    export CONTAINERS_CONF=$CACHE/containers.conf
    # overlay where the file system allows it (it does on these machines),
    # else vfs, which works anywhere but copies every layer.
    local driver=overlay
    timeout 60 podman --root "$CACHE/store-overlay" --runroot "$CACHE/run-overlay" \
        --storage-driver overlay info >/dev/null 2>&1 || driver=vfs
    store=(--root "$CACHE/store-$driver" --runroot "$CACHE/run-$driver" --storage-driver "$driver")
    PODMAN=(podman "${store[@]}")
    if ! timeout 20 podman "${store[@]}" image exists docker.io/library/debian:bookworm-slim; then
        mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
        mirror=${mirror:-http://deb.debian.org/debian}
        rm -rf "$CACHE/rootfs"
        if ! timeout 300 debootstrap --variant=minbase bookworm "$CACHE/rootfs" "$mirror" \
            >"$WORK/debootstrap.log" 2>&1 ||
            ! tar -C "$CACHE/rootfs" -c . | timeout 120 podman "${store[@]}" import \
                --change 'CMD ["/bin/bash"]' - docker.io/library/debian:bookworm-slim \
                >>"$WORK/debootstrap.log" 2>&1; then
            fail "images: base image debian:bookworm-slim from debootstrap"
            tail -n 5 "$WORK/debootstrap.log"
            return
        fi
        rm -rf "$CACHE/rootfs"
    fi
    pass "images: base image debian:bookworm-slim available"

    # A clean build context: the sources without build trees or node_modules.
    mkdir -p "$WORK/ctx"
    # (--exclude-tag-all drops every meson build directory, wherever it is.)
    tar -C "$ROOT" -c --exclude=./.git --exclude-tag-all=build.ninja \
        --exclude=node_modules . | tar -C "$WORK/ctx" -x
    # --layers keeps the apt-get step of each build stage between runs.
    for c in server frontend; do
        if timeout 400 buildah "${store[@]}" bud --isolation chroot --pull=never --layers \
            -f "examples/deploy/Dockerfile.$c" -t "localhost/sa-$c:ci" "$WORK/ctx" \
            >"$WORK/build-$c.log" 2>&1; then
            pass "images: Dockerfile.$c builds ($("${PODMAN[@]}" image inspect --format '{{.Size}}' "localhost/sa-$c:ci" | awk '{printf "%.1f MB", $1 / 1e6}'))"
        else
            fail "images: Dockerfile.$c builds"
            tail -n 20 "$WORK/build-$c.log"
            return
        fi
        # Rebuilds leave untagged images behind; drop those older than a
        # day, keeping the recent ones that --layers reuses.
        timeout 60 "${PODMAN[@]}" image prune -f --filter until=24h >/dev/null 2>&1
        out=$("${PODMAN[@]}" image inspect --format '{{.Config.User}}' "localhost/sa-$c:ci")
        [ "$out" = "65534:65534" ] && pass "images: sa-$c runs as 65534" || fail "images: sa-$c user '$out'"
    done

    # Run like the Kubernetes manifests: non-root, read-only root file
    # system, no capabilities; host network so that all traffic stays on
    # 127.0.0.1.
    # (podman's own tmpfs on /tmp under --read-only would shadow the
    # writable /tmp/nginx that the front end needs: turn it off.)
    local run=(run -d --network host --read-only --read-only-tmpfs=false --cap-drop ALL
        --security-opt no-new-privileges)
    "${PODMAN[@]}" rm -f sa-ci-logic sa-ci-web sa-ci-front >/dev/null 2>&1
    CONTAINERS+=(sa-ci-logic sa-ci-web sa-ci-front)
    if ! timeout 60 "${PODMAN[@]}" "${run[@]}" --name sa-ci-logic -e HOST=127.0.0.1 -e PORT=0 \
        localhost/sa-server:ci >/dev/null 2>"$WORK/podman.log" ||
        ! url_l=$(for i in $(seq 100); do
            "${PODMAN[@]}" logs sa-ci-logic 2>/dev/null | sed -n 's/^listening on //p' | grep . && break
            sleep 0.1
        done); then
        fail "images: logic container starts"
        cat "$WORK/podman.log"
        return
    fi
    pass "images: logic container starts ($url_l)"
    contract images-logic "$url_l" "the logic container"
    timeout 60 "${PODMAN[@]}" "${run[@]}" --name sa-ci-web -e HOST=127.0.0.1 -e PORT=0 \
        -e SA_LOGIC_API_URL="$url_l" localhost/sa-server:ci >/dev/null 2>>"$WORK/podman.log"
    url_w=$(for i in $(seq 100); do
        "${PODMAN[@]}" logs sa-ci-web 2>/dev/null | sed -n 's/^listening on //p' | grep . && break
        sleep 0.1
    done)
    if [ -n "$url_w" ]; then
        contract images-web "$url_w" "the web-app container (forwarding)"
    else
        fail "images: web-app container starts"
    fi
    port=$(free_port)
    render_nginx "$WORK/front-ctr.conf" "127.0.0.1:$port" \
        "server 127.0.0.1:${url_w##*:} max_fails=1 fail_timeout=1s;" \
        /usr/share/nginx/html /tmp/nginx
    chmod 644 "$WORK/front-ctr.conf"
    timeout 60 "${PODMAN[@]}" "${run[@]}" --name sa-ci-front --tmpfs /tmp/nginx:rw,mode=1777 \
        -v "$WORK/front-ctr.conf:/etc/nginx/nginx.conf:ro" localhost/sa-frontend:ci \
        >/dev/null 2>>"$WORK/podman.log"
    if [ -n "$url_w" ] && wait_http "http://127.0.0.1:$port/"; then
        pass "images: front-end container starts"
        run_counted e2e-containers 90 node "$TESTS/e2e.mjs" "http://127.0.0.1:$port/" \
            "$ARTIFACTS/e2e-containers.png" containers
    else
        fail "images: front-end container starts"
        "${PODMAN[@]}" logs sa-ci-front 2>&1 | tail -n 5
    fi
    for c in sa-ci-front sa-ci-web sa-ci-logic; do
        timeout 30 "${PODMAN[@]}" stop -t 10 "$c" >/dev/null 2>&1
        out=$("${PODMAN[@]}" inspect --format '{{.State.ExitCode}}' "$c" 2>/dev/null)
        [ "$out" = 0 ] && pass "images: $c stops cleanly (exit 0)" || fail "images: $c exit code '$out'"
        "${PODMAN[@]}" logs "$c" >"$WORK/$c.log" 2>&1
        "${PODMAN[@]}" rm -f "$c" >/dev/null 2>&1
    done
    CONTAINERS=()
    echo "   images took $((SECONDS - t0)) s"
}

# ---- main -------------------------------------------------------------------------

START=$SECONDS
part_setup
part_three_tier
part_rolling
part_manifests
part_images
echo "examples took $((SECONDS - START)) s"
if [ "$SKIPPED" -gt 0 ]; then
    echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
    echo "$PASSED passed, $FAILED failed"
fi
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
