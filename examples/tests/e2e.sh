#!/usr/bin/env bash
# e2e.sh BUILD_DIR: the three tiers (nginx -> web app -> logic) driven by
# headless Chromium through playwright-core (e2e.mjs): typing, Send, Enter,
# the result line and its colour; the screenshot is kept in ARTIFACTS.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
# shellcheck source=examples/tests/lib.sh disable=SC2154 # URL_*, PID_*: start_server
. "$(dirname "$0")/lib.sh"
sa_begin e2e "${1:-}"
{ need examples && need_node; } || { fail "e2e: .ci/deps.sh examples, npm ci"; sa_end; }

if start_three_tiers; then
    run_counted e2e-three-tier 90 node "$TESTS/e2e.mjs" "$FRONT/" \
        "$ARTIFACTS/e2e-three-tier.png" three-tier
    if [ -s "$ARTIFACTS/e2e-three-tier.png" ]; then
        pass "three-tier: screenshot kept at $ARTIFACTS/e2e-three-tier.png"
    else
        fail "three-tier: no screenshot"
    fi
    check "three-tier: the logic tier scored the browser's requests" \
        grep -q '"POST /analyse/sentiment" 200' "$WORK/logic.log"
    check "three-tier: the web app forwarded them" grep -q '"POST /sentiment" 200' "$WORK/web.log"
    stop_pid "$PID_front" QUIT
fi
sa_end
