/*
 * The scoring routes' work: check the request body, score the sentence with
 * libsentiment, write {"sentence": s, "polarity": p, "subjectivity": q}.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <sentiment.h>

#include "server.h"

/* One analyzer for the whole process: it is immutable and the library
 * documents it as safe to share between threads without locking. */
static sentiment_analyzer *analyzer;

int srv_score_init(bool compat_py311)
{
    return sentiment_analyzer_new(compat_py311 ? SENTIMENT_COMPAT_PY311 : 0,
                                  &analyzer);
}

void srv_score_cleanup(void)
{
    sentiment_analyzer_free(analyzer);
    analyzer = NULL;
}

/* Is a Content-Type header value JSON in UTF-8? We take "application/json"
 * with optional parameters, in any case, as RFC 9110 says media types are
 * case-insensitive; a charset parameter other than UTF-8 is refused because
 * we would misread the bytes. This reads one header value, not HTTP. */
bool srv_content_type_is_json(const char *value)
{
    static const char type[] = "application/json";
    const char *p, *cs;

    if (value == NULL)
        return false;
    while (*value == ' ' || *value == '\t')
        value++;
    if (strncasecmp(value, type, sizeof type - 1) != 0)
        return false;
    p = value + sizeof type - 1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0')
        return true;
    if (*p != ';')
        return false;
    for (cs = p; (cs = strchr(cs, ';')) != NULL;) {
        cs++;
        while (*cs == ' ' || *cs == '\t')
            cs++;
        if (strncasecmp(cs, "charset=", 8) == 0) {
            size_t n;
            cs += 8;
            if (*cs == '"')
                cs++;
            if (strncasecmp(cs, "utf-8", 5) == 0)
                n = 5;
            else if (strncasecmp(cs, "utf8", 4) == 0)
                n = 4;
            else
                return false;
            if (cs[n] != '\0' && cs[n] != '"' && cs[n] != ';' && cs[n] != ' ' &&
                cs[n] != '\t')
                return false; /* e.g. "utf-80" */
        }
    }
    return true;
}

/* Check a request body and find its sentence. On success returns 0 and
 * points *sentence into *doc, which the caller releases with
 * srv_release_sentence(). On failure returns -1 with a 400 in *err.
 *
 * jansson does the parsing. Besides well-formed JSON we insist on:
 * - valid UTF-8 over the whole body (checked first with the library, so the
 *   client gets the byte offset);
 * - no duplicate keys: {"sentence": "a", "sentence": "b"} means different
 *   things to different parsers, so a proxy and this server could disagree
 *   about what was scored;
 * - an object with a string "sentence". Other keys are ignored, as Flask's
 *   request.get_json()['sentence'] ignores them.
 * "\u0000" is allowed inside the sentence: the library takes any bytes. */
int srv_parse_sentence(const char *body, size_t len, struct srv_reply *err,
                       const char **sentence, size_t *sentence_len, void **doc)
{
    json_error_t jerr;
    json_t *root, *s;
    size_t bad;
    char msg[256];

    if (sentiment_utf8_validate(body, len, &bad) != 0) {
        snprintf(msg, sizeof msg,
                 "request body is not valid UTF-8 (byte offset %zu)", bad);
        srv_reply_json_error(err, 400, msg);
        return -1;
    }
    root = json_loadb(body, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                      &jerr);
    if (root == NULL) {
        snprintf(msg, sizeof msg, "malformed JSON: %s (line %d, column %d)",
                 jerr.text, jerr.line, jerr.column);
        srv_reply_json_error(err, 400, msg);
        return -1;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        srv_reply_json_error(err, 400, "the body must be a JSON object");
        return -1;
    }
    s = json_object_get(root, "sentence");
    if (s == NULL) {
        json_decref(root);
        srv_reply_json_error(err, 400, "missing \"sentence\"");
        return -1;
    }
    if (!json_is_string(s)) {
        json_decref(root);
        srv_reply_json_error(err, 400, "\"sentence\" must be a string");
        return -1;
    }
    *sentence = json_string_value(s);
    *sentence_len = json_string_length(s);
    *doc = root;
    return 0;
}

void srv_release_sentence(void *doc)
{
    json_decref(doc);
}

/* The sentence as a JSON string token, escaped by jansson. ENSURE_ASCII
 * matches what Flask's jsonify sends by default. */
static char *encode_string(const char *s, size_t len)
{
    json_t *str = json_stringn_nocheck(s, len);
    char *out;

    if (str == NULL)
        return NULL;
    out = json_dumps(str, JSON_ENCODE_ANY | JSON_ENSURE_ASCII | JSON_COMPACT);
    json_decref(str);
    return out;
}

/* The sentences of a text as sentiment_analyzer_sentences() reports them,
 * each already printed as its JSON object. */
struct sentence_list {
    char *json; /* ",{...},{...}" without the leading comma */
    size_t len, size;
    size_t count;
    size_t first_start, first_end;
    double first_polarity, first_subjectivity;
    bool failed;
};

static bool format_number(double v, char *buf)
{
    /* Both scores are finite (polarity in [-1, 1], subjectivity in
     * [0, 1]), so repr() never yields "nan" or "inf", which are not JSON;
     * we check anyway rather than send invalid JSON. */
    return isfinite(v) &&
           sentiment_format_double(v, buf, SENTIMENT_FORMAT_BUFSIZE) >= 0;
}

static int add_sentence(void *user, size_t start, size_t end, double polarity,
                        double subjectivity)
{
    struct sentence_list *list = user;
    char pol[SENTIMENT_FORMAT_BUFSIZE], subj[SENTIMENT_FORMAT_BUFSIZE];
    char item[160];
    int n;

    if (!format_number(polarity, pol) || !format_number(subjectivity, subj)) {
        list->failed = true;
        return 1;
    }
    n = snprintf(item, sizeof item,
                 "%s{\"start\":%zu,\"end\":%zu,\"polarity\":%s,"
                 "\"subjectivity\":%s}",
                 list->count > 0 ? "," : "", start, end, pol, subj);
    if (n < 0 || (size_t)n >= sizeof item) {
        list->failed = true;
        return 1;
    }
    if (list->len + (size_t)n + 1 > list->size) {
        size_t size = list->size > 0 ? list->size * 2 : 1024;
        char *p;
        while (size < list->len + (size_t)n + 1)
            size *= 2;
        p = realloc(list->json, size);
        if (p == NULL) {
            list->failed = true;
            return 1;
        }
        list->json = p;
        list->size = size;
    }
    memcpy(list->json + list->len, item, (size_t)n + 1);
    list->len += (size_t)n;
    if (list->count == 0) {
        list->first_start = start;
        list->first_end = end;
        list->first_polarity = polarity;
        list->first_subjectivity = subjectivity;
    }
    list->count++;
    return 0;
}

/* Score a sentence and write the 200 answer into *reply (or a 500).
 *
 * "polarity" is the first sentence's, as the tutorial's sa-logic answers
 * TextBlob(sentence).sentences[0].polarity, and "subjectivity" goes with
 * it. "sentences" lists every sentence (byte offsets into the UTF-8 of the
 * sentence, as sentiment-cli --sentences --json), "text_polarity" and
 * "text_subjectivity" score the whole text, as TextBlob(sentence).sentiment.
 * A text without a sentence (empty, white space) scores 0.0 with an empty
 * list, where the tutorial fails with a 500.
 *
 * Why the body is assembled by hand: the tutorial's sa-logic is Python, and
 * Python prints a float as repr(), the shortest text that reads back as the
 * same double (0.625, 0.35, 5.551115123125783e-17). jansson prints reals
 * with a fixed precision (0.34999999999999998 at 17 digits), which a client
 * comparing text would see as a different answer. So each value is encoded
 * separately, the string by jansson and the numbers by the library's
 * sentiment_format_double(), and the tokens are joined into an object. */
void srv_score_sentence(const char *sentence, size_t len,
                        struct srv_reply *reply)
{
    struct sentence_list list = {0};
    double polarity, subjectivity;
    char pol[SENTIMENT_FORMAT_BUFSIZE], subj[SENTIMENT_FORMAT_BUFSIZE];
    char text_pol[SENTIMENT_FORMAT_BUFSIZE],
        text_subj[SENTIMENT_FORMAT_BUFSIZE];
    char *str, *body;
    size_t size;
    int rc;

    rc = sentiment_analyzer_sentences(analyzer, sentence, len, add_sentence,
                                      &list);
    /* The library documents a sentence's scores as those of its bytes
     * alone: when the one sentence is the whole text, which is what the
     * front page sends, they are the text's and need no second pass. */
    if (rc == 0 && list.count == 1 && list.first_start == 0 &&
        list.first_end == len) {
        polarity = list.first_polarity;
        subjectivity = list.first_subjectivity;
    } else if (rc == 0) {
        rc = sentiment_analyzer_score(analyzer, sentence, len, &polarity,
                                      &subjectivity);
    }
    if (rc != 0 && !list.failed) {
        free(list.json);
        srv_reply_json_error(reply, 500, sentiment_strerror(rc));
        return;
    }
    if (list.failed || !format_number(list.first_polarity, pol) ||
        !format_number(list.first_subjectivity, subj) ||
        !format_number(polarity, text_pol) ||
        !format_number(subjectivity, text_subj)) {
        free(list.json);
        srv_reply_json_error(reply, 500, "cannot format the score");
        return;
    }
    str = encode_string(sentence, len);
    if (str == NULL) {
        free(list.json);
        srv_reply_json_error(reply, 500, "out of memory");
        return;
    }
    size = strlen(str) + list.len + 4 * SENTIMENT_FORMAT_BUFSIZE + 128;
    body = malloc(size);
    if (body == NULL) {
        free(str);
        free(list.json);
        srv_reply_json_error(reply, 500, "out of memory");
        return;
    }
    snprintf(body, size,
             "{\"sentence\":%s,\"polarity\":%s,\"subjectivity\":%s,"
             "\"text_polarity\":%s,\"text_subjectivity\":%s,"
             "\"sentences\":[%s]}",
             str, pol, subj, text_pol, text_subj,
             list.json != NULL ? list.json : "");
    free(str);
    free(list.json);
    srv_reply_json(reply, 200, body, strlen(body));
}

/* The body we send to the logic tier: {"sentence": s}, freshly encoded so
 * that the logic tier sees exactly the sentence we validated. */
char *srv_encode_request(const char *sentence, size_t len, size_t *out_len)
{
    char *str = encode_string(sentence, len);
    char *body;
    size_t size;

    if (str == NULL)
        return NULL;
    size = strlen(str) + 16;
    body = malloc(size);
    if (body != NULL) {
        snprintf(body, size, "{\"sentence\":%s}", str);
        *out_len = strlen(body);
    }
    free(str);
    return body;
}

/* Turn the logic tier's answer into ours. A 200 whose body is a JSON object
 * with a string "sentence" and a number "polarity" is passed on byte for
 * byte, so its number text (Python's repr) reaches the client unchanged.
 * It is read as the logic tier reads requests, NULs included ("\u0000" in
 * the sentence), so that both tiers accept the same sentences.
 * The logic tier's own JSON client errors (400, 413, 415) are passed on too:
 * they are about the request. Anything else means the logic tier is broken
 * or is not a logic tier, which is a bad gateway (502); no answer in time is
 * a gateway timeout (504). Takes ownership of res->body. */
void srv_reply_from_upstream(struct srv_upstream_result *res,
                             struct srv_reply *reply)
{
    json_t *doc = NULL;
    char msg[256];
    bool json_body;

    switch (res->outcome) {
    case SRV_UPSTREAM_OK:
        break;
    case SRV_UPSTREAM_TIMEOUT:
        snprintf(msg, sizeof msg, "logic tier timed out: %s", res->detail);
        srv_reply_json_error(reply, 504, msg);
        goto out;
    case SRV_UPSTREAM_STOPPED:
        srv_reply_json_error(reply, 503, "server is shutting down");
        goto out;
    case SRV_UPSTREAM_TOO_BIG:
        srv_reply_json_error(reply, 502, "logic tier answer is too large");
        goto out;
    case SRV_UPSTREAM_DOWN:
    default:
        snprintf(msg, sizeof msg, "logic tier unavailable: %s", res->detail);
        srv_reply_json_error(reply, 502, msg);
        goto out;
    }

    json_body = srv_content_type_is_json(res->content_type) &&
                res->body != NULL &&
                (doc = json_loadb(res->body, res->len,
                                  JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                                  NULL)) != NULL &&
                json_is_object(doc);
    if (res->status == 200 && json_body &&
        json_is_string(json_object_get(doc, "sentence")) &&
        json_is_number(json_object_get(doc, "polarity"))) {
        srv_reply_json(reply, 200, res->body, res->len);
        res->body = NULL;
    } else if ((res->status == 400 || res->status == 413 ||
                res->status == 415) &&
               json_body && json_is_string(json_object_get(doc, "error"))) {
        srv_reply_json(reply, (unsigned)res->status, res->body, res->len);
        res->body = NULL;
    } else {
        snprintf(msg, sizeof msg,
                 "logic tier answered %ld without a sentiment result",
                 res->status);
        srv_reply_json_error(reply, 502, msg);
    }
    json_decref(doc);
out:
    free(res->body);
    res->body = NULL;
    free(res->content_type);
    res->content_type = NULL;
}
