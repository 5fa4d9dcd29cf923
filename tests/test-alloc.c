/*
 * Out of memory: every allocation that creating an analyzer, loading a
 * lexicon, scoring or splitting into sentences makes can fail, and each failure gives
 * SENTIMENT_E_NOMEM (or the call copes and succeeds with the right result)
 * and leaks nothing (STYLE.md rule 7, jansson's test_chaos.c).
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * This program defines malloc(), calloc(), realloc(), free() and the
 * aligned allocators itself. Through ELF symbol interposition they replace
 * glibc's for the whole process: for libsentiment.so, for libexpat.so and
 * for glibc's own internal calls (fopen, ...); they forward to glibc's
 * __libc_* entry points. While armed, they count allocations, make the Nth
 * one fail, and track the blocks allocated, so that a test can check that
 * every one of them was freed. For each operation, N runs from 1 until a run
 * makes fewer than N allocations, i.e. until the operation succeeds with no
 * failure injected.
 *
 * ASan, TSan and valgrind bring their own malloc; under them the program
 * defines none and exits with 77 (skipped). It needs glibc; meson builds it
 * only where __libc_malloc links.
 */

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sentiment.h>

#include "testlib.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZER_OWNS_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SANITIZER_OWNS_MALLOC 1
#endif
#endif

#ifdef SANITIZER_OWNS_MALLOC

int main(void)
{
    puts("skipped: the sanitizer replaces malloc");
    return 77;
}

#else

/* ------------------------------------------------------------ the allocator */

#define MAX_TRACKED 4096

static struct {
    bool armed;            /* counting the allocations of the call under test */
    unsigned long count;   /* allocations attempted while armed */
    unsigned long fail_at; /* the one that fails (1-based); 0: none */
    unsigned long failed;  /* allocations made to fail */
    size_t live;           /* tracked blocks not yet freed */
    void *tracked[MAX_TRACKED];
} chaos;

static void track(void *p)
{
    if (chaos.live == MAX_TRACKED) {
        static const char msg[] = "test-alloc: too many live blocks\n";
        fwrite(msg, 1, sizeof msg - 1, stderr);
        abort();
    }
    chaos.tracked[chaos.live++] = p;
}

/* Forgets a block; says whether it was tracked. */
static bool untrack(void *p)
{
    for (size_t k = chaos.live; k-- > 0;) {
        if (chaos.tracked[k] == p) {
            chaos.tracked[k] = chaos.tracked[--chaos.live];
            return true;
        }
    }
    return false;
}

/* Counts an allocation; true if it is the one to fail. */
static bool inject(void)
{
    if (!chaos.armed)
        return false;
    if (++chaos.count != chaos.fail_at)
        return false;
    chaos.failed++;
    errno = ENOMEM;
    return true;
}

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *p);

static void *tracked_block(void *p)
{
    if (p && chaos.armed)
        track(p);
    return p;
}

void *malloc(size_t size)
{
    return inject() ? NULL : tracked_block(__libc_malloc(size));
}

void *calloc(size_t n, size_t size)
{
    return inject() ? NULL : tracked_block(__libc_calloc(n, size));
}

void *realloc(void *p, size_t size)
{
    if (!p)
        return malloc(size);
    if (size == 0) { /* glibc frees and returns NULL */
        free(p);
        return NULL;
    }
    if (inject())
        return NULL;
    void *q = __libc_realloc(p, size);
    if (q && untrack(p))
        track(q);
    return q;
}

void free(void *p)
{
    if (p)
        untrack(p);
    __libc_free(p);
}

void *aligned_alloc(size_t alignment, size_t size)
{
    return inject() ? NULL : tracked_block(__libc_memalign(alignment, size));
}

void *memalign(size_t alignment, size_t size);
void *memalign(size_t alignment, size_t size)
{
    return aligned_alloc(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    if (inject())
        return ENOMEM;
    void *p = tracked_block(__libc_memalign(alignment, size));
    if (!p)
        return ENOMEM;
    *out = p;
    return 0;
}

static void arm(unsigned long fail_at)
{
    chaos.count = 0;
    chaos.failed = 0;
    chaos.fail_at = fail_at;
    chaos.armed = true;
}

static void disarm(void)
{
    chaos.armed = false;
}

/* True if this process runs under valgrind, which replaces malloc. */
static bool under_valgrind(void)
{
    const char *preload = getenv("LD_PRELOAD");
    if (preload && strstr(preload, "vgpreload"))
        return true;
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps)
        return false;
    char line[512];
    bool found = false;
    while (!found && fgets(line, sizeof line, maps))
        found = strstr(line, "vgpreload") != NULL;
    fclose(maps);
    return found;
}

/* ------------------------------------------------------------ the driver */

/*
 * One operation under test. attempt() makes the call (armed) and keeps its
 * results in the context; settle() checks them for the return code and
 * frees them (disarmed). `ok` is the code the call returns when no
 * allocation fails (0, or the documented error for a bad input).
 */
struct operation {
    const char *name;
    int ok;
    int (*attempt)(struct operation *op);
    void (*settle)(struct operation *op, int rc);
    void *context;
};

/* Fails allocation 1, 2, ... of the operation until it makes no more;
 * returns the number of allocations it makes. */
static unsigned long fail_each_allocation(struct operation *op)
{
    /* Once unarmed, so that anything glibc sets up on first use (and keeps)
     * is not taken for a leak. */
    int rc = op->attempt(op);
    assert_int_equal(rc, op->ok);
    op->settle(op, rc);

    unsigned long coped = 0;
    for (unsigned long n = 1;; n++) {
        if (n > 1000000)
            fail_msg("%s: more than a million allocations", op->name);
        arm(n);
        rc = op->attempt(op);
        disarm();
        bool injected = chaos.failed > 0;
        if (!injected) {
            if (rc != op->ok)
                fail_msg("%s: returned %d with no allocation failing", op->name,
                         rc);
        } else if (rc == op->ok) {
            coped++; /* e.g. stdio's buffer: glibc reads unbuffered */
        } else if (rc != SENTIMENT_E_NOMEM) {
            fail_msg("%s: allocation %lu failed and the call returned %d (%s), "
                     "not SENTIMENT_E_NOMEM",
                     op->name, n, rc, sentiment_strerror(rc));
        }
        op->settle(op, rc);
        if (chaos.live != 0)
            fail_msg("%s: %zu block(s) leaked when allocation %lu %s", op->name,
                     chaos.live, n, injected ? "failed" : "(none) failed");
        if (!injected) {
            print_message("%s: %lu allocation(s), each made to fail; "
                          "%lu failure(s) coped with\n",
                          op->name, n - 1, coped);
            return n - 1;
        }
    }
}

/* ------------------------------------------------------------ constructors */

struct construct {
    unsigned flags;
    const char *xml; /* _from_buffer, if not NULL */
    size_t xml_len;
    const char *path;        /* _from_file, if not NULL */
    size_t want_size;        /* lexicon size on success */
    unsigned long want_line; /* error line for a bad input */
    sentiment_analyzer *out;
    unsigned long line;
};

static int construct_attempt(struct operation *op)
{
    struct construct *c = op->context;
    c->out = (sentiment_analyzer *)c;
    c->line = 12345;
    if (c->xml)
        return sentiment_analyzer_new_from_buffer(c->xml, c->xml_len, c->flags,
                                                  &c->out, &c->line);
    if (c->path)
        return sentiment_analyzer_new_from_file(c->path, c->flags, &c->out,
                                                &c->line);
    c->line = 0;
    return sentiment_analyzer_new(c->flags, &c->out);
}

static void construct_settle(struct operation *op, int rc)
{
    struct construct *c = op->context;
    if (rc != SENTIMENT_OK) {
        assert_null(c->out);
        unsigned long want = rc == SENTIMENT_E_NOMEM ? 0 : c->want_line;
        if (c->line != want)
            fail_msg("%s: returned %d (%s) with error line %lu, not %lu "
                     "(allocation %lu failed)",
                     op->name, rc, sentiment_strerror(rc), c->line, want,
                     chaos.fail_at);
        return;
    }
    assert_non_null(c->out);
    assert_int_equal(c->line, 0);
    assert_int_equal(sentiment_analyzer_flags(c->out), c->flags);
    assert_int_equal(sentiment_analyzer_lexicon_size(c->out), c->want_size);
    double p, s;
    assert_int_equal(sentiment_analyzer_score(c->out, "good", 4, &p, &s), 0);
    sentiment_analyzer_free(c->out);
    c->out = NULL;
}

static void run_construct(const char *name, struct construct *c, int ok)
{
    struct operation op = {name, ok, construct_attempt, construct_settle, c};
    fail_each_allocation(&op);
}

static const char small_lexicon[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<sentiment>\n"
    "<word form=\"happy\" pos=\"JJ\" polarity=\"0.8\" subjectivity=\"1.0\" intensity=\"1.0\"/>\n"
    "<word form=\"happy\" pos=\"JJ\" polarity=\"0.4\" subjectivity=\"0.5\"/>\n"
    "<word form=\"happy\" pos=\"NN\" polarity=\"0.1\" subjectivity=\"0.2\"/>\n"
    "<word form=\"very\" pos=\"RB\" polarity=\"0.2\" subjectivity=\"0.3\" intensity=\"1.3\"/>\n"
    "<word form=\"crap\" pos=\"NN\" polarity=\"-0.8\" subjectivity=\"0.8\" label=\"profanity\"/>\n"
    "</sentiment>\n";

static const char bad_number_lexicon[] =
    "<sentiment>\n"
    "<word form=\"good\" pos=\"JJ\" polarity=\"0.7\"/>\n"
    "<word form=\"bad\" pos=\"JJ\" polarity=\"minus one\"/>\n"
    "</sentiment>\n";

static const char bad_xml_lexicon[] =
    "<sentiment>\n"
    "<word form=\"good\" pos=\"JJ\" polarity=\"0.7\"/>\n"
    "<word form=\"bad\"\n";

static void builtin_analyzers(void **state)
{
    (void)state;
    struct construct c = {.want_size = 2860};
    run_construct("sentiment_analyzer_new(0)", &c, 0);
    c.flags = SENTIMENT_COMPAT_PY311 | SENTIMENT_STRICT_UTF8;
    run_construct("sentiment_analyzer_new(PY311|STRICT)", &c, 0);
}

static void lexicon_buffers(void **state)
{
    (void)state;
    struct construct c = {.xml = small_lexicon,
                          .xml_len = sizeof small_lexicon - 1,
                          .want_size = 4}; /* happy, very, crap, happily */
    run_construct("_from_buffer(small lexicon)", &c, 0);
    c.flags = SENTIMENT_COMPAT_PY311;
    run_construct("_from_buffer(small lexicon, PY311)", &c, 0);

    struct construct bad = {.xml = bad_number_lexicon,
                            .xml_len = sizeof bad_number_lexicon - 1,
                            .want_line = 3};
    run_construct("_from_buffer(bad number)", &bad, SENTIMENT_E_LEXICON);
    struct construct broken = {.xml = bad_xml_lexicon,
                               .xml_len = sizeof bad_xml_lexicon - 1,
                               .want_line = 3}; /* where the tag starts */
    run_construct("_from_buffer(not well-formed)", &broken, SENTIMENT_E_XML);
}

static void full_lexicon(void **state)
{
    (void)state;
    size_t len;
    char *xml = testlib_read("../data/en-sentiment.xml", &len);
    struct construct c = {.xml = xml, .xml_len = len, .want_size = 2860};
    run_construct("_from_buffer(en-sentiment.xml)", &c, 0);

    char path[4096];
    snprintf(path, sizeof path, "%s", testlib_path("../data/en-sentiment.xml"));
    struct construct f = {
        .path = path, .want_size = 2860, .flags = SENTIMENT_COMPAT_PY311};
    run_construct("_from_file(en-sentiment.xml)", &f, 0);

    snprintf(path, sizeof path, "%s", testlib_path("no/such/lexicon.xml"));
    struct construct missing = {.path = path};
    run_construct("_from_file(missing file)", &missing, SENTIMENT_E_IO);
    free(xml);
}

/* ------------------------------------------------------------ scoring */

enum score_call { ONE_SHOT, SCORE, ASSESS };

struct scoring {
    enum score_call call;
    const sentiment_analyzer *analyzer;
    const char *text;
    size_t len;
    double polarity, subjectivity;
    size_t calls;
    double want_polarity, want_subjectivity;
    size_t want_calls;
};

static int count_assessment(void *user, const char *const *words,
                            size_t n_words, double polarity,
                            double subjectivity, const char *label)
{
    (void)words;
    (void)n_words;
    (void)polarity;
    (void)subjectivity;
    (void)label;
    struct scoring *sc = user;
    sc->calls++;
    return 0;
}

static int scoring_attempt(struct operation *op)
{
    struct scoring *sc = op->context;
    sc->polarity = sc->subjectivity = 42.0;
    sc->calls = 0;
    switch (sc->call) {
    case ONE_SHOT:
        return sentiment_score(sc->text, sc->len, &sc->polarity,
                               &sc->subjectivity);
    case SCORE:
        return sentiment_analyzer_score(sc->analyzer, sc->text, sc->len,
                                        &sc->polarity, &sc->subjectivity);
    case ASSESS:
        break;
    }
    return sentiment_analyzer_assess(sc->analyzer, sc->text, sc->len,
                                     &sc->polarity, &sc->subjectivity,
                                     count_assessment, sc);
}

static void scoring_settle(struct operation *op, int rc)
{
    struct scoring *sc = op->context;
    if (rc != SENTIMENT_OK) {
        assert_true(sc->polarity == 42.0 && sc->subjectivity == 42.0);
        return;
    }
    assert_memory_equal(&sc->polarity, &sc->want_polarity, sizeof(double));
    assert_memory_equal(&sc->subjectivity, &sc->want_subjectivity,
                        sizeof(double));
    if (sc->call == ASSESS)
        assert_int_equal(sc->calls, sc->want_calls);
}

static void run_scoring(const char *name, struct scoring *sc)
{
    struct operation op = {name, 0, scoring_attempt, scoring_settle, sc};
    /* the expected result, from a run with no failure */
    assert_int_equal(scoring_attempt(&op), 0);
    sc->want_polarity = sc->polarity;
    sc->want_subjectivity = sc->subjectivity;
    sc->want_calls = sc->calls;
    unsigned long n = fail_each_allocation(&op);
    assert_true(n > 0); /* the text is meant to outgrow the stack buffers */
}

static void append(char *buf, size_t cap, size_t *len, const char *s,
                   size_t times)
{
    size_t n = strlen(s);
    for (size_t k = 0; k < times; k++) {
        assert_true(*len + n < cap);
        memcpy(buf + *len, s, n);
        *len += n;
    }
    buf[*len] = '\0';
}

/* A text that leaves every stack buffer of the scorer: a sentence longer
 * than 4 KiB, words longer than 256 bytes, a token with more than 32
 * trailing punctuation marks, an assessment of hundreds of words, and
 * (optionally) invalid UTF-8, which is repaired into a heap copy. */
static char *big_text(bool invalid, size_t *len)
{
    size_t cap = 64 << 10;
    char *t = malloc(cap);
    assert_non_null(t);
    *len = 0;
    t[0] = '\0';
    append(t, cap, len, "This is not very good :) and really bad , ", 150);
    append(t, cap, len, "but ", 1);
    append(t, cap, len, "GOOD", 100);
    append(t, cap, len, " and ", 1);
    append(t, cap, len, "\xc3\xa9", 200);
    append(t, cap, len, " wow", 1);
    append(t, cap, len, ",;:)", 40);
    append(t, cap, len, " not ", 1);
    append(t, cap, len, "very ", 300);
    append(t, cap, len, "good!!! ", 1);
    if (invalid)
        append(t, cap, len, "bad \xff\xfe good \xe2\x82 ", 20);
    append(t, cap, len, "Great job :) :-) ;) <3 (!) ", 50);
    append(t, cap, len, "The end.", 1);
    return t;
}

static void scoring_long_text(void **state)
{
    (void)state;
    size_t len, bad_len;
    char *text = big_text(false, &len);
    char *bad = big_text(true, &bad_len);
    sentiment_analyzer *dflt, *strict;
    assert_int_equal(sentiment_analyzer_new(0, &dflt), 0);
    assert_int_equal(
        sentiment_analyzer_new(SENTIMENT_STRICT_UTF8 | SENTIMENT_COMPAT_PY311,
                               &strict),
        0);

    struct scoring sc = {
        .call = ASSESS, .analyzer = dflt, .text = text, .len = len};
    run_scoring("sentiment_analyzer_assess(long text)", &sc);
    assert_true(sc.want_calls > 100);
    sc.analyzer = strict;
    run_scoring("sentiment_analyzer_assess(long text, PY311|STRICT)", &sc);
    sc.text = bad;
    sc.len = bad_len;
    sc.analyzer = dflt;
    run_scoring("sentiment_analyzer_assess(long invalid text)", &sc);
    sc.call = SCORE;
    run_scoring("sentiment_analyzer_score(long invalid text)", &sc);
    sc.call = ONE_SHOT;
    run_scoring("sentiment_score(long invalid text)", &sc);

    sentiment_analyzer_free(strict);
    sentiment_analyzer_free(dflt);
    free(bad);
    free(text);
}

/* Scoring with a loaded lexicon: its label strings and tables are heap. */
static void scoring_loaded_lexicon(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new_from_buffer(
                         small_lexicon, sizeof small_lexicon - 1, 0, &a, NULL),
                     0);
    size_t len;
    char *text = big_text(true, &len);
    struct scoring sc = {
        .call = ASSESS, .analyzer = a, .text = text, .len = len};
    run_scoring("sentiment_analyzer_assess(long text, loaded lexicon)", &sc);
    sentiment_analyzer_free(a);
    free(text);
}

/* Sentences: each is scored alone, so a long or invalid one allocates as
 * scoring does; a failure stops the split with SENTIMENT_E_NOMEM after the
 * sentences before it. */
struct splitting {
    const sentiment_analyzer *analyzer;
    const char *text;
    size_t len;
    size_t calls;
    double sum;
    size_t want_calls;
    double want_sum;
};

static int count_sentence(void *user, size_t start, size_t end, double polarity,
                          double subjectivity)
{
    (void)start;
    (void)end;
    (void)subjectivity;
    struct splitting *sp = user;
    sp->calls++;
    sp->sum += polarity;
    return 0;
}

static int splitting_attempt(struct operation *op)
{
    struct splitting *sp = op->context;
    sp->calls = 0;
    sp->sum = 0.0;
    return sentiment_analyzer_sentences(sp->analyzer, sp->text, sp->len,
                                        count_sentence, sp);
}

static void splitting_settle(struct operation *op, int rc)
{
    struct splitting *sp = op->context;
    if (rc != SENTIMENT_OK) {
        assert_true(sp->calls < sp->want_calls);
        return;
    }
    assert_int_equal(sp->calls, sp->want_calls);
    assert_memory_equal(&sp->sum, &sp->want_sum, sizeof(double));
}

static void sentences_long_text(void **state)
{
    (void)state;
    size_t len;
    char *one = big_text(true, &len);
    /* the long invalid sentence, then short ones, then it again */
    size_t cap = 2 * len + 64, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    memcpy(text, one, len);
    n = len;
    text[n] = '\0';
    append(text, cap, &n, " Good. Bad\xff. ", 1);
    memcpy(text + n, one, len);
    n += len;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    struct splitting sp = {a, text, n, 0, 0.0, 0, 0.0};
    struct operation op = {"sentiment_analyzer_sentences(long invalid text)", 0,
                           splitting_attempt, splitting_settle, &sp};
    assert_int_equal(splitting_attempt(&op), 0);
    sp.want_calls = sp.calls;
    sp.want_sum = sp.sum;
    assert_true(sp.want_calls >= 4);
    assert_true(fail_each_allocation(&op) > 0);
    sentiment_analyzer_free(a);
    free(text);
    free(one);
}

/* The checker checks itself: a leak and a swallowed failure are caught. */
/* Called through a volatile pointer: the compiler knows what malloc() is
 * and would otherwise move the stores to `chaos` around a direct call. */
static void *(*volatile opaque_malloc)(size_t) = malloc;

static int leaky_attempt(struct operation *op)
{
    void **keep = op->context;
    *keep = opaque_malloc(16);
    return *keep ? 0 : SENTIMENT_E_NOMEM;
}

static void self_test(void **state)
{
    (void)state;
    void *keep = NULL;
    arm(0);
    struct operation op = {"leaky", 0, leaky_attempt, NULL, &keep};
    assert_int_equal(leaky_attempt(&op), 0);
    disarm();
    assert_int_equal(chaos.live, 1);
    assert_int_equal(chaos.count, 1);
    free(keep);
    assert_int_equal(chaos.live, 0);
    arm(1);
    keep = opaque_malloc(16);
    disarm();
    assert_null(keep);
    assert_int_equal(chaos.failed, 1);
}

/* Starts each test clean, even after a failed one left blocks tracked. */
static int setup(void **state)
{
    (void)state;
    disarm();
    chaos.live = 0;
    return 0;
}

int main(void)
{
    if (under_valgrind()) {
        puts("skipped: valgrind replaces malloc");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(self_test, setup),
        cmocka_unit_test_setup(builtin_analyzers, setup),
        cmocka_unit_test_setup(lexicon_buffers, setup),
        cmocka_unit_test_setup(full_lexicon, setup),
        cmocka_unit_test_setup(scoring_long_text, setup),
        cmocka_unit_test_setup(scoring_loaded_lexicon, setup),
        cmocka_unit_test_setup(sentences_long_text, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#endif /* !SANITIZER_OWNS_MALLOC */
