#!/usr/bin/env bash
# front.sh BUILD_DIR: the three tiers with curl: nginx with the shipped
# examples/frontend/nginx.conf serves the page and passes /sentiment to the
# web app, which forwards to the logic tier; their errors come through.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
# shellcheck source=examples/tests/lib.sh disable=SC2154 # URL_*, PID_*: start_server
. "$(dirname "$0")/lib.sh"
sa_begin three-tier "${1:-}"
need examples || { fail "three-tier: .ci/deps.sh examples"; sa_end; }

if start_three_tiers; then
    pass "three-tier: nginx serves the page"
    out=$(post "$FRONT/sentiment" '{"sentence":"I love yogobella!"}')
    if [[ "$out" == 200\ *'"polarity":0.625,'* ]]; then
        pass "three-tier: POST /sentiment through nginx -> 200 polarity 0.625"
    else
        fail "three-tier: POST /sentiment through nginx: $out"
    fi
    out=$(post "$FRONT/sentiment" '{"sentence":')
    if [[ "$out" == 400\ *'"error"'* ]]; then
        pass "three-tier: a malformed request comes back as the web app's 400 JSON"
    else
        fail "three-tier: malformed request: $out"
    fi
    check "three-tier: the logic tier scored the request" \
        grep -q '"POST /analyse/sentiment" 200' "$WORK/logic.log"
    check "three-tier: the web app forwarded it" grep -q '"POST /sentiment" 200' "$WORK/web.log"

    # Logic tier down: the web app's JSON 502 reaches the client.
    stop_pid "$PID_logic"
    out=$(post "$FRONT/sentiment" '{"sentence":"anyone there?"}')
    if [[ "$out" == 502\ *'"error"'* ]]; then
        pass "three-tier: logic tier down -> 502 JSON error through nginx"
    else
        fail "three-tier: logic down: $out"
    fi
    stop_pid "$PID_web"
    stop_pid "$PID_front" QUIT   # nginx's graceful stop
fi
sa_end
