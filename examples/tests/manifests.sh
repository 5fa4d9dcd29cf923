#!/usr/bin/env bash
# manifests.sh: the Kubernetes manifests against the Kubernetes 1.27
# schemas (kubernetes-models) and our cross-checks; broken copies must fail
# (check-manifests.mjs).
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
# shellcheck source=examples/tests/lib.sh
. "$(dirname "$0")/lib.sh"
sa_begin manifests
need_node || { fail "manifests: npm ci"; sa_end; }
run_counted manifests 60 node "$TESTS/check-manifests.mjs" "$SA_ROOT/examples/deploy/k8s"
sa_end
