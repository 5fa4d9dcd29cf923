"""Shared helpers of the sentiment package's tests.

Environment (set by python/tests/meson.build):
  SENTIMENT_TEST_DATA  the repository's tests/ folder (vectors)
  SENTIMENT_SHARED     ../shared (reference implementation, sentence vectors),
                       optional: what needs it skips when it is absent
  SENTIMENT_CLI        the built sentiment-cli, optional
  SENTIMENT_EXPECT_INSTALLED  a folder the imported package must come from
  SENTIMENT_TEST_QUICK  set under valgrind: fewer vectors
  TEXTBLOB_SRC         a TextBlob source tree, optional
"""

import functools
import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TEST_DATA = os.environ.get("SENTIMENT_TEST_DATA", os.path.join(REPO, "tests"))
SHARED = os.environ.get("SENTIMENT_SHARED", os.path.join(REPO, "..", "shared"))
QUICK = bool(os.environ.get("SENTIMENT_TEST_QUICK"))
VECTOR_FILES = ("edge.tsv", "uci-dev.tsv", "fuzz-dev.tsv")


def pytest_report_header(config):
    import sentiment
    return "sentiment %s from %s" % (sentiment.__version__, os.path.dirname(sentiment.__file__))


def pytest_sessionstart(session):
    expected = os.environ.get("SENTIMENT_EXPECT_INSTALLED")
    if expected:
        import sentiment
        import sentiment._sentiment as ext
        for f in (sentiment.__file__, ext.__file__):
            if not os.path.realpath(f).startswith(os.path.realpath(expected) + os.sep):
                pytest.exit("%s is not from the installed copy in %s" % (f, expected), 1)


def unescape(field):
    """The TSV escapes of tests/vectors/README.md: \\\\, \\n, \\r, \\t."""
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c == "\\" and i + 1 < len(field):
            out.append({"\\": "\\", "n": "\n", "r": "\r", "t": "\t"}[field[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


@functools.lru_cache(maxsize=None)
def _vectors(name):
    path = os.path.join(TEST_DATA, "vectors", name)
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("#"):
                continue
            if QUICK and len(rows) == 200:
                break
            text, p, s, p311, s311 = line.rstrip("\n").split("\t")
            rows.append((unescape(text), {"py312": (p, s), "py311": (p311, s311)}))
    return tuple(rows)


def read_vectors(name):
    """Rows (text, {"py312": (p, s), "py311": (p, s)}) of tests/vectors/NAME,
    numbers kept as the repr() strings of the file (the first 200 under
    SENTIMENT_TEST_QUICK)."""
    return list(_vectors(name))


def all_vector_texts():
    return [text for name in VECTOR_FILES for text, _ in read_vectors(name)]


def shared_path(*parts):
    """A file under ../shared, or a skip when it is not there."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip("needs ../shared/%s, absent" % "/".join(parts))
    return path


def interpreter_mode():
    return "py311" if sys.version_info < (3, 12) else "py312"
