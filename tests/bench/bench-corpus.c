/*
 * The benchmark programs' clock and corpus (see bench-corpus.h).
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include "bench-corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The whole file, with one byte of room for a final newline. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    fclose(f);
    *len = n;
    return data;
}

char *bench_load_corpus(const char *program, const char *path, long join,
                        double target_mb, size_t *len, size_t *copies)
{
    size_t corpus_len = 0;
    char *corpus = join >= 1 ? read_file(path, &corpus_len) : NULL;
    if (!corpus || corpus_len == 0) {
        fprintf(stderr, "%s: cannot read %s\n", program, path);
        free(corpus);
        return NULL;
    }
    if (corpus[corpus_len - 1] != '\n')
        corpus[corpus_len++] = '\n'; /* read_file() left room for it */
    long seen = 0;
    for (size_t k = 0; k < corpus_len; k++)
        if (corpus[k] == '\n' && ++seen % join != 0)
            corpus[k] = ' ';
    *copies = (size_t)(target_mb * 1e6 / (double)corpus_len) + 1;
    *len = *copies * corpus_len;
    char *text = malloc(*len);
    if (!text) {
        fprintf(stderr, "%s: out of memory for %.1f MB\n", program,
                (double)*len / 1e6);
        free(corpus);
        return NULL;
    }
    for (size_t k = 0; k < *copies; k++)
        memcpy(text + k * corpus_len, corpus, corpus_len);
    free(corpus);
    return text;
}
