"""TextBlob's sentiment polarity and subjectivity, bit for bit, at C speed.

The functions below score with one shared default analyzer and return what
TextBlob returns for the same text, value for value and type for type::

    >>> import sentiment
    >>> sentiment.sentiment("I love yogobella!")
    Sentiment(polarity=0.625, subjectivity=0.6)
    >>> sentiment.polarity("This movie is not very good.")
    -0.26923076923076916

================================  =========================================
sentiment.sentiment(text)         TextBlob(text).sentiment
sentiment.polarity(text)          TextBlob(text).polarity
sentiment.subjectivity(text)      TextBlob(text).subjectivity
sentiment.assessments(text)       TextBlob(text).sentiment_assessments
sentiment.sentences(text)         TextBlob(text).sentences, with scores
sentiment.score_many(texts, jobs) [sentiment(t) for t in texts], without
                                  the GIL, on jobs threads
================================  =========================================

Text is a str (any str, lone surrogates included) or UTF-8 bytes; invalid
UTF-8 is read as U+FFFD, as bytes.decode("utf-8", "replace") does. A value
that is not text raises TypeError, a bad option ValueError, a library error
sentiment.Error.

The numbers are those of TextBlob on the running interpreter: CPython 3.12
changed sum() over floats, which changes 30 lexicon entries in their last
bits. Analyzer(compat="py311") or Analyzer(compat="py312") chooses one.
Analyzer(lexicon=path) loads another lexicon in Pattern's XML format, and
Analyzer(strict_utf8=True) raises on invalid UTF-8. Analyzers are immutable,
thread-safe and picklable.

sentiment.textblob.PatternAnalyzer plugs the library into TextBlob itself:
TextBlob(text, analyzer=sentiment.textblob.PatternAnalyzer()).
"""

from typing import Iterable, List, Union

from ._types import Assessment, Error, Sentence, Sentiment, SentimentAssessments
from ._sentiment import (  # noqa: F401 (re-exported)
    E_ABORTED,
    E_INVALID,
    E_IO,
    E_LEXICON,
    E_NOMEM,
    E_RANGE,
    E_UTF8,
    E_XML,
    Analyzer,
    lexicon_version,
    library_version,
    strerror,
)

__all__ = [
    "sentiment", "polarity", "subjectivity", "assessments", "sentences", "score_many",
    "Analyzer", "Sentiment", "SentimentAssessments", "Assessment", "Sentence", "Error",
    "strerror", "library_version", "lexicon_version",
    "E_NOMEM", "E_INVALID", "E_UTF8", "E_IO", "E_XML", "E_LEXICON", "E_ABORTED", "E_RANGE",
]

__version__ = library_version

Text = Union[str, bytes]

#: The analyzer of the module-level functions: built-in lexicon, the running
#: interpreter's numbers, invalid UTF-8 read as U+FFFD.
default_analyzer = Analyzer()


def sentiment(text: Text) -> Sentiment:
    """TextBlob(text).sentiment: Sentiment(polarity, subjectivity)."""
    return default_analyzer.sentiment(text)


def polarity(text: Text) -> float:
    """TextBlob(text).polarity, a float in [-1.0, 1.0]."""
    return default_analyzer.polarity(text)


def subjectivity(text: Text) -> float:
    """TextBlob(text).subjectivity, a float in [0.0, 1.0]."""
    return default_analyzer.subjectivity(text)


def assessments(text: Text) -> SentimentAssessments:
    """TextBlob(text).sentiment_assessments.

    Sentiment(polarity, subjectivity, assessments), each assessment a tuple
    (words, polarity, subjectivity, label).
    """
    return default_analyzer.assessments(text)


def sentences(text: Text) -> List[Sentence]:
    """TextBlob(text).sentences with their scores.

    A list of Sentence(start, end, text, polarity, subjectivity): text[start:end]
    is the sentence (str indices for str, byte offsets for bytes) and its
    scores are those of the sentence alone.
    """
    return default_analyzer.sentences(text)


def score_many(texts: Iterable[Text], jobs: int = 1) -> List[Sentiment]:
    """[sentiment(t) for t in texts], scored without the GIL on jobs threads.

    The result keeps the order of the input.
    """
    return default_analyzer.score_many(texts, jobs)
