"""Runs the package's pytest suite for meson test.

usage: runtests.py TESTS_DIR [pytest arguments]

Exits 77 (meson's skip) when pytest is missing or collects no test, so a
machine without python3-pytest reports a skip, not a failure.
"""

import sys

try:
    import pytest
except ImportError:
    print("SKIP: pytest is not installed (Debian python3-pytest)")
    sys.exit(77)

NO_TESTS_COLLECTED = 5

rc = pytest.main(["-q", "-rfEsx", "-p", "no:cacheprovider", "--rootdir", sys.argv[1]] + sys.argv[1:])
sys.exit(77 if rc == NO_TESTS_COLLECTED else int(rc))
