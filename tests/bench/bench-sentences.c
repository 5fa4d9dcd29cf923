/*
 * Throughput of sentiment_analyzer_sentences() (Punkt's split and each
 * sentence's score) on real English, one thread. Prints figures; asserts
 * nothing about time.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * usage: bench-sentences [CORPUS [JOIN [TARGET_MB [ROUNDS]]]]
 * Every JOIN lines of the corpus (default 5) are joined by spaces into one
 * paragraph, the paragraphs repeated in memory up to TARGET_MB (default
 * 100) and split ROUNDS times (default 3); the best round is reported.
 * JOIN 1 takes a file that already holds one paragraph a line.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "bench-corpus.h"

struct tally {
    size_t sentences;
    double sum;
};

static int on_sentence(void *user, size_t start, size_t end, double polarity,
                       double subjectivity)
{
    struct tally *t = user;
    (void)start;
    (void)end;
    (void)subjectivity;
    t->sentences++;
    t->sum += polarity;
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : BENCH_DEFAULT_CORPUS;
    long join = argc > 2 ? atol(argv[2]) : 5;
    double target_mb = argc > 3 ? atof(argv[3]) : 100.0;
    int rounds = argc > 4 ? atoi(argv[4]) : 3;
    size_t len, copies;
    char *text = bench_load_corpus("bench-sentences", path, join, target_mb,
                                   &len, &copies);
    if (!text)
        return 1;

    sentiment_analyzer *a;
    if (sentiment_analyzer_new(0, &a) != SENTIMENT_OK)
        return 1;
    double best = 1e300;
    size_t records = 0;
    struct tally tally = {0, 0.0};
    for (int r = 0; r < rounds; r++) {
        size_t count = 0;
        tally.sentences = 0;
        tally.sum = 0.0;
        double t0 = bench_now();
        const char *p = text, *end = text + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *stop = nl ? nl : end;
            if (sentiment_analyzer_sentences(a, p, (size_t)(stop - p),
                                             on_sentence, &tally) != 0)
                return 1;
            count++;
            p = stop + 1;
        }
        double t = bench_now() - t0;
        if (t < best)
            best = t;
        records = count;
    }
    sentiment_analyzer_free(a);
    free(text);
    printf(
        "corpus      %s, %ld lines a paragraph, x %zu = %.1f MB, %zu paragraphs, %zu sentences\n",
        path, join, copies, (double)len / 1e6, records, tally.sentences);
    printf("best of %d  %.3f s\n", rounds, best);
    printf("throughput  %.1f MB/s, %.0f sentences/s (one thread)\n",
           (double)len / 1e6 / best, (double)tally.sentences / best);
    printf("checksum    %.17g\n", tally.sum);
    return 0;
}
