/*
 * sentiment.Analyzer: one library analyzer, immutable, shared by threads.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */
#include "module.h"

#include <stdlib.h>
#include <string.h>

#include <sentiment.h>

#include "batch.h"
#include "text.h"

/* Below this many bytes a text scores in a few microseconds, less than it
 * costs another thread to take the GIL, so the GIL is kept. */
#define RELEASE_GIL_BYTES 4096

typedef struct {
    PyObject_HEAD sentiment_analyzer *analyzer;
    PyObject *lexicon; /* the path given (str or bytes), or NULL */
    PyObject *xml;     /* the document given to from_xml(), or NULL */
    int py311;
    int strict;
} analyzer_object;

/* ---------------------------------------------------------------- creation */

/* compat=None follows the running interpreter: TextBlob's numbers depend on
 * whether its sum() compensates (CPython 3.12 and later) or not. An extension
 * module is built for one CPython version, so the compile-time version is the
 * running one. */
static int parse_compat(PyObject *compat, int *py311)
{
    if (compat == NULL || compat == Py_None) {
        *py311 = PY_VERSION_HEX < 0x030C0000;
        return 0;
    }
    if (!PyUnicode_Check(compat)) {
        PyErr_Format(PyExc_TypeError,
                     "compat must be None, 'py311' or 'py312', not %.200s",
                     Py_TYPE(compat)->tp_name);
        return -1;
    }
    if (PyUnicode_CompareWithASCIIString(compat, "py311") == 0)
        *py311 = 1;
    else if (PyUnicode_CompareWithASCIIString(compat, "py312") == 0)
        *py311 = 0;
    else {
        PyErr_Format(PyExc_ValueError,
                     "compat must be None, 'py311' or 'py312', not %R", compat);
        return -1;
    }
    return 0;
}

/* A bool, not any truthy value: strict_utf8="no" must not mean True. */
static int parse_strict(PyObject *strict, int *out)
{
    if (strict == NULL) {
        *out = 0;
        return 0;
    }
    if (!PyBool_Check(strict)) {
        PyErr_Format(PyExc_TypeError,
                     "strict_utf8 must be True or False, not %.200s",
                     Py_TYPE(strict)->tp_name);
        return -1;
    }
    *out = strict == Py_True;
    return 0;
}

static unsigned flags_of(const analyzer_object *self)
{
    return (self->py311 ? SENTIMENT_COMPAT_PY311 : 0u) |
           (self->strict ? SENTIMENT_STRICT_UTF8 : 0u);
}

static PyObject *analyzer_new(PyTypeObject *type, PyObject *args,
                              PyObject *kwds)
{
    static char *kwlist[] = {"lexicon", "compat", "strict_utf8", NULL};
    PyObject *lexicon = Py_None, *compat = Py_None, *strict_arg = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:Analyzer", kwlist,
                                     &lexicon, &compat, &strict_arg))
        return NULL;
    int py311, strict;
    if (parse_compat(compat, &py311) < 0 ||
        parse_strict(strict_arg, &strict) < 0)
        return NULL;
    PyObject *path = NULL, *encoded = NULL;
    if (lexicon != Py_None) {
        path = PyOS_FSPath(lexicon);
        if (path == NULL || !PyUnicode_FSConverter(path, &encoded)) {
            Py_XDECREF(path);
            return NULL;
        }
    }
    analyzer_object *self = (analyzer_object *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_XDECREF(path);
        Py_XDECREF(encoded);
        return NULL;
    }
    self->py311 = py311;
    self->strict = strict;
    self->lexicon = path;
    int rc;
    unsigned long line = 0;
    if (encoded == NULL) {
        rc = sentiment_analyzer_new(flags_of(self), &self->analyzer);
    } else {
        const char *file = PyBytes_AS_STRING(encoded);
        unsigned flags = flags_of(self);
        PyThreadState *unlocked = PyEval_SaveThread();
        rc = sentiment_analyzer_new_from_file(file, flags, &self->analyzer,
                                              &line);
        PyEval_RestoreThread(unlocked);
        Py_DECREF(encoded);
    }
    if (rc < 0) {
        pysentiment_raise(rc, (long)line, -1, path);
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

PyDoc_STRVAR(
    from_xml_doc,
    "from_xml($type, xml, compat=None, strict_utf8=False)\n--\n\n"
    "An analyzer on a lexicon held in memory: xml is the document (bytes or\n"
    "str) in the format Analyzer(lexicon=path) reads. Raises sentiment.Error\n"
    "(with .line) if it is not well-formed or a value is not a number.");

static PyObject *analyzer_from_xml(PyTypeObject *type, PyObject *args,
                                   PyObject *kwds)
{
    static char *kwlist[] = {"xml", "compat", "strict_utf8", NULL};
    PyObject *xml, *compat = Py_None, *strict_arg = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:from_xml", kwlist, &xml,
                                     &compat, &strict_arg))
        return NULL;
    int py311, strict;
    if (parse_compat(compat, &py311) < 0 ||
        parse_strict(strict_arg, &strict) < 0)
        return NULL;
    pysentiment_text doc;
    if (pysentiment_text_get(xml, 1, &doc) < 0)
        return NULL;
    analyzer_object *self = (analyzer_object *)type->tp_alloc(type, 0);
    if (self == NULL) {
        pysentiment_text_release(&doc);
        return NULL;
    }
    self->py311 = py311;
    self->strict = strict;
    self->xml = PyBytes_FromStringAndSize(doc.data, (Py_ssize_t)doc.len);
    if (self->xml == NULL) {
        pysentiment_text_release(&doc);
        Py_DECREF(self);
        return NULL;
    }
    unsigned long line = 0;
    unsigned flags = flags_of(self);
    int rc;
    PyThreadState *unlocked = PyEval_SaveThread();
    rc = sentiment_analyzer_new_from_buffer(doc.data, doc.len, flags,
                                            &self->analyzer, &line);
    PyEval_RestoreThread(unlocked);
    pysentiment_text_release(&doc);
    if (rc < 0) {
        pysentiment_raise(rc, (long)line, -1, NULL);
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void analyzer_dealloc(analyzer_object *self)
{
    sentiment_analyzer_free(self->analyzer);
    Py_XDECREF(self->lexicon);
    Py_XDECREF(self->xml);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ---------------------------------------------------------------- scoring */

static int score(analyzer_object *self, PyObject *obj, double *polarity,
                 double *subjectivity)
{
    pysentiment_text t;
    if (pysentiment_text_get(obj, self->strict, &t) < 0)
        return -1;
    int rc;
    if (t.len < RELEASE_GIL_BYTES) {
        rc = sentiment_analyzer_score(self->analyzer, t.data, t.len, polarity,
                                      subjectivity);
    } else {
        PyThreadState *unlocked = PyEval_SaveThread();
        rc = sentiment_analyzer_score(self->analyzer, t.data, t.len, polarity,
                                      subjectivity);
        PyEval_RestoreThread(unlocked);
    }
    pysentiment_text_release(&t);
    if (rc < 0) {
        pysentiment_raise(rc, -1, -1, NULL);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(
    sentiment_doc,
    "sentiment($self, text, /)\n--\n\n"
    "TextBlob(text).sentiment: Sentiment(polarity, subjectivity), polarity in\n"
    "[-1.0, 1.0], subjectivity in [0.0, 1.0]. text is a str or UTF-8 bytes.");

static PyObject *analyzer_sentiment(analyzer_object *self, PyObject *text)
{
    double p, s;
    if (score(self, text, &p, &s) < 0)
        return NULL;
    return pysentiment_pair(p, s);
}

PyDoc_STRVAR(polarity_doc, "polarity($self, text, /)\n--\n\n"
                           "TextBlob(text).polarity, a float in [-1.0, 1.0].");

static PyObject *analyzer_polarity(analyzer_object *self, PyObject *text)
{
    double p, s;
    if (score(self, text, &p, &s) < 0)
        return NULL;
    return PyFloat_FromDouble(p);
}

PyDoc_STRVAR(subjectivity_doc,
             "subjectivity($self, text, /)\n--\n\n"
             "TextBlob(text).subjectivity, a float in [0.0, 1.0].");

static PyObject *analyzer_subjectivity(analyzer_object *self, PyObject *text)
{
    double p, s;
    if (score(self, text, &p, &s) < 0)
        return NULL;
    return PyFloat_FromDouble(s);
}

/* ---------------------------------------------------------------- assessments */

static PyObject *decode(const char *s)
{
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* Builds one (words, polarity, subjectivity, label) tuple, with the GIL held;
 * on failure the Python error is set and scoring stops. */
static int on_assessment(void *user, const char *const *words, size_t n_words,
                         double polarity, double subjectivity,
                         const char *label)
{
    PyObject *list = user;
    PyObject *w = PyList_New((Py_ssize_t)n_words);
    if (w == NULL)
        return 1;
    for (size_t i = 0; i < n_words; i++) {
        PyObject *word = decode(words[i]);
        if (word == NULL) {
            Py_DECREF(w);
            return 1;
        }
        PyList_SET_ITEM(w, (Py_ssize_t)i, word);
    }
    PyObject *x = label != NULL ? decode(label) : Py_NewRef(Py_None);
    PyObject *item = x == NULL ? NULL
                               : Py_BuildValue("(NddN)", w, polarity,
                                               subjectivity, x);
    if (item == NULL) {
        if (x == NULL)
            Py_DECREF(w);
        return 1;
    }
    int rc = PyList_Append(list, item);
    Py_DECREF(item);
    return rc != 0;
}

PyDoc_STRVAR(
    assessments_doc,
    "assessments($self, text, /)\n--\n\n"
    "TextBlob(text).sentiment_assessments: Sentiment(polarity, subjectivity,\n"
    "assessments), where each assessment is a tuple (words, polarity,\n"
    "subjectivity, label): the list of lowercased words it covers ('not',\n"
    "'very', 'good', '!'), its scores, and 'mood', 'irony', a label of the\n"
    "lexicon or None.");

static PyObject *analyzer_assessments(analyzer_object *self, PyObject *obj)
{
    pysentiment_text t;
    if (pysentiment_text_get(obj, self->strict, &t) < 0)
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        pysentiment_text_release(&t);
        return NULL;
    }
    double p = 0.0, s = 0.0;
    int rc = sentiment_analyzer_assess(self->analyzer, t.data, t.len, &p, &s,
                                       on_assessment, list);
    pysentiment_text_release(&t);
    if (rc < 0) {
        Py_DECREF(list);
        if (!PyErr_Occurred())
            pysentiment_raise(rc, -1, -1, NULL);
        return NULL;
    }
    PyObject *items[3] = {PyFloat_FromDouble(p), PyFloat_FromDouble(s), list};
    return pysentiment_tuple(pysentiment_t.assessments, 3, items);
}

/* ---------------------------------------------------------------- sentences */

typedef struct {
    size_t start, end;
    double polarity, subjectivity;
} span;

typedef struct {
    span *spans;
    size_t n, cap;
    int nomem;
} span_list;

/* Runs without the GIL: it only collects the spans. */
static int on_sentence(void *user, size_t start, size_t end, double polarity,
                       double subjectivity)
{
    span_list *l = user;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        span *grown = realloc(l->spans, cap * sizeof *grown);
        if (grown == NULL) {
            l->nomem = 1;
            return 1;
        }
        l->spans = grown;
        l->cap = cap;
    }
    l->spans[l->n++] = (span){start, end, polarity, subjectivity};
    return 0;
}

static PyObject *sentence_object(PyObject *obj, const pysentiment_text *t,
                                 pysentiment_cursor *c, const span *sp)
{
    size_t start = pysentiment_cursor_index(c, t, sp->start);
    size_t end = pysentiment_cursor_index(c, t, sp->end);
    PyObject *text;
    if (t->is_str)
        text = PyUnicode_Substring(obj, (Py_ssize_t)start, (Py_ssize_t)end);
    else
        text = PyBytes_FromStringAndSize(t->data + start,
                                         (Py_ssize_t)(end - start));
    PyObject *items[5] = {
        PyLong_FromSize_t(start),
        PyLong_FromSize_t(end),
        text,
        PyFloat_FromDouble(sp->polarity),
        PyFloat_FromDouble(sp->subjectivity),
    };
    return pysentiment_tuple(pysentiment_t.sentence, 5, items);
}

PyDoc_STRVAR(
    sentences_doc,
    "sentences($self, text, /)\n--\n\n"
    "TextBlob(text).sentences with their scores: a list of\n"
    "Sentence(start, end, text, polarity, subjectivity), where text[start:end]\n"
    "is the sentence (str indices for a str, byte offsets for bytes) and the\n"
    "scores are those of the sentence alone, as Sentence.sentiment in TextBlob.\n"
    "Empty text and white space have no sentence.");

static PyObject *analyzer_sentences(analyzer_object *self, PyObject *obj)
{
    pysentiment_text t;
    if (pysentiment_text_get(obj, self->strict, &t) < 0)
        return NULL;
    span_list spans = {NULL, 0, 0, 0};
    int rc;
    if (t.len < RELEASE_GIL_BYTES) {
        rc = sentiment_analyzer_sentences(self->analyzer, t.data, t.len,
                                          on_sentence, &spans);
    } else {
        PyThreadState *unlocked = PyEval_SaveThread();
        rc = sentiment_analyzer_sentences(self->analyzer, t.data, t.len,
                                          on_sentence, &spans);
        PyEval_RestoreThread(unlocked);
    }
    PyObject *list = NULL;
    if (spans.nomem)
        PyErr_NoMemory();
    else if (rc < 0)
        pysentiment_raise(rc, -1, -1, NULL);
    else
        list = PyList_New((Py_ssize_t)spans.n);
    pysentiment_cursor c;
    pysentiment_cursor_init(&c, &t);
    for (size_t i = 0; list != NULL && i < spans.n; i++) {
        PyObject *s = sentence_object(obj, &t, &c, &spans.spans[i]);
        if (s == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    free(spans.spans);
    pysentiment_text_release(&t);
    return list;
}

/* ---------------------------------------------------------------- batches */

typedef struct {
    const pysentiment_item *items;
    PyObject *list;         /* the result, filled in order */
    Py_ssize_t first_error; /* the first text that failed, or -1 */
} batch_results;

/* Turns a run of scored items into Sentiment objects, with the GIL, while
 * other threads go on scoring. After a failed text the rest only wait to
 * be reported. */
static int take_results(void *ctx, size_t begin, size_t end)
{
    batch_results *br = ctx;
    for (size_t i = begin; i < end && br->first_error < 0; i++) {
        const pysentiment_item *it = &br->items[i];
        if (it->rc < 0) {
            br->first_error = (Py_ssize_t)i;
            break;
        }
        PyObject *pair = pysentiment_pair(it->polarity, it->subjectivity);
        if (pair == NULL)
            return -1;
        PyList_SET_ITEM(br->list, (Py_ssize_t)i, pair);
    }
    return 0;
}

PyDoc_STRVAR(
    score_many_doc,
    "score_many($self, texts, jobs=1)\n--\n\n"
    "A list of Sentiment, one for each text of the iterable texts (str or\n"
    "bytes), in input order. The texts are scored without the GIL on jobs\n"
    "threads, so other Python threads run meanwhile. In strict UTF-8 mode an\n"
    "invalid text raises sentiment.Error whose .index says which.");

static PyObject *analyzer_score_many(analyzer_object *self, PyObject *args,
                                     PyObject *kwds)
{
    static char *kwlist[] = {"texts", "jobs", NULL};
    PyObject *texts;
    Py_ssize_t jobs = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:score_many", kwlist,
                                     &texts, &jobs))
        return NULL;
    if (jobs < 1) {
        PyErr_Format(PyExc_ValueError, "jobs must be at least 1, not %zd",
                     jobs);
        return NULL;
    }
    if (PyUnicode_Check(texts) || PyBytes_Check(texts) ||
        PyByteArray_Check(texts)) {
        PyErr_SetString(PyExc_TypeError,
                        "texts must be an iterable of texts, not one text");
        return NULL;
    }
    /* A tuple: no code run while the texts are read can drop one of them. */
    PyObject *seq = PySequence_Tuple(texts);
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    pysentiment_item *items = PyMem_Calloc((size_t)n + 1, sizeof *items);
    PyObject *owners = PyList_New(0);
    PyObject *result = NULL;
    batch_results br = {items, NULL, -1};
    if (items == NULL || owners == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        pysentiment_text t;
        if (pysentiment_text_get(PyTuple_GET_ITEM(seq, i), self->strict, &t) <
            0)
            goto done;
        if (t.owner != NULL && PyList_Append(owners, t.owner) < 0) {
            pysentiment_text_release(&t);
            goto done;
        }
        items[i].data = t.data;
        items[i].len = t.len;
        pysentiment_text_release(&t);
    }
    result = br.list = PyList_New(n);
    if (result == NULL)
        goto done;
    if (pysentiment_score_items(self->analyzer, items, (size_t)n, (size_t)jobs,
                                take_results, &br) < 0) {
        Py_CLEAR(result);
        goto done;
    }
    if (br.first_error >= 0) {
        pysentiment_raise(items[br.first_error].rc, -1, br.first_error, NULL);
        Py_CLEAR(result);
    }
done:
    PyMem_Free(items);
    Py_XDECREF(owners);
    Py_DECREF(seq);
    return result;
}

/* ---------------------------------------------------------------- the rest */

static PyObject *analyzer_reduce(analyzer_object *self, PyObject *unused)
{
    PyObject *compat = PyUnicode_FromString(self->py311 ? "py311" : "py312");
    if (compat == NULL)
        return NULL;
    PyObject *strict = PyBool_FromLong(self->strict);
    if (self->xml != NULL) {
        PyObject *from_xml = PyObject_GetAttrString((PyObject *)Py_TYPE(self),
                                                    "from_xml");
        if (from_xml == NULL) {
            Py_DECREF(compat);
            Py_DECREF(strict);
            return NULL;
        }
        return Py_BuildValue("(N(ONN))", from_xml, self->xml, compat, strict);
    }
    return Py_BuildValue("(O(ONN))", (PyObject *)Py_TYPE(self),
                         self->lexicon != NULL ? self->lexicon : Py_None,
                         compat, strict);
}

/* Immutable, so a copy is the object itself. */
static PyObject *analyzer_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *analyzer_repr(analyzer_object *self)
{
    const char *compat = self->py311 ? "py311" : "py312";
    const char *strict = self->strict ? "True" : "False";
    if (self->xml != NULL)
        return PyUnicode_FromFormat(
            "sentiment.Analyzer.from_xml(<%zd bytes>, compat='%s', strict_utf8=%s)",
            PyBytes_GET_SIZE(self->xml), compat, strict);
    if (self->lexicon != NULL)
        return PyUnicode_FromFormat(
            "sentiment.Analyzer(lexicon=%R, compat='%s', strict_utf8=%s)",
            self->lexicon, compat, strict);
    return PyUnicode_FromFormat(
        "sentiment.Analyzer(compat='%s', strict_utf8=%s)", compat, strict);
}

static PyObject *get_compat(analyzer_object *self, void *unused)
{
    return PyUnicode_FromString(self->py311 ? "py311" : "py312");
}

static PyObject *get_strict(analyzer_object *self, void *unused)
{
    return PyBool_FromLong(self->strict);
}

static PyObject *get_lexicon(analyzer_object *self, void *unused)
{
    return Py_NewRef(self->lexicon != NULL ? self->lexicon : Py_None);
}

static PyObject *get_lexicon_size(analyzer_object *self, void *unused)
{
    return PyLong_FromSize_t(sentiment_analyzer_lexicon_size(self->analyzer));
}

#define METHOD(name, flags)                                                    \
    {                                                                          \
#name, (PyCFunction)(void (*)(void))analyzer_##name, flags, name##_doc \
    }

static PyMethodDef analyzer_methods[] = {
    METHOD(sentiment, METH_O),
    METHOD(polarity, METH_O),
    METHOD(subjectivity, METH_O),
    METHOD(assessments, METH_O),
    METHOD(sentences, METH_O),
    METHOD(score_many, METH_VARARGS | METH_KEYWORDS),
    METHOD(from_xml, METH_VARARGS | METH_KEYWORDS | METH_CLASS),
    {"__reduce__", (PyCFunction)(void (*)(void))analyzer_reduce, METH_NOARGS,
     NULL},
    {"__copy__", analyzer_copy, METH_NOARGS, NULL},
    {"__deepcopy__", analyzer_copy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef analyzer_getset[] = {
    {"compat", (getter)get_compat, NULL,
     "'py311' or 'py312': which CPython's TextBlob numbers this analyzer gives.",
     NULL},
    {"strict_utf8", (getter)get_strict, NULL,
     "True if invalid UTF-8 (and lone surrogates) raise sentiment.Error.",
     NULL},
    {"lexicon", (getter)get_lexicon, NULL,
     "The lexicon file given, or None (built-in lexicon or from_xml()).", NULL},
    {"lexicon_size", (getter)get_lexicon_size, NULL,
     "The number of word forms in the resolved lexicon.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyDoc_STRVAR(
    analyzer_doc,
    "Analyzer(lexicon=None, compat=None, strict_utf8=False)\n--\n\n"
    "A sentiment analyzer: TextBlob's PatternAnalyzer, in C.\n\n"
    "lexicon  None for TextBlob's built-in lexicon, or the path of a lexicon in\n"
    "         Pattern's XML format (en-sentiment.xml), resolved as TextBlob does.\n"
    "compat   None: the numbers of TextBlob on the running interpreter;\n"
    "         'py311': of CPython 3.11 and older; 'py312': of 3.12 and newer.\n"
    "strict_utf8  raise sentiment.Error on invalid UTF-8 in bytes (and lone\n"
    "         surrogates in str) instead of reading them as U+FFFD.\n\n"
    "An analyzer is immutable: share one between threads freely. It pickles\n"
    "(by its arguments), so it can be sent to worker processes.");

PyTypeObject pysentiment_analyzer_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "sentiment.Analyzer",
    .tp_basicsize = sizeof(analyzer_object),
    .tp_dealloc = (destructor)analyzer_dealloc,
    .tp_repr = (reprfunc)analyzer_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = analyzer_doc,
    .tp_methods = analyzer_methods,
    .tp_getset = analyzer_getset,
    .tp_new = analyzer_new,
};
