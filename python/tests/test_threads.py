"""score_many() on threads equals serial scoring, and long calls let other
Python threads run."""

import sys
import threading

import pytest

import sentiment
from conftest import QUICK, all_vector_texts


@pytest.mark.parametrize("jobs", [2, 3, 7])
def test_score_many_on_threads_equals_serial(jobs):
    texts = all_vector_texts()
    serial = [sentiment.sentiment(t) for t in texts]
    assert sentiment.score_many(texts, jobs=1) == serial
    assert sentiment.score_many(texts, jobs=jobs) == serial
    assert sentiment.score_many(reversed(texts), jobs=jobs) == serial[::-1]
    assert sentiment.score_many(texts[:5], jobs=jobs) == serial[:5]


def test_one_analyzer_shared_by_python_threads():
    texts = all_vector_texts()[:2000]
    a = sentiment.Analyzer(compat="py312")
    want = [a.sentiment(t) for t in texts]
    results = {}

    def run(k):
        results[k] = a.score_many(texts, jobs=2) if k % 2 else [a.sentiment(t) for t in texts]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == want for r in results.values())


def other_thread_ran_during(call, tries=20):
    """Whether another Python thread ran while call() was in C.

    The switch interval is made so long that the interpreter never takes
    the GIL from this thread: the other thread, let go by a lock just before
    the call, can only run if the call gives the GIL up itself. A call that
    keeps the GIL never lets it run; one that frees it lets it run unless the
    system is slow to wake the thread, hence a few tries."""
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        for _ in range(tries):
            gate = threading.Lock()
            gate.acquire()
            ran = []
            t = threading.Thread(target=lambda: (gate.acquire(), ran.append(True)))
            t.start()
            gate.release()
            call()
            during = bool(ran)
            t.join()
            if during:
                return True
        return False
    finally:
        sys.setswitchinterval(old)


LONG = "This movie is not very good, but I love it! " * (20_000 if QUICK else 400_000)


def test_a_long_call_releases_the_gil():
    assert other_thread_ran_during(lambda: sentiment.sentiment(LONG))
    assert other_thread_ran_during(lambda: sentiment.sentences(LONG))
    assert other_thread_ran_during(lambda: sentiment.score_many([LONG, LONG], jobs=2))
    assert other_thread_ran_during(lambda: sentiment.score_many([LONG]))


def test_a_short_call_keeps_the_gil():
    # The check above is not vacuous: a call that keeps the GIL lets nothing
    # run, and a short text is scored with the GIL held (it costs less than
    # handing the GIL over).
    assert not other_thread_ran_during(lambda: sum(range(100_000)))
    assert not other_thread_ran_during(lambda: sentiment.sentiment("a good movie " * 300))
