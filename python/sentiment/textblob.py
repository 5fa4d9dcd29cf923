"""A TextBlob analyzer that scores with libsentiment.

    from textblob import TextBlob
    import sentiment.textblob

    blob = TextBlob(text, analyzer=sentiment.textblob.PatternAnalyzer())
    blob.sentiment               # the same as TextBlob's own PatternAnalyzer
    blob.sentiment_assessments   # likewise

When TextBlob is installed, PatternAnalyzer derives from its
textblob.base.BaseSentimentAnalyzer, as TextBlob requires of an analyzer;
otherwise this module imports nothing from TextBlob and the class works on
its own with the same interface.
"""

from typing import Optional, Union

from . import default_analyzer
from ._sentiment import Analyzer
from ._types import Sentiment, SentimentAssessments

__all__ = ["PatternAnalyzer"]

try:
    from textblob.base import CONTINUOUS, BaseSentimentAnalyzer
except ImportError:
    CONTINUOUS = "co"

    class BaseSentimentAnalyzer:  # type: ignore[no-redef]
        """Stands in for textblob.base.BaseSentimentAnalyzer without TextBlob."""

        kind = "ds"

        def __init__(self) -> None:
            self._trained = False

        def train(self) -> None:
            self._trained = True


class PatternAnalyzer(BaseSentimentAnalyzer):
    """textblob.en.sentiments.PatternAnalyzer, scored by libsentiment.

    analyzer: the sentiment.Analyzer to score with; by default the shared one
    (built-in lexicon, the running interpreter's numbers).
    """

    kind = CONTINUOUS
    #: As TextBlob's, kept for code that reads it.
    RETURN_TYPE = Sentiment

    def __init__(self, analyzer: Optional[Analyzer] = None) -> None:
        super().__init__()
        if analyzer is not None and not isinstance(analyzer, Analyzer):
            raise TypeError("analyzer must be a sentiment.Analyzer, not %s"
                            % type(analyzer).__name__)
        self._analyzer = analyzer if analyzer is not None else default_analyzer

    def train(self) -> None:
        """Nothing to train; here for TextBlob's interface."""
        super().train()

    def analyze(self, text: str,
                keep_assessments: bool = False) -> Union[Sentiment, SentimentAssessments]:
        """Sentiment(polarity, subjectivity), or with keep_assessments
        Sentiment(polarity, subjectivity, assessments), as TextBlob's."""
        if keep_assessments:
            return self._analyzer.assessments(text)
        return self._analyzer.sentiment(text)
