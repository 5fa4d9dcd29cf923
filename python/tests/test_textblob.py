"""Against real TextBlob, when TEXTBLOB_SRC names a TextBlob source tree
(skipped otherwise): the module and the adapter give TextBlob's values and
types, lone surrogates included."""

import importlib
import os
import random
import sys

import pytest

import sentiment
import sentiment.textblob
from conftest import QUICK, read_vectors
from test_surrogates import TEXTS as SURROGATE_TEXTS


@pytest.fixture(scope="module")
def TextBlob():
    src = os.environ.get("TEXTBLOB_SRC")
    if not src:
        pytest.skip("set TEXTBLOB_SRC to a TextBlob source tree to compare with TextBlob")
    for path in (os.path.join(src, "src"), src):
        if os.path.isfile(os.path.join(path, "textblob", "__init__.py")):
            sys.path.insert(0, path)
            break
    textblob = pytest.importorskip("textblob")
    # The adapter picks its base class when it is imported: again, now that
    # TextBlob can be imported (an installed TextBlob always could).
    importlib.reload(sentiment.textblob)
    return textblob.TextBlob


def texts():
    rng = random.Random(7)
    words = ["not", "very", "good", "!", ":)", "a", "\ud800", "\udfff\ud800", "never", "is"]
    out = [t for name in ("edge.tsv", "uci-dev.tsv") for t, _ in read_vectors(name)]
    out += [t for t, _ in read_vectors("fuzz-dev.tsv")][: 200 if QUICK else 3000]
    out += SURROGATE_TEXTS
    out += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(500)]
    return out


def same(a, b):
    """Equal, and of the same types all the way down."""
    if type(a).__name__ != type(b).__name__ or a != b or repr(a) != repr(b):
        return False
    if getattr(a, "_fields", None) != getattr(b, "_fields", None):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return True


def test_module_equals_textblob(TextBlob):
    bad = []
    for t in texts():
        blob = TextBlob(t)
        if not (same(sentiment.sentiment(t), blob.sentiment)
                and same(sentiment.assessments(t), blob.sentiment_assessments)
                and same(sentiment.polarity(t), blob.polarity)
                and same(sentiment.subjectivity(t), blob.subjectivity)):
            bad.append((t, blob.sentiment_assessments, sentiment.assessments(t)))
    assert not bad, "%d differ, first: %r" % (len(bad), bad[:2])


def test_adapter_equals_textblobs_own_analyzer(TextBlob):
    analyzer = sentiment.textblob.PatternAnalyzer()
    bad = []
    for t in texts():
        ours, theirs = TextBlob(t, analyzer=analyzer), TextBlob(t)
        if not (same(ours.sentiment, theirs.sentiment)
                and same(ours.sentiment_assessments, theirs.sentiment_assessments)):
            bad.append(t)
    assert not bad, "%d differ, first: %r" % (len(bad), bad[:3])
    assert repr(TextBlob("not good", analyzer=analyzer).sentiment_assessments) == \
        repr(TextBlob("not good").sentiment_assessments)
