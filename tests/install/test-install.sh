#!/bin/sh
# Install the current build into a temporary DESTDIR, then build
# examples/embed against that copy through pkg-config, exactly as a user of
# the installed library would, and run it. Also run the installed CLI.
#
# Usage: test-install.sh BUILD_DIR SOURCE_DIR [cli|nocli]
# Exit status: 0 pass, 1 fail, 77 skip (no make, C compiler or pkg-config).
# MESON, CC and PKG_CONFIG may be set to use other programs.

set -u

build=$1
src=$2
want_cli=${3:-cli}
meson=${MESON:-meson}
pkg_config=${PKG_CONFIG:-pkg-config}

fail() { echo "FAIL: $*" >&2; exit 1; }

for tool in make "${CC:-cc}" "$pkg_config"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: no $tool" >&2; exit 77; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sentiment-install-test.XXXXXX") || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT INT TERM
dest=$tmp/dest
work=$tmp/embed

# --no-rebuild: meson test has built everything, and a second ninja running
# in the same build directory while the tests run would be a bad idea.
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest" \
    >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "meson install"; }

pc=$(find "$dest" -name sentiment.pc | head -n 1)
[ -n "$pc" ] || fail "no sentiment.pc installed"
libdir=$(dirname "$(dirname "$pc")")
echo "installed: $pc"

# The .pc must not hand build-time settings to its users.
if grep -n -e SENTIMENT_BUILDING -e "$build" -e "$src" "$pc"; then
    fail "sentiment.pc leaks build settings"
fi

# pkg-config reads the .pc from the DESTDIR and puts the DESTDIR in front of
# its -I and -L paths, so the example sees the installed copy and nothing
# from the source or build tree.
PKG_CONFIG_PATH=$(dirname "$pc")
PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
if ls "$libdir"/libsentiment.so* >/dev/null 2>&1 ||
   ls "$libdir"/libsentiment*.dylib >/dev/null 2>&1; then
    shared=yes
else
    shared=no
    pkg_config="$pkg_config --static"
fi
echo "cflags: $($pkg_config --cflags sentiment)"
echo "libs:   $($pkg_config --libs sentiment)"
case $($pkg_config --cflags sentiment) in
    *"$dest"*) ;;
    *) fail "pkg-config --cflags does not point into the DESTDIR" ;;
esac
# sentiment.h includes no header of utf8proc or expat, so users need no
# flags of theirs: only -I into the installed tree. (A Requires.private on
# libutf8proc would hand out utf8proc's build-side -DUTF8PROC_EXPORTS.)
for flag in $($pkg_config --cflags sentiment); do
    case $flag in
        -I"$dest"/*) [ -d "${flag#-I}" ] || fail "pkg-config --cflags: $flag is no directory" ;;
        *) fail "pkg-config --cflags hands users a flag they do not need: $flag" ;;
    esac
done

mkdir "$work" || fail "mkdir"
cp "$src/examples/embed/embed.c" "$src/examples/embed/Makefile" "$work/" || fail "copy"
make -C "$work" PKG_CONFIG="$pkg_config" >"$tmp/make.log" 2>&1 ||
    { cat "$tmp/make.log" >&2; fail "building examples/embed"; }
cat "$tmp/make.log"

LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
DYLD_LIBRARY_PATH=$libdir
export LD_LIBRARY_PATH DYLD_LIBRARY_PATH

if [ $shared = yes ] && command -v ldd >/dev/null 2>&1; then
    ldd "$work/embed" | grep libsentiment
    ldd "$work/embed" | grep libsentiment | grep -q "$dest" ||
        fail "embed does not load the installed libsentiment"
fi

tab=$(printf '\t')
check() {
    expected=$1
    shift
    got=$("$@") || fail "$* exited with $?"
    [ "$got" = "$expected" ] || fail "$*: got '$got', expected '$expected'"
    echo "ok: $*"
}
check "0.625${tab}0.6" "$work/embed"
check "-0.26923076923076916${tab}0.46153846153846156" \
    "$work/embed" "This movie is not very good."
check "0.0${tab}0.0" "$work/embed" ""

if [ "$want_cli" = cli ]; then
    cli=$(find "$dest" -type f -name sentiment-cli | head -n 1)
    [ -n "$cli" ] || fail "sentiment-cli not installed"
    [ -n "$(find "$dest" -name 'sentiment-cli.1*')" ] || fail "man page not installed"
    # shellcheck disable=SC2016 # $1 is the inner shell's
    check "0.625${tab}0.6" sh -c 'echo "I love yogobella!" | "$1" -s' sh "$cli"
    "$cli" --version >/dev/null || fail "$cli --version"
fi
echo "PASS"
