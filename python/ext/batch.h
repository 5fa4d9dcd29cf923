/*
 * Scoring many texts on several threads, without the GIL.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#ifndef SENTIMENT_PY_BATCH_H
#define SENTIMENT_PY_BATCH_H

#include "module.h"

#include <sentiment.h>

typedef struct {
    const char *data;
    size_t len;
    double polarity;
    double subjectivity;
    int rc;
} pysentiment_item;

/* Called with the GIL for each scored run of items [begin, end), in order;
 * returns 0, or -1 (with a Python error set) to be called no more. */
typedef int (*pysentiment_consume_fn)(void *ctx, size_t begin, size_t end);

/*
 * Score every item with the analyzer on up to jobs threads, the caller's
 * among them, and hand the results to consume in input order. Call it with
 * the GIL: it holds the GIL only while consume runs, so the caller turns
 * finished blocks into Python objects while the other threads score the
 * next ones. If a thread cannot be started, the others do its share.
 *
 * Returns 0, or -1 if consume failed (the items are all scored anyway).
 */
int pysentiment_score_items(const sentiment_analyzer *a,
                            pysentiment_item *items, size_t n, size_t jobs,
                            pysentiment_consume_fn consume, void *ctx);

#endif
