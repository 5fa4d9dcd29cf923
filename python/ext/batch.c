/*
 * Scoring many texts on several threads, without the GIL.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#include "batch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

/* Texts are taken in blocks: large enough that the shared counter is rarely
 * touched, small enough that threads finish together when lengths vary. */
#define BLOCK 64

typedef struct {
    const sentiment_analyzer *analyzer;
    pysentiment_item *items;
    size_t n;
    atomic_size_t next;
} shared_work;

static void *work(void *arg)
{
    shared_work *w = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&w->next, BLOCK);
        if (i >= w->n)
            break;
        size_t end = w->n - i < BLOCK ? w->n : i + BLOCK;
        for (; i < end; i++) {
            pysentiment_item *it = &w->items[i];
            it->rc = sentiment_analyzer_score(w->analyzer, it->data, it->len,
                                              &it->polarity, &it->subjectivity);
        }
    }
    return NULL;
}

void pysentiment_score_items(const sentiment_analyzer *a, pysentiment_item *items,
                             size_t n, size_t jobs)
{
    shared_work w = {a, items, n, 0};
    size_t blocks = n / BLOCK + 1;
    if (jobs > blocks)
        jobs = blocks;
    pthread_t *threads = NULL;
    size_t started = 0;
    if (jobs > 1) {
        threads = malloc((jobs - 1) * sizeof *threads);
        for (; threads != NULL && started < jobs - 1; started++)
            if (pthread_create(&threads[started], NULL, work, &w) != 0)
                break;
    }
    work(&w);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
}
