/*
 * sentiment_analyzer_sentences(): NLTK Punkt's sentences and their scores.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * - every text of vectors/sentences-dev.jsonl (TextBlob + NLTK 3.8), spans
 *   and both modes' numbers, exactly;
 * - the exactness rules of lib/README.md ("Sentences (Punkt)") and more,
 *   one named case each, with the spans punkt_oracle.py gives (written
 *   out below);
 * - invalid UTF-8, NUL bytes, very long inputs, the callback stopping,
 *   bad arguments, strict UTF-8, and the model table's odd entry.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include <sentiment.h>

#include "punkt.h"
#include "testlib.h"

#define MAX_SPANS 64 /* the vectors have at most 24 */

struct span {
    size_t start, end;
};

/* What the callback saw. */
struct seen {
    size_t n;
    struct span span[MAX_SPANS];
    double polarity[MAX_SPANS];
    double subjectivity[MAX_SPANS];
    size_t stop_at; /* return non-zero on this call (1-based); 0 never */
    size_t total;   /* calls, also beyond MAX_SPANS */
    size_t last_end;
    int ordered; /* every span non-empty and after the previous */
};

static int on_sentence(void *user, size_t start, size_t end, double polarity,
                       double subjectivity)
{
    struct seen *s = user;
    if (start >= end || start < s->last_end)
        s->ordered = 0;
    s->last_end = end;
    if (s->n < MAX_SPANS) {
        s->span[s->n].start = start;
        s->span[s->n].end = end;
        s->polarity[s->n] = polarity;
        s->subjectivity[s->n] = subjectivity;
        s->n++;
    }
    s->total++;
    return s->stop_at != 0 && s->total == s->stop_at;
}

static int split(const sentiment_analyzer *a, const char *text, size_t len,
                 struct seen *s)
{
    memset(s, 0, sizeof *s);
    s->ordered = 1;
    return sentiment_analyzer_sentences(a, text, len, on_sentence, s);
}

static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* Each sentence's numbers are those of its bytes scored alone. */
static void assert_scored_alone(const sentiment_analyzer *a, const char *text,
                                const struct seen *s)
{
    for (size_t k = 0; k < s->n; k++) {
        double p, q;
        assert_int_equal(
            sentiment_analyzer_score(a, text + s->span[k].start,
                                     s->span[k].end - s->span[k].start, &p, &q),
            0);
        assert_true(same_double(p, s->polarity[k]));
        assert_true(same_double(q, s->subjectivity[k]));
    }
}

/* ------------------------------------------------------------ traps */

struct trap {
    const char *name;
    const char *text;
    size_t len;
    size_t n;
    struct span spans[MAX_SPANS];
};

/* From punkt_oracle.py's tokenizer (NLTK 3.8, this model); the comment
 * under each is the sentences as Python prints them. */
/* Laid out by hand: one trap per line, the oracle's sentences under it. */
/* clang-format off */
static const struct trap traps[] = {
    {"spaced_periods_split", "Good. . . Bad.", 14, 4, {{0, 5}, {6, 7}, {8, 9}, {10, 14}}},
      /* ['Good.', '.', '.', 'Bad.'] */
    {"ellipsis_joins", "Good... Bad.", 12, 1, {{0, 12}}},
      /* ['Good... Bad.'] */
    {"no_space_after_period", "I love it.I hate it.", 20, 1, {{0, 20}}},
      /* ['I love it.I hate it.'] */
    {"leading_space_kept_trailing_stripped", "  Good. Bad.  ", 14, 2, {{0, 7}, {8, 12}}},
      /* ['  Good.', 'Bad.'] */
    {"number_then_upper_breaks", "It costs 5. Then it is bad.", 27, 2, {{0, 11}, {12, 27}}},
      /* ['It costs 5.', 'Then it is bad.'] */
    {"number_then_lower_joins", "It costs 5. then it is bad.", 27, 1, {{0, 27}}},
      /* ['It costs 5. then it is bad.'] */
    {"cr_is_no_line_break", "ok.\x0d" "Bad.", 8, 1, {{0, 8}}},
      /* ['ok.\rBad.'] */
    {"double_dash_after_space", "Good. -- Bad.", 13, 2, {{0, 5}, {6, 13}}},
      /* ['Good.', '-- Bad.'] */
    {"double_dash_glued", "Good.--Bad.", 11, 1, {{0, 11}}},
      /* ['Good.--Bad.'] */
    {"emoticon_after_break", "Good. :) Bad.", 13, 2, {{0, 5}, {6, 13}}},
      /* ['Good.', ':) Bad.'] */
    {"closing_quote_realigned", "\x22Good.\x22 Bad.", 12, 2, {{0, 7}, {8, 12}}},
      /* ['"Good."', 'Bad.'] */
    {"st_louis", "St. Louis is good. St. is bad.", 30, 2, {{0, 18}, {19, 30}}},
      /* ['St. Louis is good.', 'St. is bad.'] */
    {"dr_no", "Dr. No is good.", 15, 1, {{0, 15}}},
      /* ['Dr. No is good.'] */
    {"initial_x", "X. Good. Y.", 11, 3, {{0, 2}, {3, 8}, {9, 11}}},
      /* ['X.', 'Good.', 'Y.'] */
    {"nbsp_breaks", "Good.\xc2\xa0" "Bad.", 11, 2, {{0, 5}, {7, 11}}},
      /* ['Good.', 'Bad.'] */
    {"line_separator_breaks", "Good.\xe2\x80\xa8" "Bad.", 12, 2, {{0, 5}, {8, 12}}},
      /* ['Good.', 'Bad.'] */
    {"file_separator_breaks", "Good.\x1c" "Bad.", 10, 2, {{0, 5}, {6, 10}}},
      /* ['Good.', 'Bad.'] */
    {"spaced_abbrev_keeps_trailing_space", "Good . . . and bad.", 19, 4, {{0, 6}, {7, 8}, {9, 10}, {11, 19}}},
      /* ['Good .', '.', '.', 'and bad.'] */
    {"four_spaced_periods", "Good. . . . Bad.", 16, 5, {{0, 5}, {6, 7}, {8, 9}, {10, 11}, {12, 16}}},
      /* ['Good.', '.', '.', '.', 'Bad.'] */
    {"bangs_last_survives", "Very bad acting!!! I promise.", 29, 2, {{0, 18}, {19, 29}}},
      /* ['Very bad acting!!!', 'I promise.'] */
    {"question_bang", "Really?! Yes.", 13, 2, {{0, 8}, {9, 13}}},
      /* ['Really?!', 'Yes.'] */
    {"initials_j_bach", "J. Bach was good. He was.", 25, 2, {{0, 17}, {18, 25}}},
      /* ['J. Bach was good.', 'He was.'] */
    {"initial_then_lower", "A. good day.", 12, 1, {{0, 12}}},
      /* ['A. good day.'] */
    {"collocation_number", "In 1990. Cooper said so.", 24, 1, {{0, 24}}},
      /* ['In 1990. Cooper said so.'] */
    {"number_no_collocation", "In 1990. Smith said so.", 23, 2, {{0, 8}, {9, 23}}},
      /* ['In 1990.', 'Smith said so.'] */
    {"nonword_after_paren", "Good.) Bad.", 11, 2, {{0, 6}, {7, 11}}},
      /* ['Good.)', 'Bad.'] */
    {"nonword_after_star", "Good.* Bad.", 11, 2, {{0, 5}, {5, 11}}},
      /* ['Good.', '* Bad.'] */
    {"realign_paren_space", "(Good.) Bad.", 12, 2, {{0, 7}, {8, 12}}},
      /* ['(Good.)', 'Bad.'] */
    {"realign_paren_dash", "(Good.)-- bad.", 14, 2, {{0, 7}, {7, 14}}},
      /* ['(Good.)', '-- bad.'] */
    {"realign_quote_end", "He said \x22good.\x22", 15, 1, {{0, 15}}},
      /* ['He said "good."'] */
    {"realign_two_closers", "He said (\x22good.\x22) Bad.", 22, 2, {{0, 17}, {18, 22}}},
      /* ['He said ("good.")', 'Bad.'] */
    {"mr_smith", "Mr. Smith is good. He is bad.", 29, 2, {{0, 18}, {19, 29}}},
      /* ['Mr. Smith is good.', 'He is bad.'] */
    {"us_abbrev", "The U.S. Army is good. It is.", 29, 2, {{0, 22}, {23, 29}}},
      /* ['The U.S. Army is good.', 'It is.'] */
    {"eg_abbrev", "Many, e.g. apples, are good. Fine.", 34, 3, {{0, 10}, {11, 28}, {29, 34}}},
      /* ['Many, e.g.', 'apples, are good.', 'Fine.'] */
    {"hyphen_abbrev", "The ex-gen. Smith came. He left.", 32, 2, {{0, 23}, {24, 32}}},
      /* ['The ex-gen. Smith came.', 'He left.'] */
    {"sentence_starter_after_abbrev", "It was in Jan. However it was bad.", 34, 2, {{0, 14}, {15, 34}}},
      /* ['It was in Jan.', 'However it was bad.'] */
    {"unicode_upper_start", "Good. \xc3\x89t\xc3\xa9 was nice.", 21, 2, {{0, 5}, {6, 21}}},
      /* ['Good.', 'Été was nice.'] */
    {"unicode_lower_start", "Good. \xc3\xa9t\xc3\xa9 was nice.", 21, 2, {{0, 5}, {6, 21}}},
      /* ['Good.', 'été was nice.'] */
    {"kelvin_sign_lowers_to_k", "ok. \xe2\x84\xaa. Bad.", 13, 1, {{0, 13}}},
      /* ['ok. K. Bad.'] */
    {"titlecase_is_neither", "Good. \xc7\x85ungla is bad.", 21, 2, {{0, 5}, {6, 21}}},
      /* ['Good.', 'ǅungla is bad.'] */
    {"ideographic_space", "Good.\xe3\x80\x80" "Bad.", 12, 2, {{0, 5}, {8, 12}}},
      /* ['Good.', 'Bad.'] */
    {"tab_and_newlines", "Good.\x0a\x0a" "Bad.\x09Nice.", 17, 3, {{0, 5}, {7, 11}, {12, 17}}},
      /* ['Good.', 'Bad.', 'Nice.'] */
    {"comma_after_period", "Good., bad.", 11, 1, {{0, 11}}},
      /* ['Good., bad.'] */
    {"only_spaces", "   \x09\x0a ", 6, 0, {{0, 0}}},
      /* [] */
    {"empty", "", 0, 0, {{0, 0}}},
      /* [] */
    {"one_mark", ".", 1, 1, {{0, 1}}},
      /* ['.'] */
    {"marks_only", "!!! ??? ...", 11, 5, {{0, 1}, {1, 3}, {4, 5}, {5, 7}, {8, 11}}},
      /* ['!', '!!', '?', '??', '...'] */
    {"no_mark", "good day", 8, 1, {{0, 8}}},
      /* ['good day'] */
    {"trailing_unicode_space_stripped", "Good. Bad.\xc2\xa0\xe2\x80\x83", 15, 2, {{0, 5}, {6, 10}}},
      /* ['Good.', 'Bad.'] */
    {"nul_bytes", "Good.\x00 Bad. Nice.", 17, 2, {{0, 11}, {12, 17}}},
      /* ['Good.\x00 Bad.', 'Nice.'] */
};
/* clang-format on */

static void trap(void **state)
{
    const struct trap *t = *state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    struct seen s;
    assert_int_equal(split(a, t->text, t->len, &s), 0);
    bool same = s.n == t->n && s.total == t->n;
    for (size_t k = 0; same && k < t->n; k++)
        same = s.span[k].start == t->spans[k].start &&
               s.span[k].end == t->spans[k].end;
    if (!same) {
        print_error("%s: got %zu sentences:", t->name, s.total);
        for (size_t k = 0; k < s.n; k++)
            print_error(" [%zu, %zu)", s.span[k].start, s.span[k].end);
        print_error("\n");
    }
    assert_true(same);
    assert_true(s.ordered);
    assert_scored_alone(a, t->text, &s);
    sentiment_analyzer_free(a);
}

/* ------------------------------------------------------------ vectors */

static int check_text(const sentiment_analyzer *a, const char *text, size_t len,
                      json_t *want, const char *suffix, size_t line)
{
    struct seen s;
    int rc = split(a, text, len, &s);
    size_t n = json_array_size(want);
    int bad = rc != 0 || s.total != n || n > MAX_SPANS;
    char pk[32], sk[32];
    snprintf(pk, sizeof pk, "polarity%s", suffix);
    snprintf(sk, sizeof sk, "subjectivity%s", suffix);
    for (size_t k = 0; !bad && k < n; k++) {
        json_t *o = json_array_get(want, k);
        bad = s.span[k].start !=
                  (size_t)json_integer_value(json_object_get(o, "start")) ||
              s.span[k].end !=
                  (size_t)json_integer_value(json_object_get(o, "end")) ||
              !same_double(s.polarity[k],
                           json_number_value(json_object_get(o, pk))) ||
              !same_double(s.subjectivity[k],
                           json_number_value(json_object_get(o, sk)));
    }
    if (bad)
        print_error(
            "sentences-dev.jsonl:%zu (mode '%s'): %zu sentences, want %zu\n",
            line, suffix, s.total, n);
    return bad;
}

static void dev_vectors(void **state)
{
    (void)state;
    sentiment_analyzer *modern, *py311;
    assert_int_equal(sentiment_analyzer_new(0, &modern), 0);
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_COMPAT_PY311, &py311), 0);
    size_t len;
    char *data = testlib_read("vectors/sentences-dev.jsonl", &len);
    size_t texts = 0, sentences = 0, failures = 0, line = 0;
    /* valgrind runs this 50 times slower: a sample of the texts still
     * covers the code (every row is still parsed and counted) */
    size_t every = getenv("SENTIMENT_TEST_QUICK") ? 10 : 1;
    for (char *p = data, *nl; p < data + len; p = nl + 1) {
        nl = memchr(p, '\n', (size_t)(data + len - p));
        if (!nl)
            nl = data + len;
        line++;
        json_error_t err;
        json_t *row = json_loadb(p, (size_t)(nl - p), JSON_ALLOW_NUL, &err);
        if (!row) {
            print_error("sentences-dev.jsonl:%zu: %s\n", line, err.text);
            fail();
        }
        json_t *text = json_object_get(row, "text");
        json_t *want = json_object_get(row, "sentences");
        assert_true(json_is_string(text) && json_is_array(want));
        const char *t = json_string_value(text);
        size_t n = json_string_length(text);
        if (texts % every == 0) {
            failures += (size_t)check_text(modern, t, n, want, "", line);
            failures += (size_t)check_text(py311, t, n, want, "_py311", line);
        }
        sentences += json_array_size(want);
        texts++;
        json_decref(row);
    }
    free(data);
    sentiment_analyzer_free(modern);
    sentiment_analyzer_free(py311);
    assert_int_equal(texts, 11193);
    assert_int_equal(sentences, 36367);
    assert_int_equal(failures, 0);
}

/* ------------------------------------------------------------ the rest */

static void invalid_utf8_spans(void **state)
{
    (void)state;
    /* the splitter reads each maximal invalid subpart as one U+FFFD; the
     * spans are in these bytes (checked against NLTK on the decoded str) */
    static const struct trap cases[] = {
        {"ff in a word",
         "Good. Bad\xff. Nice.",
         17,
         3,
         {{0, 5}, {6, 11}, {12, 17}}},
        {"truncated sequences",
         "\xe2\x82. Good. \xf0\x9f. Bad.",
         18,
         4,
         {{0, 3}, {4, 9}, {10, 13}, {14, 18}}},
        {"lone lead, surrogate",
         "Good.\xc2 Bad. \xed\xa0\x80 Nice! \xe2\x80\xa8 Ok.",
         29,
         3,
         {{0, 11}, {12, 21}, {26, 29}}},
    };
    sentiment_analyzer *a, *strict;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_STRICT_UTF8, &strict), 0);
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        struct seen s;
        assert_int_equal(split(a, cases[c].text, cases[c].len, &s), 0);
        assert_int_equal(s.total, cases[c].n);
        for (size_t k = 0; k < s.n; k++) {
            assert_int_equal(s.span[k].start, cases[c].spans[k].start);
            assert_int_equal(s.span[k].end, cases[c].spans[k].end);
        }
        /* a span's score is that of its bytes alone, read as U+FFFD too */
        assert_scored_alone(a, cases[c].text, &s);
        /* strict: rejected before any callback */
        assert_int_equal(split(strict, cases[c].text, cases[c].len, &s),
                         SENTIMENT_E_UTF8);
        assert_int_equal(s.total, 0);
    }
    sentiment_analyzer_free(a);
    sentiment_analyzer_free(strict);
}

static void strict_valid_text_passes(void **state)
{
    (void)state;
    sentiment_analyzer *strict;
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_STRICT_UTF8, &strict), 0);
    struct seen s;
    const char *t = "Caf\xc3\xa9 is good. \xc3\x89t\xc3\xa9 was bad.";
    assert_int_equal(split(strict, t, strlen(t), &s), 0);
    assert_int_equal(s.total, 2);
    assert_int_equal(s.span[0].end, 14);
    sentiment_analyzer_free(strict);
}

static void callback_abort(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    const char *t = "Good. Bad. Nice. Great.";
    for (size_t k = 1; k <= 4; k++) {
        struct seen s;
        memset(&s, 0, sizeof s);
        s.ordered = 1;
        s.stop_at = k;
        assert_int_equal(
            sentiment_analyzer_sentences(a, t, strlen(t), on_sentence, &s),
            SENTIMENT_E_ABORTED);
        assert_int_equal(s.total, k);
    }
    sentiment_analyzer_free(a);
}

static void bad_arguments(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    struct seen s;
    memset(&s, 0, sizeof s);
    assert_int_equal(
        sentiment_analyzer_sentences(NULL, "Good.", 5, on_sentence, &s),
        SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_analyzer_sentences(a, "Good.", 5, NULL, &s),
                     SENTIMENT_E_INVALID);
    assert_int_equal(sentiment_analyzer_sentences(a, NULL, 5, on_sentence, &s),
                     SENTIMENT_E_INVALID);
    assert_int_equal(s.total, 0);
    /* NULL with length 0 is the empty text: no sentence */
    assert_int_equal(sentiment_analyzer_sentences(a, NULL, 0, on_sentence, &s),
                     0);
    assert_int_equal(s.total, 0);
    sentiment_analyzer_free(a);
}

static void both_modes_differ_where_textblob_does(void **state)
{
    (void)state;
    sentiment_analyzer *modern, *py311;
    assert_int_equal(sentiment_analyzer_new(0, &modern), 0);
    assert_int_equal(sentiment_analyzer_new(SENTIMENT_COMPAT_PY311, &py311), 0);
    const char *t = "Fine. The service was casual and clear.";
    struct seen s;
    assert_int_equal(split(modern, t, strlen(t), &s), 0);
    assert_int_equal(s.total, 2);
    assert_true(same_double(s.polarity[1], -0.2));
    assert_int_equal(split(py311, t, strlen(t), &s), 0);
    assert_true(same_double(s.polarity[1], -0.20000000000000004));
    sentiment_analyzer_free(modern);
    sentiment_analyzer_free(py311);
}

/* Long inputs: many sentences, and runs that once made NLTK's regex slow. */
static void long_inputs(void **state)
{
    (void)state;
    sentiment_analyzer *a;
    assert_int_equal(sentiment_analyzer_new(0, &a), 0);
    size_t n = (size_t)1 << (getenv("SENTIMENT_TEST_QUICK") ? 16 : 20);
    char *t = malloc(n + 16); /* n bytes and a few around them */
    assert_non_null(t);
    struct seen s;

    /* "Good. " n / 6 times: one sentence each */
    size_t reps = n / 6;
    for (size_t k = 0; k < reps; k++)
        memcpy(t + 6 * k, "Good. ", 6);
    assert_int_equal(split(a, t, 6 * reps, &s), 0);
    assert_int_equal(s.total, reps);
    assert_true(s.ordered);
    assert_int_equal(s.last_end, 6 * reps - 1);

    /* one huge token, then a break */
    memset(t, 'a', n);
    memcpy(t + n, ". Bad.", 6);
    assert_int_equal(split(a, t, n + 6, &s), 0);
    assert_int_equal(s.total, 2);
    assert_int_equal(s.span[0].end, n + 1);

    /* a run of '!' between two words: only the last one is a candidate */
    t[0] = 'x';
    memset(t + 1, '!', n);
    memcpy(t + n + 1, " Yes.", 5);
    assert_int_equal(split(a, t, n + 6, &s), 0);
    assert_int_equal(s.total, 2);
    assert_int_equal(s.span[0].end, n + 1);

    /* periods, spaces, and periods with spaces */
    memset(t, '.', n);
    assert_int_equal(split(a, t, n, &s), 0);
    assert_int_equal(s.total, 1);
    memcpy(t, "Good.", 5);
    memset(t + 5, ' ', n);
    memcpy(t + 5 + n, "Bad", 3);
    assert_int_equal(split(a, t, n + 8, &s), 0);
    assert_int_equal(s.total, 2);
    for (size_t k = 0; k < n; k += 2)
        memcpy(t + k, ". ", 2);
    assert_int_equal(split(a, t, n, &s), 0);
    assert_true(s.ordered);
    assert_int_equal(s.total, n / 2);
    free(t);
    sentiment_analyzer_free(a);
}

static void model_keeps_spaced_abbreviation(void **state)
{
    (void)state;
    const sentimentp_punkt_model *rules = &sentimentp_punkt_rules;
    assert_true(sentimentp_punkt_lookup(rules, ". . ", 4) &
                SENTIMENTP_PUNKT_ABBREV);
    assert_false(sentimentp_punkt_lookup(rules, ". .", 3) &
                 SENTIMENTP_PUNKT_ABBREV);
    assert_true(sentimentp_punkt_lookup(rules, "mr", 2) &
                SENTIMENTP_PUNKT_ABBREV);
    assert_true(sentimentp_punkt_lookup(rules, "however", 7) &
                SENTIMENTP_PUNKT_STARTER);
    assert_true(sentimentp_punkt_lookup(rules, "##number##\tcooper", 17) &
                SENTIMENTP_PUNKT_COLLOCATION);
    assert_int_equal(sentimentp_punkt_lookup(rules, "no-such-type", 12), 0);
    /* 156 abbreviations, 39 starters, 37 collocations; none twice */
    assert_int_equal(rules->n_keys, 156 + 39 + 37);
    assert_int_equal(sentimentp_punkt_lookup(&sentimentp_punkt_ortho, "a", 1),
                     126);
    assert_int_equal(sentimentp_punkt_lookup(&sentimentp_punkt_ortho, "a&m", 3),
                     4);
    assert_int_equal(sentimentp_punkt_ortho.n_keys, 20366);
}

int main(void)
{
    enum { N_TRAPS = sizeof traps / sizeof *traps };
    struct CMUnitTest tests[N_TRAPS + 8];
    size_t n = 0;
    for (size_t k = 0; k < N_TRAPS; k++) {
        struct CMUnitTest t = cmocka_unit_test_prestate(trap,
                                                        (void *)&traps[k]);
        t.name = traps[k].name;
        tests[n++] = t;
    }
    const struct CMUnitTest rest[] = {
        cmocka_unit_test(dev_vectors),
        cmocka_unit_test(invalid_utf8_spans),
        cmocka_unit_test(strict_valid_text_passes),
        cmocka_unit_test(callback_abort),
        cmocka_unit_test(bad_arguments),
        cmocka_unit_test(both_modes_differ_where_textblob_does),
        cmocka_unit_test(long_inputs),
        cmocka_unit_test(model_keeps_spaced_abbreviation),
    };
    for (size_t k = 0; k < sizeof rest / sizeof *rest; k++)
        tests[n++] = rest[k];
    return _cmocka_run_group_tests("sentences", tests, n, NULL, NULL);
}
