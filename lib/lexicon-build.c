/*
 * Resolving a lexicon as TextBlob's en.Sentiment.load() does (lib/README.md,
 * "The lexicon"): average the senses of each form per part of speech, average
 * those per-POS means into the POS-agnostic entry, then derive an "-ly"
 * adverb from every adjective.
 *
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * Python dicts keep insertion order and TextBlob's averages depend on it, so
 * forms, parts of speech per form and senses per part of speech are all
 * kept in document order.
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "private.h"
#include "swar.h"

#define NONE UINT32_MAX

typedef struct sense {
    double value[3]; /* polarity, subjectivity, intensity */
    uint32_t next;
} sense;

typedef struct part { /* the senses of one form under one POS key */
    uint32_t pos;     /* offset of the POS string in the pool, or NONE */
    uint32_t first_sense, last_sense, n_senses;
    uint32_t next; /* the form's next part, in first-appearance order */
} part;

typedef struct xml_form {
    uint32_t offset, length; /* in the pool */
    uint32_t label;          /* offset in the pool, or NONE */
    uint32_t first_part, last_part;
} xml_form;

struct sentimentp_builder {
    sentimentp_buf pool;   /* NUL-terminated strings */
    sentimentp_buf forms;  /* xml_form[] */
    sentimentp_buf parts;  /* part[] */
    sentimentp_buf senses; /* sense[] */
    sentimentp_buf index;  /* uint32_t[]: form id + 1, open addressing */
};

sentimentp_builder *sentimentp_builder_new(void)
{
    sentimentp_builder *b = calloc(1, sizeof *b);
    return b;
}

void sentimentp_builder_free(sentimentp_builder *b)
{
    if (!b)
        return;
    sentimentp_buf_free(&b->pool);
    sentimentp_buf_free(&b->forms);
    sentimentp_buf_free(&b->parts);
    sentimentp_buf_free(&b->senses);
    sentimentp_buf_free(&b->index);
    free(b);
}

#define AT(buf, type, k) (((type *)(void *)(buf).data)[k])
#define COUNT(buf, type) ((uint32_t)((buf).len / sizeof(type)))

static bool add_string(sentimentp_builder *b, const char *s, size_t len,
                       uint32_t *offset)
{
    if (b->pool.len + len + 1 > UINT32_MAX ||
        !sentimentp_buf_reserve(&b->pool, len + 1))
        return false;
    *offset = (uint32_t)b->pool.len;
    memcpy(b->pool.data + b->pool.len, s, len);
    b->pool.data[b->pool.len + len] = '\0';
    b->pool.len += len + 1;
    return true;
}

static bool push(sentimentp_buf *buf, const void *item, size_t size)
{
    if (!sentimentp_buf_reserve(buf, size))
        return false;
    memcpy(buf->data + buf->len, item, size);
    buf->len += size;
    return true;
}

/* Puts `value` into the first free slot from the hash's, probing linearly. */
static void place(uint32_t *slots, uint32_t n_slots, const char *key,
                  size_t len, uint32_t value)
{
    uint32_t slot = sentimentp_hash(key, len) & (n_slots - 1);
    while (slots[slot])
        slot = (slot + 1) & (n_slots - 1);
    slots[slot] = value;
}

/*
 * Enters form k into the resolved table's slots. An empty form is left
 * out: no word is empty, and an empty slot is one of length 0.
 */
static void index_form(sentimentp_slot *slots, uint32_t n_slots,
                       const char *text, size_t len, uint32_t k)
{
    if (len == 0)
        return;
    uint32_t slot = (uint32_t)sentimentp_hash(text, len) & (n_slots - 1);
    while (slots[slot].length)
        slot = (slot + 1) & (n_slots - 1);
    slots[slot].head = sentimentp_load_chunk((const unsigned char *)text, len);
    slots[slot].length = (uint32_t)len;
    slots[slot].form = k;
}

/* Doubles the form index when it is half full and re-places every form. */
static bool grow_index(sentimentp_builder *b)
{
    uint32_t n_forms = COUNT(b->forms, xml_form);
    size_t slots = b->index.len / sizeof(uint32_t);
    if (slots && n_forms < slots / 2)
        return true;
    size_t want = slots ? slots * 2 : 1024;
    sentimentp_buf fresh;
    sentimentp_buf_init(&fresh, NULL, 0);
    if (want > UINT32_MAX / 2 ||
        !sentimentp_buf_reserve(&fresh, want * sizeof(uint32_t)))
        return false;
    memset(fresh.data, 0, want * sizeof(uint32_t));
    fresh.len = want * sizeof(uint32_t);
    for (uint32_t id = 0; id < n_forms; id++) {
        const xml_form *f = &AT(b->forms, xml_form, id);
        place((uint32_t *)(void *)fresh.data, (uint32_t)want,
              b->pool.data + f->offset, f->length, id + 1);
    }
    sentimentp_buf_free(&b->index);
    b->index = fresh;
    return true;
}

/* The id of form s, added at the end (dict insertion order) if new. */
static bool intern_form(sentimentp_builder *b, const char *s, size_t len,
                        uint32_t *id)
{
    if (!grow_index(b))
        return false;
    uint32_t mask = (uint32_t)(b->index.len / sizeof(uint32_t)) - 1;
    uint32_t slot = sentimentp_hash(s, len) & mask;
    for (;; slot = (slot + 1) & mask) {
        uint32_t entry = AT(b->index, uint32_t, slot);
        if (!entry)
            break;
        const xml_form *f = &AT(b->forms, xml_form, entry - 1);
        if (f->length == len && memcmp(b->pool.data + f->offset, s, len) == 0) {
            *id = entry - 1;
            return true;
        }
    }
    xml_form f = {0, (uint32_t)len, NONE, NONE, NONE};
    if (len > UINT32_MAX / 2 || !add_string(b, s, len, &f.offset) ||
        !push(&b->forms, &f, sizeof f))
        return false;
    *id = COUNT(b->forms, xml_form) - 1;
    AT(b->index, uint32_t, slot) = *id + 1;
    return true;
}

static bool same_pos(const sentimentp_builder *b, uint32_t offset,
                     const char *pos)
{
    if (offset == NONE || !pos)
        return offset == NONE && !pos;
    return strcmp(b->pool.data + offset, pos) == 0;
}

/* The part of form `id` for POS key `pos`, appended if new. */
static bool find_part(sentimentp_builder *b, uint32_t id, const char *pos,
                      uint32_t *out)
{
    for (uint32_t k = AT(b->forms, xml_form, id).first_part; k != NONE;
         k = AT(b->parts, part, k).next) {
        if (same_pos(b, AT(b->parts, part, k).pos, pos)) {
            *out = k;
            return true;
        }
    }
    part pt = {NONE, NONE, NONE, 0, NONE};
    if (pos && !add_string(b, pos, strlen(pos), &pt.pos))
        return false;
    if (!push(&b->parts, &pt, sizeof pt))
        return false;
    *out = COUNT(b->parts, part) - 1;
    xml_form *f = &AT(b->forms, xml_form, id);
    if (f->last_part == NONE)
        f->first_part = *out;
    else
        AT(b->parts, part, f->last_part).next = *out;
    f->last_part = *out;
    return true;
}

int sentimentp_builder_add(sentimentp_builder *b, const char *form_text,
                           const char *pos, double polarity,
                           double subjectivity, double intensity,
                           const char *label)
{
    uint32_t id, pt;
    if (!intern_form(b, form_text, strlen(form_text), &id) ||
        !find_part(b, id, pos, &pt))
        return SENTIMENT_E_NOMEM;
    sense sn = {{polarity, subjectivity, intensity}, NONE};
    if (!push(&b->senses, &sn, sizeof sn))
        return SENTIMENT_E_NOMEM;
    uint32_t k = COUNT(b->senses, sense) - 1;
    part *p = &AT(b->parts, part, pt);
    if (p->last_sense == NONE)
        p->first_sense = k;
    else
        AT(b->senses, sense, p->last_sense).next = k;
    p->last_sense = k;
    p->n_senses++;
    if (label && *label) {
        uint32_t offset;
        if (!add_string(b, label, strlen(label), &offset))
            return SENTIMENT_E_NOMEM;
        AT(b->forms, xml_form, id).label = offset;
    }
    return SENTIMENT_OK;
}

/* ------------------------------------------------------------- averaging */

/*
 * Python's sum(values) with its int start 0, then one division by the
 * count. CPython <= 3.11 adds plainly; CPython >= 3.12 adds with Neumaier
 * compensation and applies the compensation once at the end.
 */
typedef struct summer {
    bool plain;
    bool started;
    double sum, compensation;
    size_t count;
} summer;

static void summer_add(summer *s, double x)
{
    s->count++;
    if (!s->started) {
        s->sum = 0.0 + x;
        s->compensation = 0.0;
        s->started = true;
        return;
    }
    double t = s->sum + x;
    if (!s->plain) {
        if (fabs(s->sum) >= fabs(x))
            s->compensation += (s->sum - t) + x;
        else
            s->compensation += (x - t) + s->sum;
    }
    s->sum = t;
}

static double summer_mean(const summer *s)
{
    double total = s->started ? s->sum : 0.0;
    if (!s->plain && s->compensation != 0.0 && isfinite(s->compensation))
        total += s->compensation;
    return total / (double)(s->count ? s->count : 1);
}

static void part_mean(const sentimentp_builder *b, const part *p, bool plain,
                      double out[3])
{
    for (int c = 0; c < 3; c++) {
        summer s = {.plain = plain};
        for (uint32_t k = p->first_sense; k != NONE;
             k = AT(b->senses, sense, k).next)
            summer_add(&s, AT(b->senses, sense, k).value[c]);
        out[c] = summer_mean(&s);
    }
}

static bool is_pos(const sentimentp_builder *b, const part *p, const char *tag)
{
    return p->pos != NONE && strcmp(b->pool.data + p->pos, tag) == 0;
}

/* ------------------------------------------------------------- resolving */

typedef struct resolved { /* one entry of the final table */
    uint32_t offset, length, label;
    bool is_modifier;
    double value[3];
} resolved;

/*
 * TextBlob turns an adjective into its adverb by spelling alone:
 * happy -> happily, terrible -> terribly, dramatic -> dramaticly.
 */
static bool derive_adverb(sentimentp_builder *b, const xml_form *adj,
                          uint32_t *offset, uint32_t *length)
{
    const char *s = b->pool.data + adj->offset;
    size_t n = adj->length;
    sentimentp_buf word;
    char small[128];
    sentimentp_buf_init(&word, small, sizeof small);
    if (!sentimentp_buf_reserve(&word, n + 3))
        return false;
    memcpy(word.data, s, n);
    if (n >= 1 && word.data[n - 1] == 'y')
        word.data[n - 1] = 'i';
    if (n >= 2 && word.data[n - 2] == 'l' && word.data[n - 1] == 'e')
        n -= 2;
    memcpy(word.data + n, "ly", 2);
    n += 2;
    uint32_t id;
    bool ok = intern_form(b, word.data, n, &id);
    sentimentp_buf_free(&word);
    if (!ok)
        return false;
    *offset = id;
    *length = (uint32_t)n;
    return true;
}

static int resolve_entries(sentimentp_builder *b, bool plain, resolved **out,
                           uint32_t *n_out)
{
    /* Deriving adverbs adds forms to the builder's own index, so work on a
     * snapshot of the XML forms first, as TextBlob iterates a list copy. */
    uint32_t n_xml = COUNT(b->forms, xml_form);
    resolved *r = calloc(2 * (size_t)n_xml + 1, sizeof *r);
    if (!r)
        return SENTIMENT_E_NOMEM;
    for (uint32_t id = 0; id < n_xml; id++) {
        const xml_form *f = &AT(b->forms, xml_form, id);
        summer agg[3] = {{.plain = plain}, {.plain = plain}, {.plain = plain}};
        r[id].offset = f->offset;
        r[id].length = f->length;
        r[id].label = f->label;
        for (uint32_t k = f->first_part; k != NONE;
             k = AT(b->parts, part, k).next) {
            const part *p = &AT(b->parts, part, k);
            double mean[3];
            part_mean(b, p, plain, mean);
            for (int c = 0; c < 3; c++)
                summer_add(&agg[c], mean[c]);
            if (is_pos(b, p, "RB"))
                r[id].is_modifier = true;
        }
        for (int c = 0; c < 3; c++)
            r[id].value[c] = summer_mean(&agg[c]);
    }
    for (uint32_t id = 0; id < n_xml; id++) {
        const xml_form *f = &AT(b->forms, xml_form, id);
        const part *jj = NULL;
        for (uint32_t k = f->first_part; k != NONE && !jj;
             k = AT(b->parts, part, k).next)
            if (is_pos(b, &AT(b->parts, part, k), "JJ"))
                jj = &AT(b->parts, part, k);
        if (!jj)
            continue;
        uint32_t target, length;
        if (!derive_adverb(b, f, &target, &length)) {
            free(r);
            return SENTIMENT_E_NOMEM;
        }
        if (target >= n_xml) { /* a new form */
            const xml_form *nf = &AT(b->forms, xml_form, target);
            r[target].offset = nf->offset;
            r[target].length = nf->length;
            r[target].label = NONE;
        }
        r[target].is_modifier = true;
        part_mean(b, jj, plain, r[target].value);
    }
    *out = r;
    *n_out = COUNT(b->forms, xml_form);
    return SENTIMENT_OK;
}

int sentimentp_builder_resolve(sentimentp_builder *b, bool plain_sum,
                               sentimentp_lexicon *out, void **owned)
{
    /* Deriving interns the adverbs into the builder; undo that afterwards so
     * that resolving twice (both summation modes) sees the same input. */
    size_t forms_len = b->forms.len, pool_len = b->pool.len;
    sentimentp_buf saved_index = b->index;
    sentimentp_buf_init(&b->index, NULL, 0);
    if (!sentimentp_buf_reserve(&b->index, saved_index.len)) {
        b->index = saved_index;
        return SENTIMENT_E_NOMEM;
    }
    if (saved_index.len)
        memcpy(b->index.data, saved_index.data, saved_index.len);
    b->index.len = saved_index.len;

    resolved *r = NULL;
    uint32_t n = 0;
    int rc = resolve_entries(b, plain_sum, &r, &n);
    void *block = NULL;
    if (rc == SENTIMENT_OK) {
        uint32_t slots = 16;
        while (slots < 2 * (size_t)n)
            slots *= 2;
        size_t pool = b->pool.len;
        /* entries first, at the block's first aligned address; each part
         * after them is a multiple of 8 bytes long */
        size_t size = SENTIMENTP_ENTRY_ALIGN - 1 +
                      n * sizeof(sentimentp_entry) +
                      SENTIMENTP_FILTER_WORDS * sizeof(uint64_t) +
                      slots * sizeof(sentimentp_slot) +
                      n * sizeof(sentimentp_form) + pool;
        block = malloc(size);
        if (!block) {
            rc = SENTIMENT_E_NOMEM;
        } else {
            uintptr_t at = ((uintptr_t)block + SENTIMENTP_ENTRY_ALIGN - 1) &
                           ~(uintptr_t)(SENTIMENTP_ENTRY_ALIGN - 1);
            sentimentp_entry *entries = (sentimentp_entry *)at;
            uint64_t *filter = (uint64_t *)(void *)(entries + n);
            sentimentp_slot *slot =
                (sentimentp_slot *)(void *)(filter + SENTIMENTP_FILTER_WORDS);
            sentimentp_form *forms = (sentimentp_form *)(void *)(slot + slots);
            char *strings = (char *)(forms + n);
            if (pool)
                memcpy(strings, b->pool.data, pool);
            memset(slot, 0, slots * sizeof(sentimentp_slot));
            memset(filter, 0, SENTIMENTP_FILTER_WORDS * sizeof(uint64_t));
            uint32_t longest = 0;
            for (uint32_t k = 0; k < n; k++) {
                forms[k].offset = r[k].offset;
                forms[k].length = r[k].length;
                entries[k].polarity = r[k].value[0];
                entries[k].subjectivity = r[k].value[1];
                entries[k].intensity = r[k].value[2];
                entries[k].label = r[k].label == NONE ? -1
                                                      : (int32_t)r[k].label;
                entries[k].is_modifier = r[k].is_modifier;
                if (r[k].length > longest)
                    longest = r[k].length;
                index_form(slot, slots, strings + r[k].offset, r[k].length, k);
                sentimentp_filter_add(
                    filter,
                    sentimentp_hash(strings + r[k].offset, r[k].length));
            }
            out->strings = strings;
            out->forms = forms;
            out->entries = entries;
            out->slots = slot;
            out->filter = filter;
            out->n_forms = n;
            out->n_slots = slots;
            out->max_form_length = longest;
        }
    }
    free(r);
    sentimentp_buf_free(&b->index);
    b->index = saved_index;
    b->forms.len = forms_len;
    b->pool.len = pool_len;
    *owned = block;
    return rc;
}
