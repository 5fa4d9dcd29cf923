/*
 * sentiment-cli - what its files share.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Input is cut into jobs: the complete records of one block of one input.
 * A job is scored (score_job(): rows into job->out, bad records noted)
 * and then written (write_job(): messages to stderr, rows to stdout), in
 * input order. A pool (jobs.c) does that either at once in the reading
 * thread or on worker threads with one writer thread.
 */

#ifndef SENTIMENT_CLI_H
#define SENTIMENT_CLI_H

#include <stddef.h>

#include <sentiment.h>

#define PROG "sentiment-cli"

struct cli {
    const sentiment_analyzer *an; /* Shared by all threads; immutable. */
    char delim;                   /* Record separator: '\n', or '\0' with -z. */
    int subjectivity;             /* -s: add the subjectivity column. */
    int json;           /* --json: JSON Lines instead of TAB columns. */
    int explain;        /* --explain: add the assessments. */
    int whole;          /* --whole: all input is one record. */
    int sentences;      /* --sentences: each sentence's span and score. */
    int first_sentence; /* --first-sentence: the first sentence's score. */
};

/* A growable byte string. Not NUL-terminated. */
struct buf {
    char *p;
    size_t len, cap;
};

/* A record that could not be scored; its message is printed when its job
 * is written, once the number of the job's first record is known. */
struct bad_record {
    unsigned long recno; /* Number of the record within its job, from 1. */
    size_t byte;         /* Offset of the first invalid UTF-8 byte. */
    int rc;              /* The SENTIMENT_E_* code. */
};

/* One job. Each thread scoring a job has it to itself. */
struct job {
    const struct cli *c;
    const char *name; /* Input name for messages. */
    int first;        /* First job of its input: record numbers restart. */
    int io_errno;     /* The input failed after this job's bytes. */
    struct buf in;    /* Complete records (read into, then scored). */
    struct buf out;   /* Their rows. */
    struct buf col;   /* The assessments of the current record. */
    struct buf fix;   /* The current record with invalid UTF-8 repaired. */
    struct buf sent;  /* The sentences of the current record. */
    struct bad_record *bad; /* The records that could not be scored. */
    size_t n_bad, cap_bad;
    unsigned long n_records; /* Records scored so far. */
    size_t n_assess;         /* Assessments of the current record so far. */
    size_t n_sent;           /* Sentences of the current record so far. */
    double first_p, first_s; /* The first sentence's scores, or 0.0. */
};

/* sentiment-cli.c */
void die(const char *what, const char *why);
void buf_grow(struct buf *b, size_t extra);
void score_job(struct job *j);
int write_job(struct job *j, unsigned long *recno);
void job_free(struct job *j);

/* jobs.c */
struct pool;
struct pool *pool_new(const struct cli *c, unsigned threads);
struct job *pool_get(struct pool *pl);
void pool_submit(struct pool *pl, struct job *j);
int pool_free(struct pool *pl);

#endif
