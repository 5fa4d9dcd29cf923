/*
 * Growable byte buffers that start on caller storage.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <stdlib.h>
#include <string.h>

#include "private.h"

bool sentimentp_buf_grow(sentimentp_buf *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return true;
    if (extra > SIZE_MAX / 2 - b->len)
        return false;
    size_t want = b->len + extra;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < want)
        cap *= 2;
    char *data;
    if (b->heap) {
        data = realloc(b->data, cap);
    } else {
        data = malloc(cap);
        if (data && b->len)
            memcpy(data, b->data, b->len);
    }
    if (!data)
        return false;
    b->data = data;
    b->cap = cap;
    b->heap = true;
    return true;
}
