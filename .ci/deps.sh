#!/bin/sh
# Installs the Debian packages that building and testing libsentiment need,
# and only those that are missing, so it is cheap to run every time. This is
# the project's one package list: every script that installs something asks
# for a group of it.
#
# usage: .ci/deps.sh [GROUP...]   (default: build)
#   build     what `meson compile` needs (compiler, meson, utf8proc, expat)
#   test      build, and the test tools (cmocka, clang, valgrind, the example
#             server's libraries, abigail-tools, python3-nltk for the
#             sentence oracle, and the python group)
#   python    the Python binding: python3-dev, pytest, meson-python (with
#             patchelf, pip, venv) and the scale-out checks' Dask and pandas
#   lint      shellcheck and clang-format (.ci/shellcheck.sh, .ci/format.sh)
#   examples  the examples' end-to-end stages: nginx, headless Chromium, curl
#   node      Node.js and npm, for the examples' browser and manifest checks
#             (only asked for when there is no `node` already)
#   images    buildah, podman, runc and debootstrap (examples/tests/images.sh)
#   kube      what ../shared/k8s/up.sh starts a one-node cluster with
#             (examples/tests/kube.sh)
# The heavy groups are installed only by the stages that need them, so a
# plain `deps.sh test` stays quick.
set -eu

build="gcc libc6-dev meson ninja-build pkg-config python3 libutf8proc-dev libexpat1-dev"
python="python3-dev python3-pytest python3-mesonpy python3-pip python3-venv patchelf
        python3-dask python3-distributed python3-pandas"
packages=""
[ $# -gt 0 ] || set -- build
for group in "$@"; do
    case $group in
    build) packages="$packages $build" ;;
    test)
        packages="$packages $build g++ clang llvm libclang-rt-14-dev lld libcmocka-dev valgrind
                  libmicrohttpd-dev libjansson-dev libcurl4-openssl-dev abigail-tools
                  binutils make python3-nltk $python"
        ;;
    python) packages="$packages $build $python" ;;
    lint) packages="$packages shellcheck clang-format" ;;
    examples) packages="$packages nginx-light chromium fonts-dejavu-core curl python3" ;;
    node) packages="$packages nodejs npm" ;;
    images) packages="$packages podman buildah runc debootstrap" ;;
    kube)
        packages="$packages etcd-server containerd runc containernetworking-plugins iptables
                  conntrack socat dnsmasq-base openssl buildah gcc libc6-dev xz-utils curl"
        ;;
    *)
        echo "deps.sh: unknown group $group" >&2
        exit 2
        ;;
    esac
done

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
