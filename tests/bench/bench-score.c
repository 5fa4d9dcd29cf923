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
#include <time.h>

#include <sentiment.h>

#ifndef BENCH_DEFAULT_CORPUS
#define BENCH_DEFAULT_CORPUS "../shared/corpus/bench.txt"
#endif

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            data = realloc(data, cap *= 2);
    }
    fclose(f);
    *len = n;
    return data;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : BENCH_DEFAULT_CORPUS;
    double target_mb = argc > 2 ? atof(argv[2]) : 100.0;
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    size_t corpus_len;
    char *corpus = read_file(path, &corpus_len);
    if (!corpus || corpus_len == 0) {
        fprintf(stderr, "bench-score: cannot read %s\n", path);
        return 1;
    }
    size_t copies = (size_t)(target_mb * 1e6 / (double)corpus_len) + 1;
    size_t len = copies * corpus_len;
    char *text = malloc(len);
    if (!text)
        return 1;
    for (size_t k = 0; k < copies; k++)
        memcpy(text + k * corpus_len, corpus, corpus_len);
    free(corpus);

    sentiment_analyzer *a;
    if (sentiment_analyzer_new(0, &a) != SENTIMENT_OK)
        return 1;
    double best = 1e300, checksum = 0.0;
    size_t lines = 0;
    for (int r = 0; r < rounds; r++) {
        double sum = 0.0;
        size_t count = 0;
        double t0 = now();
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
        double t = now() - t0;
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
