"""The result types and the exception of the sentiment package.

They live in Python so that they have docstrings and type hints and pickle
by reference (Dask and multiprocessing send results between processes); the
C module fills them directly, so they must stay plain namedtuples.
"""

from typing import List, NamedTuple, Optional, Tuple, Union

__all__ = ["Sentiment", "SentimentAssessments", "Assessment", "Sentence", "Error"]

#: One assessment, as TextBlob's: (words, polarity, subjectivity, label).
Assessment = Tuple[List[str], float, float, Optional[str]]


class Sentiment(NamedTuple):
    """TextBlob(text).sentiment: polarity in [-1.0, 1.0], subjectivity in [0.0, 1.0]."""

    polarity: float
    subjectivity: float


class SentimentAssessments(NamedTuple):
    """TextBlob(text).sentiment_assessments.

    The assessments are a list of (words, polarity, subjectivity, label)
    tuples, in TextBlob's order. Like TextBlob's, the class is named
    Sentiment (it prints as ``Sentiment(polarity=..., subjectivity=...,
    assessments=[...])``); its qualified name stays SentimentAssessments,
    which is what pickling looks up.
    """

    polarity: float
    subjectivity: float
    assessments: List[Assessment]


SentimentAssessments.__name__ = "Sentiment"


class Sentence(NamedTuple):
    """One element of TextBlob(text).sentences, with its scores.

    ``text[start:end]`` is the sentence: str indices (code points) when the
    text was a str, byte offsets when it was bytes.
    """

    start: int
    end: int
    text: Union[str, bytes]
    polarity: float
    subjectivity: float

    @property
    def sentiment(self) -> Sentiment:
        """Sentiment(polarity, subjectivity), as TextBlob's Sentence.sentiment."""
        return Sentiment(self.polarity, self.subjectivity)

    @property
    def raw(self) -> Union[str, bytes]:
        """The sentence, as TextBlob's Sentence.raw."""
        return self.text


class Error(Exception):
    """An error of the libsentiment library.

    Attributes: ``code`` (a negative ``E_*`` constant), ``strerror`` (the
    library's text for it), and where they apply ``line`` (of a lexicon
    file), ``index`` (of the text in score_many()) and ``filename``.
    """

    def __init__(self, code: int, strerror: str, *, line: Optional[int] = None,
                 index: Optional[int] = None, filename: Union[str, bytes, None] = None):
        message = strerror
        if filename is not None:
            message += ": %r" % (filename,)
        if line is not None:
            message += " (line %d)" % line
        if index is not None:
            message += " (text %d)" % index
        super().__init__(message)
        self.code = code
        self.strerror = strerror
        self.line = line
        self.index = index
        self.filename = filename

    def __reduce__(self):
        return (_make_error, (self.code, self.strerror, self.line, self.index, self.filename))


def _make_error(code, strerror, line, index, filename):
    return Error(code, strerror, line=line, index=index, filename=filename)
