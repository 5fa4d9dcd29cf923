/*
 * Throughput of sentiment_analyzer_score() on real English, one record per
 * line, one thread. Prints figures; asserts nothing about time.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * usage: bench-score [CORPUS [TARGET_MB [ROUNDS]]]
 * CORPUS defaults to the file meson chose (tests/bench/meson.build):
 * ../shared/corpus/bench.txt if it was there, else the in-repository sample.
 * The corpus is repeated in memory up to TARGET_MB (default 100) and scored
 * ROUNDS times (default 3); the best round is reported, since the slower
 * ones measure other processes on the machine, not this code.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "bench-corpus.h"

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : BENCH_DEFAULT_CORPUS;
    double target_mb = argc > 2 ? atof(argv[2]) : 100.0;
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    size_t len, copies;
    char *text = bench_load_corpus("bench-score", path, 1, target_mb, &len,
                                   &copies);
    if (!text)
        return 1;

    sentiment_analyzer *a;
    if (sentiment_analyzer_new(0, &a) != SENTIMENT_OK)
        return 1;
    double best = 1e300, checksum = 0.0;
    size_t lines = 0;
    for (int r = 0; r < rounds; r++) {
        double sum = 0.0;
        size_t count = 0;
        double t0 = bench_now();
        const char *p = text, *end = text + len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *stop = nl ? nl : end;
            double pol;
            if (sentiment_analyzer_score(a, p, (size_t)(stop - p), &pol,
                                         NULL) != 0)
                return 1;
            sum += pol;
            count++;
            p = stop + 1;
        }
        double t = bench_now() - t0;
        if (t < best)
            best = t;
        checksum = sum;
        lines = count;
    }
    sentiment_analyzer_free(a);
    free(text);
    printf("corpus      %s x %zu = %.1f MB, %zu lines\n", path, copies,
           (double)len / 1e6, lines);
    printf("best of %d  %.3f s\n", rounds, best);
    printf("throughput  %.1f MB/s, %.0f lines/s (one thread)\n",
           (double)len / 1e6 / best, (double)lines / best);
    printf("checksum    %.17g\n", checksum);
    return 0;
}
