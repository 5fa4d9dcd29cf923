/*
 * Scoring many texts on several threads, without the GIL.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#include "batch.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>

/* Texts are taken in blocks: at most this many, so that the shared counter
 * is rarely touched, and fewer when there are few texts, so that every
 * thread gets some even then. */
#define MAX_BLOCK 64
#define BLOCKS_PER_JOB 8

typedef struct {
    const sentiment_analyzer *analyzer;
    pysentiment_item *items;
    size_t n, block, blocks;
    atomic_size_t next; /* the next block to claim */
    atomic_int *done;   /* per block: scored */
} shared_work;

static void score_block(shared_work *w, size_t b)
{
    size_t end = (b + 1) * w->block < w->n ? (b + 1) * w->block : w->n;
    for (size_t i = b * w->block; i < end; i++) {
        pysentiment_item *it = &w->items[i];
        it->rc = sentiment_analyzer_score(w->analyzer, it->data, it->len,
                                          &it->polarity, &it->subjectivity);
    }
    atomic_store_explicit(&w->done[b], 1, memory_order_release);
}

static size_t claim(shared_work *w)
{
    return atomic_fetch_add(&w->next, 1);
}

static void *work(void *arg)
{
    shared_work *w = arg;
    for (size_t b; (b = claim(w)) < w->blocks;)
        score_block(w, b);
    return NULL;
}

/* Without the GIL: until block b is scored, score unclaimed blocks, or wait
 * for the thread that has it. */
static void wait_for(shared_work *w, size_t b)
{
    while (!atomic_load_explicit(&w->done[b], memory_order_acquire)) {
        size_t c = claim(w);
        if (c < w->blocks)
            score_block(w, c);
        else
            sched_yield();
    }
}

int pysentiment_score_items(const sentiment_analyzer *a,
                            pysentiment_item *items, size_t n, size_t jobs,
                            pysentiment_consume_fn consume, void *ctx)
{
    if (n == 0)
        return 0;
    size_t block = n / (jobs * BLOCKS_PER_JOB);
    block = block < 1 ? 1 : block > MAX_BLOCK ? MAX_BLOCK : block;
    shared_work w = {a, items, n, block, (n + block - 1) / block, 0, NULL};
    w.done = calloc(w.blocks, sizeof *w.done);
    if (w.done == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t b = 0; b < w.blocks; b++)
        atomic_init(&w.done[b], 0);
    if (jobs > w.blocks)
        jobs = w.blocks;
    pthread_t *threads = jobs > 1 ? malloc((jobs - 1) * sizeof *threads) : NULL;
    size_t started = 0;
    for (; threads != NULL && started < jobs - 1; started++)
        if (pthread_create(&threads[started], NULL, work, &w) != 0)
            break;

    int failed = 0;
    for (size_t b = 0; b < w.blocks; b++) {
        if (!atomic_load_explicit(&w.done[b], memory_order_acquire)) {
            PyThreadState *unlocked = PyEval_SaveThread();
            wait_for(&w, b);
            PyEval_RestoreThread(unlocked);
        }
        size_t end = (b + 1) * block < n ? (b + 1) * block : n;
        if (!failed && consume(ctx, b * block, end) < 0)
            failed = 1;
    }
    PyThreadState *unlocked = PyEval_SaveThread();
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    PyEval_RestoreThread(unlocked);
    free(threads);
    free(w.done);
    return failed ? -1 : 0;
}
