#!/usr/bin/env bash
# setup.sh: what the examples' stages need, installed once up front so that
# their times are their own: the Debian packages of .ci/deps.sh's
# "examples" group (nginx-light, chromium, curl) and the pinned npm
# packages (playwright-core, kubernetes-models, yaml).
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
# shellcheck source=examples/tests/lib.sh
. "$(dirname "$0")/lib.sh"
sa_begin setup

if need examples; then
    pass "setup: nginx-light, chromium, curl installed"
else
    fail "setup: .ci/deps.sh examples"
fi
if need_node; then
    pass "setup: npm ci (playwright-core, kubernetes-models pinned)"
else
    fail "setup: npm ci"
fi
sa_end
