/*
 * TextBlob's emoticon table (textblob/_text.py, EMOTICONS), as data.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * TextBlob uses the table twice: a regular expression rejoins emoticons that
 * the tokenizer split (": - )" becomes ":-)"), then each lowercased word is
 * looked up. The regex tries its alternatives in table order, and the only
 * place where that order decides anything is a pair where one emoticon is a
 * prefix of another (":c" / ":c)", ":o" / ":o)"): the longer one comes first
 * in the table. Grouping the alternatives by first byte while keeping their
 * relative order therefore matches exactly what the regex does, and lets the
 * matcher skip every position whose byte starts no emoticon.
 */

#include <string.h>

#include "private.h"

enum { LOVE, GRIN, TAUNT, SMILE, WINK, GASP, WORRY, FROWN, CRY };

const double sentimentp_emoticon_polarity[] = {
    [LOVE] = +1.00,  [GRIN] = +1.00,  [TAUNT] = +0.75,
    [SMILE] = +0.50, [WINK] = +0.25,  [GASP] = +0.05,
    [WORRY] = -0.25, [FROWN] = -0.75, [CRY] = -1.00,
};

/* Laid out by hand: one emoticon category per line, as in TextBlob's list. */
/* clang-format off */
#define E(s, cat) { s, (uint8_t)(sizeof(s) - 1), cat }

const sentimentp_emoticon sentimentp_emoticons[] = {
    /* 0 '<' */
    E("<3", LOVE),
    /* 1 U+2665 BLACK HEART SUIT */
    E("\xe2\x99\xa5", LOVE),
    /* 2 '>' */
    E(">:D", GRIN), E(">:P", TAUNT), E(">:)", SMILE), E(">;]", WINK),
    E(">:o", GASP), E(">:/", WORRY), E(">:\\", WORRY), E(">.>", WORRY),
    E(">:[", FROWN),
    /* 11 ':' */
    E(":-D", GRIN), E(":D", GRIN),
    E(":-P", TAUNT), E(":P", TAUNT), E(":-p", TAUNT), E(":p", TAUNT),
    E(":-b", TAUNT), E(":b", TAUNT), E(":c)", TAUNT), E(":o)", TAUNT),
    E(":^)", TAUNT),
    E(":-)", SMILE), E(":)", SMILE), E(":]", SMILE), E(":}", SMILE),
    E(":>", SMILE), E(":3", SMILE),
    E(":-O", GASP), E(":O", GASP), E(":o", GASP), E(":-o", GASP),
    E(":-/", WORRY), E(":/", WORRY), E(":\\", WORRY), E(":-.", WORRY),
    E(":-s", WORRY), E(":s", WORRY), E(":S", WORRY), E(":-S", WORRY),
    E(":-(", FROWN), E(":(", FROWN), E(":-[", FROWN), E(":[", FROWN),
    E(":{", FROWN), E(":-<", FROWN), E(":c", FROWN), E(":-c", FROWN),
    E(":'(", CRY), E(":'''(", CRY),
    /* 50 '=' */
    E("=-D", GRIN), E("=D", GRIN), E("=)", SMILE), E("=]", SMILE),
    E("=(", FROWN), E("=/", FROWN),
    /* 56 'X' */
    E("X-D", GRIN), E("XD", GRIN),
    /* 58 'x' */
    E("x-D", GRIN), E("xD", GRIN),
    /* 60 '8' */
    E("8-D", GRIN), E("8)", SMILE), E("8-)", SMILE),
    /* 63 ';' */
    E(";-)", WINK), E(";)", WINK), E(";-]", WINK), E(";]", WINK),
    E(";D", WINK), E(";^)", WINK), E(";'(", CRY),
    /* 70 '*' */
    E("*-)", WINK), E("*)", WINK),
    /* 72 'o' */
    E("o_O", GASP), E("o.O", GASP),
    /* 74 U+00B0 DEGREE SIGN */
    E("\xc2\xb0O\xc2\xb0", GASP), E("\xc2\xb0o\xc2\xb0", GASP),
};
/* clang-format on */

const size_t sentimentp_emoticon_count = sizeof sentimentp_emoticons /
                                         sizeof sentimentp_emoticons[0];

const uint8_t sentimentp_emoticon_first[256][2] = {
    ['<'] = {0, 1},   [0xe2] = {1, 2},  ['>'] = {2, 11},  [':'] = {11, 50},
    ['='] = {50, 56}, ['X'] = {56, 58}, ['x'] = {58, 60}, ['8'] = {60, 63},
    [';'] = {63, 70}, ['*'] = {70, 72}, ['o'] = {72, 74}, [0xc2] = {74, 76},
};

/*
 * The bytes that can come second in each group (after at most one space).
 * Most candidate positions ("o" in "of", ":" in "said: and") fail here,
 * before any alternative is tried. test-api.c's spaced_emoticons_rejoin
 * would fail for an emoticon whose second byte were missing here.
 */
const char *const sentimentp_emoticon_second[256] = {
    ['<'] = "3",      [0xe2] = "\x99",
    ['>'] = ":;.",    [':'] = "-DPpbco^)]}>3O/\\sS([{'",
    ['='] = "-D)](/", ['X'] = "-D",
    ['x'] = "-D",     ['8'] = "-)",
    [';'] = "-)]D^'", ['*'] = "-)",
    ['o'] = "_.",     [0xc2] = "\xb0",
};

/*
 * Each pair of consecutive characters of an emoticon, and of "(!)", as
 * (last byte of the first, first byte of the second). test-swar.c
 * derives the pairs from the table above and checks that this list has
 * exactly those.
 */
const char *const sentimentp_join_next[256] = {
    ['!'] = ")",
    ['\''] = "'(",
    ['('] = "!",
    ['*'] = ")-",
    ['-'] = "()./<DOPS[]bcops",
    ['.'] = ">O",
    ['8'] = ")-",
    [':'] = "'()-/3>DOPS[\\]^bcops{}",
    [';'] = "')-D]^",
    ['<'] = "3",
    ['='] = "()-/D]",
    ['>'] = ".:;",
    ['O'] = "\xc2",
    ['X'] = "-D",
    ['^'] = ")",
    ['_'] = "O",
    ['c'] = ")",
    ['o'] = ")._\xc2",
    ['x'] = "-D",
    [0xb0] = "Oo",
};

/*
 * The bytes that may join a letter (o, c, x, X, O) to the next token, and
 * those after which the next token is not sure: whitespace, 'E' (it may
 * start END-OF-SENTENCE, which is dropped) and non-ASCII bytes. The
 * tokenizer looks closer only where this and sentimentp_join_next agree;
 * test-swar.c checks that it covers every letter's pairs.
 */
#define NA8 1, 1, 1, 1, 1, 1, 1, 1
#define NA64 NA8, NA8, NA8, NA8, NA8, NA8, NA8, NA8
/* clang-format off */
const bool sentimentp_unsure_after_letter[256] = {
    [')'] = 1, ['.'] = 1, ['_'] = 1, ['-'] = 1, ['D'] = 1, ['E'] = 1,
    SENTIMENTP_ASCII_SPACES(1, 1, 1),
    [0x80] = NA64, NA64,
};
/* clang-format on */
#undef NA64
#undef NA8

static bool equals_lowercased(const char *word, size_t len,
                              const sentimentp_emoticon *e)
{
    if (len != e->length)
        return false;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = sentimentp_ascii_lower((unsigned char)e->text[k]);
        if ((unsigned char)word[k] != c)
            return false;
    }
    return true;
}

static bool lookup_group(const char *word, size_t len, unsigned char first,
                         double *polarity)
{
    for (unsigned k = sentimentp_emoticon_first[first][0];
         k < sentimentp_emoticon_first[first][1]; k++) {
        if (equals_lowercased(word, len, &sentimentp_emoticons[k])) {
            *polarity =
                sentimentp_emoticon_polarity[sentimentp_emoticons[k].category];
            return true;
        }
    }
    return false;
}

/*
 * TextBlob only looks a word up if `not w.isalpha()`, which leaves out
 * exactly one lowercased emoticon, "xd": XD and xD never count. No two
 * categories share a lowercased emoticon, so the group scan order is moot.
 */
bool sentimentp_emoticon_lookup(const char *word, size_t len, double *polarity)
{
    if (len < 2 || len > 5)
        return false;
    if (len == 2 && word[0] == 'x' && word[1] == 'd')
        return false;
    unsigned char first = (unsigned char)word[0];
    if (first == 'x')
        return lookup_group(word, len, 'X', polarity) ||
               lookup_group(word, len, 'x', polarity);
    return lookup_group(word, len, first, polarity);
}
