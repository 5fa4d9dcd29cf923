/*
 * The parts of the _sentiment extension module that its files share.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#ifndef SENTIMENT_PY_MODULE_H
#define SENTIMENT_PY_MODULE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The result classes and the exception, defined in Python (sentiment/_types.py)
 * so that they have docstrings, type hints and pickle by reference; the module
 * looks them up once when it is imported. */
typedef struct {
    PyTypeObject *sentiment; /* Sentiment(polarity, subjectivity) */
    PyTypeObject
        *assessments; /* Sentiment(polarity, subjectivity, assessments) */
    PyTypeObject
        *sentence;   /* Sentence(start, end, text, polarity, subjectivity) */
    PyObject *error; /* sentiment.Error */
} pysentiment_types;

extern pysentiment_types pysentiment_t;
extern PyTypeObject pysentiment_analyzer_type;

/* A new instance of a namedtuple class with these items (references stolen;
 * any of them may be NULL after a failed allocation, then it fails). */
PyObject *pysentiment_tuple(PyTypeObject *cls, Py_ssize_t n, PyObject **items);

/* Sentiment(polarity, subjectivity) from two doubles. */
PyObject *pysentiment_pair(double polarity, double subjectivity);

/* Raise sentiment.Error for a negative library code. line and index are
 * added when they are not negative; filename when not NULL. Returns NULL. */
PyObject *pysentiment_raise(int code, long line, Py_ssize_t index,
                            PyObject *filename);

#endif
