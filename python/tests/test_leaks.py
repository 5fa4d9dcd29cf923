"""No reference or memory leaks: repeated calls leave the reference counts
of their arguments as they were and Python's traced memory flat."""

import gc
import sys
import tracemalloc

import pytest

import sentiment
from conftest import QUICK

TEXT = "This is not very good! :) But I love it. \ud800 Crap (!)"
TEXTS = [TEXT, TEXT.encode("utf-8", "replace"), bytearray(b"good \xff"), "great", ""]
STRICT = sentiment.Analyzer(strict_utf8=True)
# Valgrind checks leaks itself; there a few rounds suffice.
ROUNDS = 60 if QUICK else 500


def every_call():
    a = sentiment.default_analyzer
    for t in TEXTS:
        a.sentiment(t)
        a.polarity(t)
        a.subjectivity(t)
        a.assessments(t)
        a.sentences(t)
    a.score_many(TEXTS, jobs=2)
    for bad in (None, 3):
        with pytest.raises(TypeError):
            a.sentiment(bad)
    with pytest.raises(sentiment.Error):
        STRICT.sentiment(b"\xff")
    with pytest.raises(sentiment.Error):
        STRICT.score_many(["ok", b"\xff"])
    with pytest.raises(sentiment.Error):
        sentiment.Analyzer.from_xml(b"<a")
    with pytest.raises(ValueError):
        sentiment.Analyzer(compat="x")
    sentiment.Analyzer(compat="py312")


def test_reference_counts_of_arguments_do_not_change():
    every_call()
    before = [sys.getrefcount(t) for t in TEXTS] + [sys.getrefcount(sentiment.default_analyzer)]
    for _ in range(200):
        every_call()
    after = [sys.getrefcount(t) for t in TEXTS] + [sys.getrefcount(sentiment.default_analyzer)]
    assert after == before


def test_traced_memory_stays_flat():
    for _ in range(50):
        every_call()
    gc.collect()
    tracemalloc.start()
    try:
        for _ in range(50):
            every_call()
        gc.collect()
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(ROUNDS):
            every_call()
        gc.collect()
        last, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # A leak of one object per call would be ROUNDS x tens of calls x at
    # least 16 bytes; allow the allocator's own noise of a few KiB.
    assert last - first < 16 * 1024, (first, last)
