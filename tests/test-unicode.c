/*
 * The Unicode facts TextBlob's behaviour depends on (lib/README.md,
 * "Unicode"), checked over every code point: Python's whitespace set, and
 * which characters lowercase to ASCII.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "private.h"

/* str.isspace() beyond ASCII, Python 3.11-3.13 (Unicode 14-15.1). */
static bool python_space(uint32_t cp)
{
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

static void whitespace_is_pythons(void **state)
{
    (void)state;
    for (uint32_t cp = 0x80; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            continue;
        if (sentimentp_is_unicode_space(cp) != python_space(cp))
            fail_msg("U+%04X: isspace differs", (unsigned)cp);
    }
}

/*
 * Only ASCII words can match the built-in lexicon, so what matters is which
 * non-ASCII characters lowercase into ASCII: KELVIN SIGN (to k) and, under
 * the simple mapping only, U+0130 (which Python lowers to two code points,
 * handled apart in score.c).
 */
static void only_kelvin_lowers_to_ascii(void **state)
{
    (void)state;
    for (uint32_t cp = 0x80; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            continue;
        utf8proc_int32_t lower = utf8proc_tolower((utf8proc_int32_t)cp);
        bool ascii = lower < 0x80;
        if (ascii != (cp == 0x212a || cp == 0x130))
            fail_msg("U+%04X lowers to U+%04X", (unsigned)cp, (unsigned)lower);
    }
    double p;
    assert_int_equal(sentiment_score("\xe2\x84\xaaind", 6, &p, NULL),
                     0); /* "Kind" */
    assert_true(p > 0.5);
}

static void decoder_agrees_with_utf8proc(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10ffff; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff)
            continue;
        unsigned char buf[4];
        size_t n = sentimentp_utf8_encode(cp, (char *)buf);
        assert_true(n >= 1 && n <= 4);
        assert_int_equal(sentimentp_utf8_valid_len(buf, n), n);
        size_t got;
        assert_int_equal(sentimentp_utf8_decode(buf, &got), cp);
        assert_int_equal(got, n);
        utf8proc_int32_t ref;
        assert_int_equal(utf8proc_iterate(buf, (utf8proc_ssize_t)n, &ref),
                         (utf8proc_ssize_t)n);
        assert_int_equal(ref, (utf8proc_int32_t)cp);
    }
    /* surrogates and overlong forms are invalid */
    assert_int_equal(
        sentimentp_utf8_valid_len((const unsigned char *)"\xed\xa0\x80", 3), 0);
    assert_int_equal(
        sentimentp_utf8_valid_len((const unsigned char *)"\xc0\x80", 2), 0);
    assert_int_equal(
        sentimentp_utf8_valid_len((const unsigned char *)"\xf4\x90\x80\x80", 4),
        0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whitespace_is_pythons),
        cmocka_unit_test(only_kelvin_lowers_to_ascii),
        cmocka_unit_test(decoder_agrees_with_utf8proc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
