/*
 * What the benchmark programs share: a monotonic clock and the corpus,
 * read and repeated in memory.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef BENCH_CORPUS_H
#define BENCH_CORPUS_H

#include <stddef.h>

#ifndef BENCH_DEFAULT_CORPUS
#define BENCH_DEFAULT_CORPUS "../shared/corpus/bench.txt"
#endif

/* Seconds on the monotonic clock. */
double bench_now(void);

/*
 * Reads the corpus at path, one record a line (a missing final newline is
 * added), joins every `join` lines into one by turning the newlines in
 * between into spaces (1 keeps the lines), and repeats the result in memory
 * until it holds at least target_mb megabytes. Returns the text (free() it)
 * and its length and number of copies, or NULL after printing why, under
 * the program's name.
 */
char *bench_load_corpus(const char *program, const char *path, long join,
                        double target_mb, size_t *len, size_t *copies);

#endif /* BENCH_CORPUS_H */
