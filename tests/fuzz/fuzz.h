/*
 * What the fuzz targets share: the libFuzzer entry point, the input cap and
 * a check that aborts, so that a broken invariant is a finding under
 * libFuzzer and a crash in the plain-main replay.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef SENTIMENT_FUZZ_H
#define SENTIMENT_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Inputs longer than this are skipped, as utf8proc's fuzzer does: longer
 * ones only slow the search down and find nothing that short ones cannot. */
#define FUZZ_MAX_INPUT ((size_t)64 << 10)

/* The entry point every target defines; replay-main.c calls it too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with the failed condition if `cond` is false. */
#define FUZZ_CHECK(cond)                            \
    do {                                            \
        if (!(cond))                                \
            fuzz_failed(__FILE__, __LINE__, #cond); \
    } while (0)

static inline void fuzz_failed(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
    fflush(stderr);
    abort();
}

/* The same double to the bit (0.0 and -0.0 differ; a NaN equals itself). */
static inline bool fuzz_same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* An input of the targets that take options: its first two bytes choose
 * them, the rest is the text. */
struct fuzz_input {
    unsigned b0, b1;
    const char *text;
    size_t len;
};

static inline struct fuzz_input fuzz_split(const uint8_t *data, size_t size)
{
    size_t skip = size < 2 ? size : 2;
    struct fuzz_input in = {
        .b0 = size > 0 ? data[0] : 0,
        .b1 = size > 1 ? data[1] : 0,
        .text = (const char *)data + skip,
        .len = size - skip,
    };
    return in;
}

#endif
