#!/usr/bin/env bash
# rolling.sh BUILD_DIR: two logic replicas behind an nginx upstream (the
# Service's stand-in, nginx-upstream.conf.in), restarted in turn with
# SIGTERM while a bounded load runs through the web app: every request
# must succeed, and each restarted replica must take traffic again before
# the next goes down (stricter than minReadySeconds).
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
# shellcheck source=examples/tests/lib.sh disable=SC2154 # URL_*, PID_*: start_server
. "$(dirname "$0")/lib.sh"
sa_begin rolling "${1:-}"
{ need examples && need_node; } || { fail "rolling: .ci/deps.sh examples, npm ci"; sa_end; }

# Has replica R logged a scored request since its restart? Polls TENTHS/10 s.
took_traffic() { # took_traffic R TENTHS
    for _ in $(seq "$2"); do
        sed -n '/^--- restarted/,$p' "$WORK/logic_$1.log" |
            grep -q '"POST /analyse/sentiment" 200' && return 0
        sleep 0.1
    done
    return 1
}

rolling() {
    local port out status result stop=$WORK/load.stop load_pid r pid_var url_var
    start_server logic_a THREADS=1 || { fail "rolling: replica a starts"; return; }
    start_server logic_b THREADS=1 || { fail "rolling: replica b starts"; return; }
    port=$(free_port)
    mkdir -p "$WORK/svc"
    if ! render_template "$WORK/svc.conf" "$TESTS/nginx-upstream.conf.in" \
        PREFIX="$WORK/svc" LISTEN="127.0.0.1:$port" \
        REPLICA_A="127.0.0.1:${URL_logic_a##*:}" REPLICA_B="127.0.0.1:${URL_logic_b##*:}" ||
        ! start_nginx svc "$WORK/svc.conf" "$WORK/svc"; then
        fail "rolling: nginx starts"
        return
    fi
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
        pid_var=PID_logic_$r
        url_var=URL_logic_$r
        stop_pid "${!pid_var}"
        status=$?
        if [ "$status" -eq 0 ]; then
            pass "rolling: replica $r drains and exits 0 on SIGTERM"
        else
            fail "rolling: replica $r exit status $status"
        fi
        : >"$WORK/logic_$r.out"
        echo "--- restarted" >>"$WORK/logic_$r.log"
        if start_server "logic_$r" THREADS=1 PORT="${!url_var##*:}" &&
            wait_http "${!url_var}/readyz"; then
            pass "rolling: replica $r back and ready on its port"
        else
            fail "rolling: replica $r restart"
        fi
        # Before the next replica goes down, this one must be taking
        # traffic again (nginx retries a failed server after its
        # fail_timeout of 1 s).
        if took_traffic "$r" 50; then
            pass "rolling: restarted replica $r takes traffic again"
        else
            fail "rolling: restarted replica $r took no traffic within 5 s"
        fi
    done
    touch "$stop"
    wait "$load_pid"
    forget_pid "$load_pid"
    result=$(load_result "$WORK/load.out")
    echo "   load: $(cat "$WORK/load.out")"
    if [ -n "$result" ] && [ "${result#* }" = 0 ] && [ "${result% *}" -ge 300 ]; then
        pass "rolling: zero failed requests during the rolling restart (${result% *} requests)"
    else
        fail "rolling: failed requests or too little load: $(cat "$WORK/load.out")"
    fi
}
rolling
sa_end
