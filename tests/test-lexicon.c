/*
 * The lexicon: the built-in table against TextBlob's resolved dictionary,
 * the run-time XML loader against the built-in table, the resolution rules
 * on small lexicons, and malformed files.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "private.h"
#include "testlib.h"

static void assert_double_is(double got, double want)
{
    if (memcmp(&got, &want, sizeof got) != 0)
        fail_msg("got %.17g, want %.17g", got, want);
}

/*
 * reference/lexicon-resolved-*.tsv were dumped from TextBlob's own object:
 * form, polarity, subjectivity, intensity, has-RB, POS keys.
 */
static void check_against_dump(const sentimentp_lexicon *lex, const char *dump)
{
    size_t len;
    char *data = testlib_read(dump, &len);
    testlib_tsv tsv;
    testlib_tsv_init(&tsv, data, len);
    char *f[6];
    uint32_t rows = 0;
    while (testlib_tsv_row(&tsv, f, 6) == 6) {
        int32_t k = sentimentp_lexicon_find(lex, f[0], strlen(f[0]));
        if (k < 0)
            fail_msg("form '%s' missing", f[0]);
        const sentimentp_entry *e = &lex->entries[k];
        assert_double_is(e->polarity, strtod(f[1], NULL));
        assert_double_is(e->subjectivity, strtod(f[2], NULL));
        assert_double_is(e->intensity, strtod(f[3], NULL));
        assert_int_equal(e->is_modifier, atoi(f[4]));
        assert_int_equal((uintptr_t)e % SENTIMENTP_ENTRY_ALIGN, 0);
        rows++;
    }
    assert_int_equal(rows, 2860);
    assert_int_equal(lex->n_forms, rows);
    free(data);
}

static void builtin_equals_textblob(void **state)
{
    (void)state;
    check_against_dump(&sentimentp_builtin_py312,
                       "data/lexicon-resolved-py312.tsv");
    check_against_dump(&sentimentp_builtin_py311,
                       "data/lexicon-resolved-py311.tsv");
}

static void builtin_labels(void **state)
{
    (void)state;
    const sentimentp_lexicon *lex = &sentimentp_builtin_py312;
    int32_t k = sentimentp_lexicon_find(lex, "crap", 4);
    assert_true(k >= 0);
    assert_string_equal(lex->strings + lex->entries[k].label, "profanity");
    k = sentimentp_lexicon_find(lex, "good", 4);
    assert_int_equal(lex->entries[k].label, -1);
    size_t labelled = 0;
    for (uint32_t i = 0; i < lex->n_forms; i++)
        labelled += lex->entries[i].label >= 0;
    assert_int_equal(labelled, 12);
}

/* Loading the XML at run time must give the compiled table, bit for bit. */
static void loader_equals_builtin(void **state)
{
    (void)state;
    sentimentp_builder *b = sentimentp_builder_new();
    assert_non_null(b);
    unsigned long line = 99;
    assert_int_equal(sentimentp_xml_load_file(
                         b, testlib_path("../data/en-sentiment.xml"), &line),
                     0);
    assert_int_equal(line, 0);
    for (int plain = 0; plain < 2; plain++) {
        const sentimentp_lexicon *want = plain ? &sentimentp_builtin_py311
                                               : &sentimentp_builtin_py312;
        sentimentp_lexicon got;
        void *owned;
        assert_int_equal(sentimentp_builder_resolve(b, plain, &got, &owned), 0);
        assert_int_equal(got.n_forms, want->n_forms);
        assert_int_equal(got.max_form_length, want->max_form_length);
        for (uint32_t k = 0; k < want->n_forms; k++) {
            const sentimentp_entry *g = &got.entries[k], *w = &want->entries[k];
            assert_double_is(g->polarity, w->polarity);
            assert_double_is(g->subjectivity, w->subjectivity);
            assert_double_is(g->intensity, w->intensity);
            assert_int_equal(g->is_modifier, w->is_modifier);
            assert_int_equal(g->label >= 0, w->label >= 0);
            assert_int_equal((uintptr_t)g % SENTIMENTP_ENTRY_ALIGN, 0);
            assert_int_equal(got.forms[k].length, want->forms[k].length);
            assert_memory_equal(got.strings + got.forms[k].offset,
                                want->strings + want->forms[k].offset,
                                want->forms[k].length);
        }
        free(owned);
    }
    sentimentp_builder_free(b);
}

/* ------------------------------------------------------- small lexicons */

static sentiment_analyzer *load(const char *xml, unsigned flags)
{
    sentiment_analyzer *a = NULL;
    unsigned long line = 7;
    int rc = sentiment_analyzer_new_from_buffer(xml, strlen(xml), flags, &a,
                                                &line);
    if (rc != 0)
        fail_msg("load failed: %s at line %lu", sentiment_strerror(rc), line);
    assert_int_equal(line, 0);
    return a;
}

static void score(const sentiment_analyzer *a, const char *text, double *p,
                  double *s)
{
    assert_int_equal(sentiment_analyzer_score(a, text, strlen(text), p, s), 0);
}

static void resolution_rules(void **state)
{
    (void)state;
    const char *xml =
        "<?xml version='1.0' encoding='utf-8'?>\n"
        "<sentiment>\n"
        "<word form='nice' pos='JJ' polarity='0.5' subjectivity='1.0' intensity='1.0'/>\n"
        "<word form='nice' pos='JJ' polarity='0.25' subjectivity='0.5' intensity='1.0'/>\n"
        "<word form='nice' pos='NN' polarity='-1.0' subjectivity='0.0' intensity='2.0'/>\n"
        "<word form='happy' pos='JJ' polarity='0.75' subjectivity='0.5' label='joy'/>\n"
        "<word form='simple' pos='JJ' polarity='0.5' subjectivity='0.5'/>\n"
        "<word form='so' pos='RB' polarity='0.0' subjectivity='0.0' intensity='2.0'/>\n"
        "<word form='bare' polarity='-0.5'/>\n"
        "<word form='caf\xc3\xa9' pos='NN' polarity='1.0' subjectivity='1.0'/>\n"
        "<word form='' pos='JJ' polarity='1.0'/>\n"
        "<group><word form='hidden' pos='JJ' polarity='1.0'/></group>\n"
        "</sentiment>\n";
    sentiment_analyzer *a = load(xml, 0);
    /* nice happy simple so bare café + nicely happily simply */
    assert_int_equal(sentiment_analyzer_lexicon_size(a), 9);
    double p, s;
    /* per POS means: JJ (0.375, 0.75, 1.0), NN (-1.0, 0.0, 2.0); None is
     * their mean: (-0.3125, 0.375, 1.5) */
    score(a, "nice", &p, &s);
    assert_double_is(p, -0.3125);
    assert_double_is(s, 0.375);
    /* nicely takes the JJ mean */
    score(a, "NICELY", &p, &s);
    assert_double_is(p, 0.375);
    assert_double_is(s, 0.75);
    score(a, "happily", &p, &s);
    assert_double_is(p, 0.75);
    score(a, "simply", &p, &s);
    assert_double_is(p, 0.5);
    /* "so" is a modifier (RB) with intensity 2.0: so happy = clamp(0.75*2) */
    score(a, "so happy", &p, &s);
    assert_double_is(p, 1.0);
    assert_double_is(s, 1.0);
    /* missing attributes default to 0.0 / 0.0 / 1.0; missing pos is a key */
    score(a, "bare", &p, &s);
    assert_double_is(p, -0.5);
    assert_double_is(s, 0.0);
    /* lowercasing is Unicode-aware; an empty form and nested words are not loaded */
    score(a, "CAF\xc3\x89", &p, &s);
    assert_double_is(p, 1.0);
    score(a, "hidden", &p, &s);
    assert_double_is(p, 0.0);
    sentiment_analyzer_free(a);
}

static int first_label(void *user, const char *const *words, size_t n, double p,
                       double s, const char *label)
{
    (void)words, (void)n, (void)p, (void)s;
    snprintf(user, 16, "%s", label ? label : "(null)");
    return 1;
}

static void labels_from_file(void **state)
{
    (void)state;
    sentiment_analyzer *a = load(
        "<s><word form='meh' label='first' polarity='-0.1'/>"
        "<word form='meh' label='second' polarity='-0.3'/></s>",
        0);
    char label[16] = "";
    assert_int_equal(
        sentiment_analyzer_assess(a, "meh", 3, NULL, NULL, first_label, label),
        SENTIMENT_E_ABORTED);
    assert_string_equal(label, "second");
    double p;
    score(a, "meh", &p, NULL);
    assert_double_is(p, -0.2);
    sentiment_analyzer_free(a);
}

/* ElementTree applies namespaces; a <word> in a default namespace is not
 * "word" to TextBlob's findall("word"), so it is not loaded here either. */
static void namespaced_words_are_ignored(void **state)
{
    (void)state;
    sentiment_analyzer *a = load(
        "<s xmlns='urn:x'><word form='good' polarity='1.0'/></s>", 0);
    assert_int_equal(sentiment_analyzer_lexicon_size(a), 0);
    sentiment_analyzer_free(a);
}

/* ------------------------------------------------------- malformed files */

static void expect_failure(const char *xml, int code, unsigned long line)
{
    sentiment_analyzer *a = (sentiment_analyzer *)1;
    unsigned long got_line = 12345;
    assert_int_equal(
        sentiment_analyzer_new_from_buffer(xml, strlen(xml), 0, &a, &got_line),
        code);
    assert_null(a);
    assert_int_equal(got_line, line);
}

static void malformed_files(void **state)
{
    (void)state;
    expect_failure("", SENTIMENT_E_XML, 1);
    expect_failure("<s>\n<word form='a' polarity='1'/>\n<word>\n</s>",
                   SENTIMENT_E_XML, 4);
    expect_failure("<s>\n\n<word form='a' polarity='x'/></s>",
                   SENTIMENT_E_LEXICON, 3);
    expect_failure("<s><word form='a' intensity='0x1p3'/></s>",
                   SENTIMENT_E_LEXICON, 1);
    expect_failure("<s><word polarity='1.0.0'/></s>", SENTIMENT_E_LEXICON, 1);
    expect_failure("<s>&undefined;</s>", SENTIMENT_E_XML, 1);
    expect_failure("not xml at all", SENTIMENT_E_XML, 1);

    sentiment_analyzer *a = (sentiment_analyzer *)1;
    unsigned long line = 3;
    assert_int_equal(sentiment_analyzer_new_from_file(
                         "/nonexistent/lexicon.xml", 0, &a, &line),
                     SENTIMENT_E_IO);
    assert_null(a);
    assert_int_equal(line, 0);
    assert_int_equal(sentiment_analyzer_new_from_file("/", 0, &a, NULL),
                     SENTIMENT_E_IO);
    assert_int_equal(
        sentiment_analyzer_new_from_buffer("<s/>", 4, 1u << 9, &a, NULL),
        SENTIMENT_E_INVALID);
}

static void numbers_as_python_reads_them(void **state)
{
    (void)state;
    locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
    double v;
    assert_true(sentimentp_parse_double(" 0.1 ", c, &v));
    assert_double_is(v, 0.1);
    assert_true(sentimentp_parse_double("-.5", c, &v));
    assert_double_is(v, -0.5);
    assert_true(sentimentp_parse_double("1e-2", c, &v));
    assert_double_is(v, 0.01);
    assert_true(sentimentp_parse_double("+2.", c, &v));
    assert_double_is(v, 2.0);
    assert_true(sentimentp_parse_double("Infinity", c, &v));
    assert_true(v > 1e308);
    assert_true(sentimentp_parse_double("nan", c, &v));
    assert_true(v != v);
    assert_false(sentimentp_parse_double("", c, &v));
    assert_false(sentimentp_parse_double(".", c, &v));
    assert_false(sentimentp_parse_double("1e", c, &v));
    assert_false(sentimentp_parse_double("0x10", c, &v));
    assert_false(sentimentp_parse_double("1,5", c, &v));
    freelocale(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builtin_equals_textblob),
        cmocka_unit_test(builtin_labels),
        cmocka_unit_test(loader_equals_builtin),
        cmocka_unit_test(resolution_rules),
        cmocka_unit_test(labels_from_file),
        cmocka_unit_test(namespaced_words_are_ignored),
        cmocka_unit_test(malformed_files),
        cmocka_unit_test(numbers_as_python_reads_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
