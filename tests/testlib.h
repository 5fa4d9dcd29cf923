/*
 * Helpers shared by the test programs: test data files and TSV rows.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#ifndef SENTIMENT_TESTLIB_H
#define SENTIMENT_TESTLIB_H

#include <stdbool.h>
#include <stddef.h>

/* Reads tests/<relative> (found through $SENTIMENT_TEST_DATA) whole;
 * aborts the test program if it cannot. The result is NUL-terminated. */
char *testlib_read(const char *relative, size_t *len);

/* The path of tests/<relative>, in a static buffer. */
const char *testlib_path(const char *relative);

/*
 * Iterates over the rows of a TSV held in memory: splits the next line at
 * tabs into at most max_fields fields (NUL-terminating each, in place) and
 * returns the number of fields, or 0 at the end. Lines starting with '#'
 * are header lines only when they come first.
 */
typedef struct testlib_tsv {
    char *next;
    char *end;
    size_t line;
} testlib_tsv;

void testlib_tsv_init(testlib_tsv *t, char *data, size_t len);
size_t testlib_tsv_row(testlib_tsv *t, char **fields, size_t max_fields);

/* Undoes the vectors' escapes (\\ \n \r \t) in place; returns the length. */
size_t testlib_unescape(char *s);

#endif
