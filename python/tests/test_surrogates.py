"""Lone surrogates in a str: TextBlob sees each as one character that is not
a letter, space or punctuation; the binding hands each to the library as one
U+FFFD, which has the same properties, so the numbers equal TextBlob's."""

import importlib.util
import random

import pytest

import sentiment
from conftest import QUICK, shared_path

# Each is a trap where the surrogate's length of one matters: negation kept
# across a one-character word, a modifier kept across a short word, a token
# glued to a known word, an emoticon neighbour.
TEXTS = [
    "not \ud800 good", "not \udfff\udfff good", "very \ud83d good", "very \ud83d\ude00 good",
    "good\udc80", "\udc80good", "not good \ud800!", ":) \ud800 :(", "really \ud800 not good",
    "I do not \udcff like it", "\ud800", "\ud800 \udbff \ud800", "never \ud800. very good",
]


def test_a_surrogate_is_one_replacement_character():
    for t in TEXTS:
        swapped = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in t)
        assert sentiment.sentiment(t) == sentiment.sentiment(swapped), t
        assert sentiment.assessments(t) == sentiment.assessments(swapped), t
        assert sentiment.score_many([t]) == [sentiment.sentiment(swapped)], t


def test_negation_kept_across_a_surrogate():
    # "not X good": X of one character keeps the negation, as in TextBlob.
    assert sentiment.sentiment("not \ud800 good") == sentiment.sentiment("not good")
    assert sentiment.sentiment("not \ud800\ud800 good") == sentiment.sentiment("good")


def test_sentences_keep_the_surrogates_and_index_code_points():
    t = "\ud800 I am \udfff happy \ud800"
    [s] = sentiment.sentences(t)
    assert s.text == t[s.start:s.end] and "\udfff" in s.text
    assert s.end == len(t.rstrip())


def test_strict_mode_rejects_surrogates():
    with pytest.raises(sentiment.Error) as e:
        sentiment.Analyzer(strict_utf8=True).sentiment("good \ud800")
    assert e.value.code == sentiment.E_UTF8


def load_reference():
    path = shared_path("reference", "sentiment_ref.py")
    spec = importlib.util.spec_from_file_location("sentiment_ref", path)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    lexicon = ref.load_lexicon(shared_path("data", "en-sentiment.xml"), ref.fsum_plain)
    return ref, lexicon


def test_against_the_reference_implementation():
    # sentiment_ref.py works on the str itself, surrogates and all.
    ref, lexicon = load_reference()
    a = sentiment.Analyzer(compat="py311")
    rng = random.Random(10)
    words = ["not", "very", "good", "bad", "never", "really", "!", ":)", "a", "is", "n't",
             "it's", "(!)", "\ud800", "\udfff", "\ud83d\ude00", "x\udc80", "\udc80.", "happy"]
    texts = TEXTS + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
                     for _ in range(300 if QUICK else 3000)]
    bad = [(t, ref.score(t, lexicon), a.sentiment(t)) for t in texts
           if tuple(ref.score(t, lexicon)) != a.sentiment(t)]
    assert not bad, "%d of %d differ, first: %r" % (len(bad), len(texts), bad[:3])
