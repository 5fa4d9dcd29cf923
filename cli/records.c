/*
 * records - cut a byte buffer into records for sentiment-cli.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <string.h>

#include "records.h"

size_t records_end(const char *buf, size_t len, size_t from, char sep)
{
    while (len > from && buf[len - 1] != sep)
        len--;
    return len > from ? len : 0;
}

int record_next(const char **pos, const char *end, char sep, struct record *r)
{
    const char *p = *pos, *e;

    if (p >= end)
        return 0;
    e = memchr(p, sep, (size_t)(end - p));
    r->text = p;
    r->len = (size_t)((e ? e : end) - p);
    r->term = e != NULL;
    if (e && sep == '\n' && r->len > 0 && p[r->len - 1] == '\r') {
        r->len--;
        r->term = 2;
    }
    *pos = e ? e + 1 : end;
    return 1;
}
