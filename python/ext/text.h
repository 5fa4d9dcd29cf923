/*
 * How a Python object becomes the UTF-8 bytes the library scores.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#ifndef SENTIMENT_PY_TEXT_H
#define SENTIMENT_PY_TEXT_H

#include "module.h"

typedef struct {
    const char *data;
    size_t len;
    PyObject *owner; /* a bytes copy that data points into, or NULL */
    int is_str;      /* offsets must be turned into code point indices */
} pysentiment_text;

/*
 * Get the bytes of a str, bytes or other bytes-like object. For a str they
 * are its UTF-8 (cached in the str itself), and a lone surrogate becomes
 * U+FFFD unless strict is set (see text.c for why). The text stays valid
 * while the caller holds a reference to obj and until
 * pysentiment_text_release(); it may be read without the GIL.
 *
 * Returns 0, or -1 with TypeError (another type) or MemoryError set.
 */
int pysentiment_text_get(PyObject *obj, int strict, pysentiment_text *t);

void pysentiment_text_release(pysentiment_text *t);

/*
 * Turns increasing byte offsets into the text into code point indices, in
 * one pass. Offsets must not split a UTF-8 sequence, which the library
 * guarantees.
 */
typedef struct {
    const unsigned char *data;
    size_t byte;
    size_t index;
} pysentiment_cursor;

void pysentiment_cursor_init(pysentiment_cursor *c, const pysentiment_text *t);
size_t pysentiment_cursor_index(pysentiment_cursor *c,
                                const pysentiment_text *t, size_t offset);

#endif
