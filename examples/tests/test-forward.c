/*
 * The web-app role: POST /sentiment forwarded to SA_LOGIC_API_URL, with the
 * logic tier up, down, hung, or not a logic tier. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "harness.h"
#include "tests.h"

static void through_logic(const char *binary, const struct server *logic)
{
    char env_url[160];
    const char *env[] = {env_url, "ACCESS_LOG=1", NULL};
    struct server web;
    struct response a, b;
    char *log;
    char v[64] = "";

    snprintf(env_url, sizeof env_url, "SA_LOGIC_API_URL=%s/", logic->url);
    if (!check(server_start(&web, binary, env) == 0, "web-app tier starts",
               "no URL printed"))
        return;
    post_sentence(logic->url, "/analyse/sentiment", "I love yogobella!", 17,
                  &a);
    {
        static const char *const origin[] = {"Origin: http://localhost:3000",
                                             NULL};
        struct request req = {.url = web.url,
                              .path = "/sentiment",
                              .content_type = "application/json",
                              .body = "{\"sentence\":\"I love yogobella!\"}",
                              .headers = origin};
        http(&req, &b);
    }
    check(b.status == 200 && b.len == a.len &&
              memcmp(a.body, b.body, a.len) == 0,
          "forwarded /sentiment answers what the logic tier does",
          "status %ld: %s vs %s", b.status, b.body, a.body);
    check(header_value(&b, "Access-Control-Allow-Origin", v, sizeof v),
          "forwarded answer is readable cross-origin", "no ACAO header");
    response_free(&a);
    response_free(&b);

    post_sentence(web.url, "/sentiment", "caf\xc3\xa9 \"great\"", 13, &b);
    {
        json_t *doc = json_loadb(b.body, b.len, 0, NULL);
        const char *s = json_string_value(json_object_get(doc, "sentence"));
        check(b.status == 200 && s != NULL &&
                  strcmp(s, "caf\xc3\xa9 \"great\"") == 0,
              "forwarding keeps non-ASCII and quotes", "status %ld %s",
              b.status, b.body);
        json_decref(doc);
    }
    response_free(&b);

    {
        struct request req = {.url = web.url,
                              .path = "/sentiment",
                              .content_type = "application/json",
                              .body = "{\"sentence\": 3}"};
        http(&req, &b);
        check(b.status == 400 && is_json_error(&b),
              "a bad request is refused by the web tier itself", "status %ld",
              b.status);
        response_free(&b);
    }

    post_sentence(web.url, "/analyse/sentiment", "good", 4, &b);
    check(b.status == 200, "the web tier also answers /analyse/sentiment",
          "status %ld", b.status);
    response_free(&b);

    /* Issue 12 item 5: a sentence the logic tier scores is forwarded and
     * passed back, NUL inside included; and in gateway mode both routes
     * give the same numbers (issue 8 item 6). */
    {
        static const char *const texts[] = {
            "good \0 bad", "Mr. Smith is good. He is bad.", NULL};
        static const size_t lens[] = {10, 29};
        size_t i;

        for (i = 0; texts[i] != NULL; i++) {
            struct response local, forwarded, direct;
            char name[160];

            post_sentence(logic->url, "/analyse/sentiment", texts[i], lens[i],
                          &direct);
            post_sentence(web.url, "/sentiment", texts[i], lens[i], &forwarded);
            post_sentence(web.url, "/analyse/sentiment", texts[i], lens[i],
                          &local);
            snprintf(name, sizeof name,
                     "gateway: '%s' forwarded and passed "
                     "back, the same body on both routes",
                     i == 0 ? "good \\u0000 bad" : texts[i]);
            check(direct.status == 200 && forwarded.status == 200 &&
                      local.status == 200 && forwarded.len == direct.len &&
                      memcmp(forwarded.body, direct.body, direct.len) == 0 &&
                      local.len == direct.len &&
                      memcmp(local.body, direct.body, direct.len) == 0,
                  name, "%ld %.200s / %ld %.200s / %ld %.200s", direct.status,
                  direct.body, forwarded.status, forwarded.body, local.status,
                  local.body);
            response_free(&local);
            response_free(&forwarded);
            response_free(&direct);
        }
    }

    check(server_stop_clean(&web), "web tier exits 0 on SIGTERM", "status 0x%x",
          web.exit_status);
    log = server_log(logic);
    check(log != NULL && strstr(log, "\"POST /analyse/sentiment\" 200") != NULL,
          "the logic tier logged the forwarded request", "log: %.300s", log);
    free(log);
    unlink(web.log_path);
}

static void logic_down(const char *binary)
{
    char env_url[96];
    const char *env[] = {env_url, NULL};
    struct server web;
    struct response r;

    snprintf(env_url, sizeof env_url, "SA_LOGIC_API_URL=http://127.0.0.1:%u",
             closed_port());
    if (!check(server_start(&web, binary, env) == 0,
               "web tier with a dead logic tier starts", "no URL"))
        return;
    post_sentence(web.url, "/sentiment", "hello", 5, &r);
    check(r.status == 502 && is_json_error(&r),
          "logic tier down -> 502 JSON error", "status %ld %s", r.status,
          r.body);
    response_free(&r);
    check(server_stop_clean(&web), "web tier exits 0 on SIGTERM", "status 0x%x",
          web.exit_status);
    unlink(web.log_path);
}

static void logic_not_a_logic_tier(const char *binary,
                                   const struct server *logic)
{
    char env_url[160];
    const char *env[] = {env_url, NULL};
    struct server web;
    struct response r;

    /* .../nope/analyse/sentiment is a 404 on the logic server. */
    snprintf(env_url, sizeof env_url, "SA_LOGIC_API_URL=%s/nope", logic->url);
    if (!check(server_start(&web, binary, env) == 0,
               "web tier with a wrong logic URL starts", "no URL"))
        return;
    post_sentence(web.url, "/sentiment", "hello", 5, &r);
    check(r.status == 502 && is_json_error(&r),
          "logic tier answering 404 -> 502 JSON error", "status %ld %s",
          r.status, r.body);
    response_free(&r);
    check(server_stop_clean(&web), "web tier exits 0 on SIGTERM", "status 0x%x",
          web.exit_status);
    unlink(web.log_path);
}

/* A logic tier that accepts the connection and never answers: the request
 * times out with 504, and meanwhile the web tier answers others at once
 * (the wait does not hold a worker thread). */
static void logic_hung(const char *binary)
{
    char env_url[96];
    const char *env[] = {env_url, "UPSTREAM_TIMEOUT_MS=800", "THREADS=1", NULL};
    struct server web;
    struct response r;
    unsigned port = 0;
    int hung = silent_listener(&port);
    CURLM *multi;
    CURL *slow;
    struct curl_slist *hdrs;
    char target[160];
    int running = 1;
    long status = 0;
    double t0, took;

    snprintf(env_url, sizeof env_url, "SA_LOGIC_API_URL=http://127.0.0.1:%u",
             port);
    if (!check(hung >= 0 && server_start(&web, binary, env) == 0,
               "web tier with a hung logic tier starts", "no URL")) {
        if (hung >= 0)
            close(hung);
        return;
    }
    multi = curl_multi_init();
    slow = curl_easy_init();
    hdrs = curl_slist_append(NULL, "Content-Type: application/json");
    snprintf(target, sizeof target, "%s/sentiment", web.url);
    curl_easy_setopt(slow, CURLOPT_URL, target);
    curl_easy_setopt(slow, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(slow, CURLOPT_POSTFIELDS, "{\"sentence\":\"wait\"}");
    curl_easy_setopt(slow, CURLOPT_TIMEOUT_MS, 5000L);
    curl_easy_setopt(slow, CURLOPT_WRITEFUNCTION, discard_body);
    curl_multi_add_handle(multi, slow);
    t0 = now_seconds();
    /* Let the request reach the web tier and its forwarder. */
    while (now_seconds() - t0 < 0.2) {
        curl_multi_perform(multi, &running);
        curl_multi_poll(multi, NULL, 0, 20, NULL);
    }
    {
        struct request req = {.url = web.url, .path = "/healthz"};
        http(&req, &r);
        check(r.status == 200 && r.seconds < 0.5,
              "others are served while a forward waits (1 thread)",
              "status %ld in %.3f s", r.status, r.seconds);
        response_free(&r);
    }
    while (running && now_seconds() - t0 < 5) {
        curl_multi_perform(multi, &running);
        curl_multi_poll(multi, NULL, 0, 50, NULL);
    }
    took = now_seconds() - t0;
    curl_easy_getinfo(slow, CURLINFO_RESPONSE_CODE, &status);
    check(status == 504 && took > 0.7 && took < 4,
          "hung logic tier -> 504 after UPSTREAM_TIMEOUT_MS",
          "status %ld "
          "after %.2f s",
          status, took);
    curl_multi_remove_handle(multi, slow);
    curl_easy_cleanup(slow);
    curl_multi_cleanup(multi);
    curl_slist_free_all(hdrs);
    check(server_stop_clean(&web), "web tier exits 0 on SIGTERM", "status 0x%x",
          web.exit_status);
    close(hung);
    unlink(web.log_path);
}

void test_forward(const char *binary)
{
    const char *env[] = {"THREADS=2", NULL};
    struct server logic;

    note("web-app role: forwarding to SA_LOGIC_API_URL");
    if (!check(server_start(&logic, binary, env) == 0, "logic tier starts",
               "no URL printed"))
        return;
    through_logic(binary, &logic);
    logic_not_a_logic_tier(binary, &logic);
    logic_down(binary);
    logic_hung(binary);
    check(server_stop_clean(&logic), "logic tier exits 0 on SIGTERM",
          "status 0x%x", logic.exit_status);
    unlink(logic.log_path);
}
