/*
 * sentiment._sentiment: the C side of the sentiment package, over the
 * public header only. sentiment/__init__.py is the documented interface.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#include "module.h"

#include <sentiment.h>

pysentiment_types pysentiment_t;

PyObject *pysentiment_tuple(PyTypeObject *cls, Py_ssize_t n, PyObject **items)
{
    PyObject *t = NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (items[i] == NULL)
            goto fail;
    /* As tuple.__new__(cls, items) builds it, without the call: the classes
     * are namedtuples (tuple subclasses with empty __slots__), checked at
     * import. */
    t = cls->tp_alloc(cls, n);
    if (t == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, items[i]);
    return t;
fail:
    for (Py_ssize_t i = 0; i < n; i++)
        Py_XDECREF(items[i]);
    return NULL;
}

PyObject *pysentiment_pair(double polarity, double subjectivity)
{
    PyObject *items[2] = {PyFloat_FromDouble(polarity),
                          PyFloat_FromDouble(subjectivity)};
    return pysentiment_tuple(pysentiment_t.sentiment, 2, items);
}

PyObject *pysentiment_raise(int code, long line, Py_ssize_t index,
                            PyObject *filename)
{
    PyObject *kwargs = Py_BuildValue(
        "{s:N,s:N,s:O}", "line",
        line > 0 ? PyLong_FromLong(line) : Py_NewRef(Py_None), "index",
        index >= 0 ? PyLong_FromSsize_t(index) : Py_NewRef(Py_None), "filename",
        filename != NULL ? filename : Py_None);
    PyObject *args = Py_BuildValue("(is)", code, sentiment_strerror(code));
    PyObject *e = NULL;
    if (kwargs != NULL && args != NULL)
        e = PyObject_Call(pysentiment_t.error, args, kwargs);
    Py_XDECREF(kwargs);
    Py_XDECREF(args);
    if (e != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(e), e);
        Py_DECREF(e);
    }
    return NULL;
}

/* A result class from sentiment._types, which must be a plain namedtuple for
 * pysentiment_tuple() to fill it. */
static PyTypeObject *namedtuple_class(PyObject *types, const char *name,
                                      Py_ssize_t fields)
{
    PyObject *cls = PyObject_GetAttrString(types, name);
    if (cls == NULL)
        return NULL;
    if (!PyType_Check(cls) ||
        !PyType_IsSubtype((PyTypeObject *)cls, &PyTuple_Type) ||
        ((PyTypeObject *)cls)->tp_basicsize != PyTuple_Type.tp_basicsize ||
        ((PyTypeObject *)cls)->tp_dictoffset != 0) {
        PyErr_Format(PyExc_ImportError,
                     "sentiment._types.%s is not a namedtuple", name);
        Py_DECREF(cls);
        return NULL;
    }
    PyObject *f = PyObject_GetAttrString(cls, "_fields");
    Py_ssize_t n = f != NULL && PyTuple_Check(f) ? PyTuple_GET_SIZE(f) : -1;
    Py_XDECREF(f);
    if (n != fields) {
        PyErr_Clear();
        PyErr_Format(PyExc_ImportError,
                     "sentiment._types.%s must have %zd fields", name, fields);
        Py_DECREF(cls);
        return NULL;
    }
    return (PyTypeObject *)cls;
}

static int load_types(void)
{
    PyObject *types = PyImport_ImportModule("sentiment._types");
    if (types == NULL)
        return -1;
    pysentiment_t.sentiment = namedtuple_class(types, "Sentiment", 2);
    pysentiment_t.assessments = namedtuple_class(types, "SentimentAssessments",
                                                 3);
    pysentiment_t.sentence = namedtuple_class(types, "Sentence", 5);
    pysentiment_t.error = PyObject_GetAttrString(types, "Error");
    Py_DECREF(types);
    if (pysentiment_t.sentiment == NULL || pysentiment_t.assessments == NULL ||
        pysentiment_t.sentence == NULL || pysentiment_t.error == NULL)
        return -1;
    return 0;
}

static int add_constants(PyObject *m)
{
    static const struct {
        const char *name;
        int value;
    } codes[] = {
        {"E_NOMEM", SENTIMENT_E_NOMEM},     {"E_INVALID", SENTIMENT_E_INVALID},
        {"E_UTF8", SENTIMENT_E_UTF8},       {"E_IO", SENTIMENT_E_IO},
        {"E_XML", SENTIMENT_E_XML},         {"E_LEXICON", SENTIMENT_E_LEXICON},
        {"E_ABORTED", SENTIMENT_E_ABORTED}, {"E_RANGE", SENTIMENT_E_RANGE},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (PyModule_AddIntConstant(m, codes[i].name, codes[i].value) < 0)
            return -1;
    if (PyModule_AddStringConstant(m, "library_version",
                                   sentiment_version_string()) < 0 ||
        PyModule_AddStringConstant(m, "lexicon_version",
                                   sentiment_lexicon_version()) < 0)
        return -1;
    return 0;
}

PyDoc_STRVAR(
    strerror_doc,
    "strerror(code, /)\n--\n\n"
    "The library's description of an error code (sentiment_strerror()).");

static PyObject *module_strerror(PyObject *m, PyObject *arg)
{
    int overflow;
    long code = PyLong_AsLongAndOverflow(arg, &overflow);
    if (code == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || code < -0x7fffffffL || code > 0x7fffffffL)
        code = -0x7fffffffL;
    return PyUnicode_FromString(sentiment_strerror((int)code));
}

static PyMethodDef module_methods[] = {
    {"strerror", module_strerror, METH_O, strerror_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sentiment._sentiment",
    .m_doc = "The C side of the sentiment package; use the package itself.",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__sentiment(void);

PyMODINIT_FUNC PyInit__sentiment(void)
{
    if (PyType_Ready(&pysentiment_analyzer_type) < 0 || load_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Analyzer",
                              (PyObject *)&pysentiment_analyzer_type) < 0 ||
        add_constants(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
