#!/bin/bash
# The Python binding's install routes and scale-out check, after the meson
# suites (which test the build tree and a DESTDIR install):
#
#   bash .ci/python.sh BUILD_DIR
#
# 1. pip: `pip install --no-build-isolation .` through meson-python into a
#    fresh virtual environment (with the system's site packages, where
#    Debian's meson-python is), then the done-when line and the pytest
#    suite against that copy;
# 2. Dask: examples/dask/check_dask.py on a LocalCluster of two worker
#    processes against the module of BUILD_DIR.
# Ends with "N passed, M failed".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
python=/usr/bin/python3
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sentiment-python-ci.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

step() {
    local name=$1
    shift
    echo "--- $name"
    "$@"
    local rc=$?
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
    elif [ "$rc" -eq 77 ]; then
        echo "skipped: $name"
    else
        failed=$((failed + 1))
        echo "FAILED: $name"
    fi
}

pip_route() {
    "$python" -m venv --system-site-packages "$tmp/venv" || return 1
    if ! (cd "$top" && "$tmp/venv/bin/python" -m pip install --quiet --no-build-isolation \
            --no-deps .) >"$tmp/pip.log" 2>&1; then
        tail -n 30 "$tmp/pip.log"
        return 1
    fi
    local site out
    site=$("$tmp/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')
    out=$(cd "$tmp" && "$tmp/venv/bin/python" -c \
        'import sentiment; print(sentiment.sentiment("I love yogobella!"))') || return 1
    echo "$out"
    [ "$out" = "Sentiment(polarity=0.625, subjectivity=0.6)" ] || return 1
    (cd "$tmp" && SENTIMENT_TEST_DATA=$top/tests SENTIMENT_SHARED=$top/../shared \
        SENTIMENT_CLI=$build/cli/sentiment-cli \
        SENTIMENT_EXPECT_INSTALLED=$site PYTHONDONTWRITEBYTECODE=1 \
        "$tmp/venv/bin/python" "$top/python/tests/runtests.py" "$top/python/tests") |
        tail -n 3
    # 0, or 77 when pytest is missing or found no test: a skip, not a failure
    return "${PIPESTATUS[0]}"
}

dask_check() {
    (cd "$tmp" && PYTHONPATH=$build/python \
        "$python" "$top/examples/dask/check_dask.py" "$top/tests" "$top/../shared")
}

step "pip install --no-build-isolation ." pip_route
step "Dask LocalCluster equals serial" dask_check
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
