#!/usr/bin/env bash
# .ci/examples.sh BUILD_DIR [STAGE...]: the heavier checks of examples/, run
# by .ci/run after the core tests. BUILD_DIR is a meson build directory in
# which examples/sentiment-server and examples/test-server are built.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
#
# Each stage is a script of its own in examples/tests/ (run one alone with
# `examples/tests/STAGE.sh BUILD_DIR`), bounded by `timeout`:
#   setup      the Debian packages (.ci/deps.sh examples) and npm ci
#   front      nginx -> web app -> logic with curl: the page, /sentiment, errors
#   e2e        the same three tiers driven by headless Chromium
#   rolling    two logic replicas behind nginx, restarted in turn under load
#   manifests  the Kubernetes manifests: schemas, cross-checks, broken copies
#   images     buildah builds the images, podman runs them
#   kube       the tutorial's walkthrough on a real one-node cluster
#   kube       the tutorial's walkthrough on a real one-node cluster
#
# Every stage prints PASS/FAIL/SKIP lines and "N passed, M failed"; a stage
# that exits 77 is skipped. The last line is the sum, and the exit status
# is 0 only if nothing failed. Environment: see examples/tests/lib.sh, and
# SA_SKIP_IMAGES=1 (skip images and kube).

set -uo pipefail

if [ $# -lt 1 ] || [ ! -x "$1/examples/sentiment-server" ]; then
    echo "usage: $0 BUILD_DIR [STAGE...] (with examples/sentiment-server built)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
shift
# One artifacts directory for every stage, those without a build too.
export SA_ARTIFACTS=${SA_ARTIFACTS:-$build/examples-artifacts}
tests=$(cd "$(dirname "$0")/../examples/tests" && pwd)
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(setup front e2e rolling manifests images kube)
passed=0
failed=0
skipped=0
start=$SECONDS

# Seconds each stage may take at most (the first images run bootstraps a
# Debian base; the cluster's own budget is five minutes).
limit() {
    case $1 in
    setup) echo 900 ;;
    images) echo 1200 ;;
    kube) echo 600 ;;
    *) echo 300 ;;
    esac
}

for stage in "${stages[@]}"; do
    echo "== $stage"
    log=$(mktemp)
    timeout "$(limit "$stage")" bash "$tests/$stage.sh" "$build" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    rm -f "$log"
    p=0 f=0 s=0
    if [ -n "$counts" ]; then
        p=${counts%% passed*}
        f=${counts#*, }
        f=${f%% failed*}
        [[ "$counts" == *skipped ]] && s=${counts##*failed, } && s=${s%% skipped}
    fi
    if [ "$rc" -eq 77 ] && [ "$s" -eq 0 ]; then
        s=1
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ] && [ "$f" -eq 0 ]; then
        echo "FAIL $stage: exited with status $rc"
        f=1
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
done

echo "examples took $((SECONDS - start)) s"
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
