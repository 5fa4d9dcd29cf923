"""sentiment.assessments(): TextBlob(text).sentiment_assessments, checked
against `sentiment-cli --explain` (which prints them with Python's repr())
for every vector, and for its types."""

import os
import subprocess

import pytest

import sentiment
from conftest import all_vector_texts


def cli_explain(texts, mode):
    cli = os.environ.get("SENTIMENT_CLI")
    if not cli or not os.path.exists(cli):
        pytest.skip("needs the built sentiment-cli (SENTIMENT_CLI), absent")
    args = [cli, "-z", "--explain"] + (["--compat", "py311"] if mode == "py311" else [])
    data = b"".join(t.encode() + b"\0" for t in texts)
    out = subprocess.run(args, input=data, stdout=subprocess.PIPE, check=True).stdout
    rows = out.decode().split("\n")
    assert rows.pop() == ""
    return [tuple(r.split("\t")) for r in rows]


@pytest.mark.parametrize("mode", ["py311", "py312"])
def test_assessments_equal_the_cli(mode):
    texts = [t for t in all_vector_texts() if "\0" not in t]
    expected = cli_explain(texts, mode)
    a = sentiment.Analyzer(compat=mode)
    bad = []
    for t, (polarity, explained) in zip(texts, expected):
        got = a.assessments(t)
        if (repr(got.polarity), repr(got.assessments)) != (polarity, explained):
            bad.append((t, polarity, explained, got))
    assert len(expected) == len(texts)
    assert not bad, "%d of %d differ, first: %r" % (len(bad), len(texts), bad[:2])


@pytest.mark.parametrize("mode", ["py311", "py312"])
def test_assessments_agree_with_sentiment(mode):
    a = sentiment.Analyzer(compat=mode)
    for t in all_vector_texts():
        got = a.assessments(t)
        assert got[:2] == a.sentiment(t)


def test_assessment_types():
    got = sentiment.assessments("This is not very good! :) Crap (!)")
    assert type(got) is sentiment.SentimentAssessments
    assert got._fields == ("polarity", "subjectivity", "assessments")
    assert type(got.polarity) is float and type(got.subjectivity) is float
    assert type(got.assessments) is list and len(got.assessments) == 4
    for a in got.assessments:
        assert type(a) is tuple and len(a) == 4
        words, p, s, label = a
        assert type(words) is list and all(type(w) is str for w in words)
        assert type(p) is float and type(s) is float
        assert label is None or type(label) is str
    assert got.assessments[0][0] == ["not", "very", "good", "!"]
    assert [a[3] for a in got.assessments] == [None, "mood", "profanity", "irony"]
    assert repr(got).startswith("Sentiment(polarity=")


def test_no_assessment():
    assert sentiment.assessments("") == (0.0, 0.0, [])
    assert sentiment.assessments("the table") == (0.0, 0.0, [])
