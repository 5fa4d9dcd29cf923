#!/bin/sh
# Install the build into a temporary DESTDIR and run the package's tests
# against that copy: the import must come from the DESTDIR's site directory,
# with nothing from the build tree on the path.
#
# usage: test-installed.sh BUILD_DIR PYTHON SITE_DIR TESTS_DIR [on-path]
# With on-path, SITE_DIR must also be a folder the interpreter searches, so
# that after a real `meson install` `import sentiment` works as it is.
# Exit status: 0 pass, 1 fail.
set -u

build=$1
python=$2
site=$3
tests=$4
on_path=${5:-off-path}
meson=${MESON:-meson}

if [ "$on_path" = on-path ] &&
   ! "$python" -c 'import sys; sys.exit(sys.argv[1] not in sys.path)' "$site"; then
    echo "FAIL: $site is not on $python's sys.path" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sentiment-python-test.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# --no-rebuild: meson test has built everything already.
if ! "$meson" install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" \
        >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log" >&2
    echo "FAIL: meson install" >&2
    exit 1
fi
installed=$tmp/dest$site
if [ ! -f "$installed/sentiment/__init__.py" ]; then
    echo "FAIL: no sentiment package in $installed" >&2
    exit 1
fi

cd "$tmp" || exit 1
out=$(PYTHONPATH=$installed "$python" -c \
    'import sentiment; print(sentiment.sentiment("I love yogobella!"))') || exit 1
echo "$out"
[ "$out" = "Sentiment(polarity=0.625, subjectivity=0.6)" ] || {
    echo "FAIL: unexpected output" >&2
    exit 1
}
PYTHONPATH=$installed SENTIMENT_EXPECT_INSTALLED=$installed \
    exec "$python" "$tests/runtests.py" "$tests"
