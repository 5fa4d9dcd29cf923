#!/bin/sh
# Installs the Debian packages that building and testing libsentiment need,
# and only those that are missing, so it is cheap to run every time.
#
# usage: .ci/deps.sh [build|test]
#   build  what `meson compile` needs (compiler, meson, utf8proc, expat)
#   test   also the test tools (cmocka, clang, valgrind, the example server's
#          libraries, abigail-tools, the Python binding's pytest, meson-python,
#          Dask and pandas)
set -eu

packages="gcc libc6-dev meson ninja-build pkg-config python3 libutf8proc-dev libexpat1-dev"
if [ "${1:-build}" = test ]; then
    packages="$packages g++ clang llvm libclang-rt-14-dev lld libcmocka-dev valgrind
              libmicrohttpd-dev libjansson-dev libcurl4-openssl-dev abigail-tools
              binutils make
              python3-dev python3-pytest python3-mesonpy python3-pip python3-venv patchelf
              python3-dask python3-distributed python3-pandas"
fi

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
