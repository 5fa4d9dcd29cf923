/*
 * What the fuzz targets share: the libFuzzer entry point, the input cap and
 * a check that aborts, so that a broken invariant is a finding under
 * libFuzzer and a crash in the plain-main replay.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef SENTIMENT_FUZZ_H
#define SENTIMENT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

#endif
