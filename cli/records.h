/*
 * records - cut a byte buffer into records for sentiment-cli.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * A record ends with the separator ('\n', or '\0' with -z); the last record
 * of an input may lack it. With '\n', a '\r' right before the separator ends
 * the record too (CRLF files give the same records as LF files); any other
 * '\r' is text. Input arrives in blocks, so a reader keeps a buffer: after
 * each block records_end() says how much of it is complete records, those
 * are taken one by one with record_next(), and the rest, the start of a
 * record, stays for the next block. At the end of the input that rest is
 * the last record.
 */

#ifndef SENTIMENT_CLI_RECORDS_H
#define SENTIMENT_CLI_RECORDS_H

#include <stddef.h>

/* One record taken from a buffer. */
struct record {
    const char *text; /* Its bytes, without the terminator. */
    size_t len;       /* Their number. */
    size_t term;      /* Bytes of the terminator that follow it: 1 (the
                             * separator), 2 (CR LF) or 0 (end of buffer). */
};

/* The length of the prefix of buf[0..len) that holds complete records: up
 * to and including the last separator, or 0 if there is none. The bytes
 * before 'from' are known to hold no separator and are not searched, so
 * that a buffer growing by blocks is searched only once. */
size_t records_end(const char *buf, size_t len, size_t from, char sep);

/* Take the next record from [*pos, end) and move *pos past it and its
 * terminator. Returns 0, leaving *r alone, when no byte is left. */
int record_next(const char **pos, const char *end, char sep, struct record *r);

#endif
