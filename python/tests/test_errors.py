"""Bad input and bad options: the right exception, never a crash, and every
other text still answered."""

import copy
import os
import pickle

import pytest

import sentiment
from conftest import REPO

CALLS = ("sentiment", "polarity", "subjectivity", "assessments", "sentences")


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("value", [None, 1, 1.5, ["good"], ("good",), object(), {"good": 1}])
def test_not_text_is_a_type_error(call, value):
    with pytest.raises(TypeError, match="text must be str or bytes"):
        getattr(sentiment, call)(value)


def test_bytes_like_objects_are_text():
    want = sentiment.sentiment("good movie")
    for value in (b"good movie", bytearray(b"good movie"), memoryview(b"good movie")):
        assert sentiment.sentiment(value) == want
    assert sentiment.score_many([bytearray(b"good movie"), memoryview(b"xgood movie")[1:]]) == [want, want]


def test_score_many_arguments():
    with pytest.raises(TypeError, match="one text"):
        sentiment.score_many("good")
    with pytest.raises(TypeError, match="one text"):
        sentiment.score_many(b"good")
    with pytest.raises(TypeError):
        sentiment.score_many(5)
    with pytest.raises(TypeError, match="text must be str or bytes"):
        sentiment.score_many(["good", None])
    with pytest.raises(ValueError, match="jobs"):
        sentiment.score_many(["good"], jobs=0)
    with pytest.raises(TypeError):
        sentiment.score_many(["good"], jobs=1.5)
    assert sentiment.score_many([]) == []
    assert sentiment.score_many(iter(["good", "bad"]), jobs=64) == [
        sentiment.sentiment("good"), sentiment.sentiment("bad")]


def test_bad_options():
    with pytest.raises(ValueError, match="compat"):
        sentiment.Analyzer(compat="py310")
    with pytest.raises(TypeError, match="compat"):
        sentiment.Analyzer(compat=311)
    with pytest.raises(TypeError):
        sentiment.Analyzer(unknown=True)
    with pytest.raises(TypeError):
        sentiment.Analyzer(lexicon=42)
    with pytest.raises(TypeError, match="strict_utf8"):
        sentiment.Analyzer(strict_utf8="no")
    with pytest.raises(TypeError, match="strict_utf8"):
        sentiment.Analyzer.from_xml(b"<s/>", strict_utf8=1)
    assert sentiment.Analyzer(strict_utf8=False).strict_utf8 is False


def test_invalid_utf8_is_replaced_or_rejected():
    bad = b"good \xff\xfe movie \xed\xa0\x80 \xc3"
    assert sentiment.sentiment(bad) == sentiment.sentiment(bad.decode("utf-8", "replace"))
    strict = sentiment.Analyzer(strict_utf8=True)
    assert strict.strict_utf8 is True
    for call in CALLS:
        with pytest.raises(sentiment.Error) as e:
            getattr(strict, call)(bad)
        assert e.value.code == sentiment.E_UTF8
        assert e.value.strerror == sentiment.strerror(sentiment.E_UTF8)
        assert str(e.value) == e.value.strerror
    with pytest.raises(sentiment.Error) as e:
        strict.score_many(["good", b"ok", bad, "fine"], jobs=2)
    assert e.value.code == sentiment.E_UTF8 and e.value.index == 2
    many = ["good"] * 1000
    many[700] = many[900] = bad
    for jobs in (1, 2, 3):
        with pytest.raises(sentiment.Error) as e:
            strict.score_many(many, jobs=jobs)
        assert e.value.index == 700
    assert strict.sentiment(b"good") == sentiment.sentiment("good")


def test_nul_bytes_huge_and_empty_text_are_just_text():
    assert sentiment.sentiment("") == (0.0, 0.0)
    assert sentiment.sentiment(b"") == (0.0, 0.0)
    assert sentiment.sentiment("good\0movie") == sentiment.sentiment(b"good\0movie")
    huge = "a good movie " * 400_000
    got = sentiment.sentiment(huge)
    assert got == sentiment.sentiment(huge.encode()) == sentiment.score_many([huge], jobs=2)[0]
    assert 0.69 < got.polarity < 0.71
    assert sentiment.sentiment("x" * 5_000_000 + " good") == sentiment.sentiment("good")


def test_missing_lexicon_file(tmp_path):
    path = str(tmp_path / "missing.xml")
    with pytest.raises(sentiment.Error) as e:
        sentiment.Analyzer(lexicon=path)
    assert e.value.code == sentiment.E_IO
    assert e.value.filename == path
    assert e.value.strerror == sentiment.strerror(sentiment.E_IO)


def test_malformed_lexicons():
    with pytest.raises(sentiment.Error) as e:
        sentiment.Analyzer.from_xml(b'<sentiment>\n<word form="good" polarity="0.7"\n')
    assert e.value.code == sentiment.E_XML and e.value.line is not None
    with pytest.raises(sentiment.Error) as e:
        sentiment.Analyzer.from_xml('<sentiment>\n\n<word form="good" polarity="much"/>\n</sentiment>')
    assert e.value.code == sentiment.E_LEXICON and e.value.line == 3
    assert "(line 3)" in str(e.value)
    with pytest.raises(TypeError):
        sentiment.Analyzer.from_xml(None)


def test_lexicon_file_and_buffer(tmp_path):
    xml = os.path.join(REPO, "data", "en-sentiment.xml")
    for a in (sentiment.Analyzer(lexicon=xml), sentiment.Analyzer(lexicon=os.fsencode(xml)),
              sentiment.Analyzer.from_xml(open(xml, "rb").read())):
        assert a.lexicon_size == sentiment.default_analyzer.lexicon_size == 2860
        assert a.sentiment("not very good :)") == sentiment.sentiment("not very good :)")
    small = tmp_path / "small.xml"
    small.write_text('<sentiment><word form="yay" pos="UH" polarity="0.5" subjectivity="1.0" '
                     'intensity="1.0"/></sentiment>')
    a = sentiment.Analyzer(lexicon=small, compat="py312")
    assert a.lexicon == str(small) and a.compat == "py312"
    assert a.sentiment("yay good") == (0.5, 1.0)


def test_errors_pickle():
    e = sentiment.Error(sentiment.E_XML, sentiment.strerror(sentiment.E_XML), line=4)
    e2 = pickle.loads(pickle.dumps(e))
    assert (type(e2), str(e2), e2.code, e2.line) == (sentiment.Error, str(e), e.code, 4)


def test_analyzers_are_immutable_and_pickle(tmp_path):
    a = sentiment.Analyzer(compat="py312", strict_utf8=True)
    with pytest.raises(AttributeError):
        a.compat = "py311"
    with pytest.raises(AttributeError):
        a.anything = 1
    assert copy.copy(a) is a and copy.deepcopy(a) is a
    for b in (a, sentiment.Analyzer.from_xml(b'<s><word form="yay" polarity="0.5"/></s>'),
              sentiment.Analyzer(lexicon=os.path.join(REPO, "data", "en-sentiment.xml"))):
        c = pickle.loads(pickle.dumps(b))
        assert type(c) is sentiment.Analyzer and c is not b
        assert (c.compat, c.strict_utf8, c.lexicon, c.lexicon_size) == (
            b.compat, b.strict_utf8, b.lexicon, b.lexicon_size)
        assert c.sentiment("yay, good") == b.sentiment("yay, good")
        assert repr(c) == repr(b)


def test_results_pickle():
    for value in (sentiment.sentiment("good"), sentiment.assessments("not good"),
                  sentiment.sentences("Good. Bad.")):
        assert pickle.loads(pickle.dumps(value)) == value
