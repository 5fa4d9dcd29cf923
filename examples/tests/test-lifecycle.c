/*
 * The server's life: bad configuration, connection limits and timeouts
 * against idle and slow clients, and the drain on SIGTERM. Copyright (c)
 * 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>

#include "harness.h"
#include "raw.h"
#include "tests.h"

static void configuration(const char *binary)
{
    static const char *const bad[] = {"PORT=http",
                                      "PORT=70000",
                                      "THREADS=0",
                                      "CONNECTION_TIMEOUT=-1",
                                      "SA_LOGIC_API_URL=ftp://example",
                                      "ACCESS_LOG=yes",
                                      "SENTIMENT_COMPAT=py36",
                                      "SENTIMENT_COMPAT=PY311",
                                      "HEADER_TIMEOUT_MS=0",
                                      NULL};
    char out[1024], name[128];
    size_t i;

    for (i = 0; bad[i] != NULL; i++) {
        const char *env[] = {bad[i], NULL};
        int rc = run_and_wait(binary, env, NULL, out, sizeof out);
        snprintf(name, sizeof name, "%s is refused at start (exit 2)", bad[i]);
        check(rc == 2 && strstr(out, "sentiment-server:") != NULL, name,
              "exit %d, output '%s'", rc, out);
    }
    check(run_and_wait(binary, NULL, "--version", out, sizeof out) == 0 &&
              strstr(out, "libsentiment") != NULL,
          "--version", "'%s'", out);
    check(run_and_wait(binary, NULL, "--help", out, sizeof out) == 0 &&
              strstr(out, "SA_LOGIC_API_URL") != NULL,
          "--help lists the environment", "'%s'", out);
    check(run_and_wait(binary, NULL, "--bogus", out, sizeof out) == 2,
          "an unknown argument exits 2", "'%s'", out);
}

/* Wait until fd is closed by the peer (read returns 0 or an error). */
static bool closed_within(int fd, unsigned ms)
{
    double deadline = now_seconds() + ms / 1000.0;
    char buf[512];

    while (now_seconds() < deadline) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 50) > 0) {
            ssize_t n = read(fd, buf, sizeof buf);
            if (n <= 0)
                return true;
        }
    }
    return false;
}

/* Idle connections fill the connection limit; the idle timeout frees the
 * slots, so the server is usable again within seconds. */
static void idle_clients(const char *binary)
{
    const char *env[] = {"MAX_CONNECTIONS=4", "CONNECTION_TIMEOUT=1",
                         "THREADS=1", NULL};
    struct server srv;
    struct request req = {.path = "/healthz", .timeout_ms = 500};
    struct response r;
    int idle[6], i, closed = 0;
    unsigned port;
    bool served = false;
    double t0;

    if (!check(server_start(&srv, binary, env) == 0,
               "server with MAX_CONNECTIONS=4 starts", "no URL"))
        return;
    port = url_port(srv.url);
    for (i = 0; i < 6; i++)
        idle[i] = tcp_connect(port);
    t0 = now_seconds();
    req.url = srv.url;
    while (!served && now_seconds() - t0 < 6) {
        http(&req, &r);
        served = r.status == 200;
        response_free(&r);
        if (!served)
            sleep_ms(100);
    }
    check(served && now_seconds() - t0 < 5,
          "6 idle connections cannot lock out a client for long",
          "served %d after %.2f s", served, now_seconds() - t0);
    for (i = 0; i < 6; i++)
        if (idle[i] >= 0) {
            closed += closed_within(idle[i], 4000);
            close(idle[i]);
        } else {
            closed++; /* refused outright also frees the server */
        }
    check(closed == 6, "idle connections are closed by the server",
          "%d of 6 closed", closed);
    server_stop(&srv, 5000);
    unlink(srv.log_path);
}

/* A body that trickles in is cut off at REQUEST_TIMEOUT_MS. */
static void slow_body(const char *binary)
{
    const char *env[] = {"REQUEST_TIMEOUT_MS=700", "CONNECTION_TIMEOUT=5",
                         NULL};
    static const char head[] =
        "POST /analyse/sentiment HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    struct server srv;
    int fd, i;
    bool cut = false;
    double t0;

    if (!check(server_start(&srv, binary, env) == 0,
               "server with REQUEST_TIMEOUT_MS starts", "no URL"))
        return;
    fd = tcp_connect(url_port(srv.url));
    t0 = now_seconds();
    if (fd >= 0 && write(fd, head, sizeof head - 1) > 0) {
        for (i = 0; i < 40 && !cut; i++) {
            sleep_ms(100);
            if (write(fd, " ", 1) != 1)
                cut = true;
            else
                cut = closed_within(fd, 1);
        }
    }
    check(cut && now_seconds() - t0 < 4,
          "a trickling body is cut off at the request deadline",
          "cut %d after %.2f s", cut, now_seconds() - t0);
    if (fd >= 0)
        close(fd);
    server_stop(&srv, 5000);
    unlink(srv.log_path);
}

/* The read callback of the in-flight request: half the body, then pause
 * until the test releases it. */
struct halves {
    const char *body;
    size_t len, pos;
    bool release, paused;
};

static size_t halves_read(char *dest, size_t size, size_t nmemb, void *user)
{
    struct halves *h = user;
    size_t half = h->len / 2, n = size * nmemb, limit;

    if (h->pos == half && !h->release) {
        h->paused = true;
        return CURL_READFUNC_PAUSE;
    }
    limit = h->pos < half ? half : h->len;
    if (n > limit - h->pos)
        n = limit - h->pos;
    memcpy(dest, h->body + h->pos, n);
    h->pos += n;
    return n;
}

/* SIGTERM: not ready at once, still accepting for SHUTDOWN_DELAY_MS, then
 * refusing new connections; the request in flight (half its body sent)
 * completes with 200; the process exits 0. */
static void drain(const char *binary)
{
    const char *env[] = {"SHUTDOWN_DELAY_MS=400", "THREADS=2", NULL};
    static const char body[] = "{\"sentence\":\"I love yogobella!\"}";
    struct halves h = {body, sizeof body - 1, 0, false, false};
    struct server srv;
    struct response r;
    struct request ready = {.path = "/readyz", .timeout_ms = 1000};
    CURLM *multi;
    CURL *slow;
    struct curl_slist *hdrs;
    char target[160];
    int running = 1, status = 0;
    long code = 0;
    double t0;
    bool not_ready = false, refused = false;
    pid_t pid;

    if (!check(server_start(&srv, binary, env) == 0, "server starts", "no URL"))
        return;
    ready.url = srv.url;
    multi = curl_multi_init();
    slow = curl_easy_init();
    hdrs = curl_slist_append(NULL, "Content-Type: application/json");
    hdrs = curl_slist_append(hdrs, "Expect:");
    snprintf(target, sizeof target, "%s/analyse/sentiment", srv.url);
    curl_easy_setopt(slow, CURLOPT_URL, target);
    curl_easy_setopt(slow, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(slow, CURLOPT_POST, 1L);
    curl_easy_setopt(slow, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)h.len);
    curl_easy_setopt(slow, CURLOPT_READFUNCTION, halves_read);
    curl_easy_setopt(slow, CURLOPT_READDATA, &h);
    curl_easy_setopt(slow, CURLOPT_WRITEFUNCTION, discard_body);
    curl_easy_setopt(slow, CURLOPT_TIMEOUT_MS, 10000L);
    curl_multi_add_handle(multi, slow);
    t0 = now_seconds();
    while (!h.paused && now_seconds() - t0 < 2) {
        curl_multi_perform(multi, &running);
        curl_multi_poll(multi, NULL, 0, 20, NULL);
    }
    sleep_ms(100); /* let the server read the headers and the half */
    check(h.paused, "a request is in flight with half its body sent",
          "never paused");

    pid = srv.pid;
    kill(pid, SIGTERM);
    t0 = now_seconds();
    while (!not_ready && now_seconds() - t0 < 2) {
        http(&ready, &r);
        not_ready = r.status == 503 && body_has(&r, "draining");
        response_free(&r);
        if (!not_ready)
            sleep_ms(20);
    }
    check(not_ready, "SIGTERM: /readyz says 503 draining at once",
          "after %.2f s", now_seconds() - t0);
    while (!refused && now_seconds() - t0 < 3) {
        http(&ready, &r);
        refused = r.curl_code == CURLE_COULDNT_CONNECT;
        response_free(&r);
        if (!refused)
            sleep_ms(20);
    }
    check(refused && now_seconds() - t0 > 0.3,
          "new connections are refused after SHUTDOWN_DELAY_MS",
          "refused %d after %.2f s", refused, now_seconds() - t0);

    h.release = true;
    curl_easy_pause(slow, CURLPAUSE_CONT);
    t0 = now_seconds();
    while (running && now_seconds() - t0 < 5) {
        curl_multi_perform(multi, &running);
        curl_multi_poll(multi, NULL, 0, 20, NULL);
    }
    curl_easy_getinfo(slow, CURLINFO_RESPONSE_CODE, &code);
    check(code == 200, "the request in flight completes with 200", "status %ld",
          code);
    curl_multi_remove_handle(multi, slow);
    curl_easy_cleanup(slow);
    curl_multi_cleanup(multi);
    curl_slist_free_all(hdrs);

    /* server_stop sends another SIGTERM, which is harmless now. */
    server_stop(&srv, 5000);
    status = srv.exit_status;
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "the server exits 0 after the drain", "status 0x%x", status);
    {
        char *log = server_log(&srv);
        check(log != NULL && strstr(log, "draining") != NULL &&
                  strstr(log, "stopped") != NULL,
              "the drain is logged", "log: %.300s", log);
        free(log);
    }
    unlink(srv.log_path);
}

/* SENTIMENT_COMPAT=py311 gives CPython 3.11's numbers. The sentences are
 * from sentences-dev.jsonl, single sentences whose two numbers differ. */
static void compat(const char *binary)
{
    static const struct {
        const char *text, *py312, *py311;
    } cases[] = {
        {"The portion was huge!", "0.49999999999999994", "0.5000000000000001"},
        {"Crisp and Clear.", "0.175", "0.17500000000000002"},
    };
    const char *env311[] = {"SENTIMENT_COMPAT=py311", NULL};
    const char *env312[] = {"SENTIMENT_COMPAT=py312", NULL};
    struct server a, b;
    size_t i;

    if (!check(server_start(&a, binary, env311) == 0 &&
                   server_start(&b, binary, env312) == 0,
               "servers with SENTIMENT_COMPAT=py311 and py312 start", "no URL"))
        return;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct response r311, r312;
        char t311[64], t312[64], name[160];

        post_sentence(a.url, "/analyse/sentiment", cases[i].text,
                      strlen(cases[i].text), &r311);
        post_sentence(b.url, "/analyse/sentiment", cases[i].text,
                      strlen(cases[i].text), &r312);
        snprintf(t311, sizeof t311, "\"polarity\":%s,", cases[i].py311);
        snprintf(t312, sizeof t312, "\"polarity\":%s,", cases[i].py312);
        snprintf(name, sizeof name, "'%s': %s with py311, %s with py312",
                 cases[i].text, cases[i].py311, cases[i].py312);
        check(body_has(&r311, t311) && body_has(&r312, t312), name,
              "%.200s / %.200s", r311.body, r312.body);
        response_free(&r311);
        response_free(&r312);
    }
    server_stop(&a, 5000);
    server_stop(&b, 5000);
    unlink(a.log_path);
    unlink(b.log_path);
}

/* Read until the peer closes (or ms pass); the bytes in buf. */
static size_t read_to_close(int fd, char *buf, size_t size, unsigned ms,
                            bool *closed)
{
    double deadline = now_seconds() + ms / 1000.0;
    size_t n = 0;

    *closed = false;
    while (now_seconds() < deadline && n + 1 < size) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 20) > 0) {
            ssize_t r = read(fd, buf + n, size - n - 1);
            if (r <= 0) {
                *closed = true;
                break;
            }
            n += (size_t)r;
        }
    }
    buf[n] = '\0';
    return n;
}

/* A head has a total deadline: bytes trickled in do not extend it. The
 * first head of a connection gets a 408; a later one on a kept-alive
 * connection is closed (an answer there could be taken for the answer to
 * a request the client is sending at that moment). */
static void head_deadline(const char *binary)
{
    const char *env[] = {"HEADER_TIMEOUT_MS=800", NULL};
    static const char first[] = "POST /analyse/sentiment HTTP/1.1\r\n";
    static const char one[] =
        "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /healthz HTTP/1.1\r\n";
    struct server srv;
    struct raw_response r;
    char buf[2048];
    bool closed = false;
    size_t n, used;
    double t0;
    int fd, i;

    if (!check(server_start(&srv, binary, env) == 0,
               "server with HEADER_TIMEOUT_MS=800 starts", "no URL"))
        return;
    fd = tcp_connect(url_port(srv.url));
    t0 = now_seconds();
    if (fd >= 0 && send(fd, first, sizeof first - 1, MSG_NOSIGNAL) > 0)
        for (i = 0; i < 25; i++) {
            struct pollfd p = {fd, POLLIN, 0};
            if (poll(&p, 1, 100) > 0 || send(fd, "X", 1, MSG_NOSIGNAL) != 1)
                break;
        }
    n = fd >= 0 ? read_to_close(fd, buf, sizeof buf, 3000, &closed) : 0;
    used = raw_parse(buf, n, &r);
    check(used > 0 && r.status == 408 && raw_is_json_error(&r) && closed &&
              now_seconds() - t0 < 2.5,
          "a trickled first head gets a 408 JSON at HEADER_TIMEOUT_MS",
          "status %d, closed %d after %.2f s: %.200s", r.status, closed,
          now_seconds() - t0, buf);
    if (fd >= 0)
        close(fd);

    /* One request answered, then the next head trickled until the server
     * closes the connection. */
    fd = tcp_connect(url_port(srv.url));
    t0 = now_seconds();
    n = 0;
    closed = false;
    if (fd >= 0 && send(fd, one, sizeof one - 1, MSG_NOSIGNAL) > 0)
        for (i = 0; i < 25 && !closed; i++) {
            struct pollfd p = {fd, POLLIN, 0};
            if (poll(&p, 1, 100) > 0) {
                ssize_t got = recv(fd, buf + n, sizeof buf - n - 1, 0);
                if (got <= 0)
                    closed = true;
                else
                    n += (size_t)got;
            } else if (send(fd, "X", 1, MSG_NOSIGNAL) != 1) {
                closed = true;
            }
        }
    buf[n] = '\0';
    used = raw_parse(buf, n, &r);
    check(used > 0 && used == n && r.status == 200 && closed &&
              now_seconds() - t0 < 2.5,
          "a trickled second head on a kept-alive connection is closed in "
          "time",
          "status %d, closed %d after %.2f s", r.status, closed,
          now_seconds() - t0);
    if (fd >= 0)
        close(fd);
    server_stop(&srv, 5000);
    unlink(srv.log_path);
}

/* Beyond MAX_CONNECTIONS a newcomer gets a 503 JSON at once, not a wait
 * in the backlog; once the others go, it is served. */
static void connection_limit(const char *binary)
{
    const char *env[] = {"MAX_CONNECTIONS=4", NULL};
    static const char req[] =
        "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    struct server srv;
    struct raw_response r;
    int idle[4], i;
    char *buf;
    size_t n, used;
    double t0;

    if (!check(server_start(&srv, binary, env) == 0,
               "server with MAX_CONNECTIONS=4 starts", "no URL"))
        return;
    for (i = 0; i < 4; i++)
        idle[i] = tcp_connect(url_port(srv.url));
    sleep_ms(100);
    t0 = now_seconds();
    buf = raw_exchange(url_port(srv.url), req, sizeof req - 1, 3000, &n);
    used = buf != NULL ? raw_parse(buf, n, &r) : 0;
    check(used > 0 && r.status == 503 && raw_is_json_error(&r) &&
              now_seconds() - t0 < 1,
          "over MAX_CONNECTIONS: a 503 JSON at once",
          "status %d after %.2f s: %.200s", r.status, now_seconds() - t0,
          buf != NULL ? buf : "");
    free(buf);
    for (i = 0; i < 4; i++)
        if (idle[i] >= 0)
            close(idle[i]);
    sleep_ms(200);
    buf = raw_exchange(url_port(srv.url), req, sizeof req - 1, 3000, &n);
    used = buf != NULL ? raw_parse(buf, n, &r) : 0;
    check(used > 0 && r.status == 200, "served again once they are gone",
          "status %d", r.status);
    free(buf);
    server_stop(&srv, 5000);
    unlink(srv.log_path);
}

/* SIGTERM under load, with no load balancer in front: not one request
 * lost. Clients that find the port closed afterwards sent nothing. */
static void stop_under_load(const char *binary, bool keep_alive)
{
    const char *env[] = {"THREADS=2", "ACCESS_LOG=0", NULL};
    struct server srv;
    struct load l;
    char name[160];
    double t0, stop_s;
    bool clean;

    memset(&l, 0, sizeof l);
    if (!check(server_start(&srv, binary, env) == 0, "server starts", "no URL"))
        return;
    l.port = url_port(srv.url);
    l.connections = 16;
    l.keep_alive = keep_alive;
    l.max_samples = 0;
    if (load_start(&l) != 0) {
        check(false, "load starts", "cannot start threads");
        return;
    }
    sleep_ms(1000);
    t0 = now_seconds();
    clean = server_stop_clean(&srv);
    stop_s = now_seconds() - t0;
    sleep_ms(300); /* the clients find the port closed */
    load_stop(&l);
    note("stop under load, %s connections: %ld answered, %ld failed, %ld "
         "connection attempts refused after the stop; exit after %.3f s",
         keep_alive ? "kept-alive" : "fresh", atomic_load(&l.ok),
         atomic_load(&l.failed), atomic_load(&l.refused), stop_s);
    snprintf(name, sizeof name,
             "SIGTERM under load on %s connections: no "
             "request lost, exit 0",
             keep_alive ? "kept-alive" : "fresh");
    check(atomic_load(&l.failed) == 0 && atomic_load(&l.ok) > 100 && clean,
          name, "%ld failed (first: %s), %ld ok, exit status 0x%x",
          atomic_load(&l.failed), l.first_failure, atomic_load(&l.ok),
          srv.exit_status);
    unlink(srv.log_path);
}

/* Whatever is in flight, the exit comes within SHUTDOWN_DELAY_MS +
 * DRAIN_TIMEOUT_MS + 1 s: here an upload that never ends. */
static void drain_bound(const char *binary)
{
    const char *env[] = {"SHUTDOWN_DELAY_MS=300", "DRAIN_TIMEOUT_MS=500", NULL};
    static const char head[] =
        "POST /analyse/sentiment HTTP/1.1\r\nHost: t\r\n"
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{";
    struct server srv;
    double t0, took;
    int fd;

    if (!check(server_start(&srv, binary, env) == 0, "server starts", "no URL"))
        return;
    fd = tcp_connect(url_port(srv.url));
    if (fd >= 0 && write(fd, head, sizeof head - 1) < 0)
        close(fd);
    sleep_ms(100);
    t0 = now_seconds();
    kill(srv.pid, SIGTERM);
    server_stop(&srv, 5000);
    took = now_seconds() - t0;
    check(WIFEXITED(srv.exit_status) && WEXITSTATUS(srv.exit_status) == 0 &&
              took < 0.3 + 0.5 + 1.0,
          "a stalled upload: exit 0 within SHUTDOWN_DELAY_MS + "
          "DRAIN_TIMEOUT_MS + 1 s",
          "%.3f s, status 0x%x", took, srv.exit_status);
    if (fd >= 0)
        close(fd);
    unlink(srv.log_path);
}

void test_lifecycle(const char *binary)
{
    note("configuration, limits and shutdown");
    configuration(binary);
    idle_clients(binary);
    slow_body(binary);
    drain(binary);
    compat(binary);
    head_deadline(binary);
    connection_limit(binary);
    drain_bound(binary);
    stop_under_load(binary, true);
    stop_under_load(binary, false);
}
