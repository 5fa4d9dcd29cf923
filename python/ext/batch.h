/*
 * Scoring many texts on several threads, without the GIL.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#ifndef SENTIMENT_PY_BATCH_H
#define SENTIMENT_PY_BATCH_H

#include <stddef.h>

#include <sentiment.h>

typedef struct {
    const char *data;
    size_t len;
    double polarity;
    double subjectivity;
    int rc;
} pysentiment_item;

/*
 * Score every item with the analyzer on up to jobs threads (the caller's
 * thread is one of them), storing each result in its item. Call it without
 * the GIL: it touches no Python object. If a thread cannot be started, the
 * others do its share.
 */
void pysentiment_score_items(const sentiment_analyzer *a, pysentiment_item *items,
                             size_t n, size_t jobs);

#endif
