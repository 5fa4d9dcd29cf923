/*
 * Fuzz target: sentiment-cli's record reader (cli/records.c).
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * The leading bytes choose how the input arrives, the rest is the input:
 *
 *   byte 0  bit 0     the separator: '\n' (0) or '\0' (1, as with -z)
 *           bits 1-7  seed of the block sizes
 *   byte 1  the largest block, 1 + byte bytes
 *   rest    the input: any bytes
 *
 * The input is fed in blocks as sentiment-cli reads it: after each block
 * records_end() gives the complete records, record_next() takes them, and
 * the incomplete tail is kept for the next block; at the end the tail is
 * the last record. Checks:
 * - records_end() cuts just after a separator, and no separator follows;
 * - no record holds the separator; its terminator is the separator, CR LF
 *   (only with '\n'), or nothing for the last record of the input only; a
 *   record ended by a bare separator never ends with '\r' when it is '\n';
 * - the records with their terminators give back the input, byte for byte;
 * - there is one record per separator, plus one for a tail without it;
 * - the records are the same whatever the blocks, as when the whole input
 *   is cut at once.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "records.h"

/* Where one record was: offset in the input, length, terminator. */
struct seen {
    size_t at, len, term;
};

/* Checks one record taken from a buffer that ends at 'end', and its
 * terminator. */
static void check_record(const struct record *r, const char *end, char sep)
{
    FUZZ_CHECK(r->text + r->len + r->term <= end);
    FUZZ_CHECK(memchr(r->text, sep, r->len) == NULL);
    switch (r->term) {
    case 0:
        FUZZ_CHECK(r->text + r->len == end);
        break;
    case 1:
        FUZZ_CHECK(r->text[r->len] == sep);
        FUZZ_CHECK(sep != '\n' || r->len == 0 || r->text[r->len - 1] != '\r');
        break;
    case 2:
        FUZZ_CHECK(sep == '\n');
        FUZZ_CHECK(r->text[r->len] == '\r' && r->text[r->len + 1] == '\n');
        break;
    default:
        FUZZ_CHECK(!"terminator of 0, 1 or 2 bytes");
    }
}

/* Takes every record of buf[0..len), which starts at offset 'at' of the
 * input, into seen[]; 'last' says whether a final record may lack its
 * separator. Returns the new number of records. */
static size_t take(const char *buf, size_t len, size_t at, char sep, int last,
                   struct seen *seen, size_t n)
{
    const char *pos = buf, *end = buf + len;
    struct record r, before;

    while (record_next(&pos, end, sep, &r)) {
        check_record(&r, end, sep);
        FUZZ_CHECK(r.text >= buf && pos == r.text + r.len + r.term);
        FUZZ_CHECK(r.term != 0 || last);
        seen[n].at = at + (size_t)(r.text - buf);
        seen[n].len = r.len;
        seen[n].term = r.term;
        n++;
    }
    FUZZ_CHECK(pos == end);
    memset(&r, 0x5a, sizeof r);
    before = r;
    FUZZ_CHECK(!record_next(&pos, end, sep, &r));   /* Nothing left, */
    FUZZ_CHECK(memcmp(&r, &before, sizeof r) == 0); /* *r untouched. */
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct seen *whole, *blocks;
    size_t n_whole, n_blocks = 0, n_sep = 0, len, tail = 0, done = 0, i;
    const char *in;
    char sep, *buf;
    uint32_t rng;
    size_t max_block;

    if (size < 2 || size > FUZZ_MAX_INPUT)
        return 0;
    sep = data[0] & 1 ? '\0' : '\n';
    rng = 2166136261u ^ (data[0] >> 1);
    max_block = 1 + (size_t)data[1];
    in = (const char *)data + 2;
    len = size - 2;
    for (i = 0; i < len; i++)
        n_sep += in[i] == sep;

    /* At most one record per byte, plus one. */
    whole = malloc((len + 1) * sizeof *whole);
    blocks = malloc((len + 1) * sizeof *blocks);
    buf = malloc(len + 1);
    FUZZ_CHECK(whole && blocks && buf);

    /* All at once. */
    n_whole = take(in, len, 0, sep, 1, whole, 0);
    FUZZ_CHECK(n_whole == n_sep + (len > 0 && in[len - 1] != sep));
    for (i = 0, done = 0; i < n_whole; i++) { /* Gives back the input, */
        FUZZ_CHECK(whole[i].at == done);      /* terminators included. */
        done += whole[i].len + whole[i].term;
        FUZZ_CHECK(whole[i].term != 0 || i == n_whole - 1);
    }
    FUZZ_CHECK(done == len);

    /* By blocks, as sentiment-cli reads: buf[0..tail) is the start of a
     * record at offset 'done' of the input. */
    done = 0;
    for (i = 0; i < len;) {
        size_t n, k;

        rng = rng * 1103515245u + 12345u;
        n = 1 + (rng >> 16) % max_block;
        if (n > len - i)
            n = len - i;
        memcpy(buf + tail, in + i, n);
        i += n;
        k = records_end(buf, tail + n, tail, sep);
        FUZZ_CHECK(k == 0 || (k > tail && k <= tail + n && buf[k - 1] == sep));
        FUZZ_CHECK(memchr(buf + k, sep, tail + n - k) == NULL);
        if (k == 0) {
            FUZZ_CHECK(memchr(buf, sep, tail + n) == NULL);
            tail += n;
            continue;
        }
        n_blocks = take(buf, k, done, sep, 0, blocks, n_blocks);
        done += k;
        tail = tail + n - k;
        memmove(buf, buf + k, tail);
    }
    n_blocks = take(buf, tail, done, sep, 1, blocks, n_blocks);

    FUZZ_CHECK(n_blocks == n_whole);
    FUZZ_CHECK(memcmp(blocks, whole, n_whole * sizeof *whole) == 0);
    free(whole);
    free(blocks);
    free(buf);
    return 0;
}
