"""The package's interface: names, documentation, types, the TextBlob adapter
without TextBlob."""

import pydoc

import sentiment
import sentiment.textblob


def test_names():
    for name in sentiment.__all__:
        assert hasattr(sentiment, name), name
    assert sentiment.__version__ == sentiment.library_version
    assert sentiment.lexicon_version.startswith("en-sentiment.xml")
    assert sentiment.strerror(sentiment.E_NOMEM) == "out of memory"
    assert isinstance(sentiment.strerror(12345), str)


def test_help_is_useful():
    text = pydoc.render_doc(sentiment, renderer=pydoc.plaintext)
    for needle in ("TextBlob(text).sentiment", "score_many", "Analyzer", "compat",
                   "strict_utf8", "lone surrogates", "sentiment.Error", "PatternAnalyzer"):
        assert needle in text, needle
    for f in (sentiment.Analyzer, sentiment.Analyzer.sentences, sentiment.Analyzer.score_many,
              sentiment.sentences, sentiment.Sentence, sentiment.Error, sentiment.textblob):
        assert f.__doc__ and len(f.__doc__) > 40, f


def test_result_types():
    s = sentiment.sentiment("I love yogobella!")
    assert type(s) is sentiment.Sentiment and s._fields == ("polarity", "subjectivity")
    assert type(s.polarity) is float and type(s.subjectivity) is float
    assert s == (0.625, 0.6) and s.polarity == 0.625
    assert type(sentiment.polarity("good")) is float
    assert type(sentiment.subjectivity("good")) is float
    many = sentiment.score_many(["good", "bad"])
    assert type(many) is list and all(type(x) is sentiment.Sentiment for x in many)


def test_pattern_analyzer_without_textblob():
    pa = sentiment.textblob.PatternAnalyzer()
    pa.train()
    assert pa.kind == "co"
    assert pa.analyze("I love yogobella!") == sentiment.sentiment("I love yogobella!")
    assert pa.analyze("not good", keep_assessments=True) == sentiment.assessments("not good")
    py312 = sentiment.textblob.PatternAnalyzer(sentiment.Analyzer(compat="py312"))
    assert py312.analyze("good") == (0.7, 0.6000000000000001)
    try:
        sentiment.textblob.PatternAnalyzer("py312")
    except TypeError:
        pass
    else:
        raise AssertionError("a non-Analyzer was accepted")
