/*
 * Helpers shared by the test programs.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

const char *testlib_path(const char *relative)
{
    static char path[4096];
    const char *dir = getenv("SENTIMENT_TEST_DATA");
    snprintf(path, sizeof path, "%s/%s", dir ? dir : ".", relative);
    return path;
}

char *testlib_read(const char *relative, size_t *len)
{
    const char *path = testlib_path(relative);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s (set SENTIMENT_TEST_DATA)\n", path);
        exit(99);
    }
    size_t cap = 1 << 16, n = 0;
    char *data = malloc(cap + 1);
    size_t got;
    while (data && (got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            data = realloc(data, cap + 1);
        }
    }
    fclose(f);
    if (!data) {
        fprintf(stderr, "out of memory reading %s\n", path);
        exit(99);
    }
    data[n] = '\0';
    if (len)
        *len = n;
    return data;
}

void testlib_tsv_init(testlib_tsv *t, char *data, size_t len)
{
    t->next = data;
    t->end = data + len;
    t->line = 0;
    while (t->next < t->end && t->next[0] == '#') {
        char *nl = memchr(t->next, '\n', (size_t)(t->end - t->next));
        t->next = nl ? nl + 1 : t->end;
        t->line++;
    }
}

size_t testlib_tsv_row(testlib_tsv *t, char **fields, size_t max_fields)
{
    if (t->next >= t->end)
        return 0;
    char *line = t->next;
    char *nl = memchr(line, '\n', (size_t)(t->end - line));
    char *stop = nl ? nl : t->end;
    t->next = nl ? nl + 1 : t->end;
    t->line++;
    *stop = '\0';
    size_t n = 0;
    char *field = line;
    while (n < max_fields) {
        fields[n++] = field;
        char *tab = strchr(field, '\t');
        if (!tab)
            break;
        *tab = '\0';
        field = tab + 1;
    }
    return n;
}

size_t testlib_unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r == 't' ? '\t' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}
