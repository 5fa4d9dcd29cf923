"""sentiment.sentences(): TextBlob(text).sentences with their scores, against
the sentence vectors (byte offsets into the UTF-8 of each text)."""

import json
import os

import pytest

import sentiment
from conftest import QUICK, SHARED, TEST_DATA

def sentence_vectors():
    for path in (os.path.join(TEST_DATA, "vectors", "sentences-dev.jsonl"),
                 os.path.join(SHARED, "vectors", "sentences-dev.jsonl")):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                rows = [json.loads(line) for line in f]
            return rows[:300] if QUICK else rows
    pytest.skip("needs sentences-dev.jsonl (tests/vectors or ../shared/vectors), absent")


def utf8_offset(text, index):
    return len(text[:index].encode("utf-8", "surrogatepass"))


def expected(row, mode):
    suffix = "_py311" if mode == "py311" else ""
    return [(s["start"], s["end"], s["polarity" + suffix], s["subjectivity" + suffix])
            for s in row["sentences"]]


@pytest.mark.parametrize("mode", ["py311", "py312"])
def test_sentence_vectors(mode):
    a = sentiment.Analyzer(compat=mode)
    bad = []
    for row in sentence_vectors():
        t = row["text"]
        want = expected(row, mode)
        from_bytes = [(s.start, s.end, s.polarity, s.subjectivity) for s in a.sentences(t.encode())]
        from_str = [(utf8_offset(t, s.start), utf8_offset(t, s.end), s.polarity, s.subjectivity)
                    for s in a.sentences(t)]
        if from_bytes != want or from_str != want:
            bad.append((t, want, from_str))
    assert not bad, "%d texts differ, first: %r" % (len(bad), bad[:2])


@pytest.mark.parametrize("mode", ["py311", "py312"])
def test_each_sentence_scores_as_its_own_text(mode):
    # True of any splitter: a sentence is text[start:end] scored alone.
    a = sentiment.Analyzer(compat=mode)
    for row in sentence_vectors():
        t = row["text"]
        for s in a.sentences(t):
            assert 0 <= s.start < s.end <= len(t)
            assert s.text == t[s.start:s.end]
            assert s.sentiment == a.sentiment(s.text) == (s.polarity, s.subjectivity)


def test_indices_are_code_points():
    t = "  Café crème, très bon 😀 good "
    b = t.encode()
    [s] = sentiment.sentences(t)
    assert t[s.start:s.end] == s.text == s.raw
    assert s.text.strip() == t.strip()
    [sb] = sentiment.sentences(b)
    assert b[sb.start:sb.end] == sb.text
    assert isinstance(sb.text, bytes)
    assert sb.text.decode() == s.text
    assert (utf8_offset(t, s.start), utf8_offset(t, s.end)) == (sb.start, sb.end)
    assert s.sentiment == sentiment.sentiment(s.text)


def test_two_sentences_with_code_point_indices():
    # Checked with ../shared/reference/punkt_oracle.py (bytes 0-16, 17-40).
    t = "Très bon café. 😀 Ce n'est pas good."
    got = sentiment.sentences(t)
    assert [s.text for s in got] == ["Très bon café.", "😀 Ce n'est pas good."]
    assert [(s.start, s.end) for s in got] == [(0, 14), (15, 35)]


def test_no_sentence_in_empty_or_blank_text():
    for t in ("", "   ", "\n\t \r\n", b"", b"  \n"):
        assert sentiment.sentences(t) == []


def test_sentence_types():
    [s] = sentiment.sentences("I love it.")
    assert type(s) is sentiment.Sentence
    assert isinstance(s, tuple) and s._fields == ("start", "end", "text", "polarity", "subjectivity")
    assert type(s.start) is int and type(s.end) is int
    assert type(s.text) is str and type(s.polarity) is float and type(s.subjectivity) is float
    assert type(s.sentiment) is sentiment.Sentiment


def test_sentences_strict_utf8():
    strict = sentiment.Analyzer(strict_utf8=True)
    with pytest.raises(sentiment.Error) as e:
        strict.sentences(b"good. \xff bad.")
    assert e.value.code == sentiment.E_UTF8
    # Invalid bytes are U+FFFD otherwise; offsets stay the caller's bytes.
    [s] = sentiment.sentences(b"good \xff")
    assert s.text == b"good \xff"
