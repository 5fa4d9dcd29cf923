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
#include <time.h>

#include <sentiment.h>

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

/* Joins every `join` lines by a space: the newlines in between become
 * spaces, every join-th one stays. */
static void join_lines(char *text, size_t len, long join)
{
    long seen = 0;
    for (size_t k = 0; k < len; k++)
        if (text[k] == '\n' && ++seen % join != 0)
            text[k] = ' ';
}

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
    const char *path = argc > 1 ? argv[1] : "../shared/corpus/bench.txt";
    long join = argc > 2 ? atol(argv[2]) : 5;
    double target_mb = argc > 3 ? atof(argv[3]) : 100.0;
    int rounds = argc > 4 ? atoi(argv[4]) : 3;
    size_t corpus_len;
    char *corpus = read_file(path, &corpus_len);
    if (!corpus || corpus_len == 0 || join < 1) {
        fprintf(stderr, "bench-sentences: cannot read %s\n", path);
        return 1;
    }
    if (corpus[corpus_len - 1] != '\n') {
        char *longer = realloc(corpus, corpus_len + 1);
        if (!longer)
            return 1;
        corpus = longer;
        corpus[corpus_len++] = '\n';
    }
    join_lines(corpus, corpus_len, join);
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
    double best = 1e300;
    size_t records = 0;
    struct tally tally = {0, 0.0};
    for (int r = 0; r < rounds; r++) {
        size_t count = 0;
        tally.sentences = 0;
        tally.sum = 0.0;
        double t0 = now();
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
        double t = now() - t0;
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
