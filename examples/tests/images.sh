#!/usr/bin/env bash
# images.sh BUILD_DIR: buildah builds both Dockerfiles (and the front end's
# green release, the tutorial's second tag) under the names the manifests
# use; podman runs them as the manifests do (non-root, read-only root file
# system, no capabilities), and the contract test and the browser test pass
# against the containers. kube.sh loads these images into the cluster.
# Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
#
# Without a registry, the Dockerfiles' base (debian:bookworm-slim) is made
# with debootstrap from the machine's own Debian mirror and imported under
# that name; the store is kept in SA_IMAGE_CACHE so later runs skip this.
# shellcheck source=examples/tests/lib.sh
. "$(dirname "$0")/lib.sh"
sa_begin images "${1:-}"

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

# container_url NAME: the URL the server in container NAME printed, in 10 s.
container_url() {
    for _ in $(seq 100); do
        "${PODMAN[@]}" logs "$1" 2>/dev/null | sed -n 's/^listening on //p' | grep . && return 0
        sleep 0.1
    done
    return 1
}

# shellcheck disable=SC2317 # called by at_exit
remove_containers() {
    local c
    for c in sa-ci-logic sa-ci-web sa-ci-front; do
        timeout 20 "${PODMAN[@]}" rm -f -t 2 "$c" >/dev/null 2>&1
    done
}

base_image() {
    local mirror
    timeout 20 "${PODMAN[@]}" image exists docker.io/library/debian:bookworm-slim && return 0
    mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
    mirror=${mirror:-http://deb.debian.org/debian}
    rm -rf "$CACHE/rootfs"
    if ! timeout 300 debootstrap --variant=minbase bookworm "$CACHE/rootfs" "$mirror" \
        >"$WORK/debootstrap.log" 2>&1 ||
        ! tar -C "$CACHE/rootfs" -c . | timeout 120 "${PODMAN[@]}" import \
            --change 'CMD ["/bin/bash"]' - docker.io/library/debian:bookworm-slim \
            >>"$WORK/debootstrap.log" 2>&1; then
        tail -n 5 "$WORK/debootstrap.log"
        return 1
    fi
    rm -rf "$CACHE/rootfs"
}

# build DOCKERFILE IMAGE [BUILDAH_ARGS...]
build() {
    local file=$1 image=$2 size user
    shift 2
    # --layers keeps the apt-get step of each build stage between runs.
    if ! timeout 400 buildah "${STORE[@]}" bud --isolation chroot --pull=never --layers \
        -f "examples/deploy/$file" -t "$image" "$@" "$WORK/ctx" >"$WORK/build-${image##*:}-$file.log" 2>&1; then
        fail "images: $file builds $image"
        tail -n 20 "$WORK/build-${image##*:}-$file.log"
        return 1
    fi
    size=$("${PODMAN[@]}" image inspect --format '{{.Size}}' "$image" | awk '{printf "%.1f MB", $1 / 1e6}')
    pass "images: $file builds $image ($size)"
    user=$("${PODMAN[@]}" image inspect --format '{{.Config.User}}' "$image")
    if [ "$user" = "65534:65534" ]; then
        pass "images: $image runs as 65534"
    else
        fail "images: $image user '$user'"
    fi
}

images() {
    local url_l url_w port c out page
    need images || { fail "images: .ci/deps.sh images"; return; }
    need_node || { fail "images: npm ci"; return; }
    podman_store
    base_image || { fail "images: base image debian:bookworm-slim from debootstrap"; return; }
    pass "images: base image debian:bookworm-slim available"

    # A clean build context: the sources without build trees or node_modules.
    mkdir -p "$WORK/ctx"
    # (--exclude-tag-all drops every meson build directory, wherever it is.)
    tar -C "$SA_ROOT" -c --exclude=./.git --exclude-tag-all=build.ninja \
        --exclude=node_modules . | tar -C "$WORK/ctx" -x
    cd "$SA_ROOT" || return
    build Dockerfile.server "$IMAGE_SERVER" || return
    build Dockerfile.frontend "$IMAGE_FRONTEND" || return
    build Dockerfile.frontend "$IMAGE_FRONTEND_GREEN" --build-arg SEND_COLOUR="$GREEN" || return
    # Rebuilds leave untagged images behind; drop those older than a day,
    # keeping the recent ones that --layers reuses.
    timeout 60 "${PODMAN[@]}" image prune -f --filter until=24h >/dev/null 2>&1

    # The green release differs from the first in the button's colour only.
    "${PODMAN[@]}" rm -f sa-ci-green >/dev/null 2>&1
    page=/usr/share/nginx/html/index.html
    if "${PODMAN[@]}" create --name sa-ci-green "$IMAGE_FRONTEND_GREEN" >/dev/null 2>&1 &&
        "${PODMAN[@]}" cp "sa-ci-green:$page" "$WORK/green.html" 2>/dev/null &&
        sed "s|--send: $GREEN;|--send: #00bcd4;|" "$WORK/green.html" |
        cmp -s - examples/frontend/index.html; then
        pass "images: $IMAGE_FRONTEND_GREEN is the page with a $GREEN Send button"
    else
        fail "images: $IMAGE_FRONTEND_GREEN's page"
    fi
    "${PODMAN[@]}" rm -f sa-ci-green >/dev/null 2>&1

    # Run like the Kubernetes manifests: non-root, read-only root file
    # system, no capabilities; host network so that all traffic stays on
    # 127.0.0.1. (podman's own tmpfs on /tmp under --read-only would shadow
    # the writable /tmp/nginx that the front end needs: turn it off.)
    local run=(run -d --network host --read-only --read-only-tmpfs=false --cap-drop ALL
        --security-opt no-new-privileges)
    "${PODMAN[@]}" rm -f sa-ci-logic sa-ci-web sa-ci-front >/dev/null 2>&1
    at_exit remove_containers
    if ! timeout 60 "${PODMAN[@]}" "${run[@]}" --name sa-ci-logic -e HOST=127.0.0.1 -e PORT=0 \
        "$IMAGE_SERVER" >/dev/null 2>"$WORK/podman.log" || ! url_l=$(container_url sa-ci-logic); then
        fail "images: logic container starts"
        cat "$WORK/podman.log"
        return
    fi
    pass "images: logic container starts ($url_l)"
    contract images-logic "$url_l" "the logic container"
    timeout 60 "${PODMAN[@]}" "${run[@]}" --name sa-ci-web -e HOST=127.0.0.1 -e PORT=0 \
        -e SA_LOGIC_API_URL="$url_l" "$IMAGE_SERVER" >/dev/null 2>>"$WORK/podman.log"
    if url_w=$(container_url sa-ci-web); then
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
        -v "$WORK/front-ctr.conf:/etc/nginx/nginx.conf:ro" "$IMAGE_FRONTEND" \
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
        if [ "$out" = 0 ]; then
            pass "images: $c stops cleanly (exit 0)"
        else
            fail "images: $c exit code '$out'"
        fi
        "${PODMAN[@]}" logs "$c" >"$WORK/$c.log" 2>&1
        "${PODMAN[@]}" rm -f "$c" >/dev/null 2>&1
    done
}

if [ "${SA_SKIP_IMAGES:-0}" = 1 ]; then
    skip "images (SA_SKIP_IMAGES=1)"
else
    images
fi
sa_end
