/*
 * sentiment-cli - a pool that scores jobs and writes them in input order.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The reading thread takes a free job with pool_get(), fills it and hands
 * it back with pool_submit(). Without threads (-j 1) submitting scores and
 * writes the job at once. With threads, the jobs form a ring: job number s
 * (counting from 0 in the order they were taken) lives in slot s % n_jobs
 * and goes FREE -> FILLING (reader) -> QUEUED (waiting for or being scored
 * by a worker) -> DONE -> FREE again once the writer thread has written it.
 * The writer writes job after job in order; workers may finish out of
 * order. A job is only touched by the thread whose turn it is (the reader
 * while FILLING, the worker that took it while QUEUED, the writer once
 * DONE) and every change of turn happens under the one lock, so the ring
 * needs no other synchronisation and bounds memory to n_jobs jobs.
 *
 * If a write fails, the writer stops and the reading thread, at its next
 * call, stops the workers and ends the program as -j 1 does: killed by
 * SIGPIPE if stdout is a closed pipe (SIGPIPE is blocked on the threads,
 * so that the reading thread can raise it once they are gone), else with a
 * message and status 1. No thread calls exit() while others run.
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum state { FREE, FILLING, QUEUED, DONE };

struct pool {
    struct job **jobs; /* The ring. */
    enum state *state;
    size_t n_jobs;
    size_t got, queued, taken, written; /* Jobs so far at each step. */
    int closing;                        /* No job will be submitted any more. */
    int write_errno;     /* Set when the writer failed and stopped. */
    sigset_t sigmask;    /* The reading thread's, to restore. */
    unsigned long recno; /* Records of the current input written. */
    int status;          /* 1 once a written job had an error. */
    pthread_t *threads;  /* The writer, then the workers. */
    size_t n_threads;
    pthread_mutex_t lock;
    pthread_cond_t work;  /* A job was queued, or closing. */
    pthread_cond_t done;  /* The job to write next is done, or closing. */
    pthread_cond_t freed; /* A slot became free. */
};

static void *worker(void *arg)
{
    struct pool *pl = arg;
    size_t s;

    pthread_mutex_lock(&pl->lock);
    for (;;) {
        while (pl->taken == pl->queued && !pl->closing && !pl->write_errno)
            pthread_cond_wait(&pl->work, &pl->lock);
        if (pl->taken == pl->queued || pl->write_errno)
            break;
        s = pl->taken++;
        pthread_mutex_unlock(&pl->lock);
        score_job(pl->jobs[s % pl->n_jobs]);
        pthread_mutex_lock(&pl->lock);
        pl->state[s % pl->n_jobs] = DONE;
        if (s == pl->written)
            pthread_cond_signal(&pl->done);
    }
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

static void *writer(void *arg)
{
    struct pool *pl = arg;
    size_t s;
    int rc, err;

    pthread_mutex_lock(&pl->lock);
    for (;;) {
        s = pl->written % pl->n_jobs;
        if (pl->written < pl->queued && pl->state[s] == DONE) {
            pthread_mutex_unlock(&pl->lock);
            rc = write_job(pl->jobs[s], &pl->recno);
            err = rc < 0 && errno ? errno : EIO; /* (Used if rc < 0.) */
            pthread_mutex_lock(&pl->lock);
            if (rc < 0) {
                pl->write_errno = err;
                pthread_cond_broadcast(&pl->work);
                pthread_cond_signal(&pl->freed);
                break;
            }
            pl->status |= rc;
            pl->state[s] = FREE;
            pl->written++;
            pthread_cond_signal(&pl->freed);
        } else if (pl->closing && pl->written == pl->queued) {
            break;
        } else {
            pthread_cond_wait(&pl->done, &pl->lock);
        }
    }
    pthread_mutex_unlock(&pl->lock);
    return NULL;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);

    if (!p)
        die("jobs", sentiment_strerror(SENTIMENT_E_NOMEM));
    return p;
}

/* A pool with 'threads' scoring threads and a writer thread, or with no
 * thread at all if 'threads' is 1. */
struct pool *pool_new(const struct cli *c, unsigned threads)
{
    struct pool *pl = xcalloc(1, sizeof *pl);
    sigset_t block;
    size_t i;
    int rc = 0;

    /* Two jobs are enough without threads: the one being read into and the
     * next, which takes the incomplete record at its end. With threads,
     * two per worker keep every worker busy while the writer waits for a
     * slow job. */
    pl->n_jobs = threads > 1 ? 2 * (size_t)threads + 2 : 2;
    pl->jobs = xcalloc(pl->n_jobs, sizeof *pl->jobs);
    pl->state = xcalloc(pl->n_jobs, sizeof *pl->state);
    for (i = 0; i < pl->n_jobs; i++) {
        pl->jobs[i] = xcalloc(1, sizeof **pl->jobs);
        pl->jobs[i]->c = c;
    }
    if (threads <= 1)
        return pl;

    pl->threads = xcalloc(threads + 1, sizeof *pl->threads);
    sigemptyset(&block);
    sigaddset(&block, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &block, &pl->sigmask); /* Inherited. */
    pthread_mutex_init(&pl->lock, NULL);
    pthread_cond_init(&pl->work, NULL);
    pthread_cond_init(&pl->done, NULL);
    pthread_cond_init(&pl->freed, NULL);
    for (i = 0; i <= threads && rc == 0; i++) {
        rc = pthread_create(&pl->threads[i], NULL, i ? worker : writer, pl);
        if (rc == 0)
            pl->n_threads++;
    }
    if (pl->n_threads < 2) /* Fewer workers will do, none not. */
        die("cannot start threads", strerror(rc));
    return pl;
}

/* Stop the threads once every queued job is written, or at once if the
 * writer failed. */
static void stop_threads(struct pool *pl)
{
    size_t i;

    if (!pl->n_threads)
        return;
    pthread_mutex_lock(&pl->lock);
    pl->closing = 1;
    pthread_cond_broadcast(&pl->work);
    pthread_cond_broadcast(&pl->done);
    pthread_mutex_unlock(&pl->lock);
    for (i = 0; i < pl->n_threads; i++)
        pthread_join(pl->threads[i], NULL);
    pl->n_threads = 0;
    pthread_mutex_destroy(&pl->lock);
    pthread_cond_destroy(&pl->work);
    pthread_cond_destroy(&pl->done);
    pthread_cond_destroy(&pl->freed);
    pthread_sigmask(SIG_SETMASK, &pl->sigmask, NULL);
}

/* The writer failed: stop the workers, then end as a failed write ends
 * without threads. */
static void fail(struct pool *pl)
{
    int err = pl->write_errno;

    stop_threads(pl);
    if (err == EPIPE)
        raise(SIGPIPE); /* Returns only if SIGPIPE is ignored. */
    die("write error", strerror(err));
}

/* A free job, emptied, for the next bytes of input. */
struct job *pool_get(struct pool *pl)
{
    size_t s = pl->got % pl->n_jobs;
    struct job *j = pl->jobs[s];

    if (pl->n_threads) {
        int failed;

        pthread_mutex_lock(&pl->lock);
        while (pl->state[s] != FREE && !pl->write_errno)
            pthread_cond_wait(&pl->freed, &pl->lock);
        pl->state[s] = FILLING;
        failed = pl->write_errno != 0;
        pthread_mutex_unlock(&pl->lock);
        if (failed)
            fail(pl);
    }
    pl->got++;
    j->name = NULL;
    j->first = 0;
    j->io_errno = 0;
    j->in.len = j->out.len = 0;
    j->n_bad = 0;
    j->n_records = 0;
    return j;
}

/* Score and write a job, now or on the threads. Jobs must be submitted in
 * the order they were got. */
void pool_submit(struct pool *pl, struct job *j)
{
    int rc;

    if (!pl->n_threads) {
        score_job(j);
        if ((rc = write_job(j, &pl->recno)) < 0)
            die("write error", strerror(errno));
        pl->status |= rc;
        return;
    }
    pthread_mutex_lock(&pl->lock);
    pl->state[pl->queued++ % pl->n_jobs] = QUEUED;
    pthread_cond_signal(&pl->work);
    pthread_mutex_unlock(&pl->lock);
}

/* Wait until every submitted job is written, then free everything.
 * Returns 1 if any job had an error, else 0. */
int pool_free(struct pool *pl)
{
    int status;
    size_t i;

    stop_threads(pl);
    if (pl->write_errno)
        fail(pl);
    for (i = 0; i < pl->n_jobs; i++) {
        job_free(pl->jobs[i]);
        free(pl->jobs[i]);
    }
    status = pl->status;
    free(pl->threads);
    free(pl->jobs);
    free(pl->state);
    free(pl);
    return status;
}
