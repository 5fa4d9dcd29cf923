/*
 * Forwarding to the logic tier (the sa-webapp role), with libcurl.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 *
 * A slow logic tier must not stall the web tier. So a forwarded request
 * does not block a worker thread: the router suspends the connection, hands
 * the body to this file, and one thread here runs every transfer at once on
 * a curl multi handle. When a transfer ends, the done callback runs on this
 * thread; the router's callback stores the result and resumes the
 * connection, and a worker thread writes the answer.
 *
 * The multi handle keeps connections to the logic tier open between
 * requests (HTTP keep-alive), which is most of the cost of a hop.
 */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "server.h"

struct job {
    CURL *easy;
    char *body; /* the request body; we own it */
    size_t len;
    struct srv_upstream_result res;
    srv_upstream_done done;
    void *arg;
    struct job *next; /* in pending, then in active */
};

struct srv_forwarder {
    CURLM *multi;
    struct curl_slist *headers;
    char *url;
    long connect_ms, timeout_ms;
    pthread_t thread;
    pthread_mutex_t lock; /* guards pending and stopping */
    struct job *pending;  /* submitted, not yet added to multi */
    bool stopping;
    struct job *active; /* in the multi handle; forwarder thread only */
};

static size_t on_data(char *data, size_t size, size_t nmemb, void *user)
{
    struct job *job = user;
    size_t n = size * nmemb;
    char *p;

    if (job->res.len + n > SRV_MAX_UPSTREAM_BODY) {
        job->res.outcome = SRV_UPSTREAM_TOO_BIG;
        return 0; /* makes curl stop with CURLE_WRITE_ERROR */
    }
    p = realloc(job->res.body, job->res.len + n + 1);
    if (p == NULL)
        return 0;
    memcpy(p + job->res.len, data, n);
    job->res.len += n;
    p[job->res.len] = '\0';
    job->res.body = p;
    return n;
}

static void finish(struct job *job, CURLcode code)
{
    if (job->res.outcome != SRV_UPSTREAM_TOO_BIG &&
        job->res.outcome != SRV_UPSTREAM_STOPPED) {
        if (code == CURLE_OK) {
            char *ct = NULL;
            job->res.outcome = SRV_UPSTREAM_OK;
            curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE,
                              &job->res.status);
            curl_easy_getinfo(job->easy, CURLINFO_CONTENT_TYPE, &ct);
            job->res.content_type = ct != NULL ? strdup(ct) : NULL;
        } else if (code == CURLE_OPERATION_TIMEDOUT) {
            job->res.outcome = SRV_UPSTREAM_TIMEOUT;
        } else {
            job->res.outcome = SRV_UPSTREAM_DOWN;
        }
        if (code != CURLE_OK && job->res.detail[0] == '\0')
            snprintf(job->res.detail, sizeof job->res.detail, "%s",
                     curl_easy_strerror(code));
    }
    srv_metrics_upstream(job->res.outcome);
    if (job->easy != NULL)
        curl_easy_cleanup(job->easy);
    free(job->body);
    job->done(job->arg, &job->res);
    free(job);
}

/* Set up one transfer. Called on the forwarder thread. */
static int start(struct srv_forwarder *fwd, struct job *job)
{
    CURL *e = curl_easy_init();

    if (e == NULL)
        return -1;
    job->easy = e;
    curl_easy_setopt(e, CURLOPT_URL, fwd->url);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, fwd->headers);
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, job->body);
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)job->len);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, job);
    curl_easy_setopt(e, CURLOPT_PRIVATE, job);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, job->res.detail);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, fwd->connect_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, fwd->timeout_ms);
    /* Threads and signals do not mix: no SIGALRM for DNS timeouts. */
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    /* The logic tier is named by our own configuration, but a redirect
     * would be the logic tier naming somewhere else: do not follow, and
     * never speak anything but HTTP(S). */
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    if (curl_multi_add_handle(fwd->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        job->easy = NULL;
        return -1;
    }
    job->next = fwd->active;
    fwd->active = job;
    return 0;
}

/* Take a finished transfer out of the multi handle and the active list. */
static void retire(struct srv_forwarder *fwd, struct job *job)
{
    struct job **p;

    curl_multi_remove_handle(fwd->multi, job->easy);
    for (p = &fwd->active; *p != NULL; p = &(*p)->next)
        if (*p == job) {
            *p = job->next;
            break;
        }
}

static void *run(void *arg)
{
    struct srv_forwarder *fwd = arg;
    int running = 0;

    for (;;) {
        struct job *jobs, *next;
        CURLMsg *msg;
        int left;
        bool stopping;

        pthread_mutex_lock(&fwd->lock);
        jobs = fwd->pending;
        fwd->pending = NULL;
        stopping = fwd->stopping;
        pthread_mutex_unlock(&fwd->lock);

        for (; jobs != NULL; jobs = next) {
            next = jobs->next;
            if (stopping) {
                jobs->res.outcome = SRV_UPSTREAM_STOPPED;
                finish(jobs, CURLE_OK);
            } else if (start(fwd, jobs) != 0) {
                snprintf(jobs->res.detail, sizeof jobs->res.detail,
                         "cannot start a transfer");
                finish(jobs, CURLE_FAILED_INIT);
            }
        }

        curl_multi_perform(fwd->multi, &running);
        while ((msg = curl_multi_info_read(fwd->multi, &left)) != NULL) {
            struct job *job;
            if (msg->msg != CURLMSG_DONE)
                continue;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
                              (char **)&job);
            {
                CURLcode code = msg->data.result;
                retire(fwd, job);
                finish(job, code);
            }
        }

        if (stopping) {
            /* Shutdown with transfers still running: the drain timeout has
             * passed, so give up on them. */
            while (fwd->active != NULL) {
                struct job *job = fwd->active;
                retire(fwd, job);
                job->res.outcome = SRV_UPSTREAM_STOPPED;
                finish(job, CURLE_OK);
            }
            break;
        }
        curl_multi_poll(fwd->multi, NULL, 0, 1000, NULL);
    }
    return NULL;
}

/* Start forwarding to base_url + "/analyse/sentiment". */
int srv_forwarder_new(struct srv_forwarder **out, const char *base_url,
                      long connect_ms, long timeout_ms)
{
    struct srv_forwarder *fwd = calloc(1, sizeof *fwd);
    size_t n;

    *out = NULL;
    if (fwd == NULL)
        return -1;
    n = strlen(base_url);
    while (n > 0 && base_url[n - 1] == '/')
        n--; /* "http://sa-logic/" and "http://sa-logic" are the same */
    fwd->url = malloc(n + sizeof "/analyse/sentiment");
    fwd->multi = curl_multi_init();
    fwd->headers = curl_slist_append(NULL, "Content-Type: application/json");
    if (fwd->headers != NULL) {
        struct curl_slist *h = curl_slist_append(fwd->headers, "Expect:");
        if (h == NULL) {
            curl_slist_free_all(fwd->headers);
            fwd->headers = NULL;
        }
    }
    if (fwd->url == NULL || fwd->multi == NULL || fwd->headers == NULL ||
        pthread_mutex_init(&fwd->lock, NULL) != 0)
        goto fail;
    memcpy(fwd->url, base_url, n);
    strcpy(fwd->url + n, "/analyse/sentiment");
    fwd->connect_ms = connect_ms;
    fwd->timeout_ms = timeout_ms;
    if (pthread_create(&fwd->thread, NULL, run, fwd) != 0) {
        pthread_mutex_destroy(&fwd->lock);
        goto fail;
    }
    *out = fwd;
    return 0;
fail:
    curl_slist_free_all(fwd->headers);
    if (fwd->multi != NULL)
        curl_multi_cleanup(fwd->multi);
    free(fwd->url);
    free(fwd);
    return -1;
}

/* Forward a body (malloc'd; we take it). done(arg, result) is called
 * exactly once, on the forwarder thread, unless this returns -1. */
int srv_forwarder_submit(struct srv_forwarder *fwd, char *body, size_t len,
                         srv_upstream_done done, void *arg)
{
    struct job *job = calloc(1, sizeof *job);
    bool stopping;

    if (job == NULL)
        return -1;
    job->body = body;
    job->len = len;
    job->done = done;
    job->arg = arg;
    pthread_mutex_lock(&fwd->lock);
    stopping = fwd->stopping;
    if (!stopping) {
        job->next = fwd->pending;
        fwd->pending = job;
    }
    pthread_mutex_unlock(&fwd->lock);
    if (stopping) {
        free(job);
        return -1;
    }
    curl_multi_wakeup(fwd->multi);
    return 0;
}

/* Stop: transfers not finished yet end as SRV_UPSTREAM_STOPPED, so every
 * suspended connection is resumed before libmicrohttpd is stopped; later
 * submissions are refused. */
void srv_forwarder_stop(struct srv_forwarder *fwd)
{
    bool joined;

    if (fwd == NULL)
        return;
    pthread_mutex_lock(&fwd->lock);
    joined = fwd->stopping;
    fwd->stopping = true;
    pthread_mutex_unlock(&fwd->lock);
    if (joined)
        return;
    curl_multi_wakeup(fwd->multi);
    pthread_join(fwd->thread, NULL);
}

/* Stop if not done yet, and free; nothing may submit any more. */
void srv_forwarder_free(struct srv_forwarder *fwd)
{
    if (fwd == NULL)
        return;
    srv_forwarder_stop(fwd);
    curl_multi_cleanup(fwd->multi);
    curl_slist_free_all(fwd->headers);
    pthread_mutex_destroy(&fwd->lock);
    free(fwd->url);
    free(fwd);
}
