/*
 * The contract of one sentiment-server: the sa-logic and sa-webapp routes,
 * numbers printed as Python prints them, every error as JSON, health,
 * metrics and the page. Runs against any server URL, so .ci/examples.sh
 * also runs it against the container. Copyright (c) 2026 The libsentiment
 * developers. MIT licence, see LICENSE.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sentiment.h>

#include "harness.h"
#include "tests.h"

/* What the library says of a text: the whole text's scores, and its
 * sentences, which the server must report as they are. */
struct expect {
    double polarity, subjectivity; /* the whole text */
    size_t count;
    size_t start[64], end[64];
    double pol[64], subj[64];
};

static int collect_sentence(void *user, size_t start, size_t end,
                            double polarity, double subjectivity)
{
    struct expect *e = user;
    if (e->count < 64) {
        e->start[e->count] = start;
        e->end[e->count] = end;
        e->pol[e->count] = polarity;
        e->subj[e->count] = subjectivity;
    }
    e->count++;
    return 0;
}

static void expected(const char *s, size_t len, struct expect *e)
{
    sentiment_analyzer *a = NULL;

    memset(e, 0, sizeof *e);
    e->polarity = e->subjectivity = -99;
    if (sentiment_analyzer_new(0, &a) == 0) {
        sentiment_analyzer_score(a, s, len, &e->polarity, &e->subjectivity);
        sentiment_analyzer_sentences(a, s, len, collect_sentence, e);
    }
    sentiment_analyzer_free(a);
}

/* Is the raw body's token for key exactly the repr of v? */
static bool has_number(const struct response *r, const char *key, double v,
                       const char *after)
{
    char num[SENTIMENT_FORMAT_BUFSIZE], token[128];

    sentiment_format_double(v, num, sizeof num);
    snprintf(token, sizeof token, "\"%s\":%s%s", key, num, after);
    return body_has(r, token);
}

/* Do the answer's "sentences" equal the library's, spans and numbers? */
static bool same_sentences(json_t *list, const struct expect *e)
{
    size_t i;

    if (!json_is_array(list) || json_array_size(list) != e->count ||
        e->count > 64)
        return false;
    for (i = 0; i < e->count; i++) {
        json_t *o = json_array_get(list, i);
        if (json_integer_value(json_object_get(o, "start")) !=
                (json_int_t)e->start[i] ||
            json_integer_value(json_object_get(o, "end")) !=
                (json_int_t)e->end[i] ||
            json_number_value(json_object_get(o, "polarity")) != e->pol[i] ||
            json_number_value(json_object_get(o, "subjectivity")) != e->subj[i])
            return false;
    }
    return true;
}

/* POST a sentence and check status, JSON, the echoed sentence (byte for
 * byte, NULs included), the number tokens in the raw body (the first
 * sentence's as "polarity", the whole text's as "text_polarity") and the
 * sentence list. */
static void check_scored(const char *url, const char *path, const char *s,
                         size_t len, const char *label)
{
    struct response r;
    struct expect e;
    char ct[128] = "", name[160];
    double first_pol, first_subj;
    json_t *doc;
    json_t *sentence;

    expected(s, len, &e);
    first_pol = e.count > 0 ? e.pol[0] : 0.0;
    first_subj = e.count > 0 ? e.subj[0] : 0.0;
    post_sentence(url, path, s, len, &r);
    doc = json_loadb(r.body, r.len, JSON_ALLOW_NUL, NULL);
    sentence = json_object_get(doc, "sentence");
    header_value(&r, "Content-Type", ct, sizeof ct);
    snprintf(name, sizeof name, "%s %s: 200 application/json", path, label);
    check(r.status == 200 && strcmp(ct, "application/json") == 0, name,
          "status %ld, type '%s', body %.200s", r.status, ct, r.body);
    snprintf(name, sizeof name, "%s %s: sentence echoed", path, label);
    check(json_is_string(sentence) && json_string_length(sentence) == len &&
              memcmp(json_string_value(sentence), s, len) == 0,
          name, "body %.200s", r.body);
    snprintf(name, sizeof name,
             "%s %s: polarity and subjectivity are the "
             "first sentence's, as repr",
             path, label);
    check(has_number(&r, "polarity", first_pol, ",") &&
              has_number(&r, "subjectivity", first_subj, ","),
          name, "body %.300s", r.body);
    snprintf(name, sizeof name,
             "%s %s: text_polarity and "
             "text_subjectivity are the whole text's",
             path, label);
    check(has_number(&r, "text_polarity", e.polarity, ",") &&
              has_number(&r, "text_subjectivity", e.subjectivity, ","),
          name, "body %.300s", r.body);
    snprintf(name, sizeof name,
             "%s %s: the %zu sentences, spans and "
             "scores",
             path, label, e.count);
    check(same_sentences(json_object_get(doc, "sentences"), &e), name,
          "body %.400s", r.body);
    json_decref(doc);
    response_free(&r);
}

/* First-sentence answers, taken from the oracle (TextBlob + NLTK,
 * ../shared/reference/punkt_oracle.py --ref, and sentences-dev.jsonl). */
static void first_sentence(const char *url)
{
    static const struct {
        const char *text, *polarity;
        int sentences;
    } cases[] = {
        {"Mr. Smith is good. He is bad.", "0.7", 2},
        {"Tied to charger for conversations lasting more than 45 "
         "minutes.MAJOR PROBLEMS!!",
         "0.3125", 2},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct response r;
        json_t *doc;
        char token[64], name[200];
        bool ok;

        post_sentence(url, "/analyse/sentiment", cases[i].text,
                      strlen(cases[i].text), &r);
        doc = json_loadb(r.body, r.len, 0, NULL);
        snprintf(token, sizeof token, "\"polarity\":%s,", cases[i].polarity);
        ok = r.status == 200 && body_has(&r, token) &&
             json_array_size(json_object_get(doc, "sentences")) ==
                 (size_t)cases[i].sentences;
        snprintf(name, sizeof name,
                 "'%s': polarity %s, %d sentences, as "
                 "TextBlob(s).sentences[0]",
                 cases[i].text, cases[i].polarity, cases[i].sentences);
        check(ok, name, "status %ld, body %.300s", r.status, r.body);
        json_decref(doc);
        response_free(&r);
    }
}

/* A text without a sentence is not an error (the tutorial's service
 * answers 500): 0.0 and no sentence. */
static void no_sentence(const char *url)
{
    static const char *const texts[] = {"", "   ", " \n\t ", NULL};
    size_t i;

    for (i = 0; texts[i] != NULL; i++) {
        struct response r;
        json_t *doc;
        char name[128];

        post_sentence(url, "/analyse/sentiment", texts[i], strlen(texts[i]),
                      &r);
        doc = json_loadb(r.body, r.len, 0, NULL);
        snprintf(name, sizeof name,
                 "no sentence (%zu blanks): 200, polarity "
                 "0.0, \"sentences\": []",
                 strlen(texts[i]));
        check(r.status == 200 && body_has(&r, "\"polarity\":0.0,") &&
                  json_is_array(json_object_get(doc, "sentences")) &&
                  json_array_size(json_object_get(doc, "sentences")) == 0,
              name, "status %ld, body %.300s", r.status, r.body);
        json_decref(doc);
        response_free(&r);
    }
}

static void scoring(const char *url)
{
    static const struct {
        const char *label, *text;
        size_t len;
    } cases[] = {
        {"tutorial sentence", "I love yogobella!", 0},
        {"empty", "", 0},
        {"negation", "not bad", 0},
        {"intensifier", "This is a very good movie!", 0},
        {"emoticon", "I am so sad :(", 0},
        {"mixed", "The movie was okay, not great but not terrible either.", 0},
        {"two sentences", "Great food. Awful service!", 0},
        {"white space around", "  \n I love it.  \n", 0},
        {"three sentences", "Mr. Smith is good. He is bad. Really?", 0},
        {"non-ASCII",
         "caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9 na\xc3\xafve great "
         "\xf0\x9f\x98\x80",
         0},
        {"NUL inside", "good\0bad", 8},
        {"quotes and backslash", "\"quoted\" \\ good </script>", 0},
    };
    size_t i;
    struct response a, b;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
        check_scored(url, "/analyse/sentiment", cases[i].text, len,
                     cases[i].label);
    }
    check_scored(url, "/sentiment", "I love yogobella!", 17,
                 "tutorial sentence");
    post_sentence(url, "/analyse/sentiment", "I love yogobella!", 17, &a);
    check(body_has(&a, "\"polarity\":0.625,"),
          "the tutorial's sentence "
          "scores 0.625",
          "body %s", a.body);
    post_sentence(url, "/sentiment", "I love yogobella!", 17, &b);
    check(a.len == b.len && memcmp(a.body, b.body, a.len) == 0,
          "/sentiment and /analyse/sentiment answer alike", "%s vs %s", a.body,
          b.body);
    response_free(&a);
    response_free(&b);
    first_sentence(url);
    no_sentence(url);
}

/* One request that must fail with status and a JSON error body. */
static void expect_error(const char *url, const char *label,
                         const struct request *tmpl, long status)
{
    struct request req = *tmpl;
    struct response r;
    char name[200];

    req.url = url;
    http(&req, &r);
    snprintf(name, sizeof name, "%s -> %ld JSON error", label, status);
    check(r.status == status && is_json_error(&r), name,
          "status %ld, curl %d, body %.200s", r.status, r.curl_code, r.body);
    response_free(&r);
}

static void errors(const char *url)
{
    static const char json[] = "application/json";
    char *big, *exact;
    size_t i;
    struct response r;
    char allow[128];

    struct {
        const char *label;
        struct request req;
        long status;
    } cases[] = {
        {"malformed JSON",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\": "},
         400},
        {"empty body",
         {.method = "POST",
          .path = "/analyse/sentiment",
          .content_type = json,
          .body = ""},
         400},
        {"trailing garbage",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"a\"} x"},
         400},
        {"array, not object",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "[\"I love it\"]"},
         400},
        {"missing sentence",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"text\":\"I love it\"}"},
         400},
        {"number sentence",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\":1}"},
         400},
        {"null sentence",
         {.path = "/sentiment",
          .content_type = json,
          .body = "{\"sentence\":null}"},
         400},
        {"array sentence",
         {.path = "/sentiment",
          .content_type = json,
          .body = "{\"sentence\":[\"a\"]}"},
         400},
        {"invalid UTF-8",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"bad \xff byte\"}"},
         400},
        {"overlong UTF-8",
         {.path = "/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"\xc0\xaf\"}"},
         400},
        {"UTF-16 surrogate",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"\xed\xa0\x80\"}"},
         400},
        {"backslash before an emoji in an array",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "[\"\\\xf0\x9f\x8c\x80\"]"},
         400},
        {"backslash before an emoji in the sentence",
         {.path = "/sentiment",
          .content_type = json,
          .body = "{\"sentence\": \"\\\xf0\x9f\x8c\x80\"}"},
         400},
        {"duplicate key",
         {.path = "/analyse/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"a\",\"sentence\":\"b\"}"},
         400},
        {"text/plain",
         {.path = "/analyse/sentiment",
          .content_type = "text/plain",
          .body = "{\"sentence\":\"a\"}"},
         415},
        {"form encoded",
         {.path = "/sentiment",
          .content_type = "application/x-www-form-urlencoded",
          .body = "sentence=a"},
         415},
        {"no Content-Type",
         {.path = "/analyse/sentiment", .body = "{\"sentence\":\"a\"}"},
         415},
        {"charset utf-80",
         {.path = "/analyse/sentiment",
          .content_type = "application/json; charset=utf-80",
          .body = "{\"sentence\":\"a\"}"},
         415},
        {"latin-1 charset",
         {.path = "/analyse/sentiment",
          .content_type = "application/json; charset=latin1",
          .body = "{\"sentence\":\"a\"}"},
         415},
        {"unknown path", {.path = "/nope"}, 404},
        {"unknown POST path",
         {.path = "/analyse",
          .content_type = json,
          .body = "{\"sentence\":\"a\"}"},
         404},
        {"trailing slash",
         {.path = "/analyse/sentiment/",
          .content_type = json,
          .body = "{\"sentence\":\"a\"}"},
         404},
        {"GET /analyse/sentiment", {.path = "/analyse/sentiment"}, 405},
        {"PUT /sentiment",
         {.method = "PUT",
          .path = "/sentiment",
          .content_type = json,
          .body = "{\"sentence\":\"a\"}"},
         405},
        {"POST /healthz",
         {.path = "/healthz", .content_type = json, .body = "{}"},
         405},
        {"DELETE /", {.method = "DELETE", .path = "/"}, 405},
        {"OPTIONS /analyse/sentiment",
         {.method = "OPTIONS", .path = "/analyse/sentiment"},
         405},
    };

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        expect_error(url, cases[i].label, &cases[i].req, cases[i].status);

    {
        struct request req = {.url = url, .path = "/analyse/sentiment"};
        http(&req, &r);
        check(header_value(&r, "Allow", allow, sizeof allow) &&
                  strcmp(allow, "POST") == 0,
              "405 lists the allowed method", "Allow '%s'", allow);
        response_free(&r);
    }

    /* Size limit: 64 KiB exactly is fine, one byte more is not, with a
     * Content-Length (answered before the upload) and chunked (answered
     * after reading it). */
    big = malloc(70001);
    exact = malloc(65537);
    if (big == NULL || exact == NULL)
        abort();
    memset(big, 'a', 70000);
    memcpy(big, "{\"sentence\":\"", 13);
    memcpy(big + 70000 - 2, "\"}", 2);
    big[70000] = '\0';
    memset(exact, 'a', 65536);
    memcpy(exact, "{\"sentence\":\"", 13);
    memcpy(exact + 65536 - 2, "\"}", 2);
    exact[65536] = '\0';
    {
        struct request req = {.url = url,
                              .path = "/analyse/sentiment",
                              .content_type = json,
                              .body = exact};
        http(&req, &r);
        check(r.status == 200, "a body of exactly 64 KiB is scored",
              "status %ld", r.status);
        response_free(&r);
        req.body = big;
        expect_error(url, "70 kB body (Content-Length)", &req, 413);
        exact[65536 - 2] = 'a'; /* 65537 bytes: one over */
        exact = realloc(exact, 65538);
        memcpy(exact + 65536 - 1, "\"}", 3);
        req.body = exact;
        expect_error(url, "64 KiB + 1 body", &req, 413);
        req.body = big;
        req.chunked = true;
        expect_error(url, "chunked body (no Content-Length)", &req, 411);
    }
    free(big);
    free(exact);

    /* After all that, still serving. */
    post_sentence(url, "/analyse/sentiment", "still here and happy", 20, &r);
    check(r.status == 200, "serves normally after the errors", "status %ld",
          r.status);
    response_free(&r);
}

static void content_types(const char *url)
{
    static const char *const ok[] = {
        "application/json; charset=utf-8", "Application/JSON",
        "application/json;charset=\"UTF-8\"", NULL};
    size_t i;

    for (i = 0; ok[i] != NULL; i++) {
        struct request req = {.url = url,
                              .path = "/analyse/sentiment",
                              .content_type = ok[i],
                              .body = "{\"sentence\":\"nice\"}"};
        struct response r;
        char name[128];
        http(&req, &r);
        snprintf(name, sizeof name, "Content-Type '%s' accepted", ok[i]);
        check(r.status == 200, name, "status %ld", r.status);
        response_free(&r);
    }
}

static void cors(const char *url)
{
    static const char *const origin[] = {"Origin: http://localhost:3000", NULL};
    static const char *const preflight[] = {
        "Origin: http://localhost:3000", "Access-Control-Request-Method: POST",
        "Access-Control-Request-Headers: content-type", NULL};
    struct request req = {.url = url,
                          .path = "/sentiment",
                          .content_type = "application/json",
                          .body = "{\"sentence\":\"I love it\"}",
                          .headers = origin};
    struct response r;
    char v[128] = "", m[128] = "", h[128] = "";

    http(&req, &r);
    check(r.status == 200 &&
              header_value(&r, "Access-Control-Allow-Origin", v, sizeof v) &&
              strcmp(v, "*") == 0,
          "POST /sentiment is readable cross-origin", "status %ld, ACAO '%s'",
          r.status, v);
    response_free(&r);

    req.body = "{";
    http(&req, &r);
    check(r.status == 400 &&
              header_value(&r, "Access-Control-Allow-Origin", v, sizeof v),
          "errors of /sentiment are readable cross-origin", "status %ld",
          r.status);
    response_free(&r);

    memset(&req, 0, sizeof req);
    req.url = url;
    req.path = "/sentiment";
    req.method = "OPTIONS";
    req.headers = preflight;
    http(&req, &r);
    header_value(&r, "Access-Control-Allow-Methods", m, sizeof m);
    header_value(&r, "Access-Control-Allow-Headers", h, sizeof h);
    check(r.status == 204 &&
              header_value(&r, "Access-Control-Allow-Origin", v, sizeof v) &&
              strstr(m, "POST") != NULL &&
              (strstr(h, "Content-Type") || strstr(h, "content-type")),
          "CORS preflight for /sentiment",
          "status %ld, methods '%s', "
          "headers '%s'",
          r.status, m, h);
    response_free(&r);
}

static void health_page_metrics(const char *url)
{
    struct request req = {.url = url};
    struct response r;
    char ct[128] = "";

    req.path = "/healthz";
    http(&req, &r);
    check(r.status == 200 && body_has(&r, "alive"), "GET /healthz",
          "status %ld %s", r.status, r.body);
    response_free(&r);
    req.path = "/readyz";
    http(&req, &r);
    check(r.status == 200 && body_has(&r, "ready"), "GET /readyz",
          "status %ld %s", r.status, r.body);
    response_free(&r);
    req.path = "/testHealth";
    http(&req, &r);
    check(r.status == 200, "GET /testHealth (sa-webapp's)", "status %ld",
          r.status);
    response_free(&r);
    req.path = "/healthz";
    req.method = "HEAD";
    http(&req, &r);
    check(r.status == 200 && r.len == 0, "HEAD /healthz",
          "status %ld, "
          "%zu bytes",
          r.status, r.len);
    response_free(&r);
    req.method = NULL;

    req.path = "/";
    http(&req, &r);
    header_value(&r, "Content-Type", ct, sizeof ct);
    check(r.status == 200 && strncmp(ct, "text/html", 9) == 0 &&
              body_has(&r, "<title>Sentiment Analysis</title>") &&
              body_has(&r, "Type your sentence.") &&
              body_has(&r, "id=\"send\""),
          "GET / serves the front page", "status %ld, type '%s'", r.status, ct);
    response_free(&r);

    req.path = "/metrics";
    http(&req, &r);
    header_value(&r, "Content-Type", ct, sizeof ct);
    check(r.status == 200 && strncmp(ct, "text/plain", 10) == 0,
          "GET /metrics is Prometheus text", "status %ld, type '%s'", r.status,
          ct);
    check(body_has(&r, "sentiment_http_requests_total{route=\"/analyse/"
                       "sentiment\",code=\"200\"}") &&
              body_has(&r, "code=\"400\"") && body_has(&r, "code=\"413\"") &&
              body_has(&r, "code=\"415\"") && body_has(&r, "code=\"404\"") &&
              body_has(&r, "code=\"405\""),
          "metrics count requests by route and status", "%.400s", r.body);
    check(body_has(&r, "sentiment_http_request_duration_seconds_bucket{"
                       "route=\"/analyse/sentiment\",le=\"+Inf\"}") &&
              body_has(&r, "sentiment_http_request_duration_seconds_count") &&
              body_has(&r, "# TYPE sentiment_http_request_duration_seconds "
                           "histogram"),
          "metrics have a latency histogram", "%.400s", r.body);
    response_free(&r);
}

/* Many requests at once over several connections: all answered. */
static void concurrency(const char *url)
{
    enum { CONNS = 8, TOTAL = 200 };
    CURLM *multi = curl_multi_init();
    struct curl_slist *hdrs = curl_slist_append(
        NULL, "Content-Type: application/json");
    char target[256];
    CURL *handles[TOTAL] = {NULL};
    int started = 0, done = 0, good = 0, running = 0, i;
    double deadline = now_seconds() + 20;

    snprintf(target, sizeof target, "%s/analyse/sentiment", url);
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)CONNS);
    while (done < TOTAL && now_seconds() < deadline) {
        CURLMsg *msg;
        int left;
        while (started < TOTAL && started - done < CONNS) {
            CURL *e = curl_easy_init();
            curl_easy_setopt(e, CURLOPT_URL, target);
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
            curl_easy_setopt(e, CURLOPT_POSTFIELDS,
                             "{\"sentence\":\"What a lovely day\"}");
            curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard_body);
            curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 5000L);
            curl_multi_add_handle(multi, e);
            handles[started++] = e;
        }
        curl_multi_perform(multi, &running);
        while ((msg = curl_multi_info_read(multi, &left)) != NULL) {
            long status = 0;
            if (msg->msg != CURLMSG_DONE)
                continue;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE,
                              &status);
            if (msg->data.result == CURLE_OK && status == 200)
                good++;
            for (i = 0; i < started; i++)
                if (handles[i] == msg->easy_handle)
                    handles[i] = NULL;
            curl_multi_remove_handle(multi, msg->easy_handle);
            curl_easy_cleanup(msg->easy_handle);
            done++;
        }
        curl_multi_poll(multi, NULL, 0, 100, NULL);
    }
    check(good == TOTAL, "200 requests over 8 connections all answered 200",
          "%d of %d", good, TOTAL);
    for (i = 0; i < started; i++)
        if (handles[i] != NULL) { /* timed out: abandon */
            curl_multi_remove_handle(multi, handles[i]);
            curl_easy_cleanup(handles[i]);
        }
    curl_multi_cleanup(multi);
    curl_slist_free_all(hdrs);
}

/* Item 2 of issue 12: the 400 says why, readably. */
static void escape_message(const char *url)
{
    struct request req = {.url = url,
                          .path = "/analyse/sentiment",
                          .content_type = "application/json",
                          .body = "{\"sentence\": \"\\\xf0\x9f\x8c\x80\"}"};
    struct response r;

    http(&req, &r);
    check(r.status == 400 && is_json_error(&r) &&
              body_has(&r, "invalid escape"),
          "a backslash before a non-ASCII byte: 400 'invalid escape'",
          "status %ld, body %.200s", r.status, r.body);
    response_free(&r);
}

void test_contract(const char *url)
{
    note("contract of the server at %s", url);
    scoring(url);
    content_types(url);
    errors(url);
    escape_message(url);
    cors(url);
    concurrency(url);
    health_page_metrics(url);
}
