/*
 * How a Python object becomes the UTF-8 bytes the library scores.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#include "text.h"

/*
 * A str may hold lone surrogates (U+D800-U+DFFF), which have no UTF-8 form.
 * TextBlob sees each one as one character that is neither a letter, nor
 * space, nor punctuation, nor part of any emoticon: it stays inside its token
 * and counts as one character in the length tests of the negation and
 * modifier rules. U+FFFD has all of those properties, so each surrogate is
 * given to the library as one U+FFFD. Encoding with "surrogatepass" writes
 * each surrogate as ED A0-BF 80-BF, three bytes like U+FFFD's EF BF BD, so
 * the swap is made in place and every other byte keeps its offset. No valid
 * UTF-8 sequence starts with ED A0-BF, so nothing else is touched.
 *
 * In strict mode the surrogates are passed as they are: the library rejects
 * them as invalid UTF-8, as it rejects encoded surrogates in bytes.
 */
static int str_with_surrogates(PyObject *obj, int strict, pysentiment_text *t)
{
    PyObject *bytes = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
    if (bytes == NULL)
        return -1;
    char *p = PyBytes_AS_STRING(bytes);
    size_t n = (size_t)PyBytes_GET_SIZE(bytes);
    if (!strict) {
        /* The bytes object is new and not shared, so it may be written. */
        for (size_t i = 0; i + 2 < n; i++) {
            if ((unsigned char)p[i] == 0xED &&
                ((unsigned char)p[i + 1] & 0xE0) == 0xA0) {
                p[i] = (char)0xEF;
                p[i + 1] = (char)0xBF;
                p[i + 2] = (char)0xBD;
                i += 2;
            }
        }
    }
    t->data = p;
    t->len = n;
    t->owner = bytes;
    return 0;
}

int pysentiment_text_get(PyObject *obj, int strict, pysentiment_text *t)
{
    t->data = NULL;
    t->len = 0;
    t->owner = NULL;
    t->is_str = 0;
    if (PyUnicode_Check(obj)) {
        t->is_str = 1;
        Py_ssize_t n;
        const char *p = PyUnicode_AsUTF8AndSize(obj, &n);
        if (p != NULL) {
            t->data = p;
            t->len = (size_t)n;
            return 0;
        }
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
        return str_with_surrogates(obj, strict, t);
    }
    if (PyBytes_Check(obj)) {
        t->data = PyBytes_AS_STRING(obj);
        t->len = (size_t)PyBytes_GET_SIZE(obj);
        return 0;
    }
    if (PyObject_CheckBuffer(obj)) {
        /* A copy: a bytearray may change while the GIL is released. */
        PyObject *copy = PyBytes_FromObject(obj);
        if (copy == NULL)
            return -1;
        t->data = PyBytes_AS_STRING(copy);
        t->len = (size_t)PyBytes_GET_SIZE(copy);
        t->owner = copy;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "text must be str or bytes, not %.200s",
                 Py_TYPE(obj)->tp_name);
    return -1;
}

void pysentiment_text_release(pysentiment_text *t)
{
    Py_CLEAR(t->owner);
}

void pysentiment_cursor_init(pysentiment_cursor *c, const pysentiment_text *t)
{
    c->data = (const unsigned char *)t->data;
    c->byte = 0;
    c->index = 0;
}

size_t pysentiment_cursor_index(pysentiment_cursor *c,
                                const pysentiment_text *t, size_t offset)
{
    if (!t->is_str)
        return offset;
    if (offset < c->byte) {
        c->byte = 0;
        c->index = 0;
    }
    /* A str's bytes are valid UTF-8: every byte but a continuation byte
     * starts one code point. */
    for (; c->byte < offset; c->byte++)
        c->index += (c->data[c->byte] & 0xC0) != 0x80;
    return c->index;
}
