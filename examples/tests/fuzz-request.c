/*
 * A libFuzzer target for sentiment-server's request handling: the raw
 * bytes a client sends, through the gate's head check (head.c), and the
 * body through the JSON checks and scoring (score.c, reply.c), as the
 * server runs them. Copyright (c) 2026 The libsentiment developers. MIT
 * licence, see LICENSE.
 *
 * Each input is used twice: as a whole request (head, then the body after
 * it) and as a body alone, so that seeds of either kind (a request, a JSON
 * document) reach everything. The checks: the head check's verdicts are
 * consistent (0 only while the head may still grow, a message with every
 * refusal), and every answer built, 200 or error, is a JSON object with the
 * fields its status promises.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../tests/fuzz/fuzz.h"
#include "../http/server.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (srv_score_init(false) != 0)
        abort();
    return 0;
}

static void check_reply(const struct srv_reply *reply)
{
    json_t *doc = json_loadb(reply->body, reply->len, JSON_ALLOW_NUL, NULL);

    FUZZ_CHECK(json_is_object(doc));
    if (reply->status == 200) {
        FUZZ_CHECK(json_is_string(json_object_get(doc, "sentence")));
        FUZZ_CHECK(json_is_number(json_object_get(doc, "polarity")));
        FUZZ_CHECK(json_is_number(json_object_get(doc, "text_polarity")));
        FUZZ_CHECK(json_is_array(json_object_get(doc, "sentences")));
    } else {
        FUZZ_CHECK(reply->status >= 400);
        FUZZ_CHECK(json_is_string(json_object_get(doc, "error")));
    }
    json_decref(doc);
}

static void free_reply(struct srv_reply *reply)
{
    if (!reply->body_static)
        free(reply->body);
}

static void body(const char *data, size_t size)
{
    struct srv_reply reply;
    const char *sentence;
    size_t len;
    void *doc;

    if (srv_parse_sentence(data, size, &reply, &sentence, &len, &doc) != 0) {
        FUZZ_CHECK(reply.status == 400);
        check_reply(&reply);
        free_reply(&reply);
        return;
    }
    srv_score_sentence(sentence, len, &reply);
    srv_release_sentence(doc);
    FUZZ_CHECK(reply.status == 200);
    check_reply(&reply);
    free_reply(&reply);
}

/* Where the head ends (after its empty line), or size if nowhere. */
static size_t head_end(const char *data, size_t size)
{
    size_t i;

    for (i = 0; i + 1 < size; i++) {
        if (data[i] == '\n' && data[i + 1] == '\n')
            return i + 2;
        if (i + 3 < size && memcmp(data + i, "\r\n\r\n", 4) == 0)
            return i + 4;
    }
    return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t peek = size < SRV_MAX_HEAD ? size : SRV_MAX_HEAD;
    const char *message = NULL;
    unsigned status;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    status = srv_head_check(text, peek, SRV_MAX_HEAD, &message);
    FUZZ_CHECK(status == 0 || status == 200 ||
               (status >= 400 && status < 600 && message != NULL));
    FUZZ_CHECK(status != 0 || peek < SRV_MAX_HEAD);
    if (status != 0 && status != 200) {
        struct srv_reply reply;
        srv_reply_json_error(&reply, status, message);
        check_reply(&reply);
        free_reply(&reply);
    }
    if (status == 200) {
        size_t end = head_end(text, size);
        body(text + end, size - end);
    }
    body(text, size);
    return 0;
}
