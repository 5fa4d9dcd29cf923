/*
 * The test harness: TAP reporting, server processes, libcurl requests.
 * Copyright (c) 2026 The libsentiment developers. MIT licence, see LICENSE.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "harness.h"

extern char **environ;

/* ---- reporting ----------------------------------------------------------- */

static int n_checks, n_failed, n_todo;

bool check(bool ok, const char *name, const char *detail_fmt, ...)
{
    n_checks++;
    if (ok) {
        printf("ok %d - %s\n", n_checks, name);
    } else {
        va_list ap;
        /* A name ending in "# TODO reason" is a TAP TODO: a known gap,
         * reported but not a failure. */
        if (strstr(name, "# TODO") != NULL)
            n_todo++;
        else
            n_failed++;
        printf("not ok %d - %s # ", n_checks, name);
        va_start(ap, detail_fmt);
        vprintf(detail_fmt, ap);
        va_end(ap);
        putchar('\n');
    }
    fflush(stdout);
    return ok;
}

void note(const char *fmt, ...)
{
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

int finish_tests(void)
{
    printf("1..%d\n# %d passed, %d failed, %d TODO\n", n_checks,
           n_checks - n_failed - n_todo, n_failed, n_todo);
    return n_failed == 0 && n_checks > 0 ? 0 : 1;
}

/* ---- time ----------------------------------------------------------------- */

void sleep_ms(unsigned ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- servers ----------------------------------------------------------- */

#define MAX_SERVERS 32
static pid_t running[MAX_SERVERS];

static void track(pid_t pid, bool add)
{
    size_t i;
    for (i = 0; i < MAX_SERVERS; i++)
        if (add ? running[i] == 0 : running[i] == pid) {
            running[i] = add ? pid : 0;
            return;
        }
}

void kill_all_servers(void)
{
    size_t i;
    for (i = 0; i < MAX_SERVERS; i++)
        if (running[i] > 0) {
            kill(running[i], SIGKILL);
            waitpid(running[i], NULL, 0);
            running[i] = 0;
        }
}

/* environ plus our variables; ours come first so that they win over an
 * inherited PORT or SA_LOGIC_API_URL. */
static char **make_env(const char *const *extra)
{
    size_t n_env = 0, n_extra = 0, i, k = 0;
    char **env;

    while (environ[n_env] != NULL)
        n_env++;
    while (extra != NULL && extra[n_extra] != NULL)
        n_extra++;
    env = calloc(n_env + n_extra + 4, sizeof *env);
    if (env == NULL)
        return NULL;
    for (i = 0; i < n_extra; i++)
        env[k++] = (char *)extra[i];
    env[k++] = (char *)"PORT=0";
    env[k++] = (char *)"HOST=127.0.0.1";
    for (i = 0; i < n_env; i++) {
        /* Drop inherited settings that would change the server under test. */
        static const char *const drop[] = {"PORT=",
                                           "HOST=",
                                           "SA_LOGIC_API_URL=",
                                           "THREADS=",
                                           "MAX_CONNECTIONS",
                                           "CONNECTION_TIMEOUT=",
                                           "REQUEST_TIMEOUT_MS=",
                                           "UPSTREAM_",
                                           "SHUTDOWN_DELAY_MS=",
                                           "DRAIN_TIMEOUT_MS=",
                                           "ACCESS_LOG=",
                                           NULL};
        bool keep = true;
        size_t d;
        for (d = 0; drop[d] != NULL; d++)
            if (strncmp(environ[i], drop[d], strlen(drop[d])) == 0)
                keep = false;
        if (keep)
            env[k++] = environ[i];
    }
    env[k] = NULL;
    return env;
}

/* Read one line from fd within timeout_ms. */
static int read_line(int fd, char *buf, size_t size, unsigned timeout_ms)
{
    size_t n = 0;
    double deadline = now_seconds() + timeout_ms / 1000.0;

    while (n + 1 < size) {
        struct pollfd p = {fd, POLLIN, 0};
        int left = (int)((deadline - now_seconds()) * 1000);
        ssize_t r;
        if (left <= 0 || poll(&p, 1, left) <= 0)
            return -1;
        r = read(fd, buf + n, 1);
        if (r <= 0)
            return -1;
        if (buf[n] == '\n')
            break;
        n++;
    }
    buf[n] = '\0';
    return 0;
}

int server_start(struct server *srv, const char *binary, const char *const *env)
{
    posix_spawn_file_actions_t fa;
    char **envp = make_env(env);
    char *argv[] = {(char *)binary, NULL};
    char line[256];
    int out[2], logfd, rc;

    memset(srv, 0, sizeof *srv);
    snprintf(srv->log_path, sizeof srv->log_path,
             "/tmp/sentiment-server-test-XXXXXX");
    logfd = mkstemp(srv->log_path);
    if (envp == NULL || logfd < 0 || pipe(out) != 0) {
        free(envp);
        return -1;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, logfd, STDERR_FILENO);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    rc = posix_spawn(&srv->pid, binary, &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    free(envp);
    close(out[1]);
    close(logfd);
    if (rc != 0) {
        close(out[0]);
        return -1;
    }
    track(srv->pid, true);
    rc = read_line(out[0], line, sizeof line, 10000);
    /* Nothing else comes on stdout; closing our end is safe because the
     * server writes only that one line. */
    close(out[0]);
    if (rc != 0 || sscanf(line, "listening on %95s", srv->url) != 1) {
        server_stop(srv, 1000);
        return -1;
    }
    return 0;
}

int server_stop(struct server *srv, unsigned timeout_ms)
{
    double deadline = now_seconds() + timeout_ms / 1000.0;
    int status = 0;

    if (srv->pid <= 0)
        return -1;
    kill(srv->pid, SIGTERM);
    for (;;) {
        pid_t r = waitpid(srv->pid, &status, WNOHANG);
        if (r == srv->pid)
            break;
        if (now_seconds() > deadline) {
            kill(srv->pid, SIGKILL);
            waitpid(srv->pid, &status, 0);
            track(srv->pid, false);
            srv->pid = 0;
            srv->exit_status = status;
            return -1;
        }
        sleep_ms(10);
    }
    track(srv->pid, false);
    srv->pid = 0;
    srv->exit_status = status;
    return 0;
}

bool server_stop_clean(struct server *srv)
{
    return server_stop(srv, 5000) == 0 && WIFEXITED(srv->exit_status) &&
           WEXITSTATUS(srv->exit_status) == 0;
}

int run_and_wait(const char *binary, const char *const *env, const char *arg,
                 char *out, size_t out_size)
{
    posix_spawn_file_actions_t fa;
    char **envp = make_env(env);
    char *argv[] = {(char *)binary, (char *)arg, NULL};
    int pipefd[2], status = -1;
    size_t n = 0;
    pid_t pid;
    double deadline = now_seconds() + 10;

    if (envp == NULL || pipe(pipefd) != 0) {
        free(envp);
        return -1;
    }
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    if (posix_spawn(&pid, binary, &fa, NULL, argv, envp) != 0)
        pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    free(envp);
    close(pipefd[1]);
    if (pid > 0)
        track(pid, true);
    while (pid > 0 && n + 1 < out_size) {
        struct pollfd p = {pipefd[0], POLLIN, 0};
        ssize_t r;
        if (poll(&p, 1, 1000) <= 0 && now_seconds() > deadline)
            break;
        r = read(pipefd[0], out + n, out_size - n - 1);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    out[n] = '\0';
    close(pipefd[0]);
    if (pid <= 0)
        return -1;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (now_seconds() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        sleep_ms(10);
    }
    track(pid, false);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *server_log(const struct server *srv)
{
    FILE *f = fopen(srv->log_path, "rb");
    char *buf;
    long size;

    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)(size > 0 ? size : 0) + 1);
    if (buf != NULL) {
        size_t n = fread(buf, 1, (size_t)(size > 0 ? size : 0), f);
        buf[n] = '\0';
    }
    fclose(f);
    return buf;
}

/* ---- HTTP --------------------------------------------------------------- */

struct sink {
    char *buf;
    size_t len;
};

static size_t collect(char *data, size_t size, size_t nmemb, void *user)
{
    struct sink *s = user;
    size_t n = size * nmemb;
    char *p = realloc(s->buf, s->len + n + 1);
    if (p == NULL)
        return 0;
    memcpy(p + s->len, data, n);
    s->len += n;
    p[s->len] = '\0';
    s->buf = p;
    return n;
}

struct source {
    const char *data;
    size_t len, pos;
};

static size_t supply(char *dest, size_t size, size_t nmemb, void *user)
{
    struct source *s = user;
    size_t n = size * nmemb;
    if (n > s->len - s->pos)
        n = s->len - s->pos;
    memcpy(dest, s->data + s->pos, n);
    s->pos += n;
    return n;
}

int http(const struct request *req, struct response *resp)
{
    CURL *e = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    struct sink body = {NULL, 0}, head = {NULL, 0};
    struct source src = {req->body, 0, 0};
    char url[1024], line[256];
    const char *method = req->method;
    double t0;
    size_t i;

    memset(resp, 0, sizeof *resp);
    if (e == NULL)
        return -1;
    snprintf(url, sizeof url, "%s%s", req->url,
             req->path != NULL ? req->path : "");
    if (method == NULL)
        method = req->body != NULL ? "POST" : "GET";
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                     req->timeout_ms > 0 ? req->timeout_ms : 5000L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, collect);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &head);
    /* curl sends "Expect: 100-continue" for larger bodies; the tests want
     * the same exchange for every size. */
    hdrs = curl_slist_append(hdrs, "Expect:");
    if (req->content_type != NULL) {
        snprintf(line, sizeof line, "Content-Type: %s", req->content_type);
        hdrs = curl_slist_append(hdrs, line);
    } else {
        hdrs = curl_slist_append(hdrs, "Content-Type:");
    }
    for (i = 0; req->headers != NULL && req->headers[i] != NULL; i++)
        hdrs = curl_slist_append(hdrs, req->headers[i]);
    if (strcmp(method, "HEAD") == 0) {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (req->body != NULL) {
        src.len = req->len != 0 ? req->len : strlen(req->body);
        curl_easy_setopt(e, CURLOPT_POST, 1L);
        curl_easy_setopt(e, CURLOPT_READFUNCTION, supply);
        curl_easy_setopt(e, CURLOPT_READDATA, &src);
        if (req->chunked)
            hdrs = curl_slist_append(hdrs, "Transfer-Encoding: chunked");
        else
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                             (curl_off_t)src.len);
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    } else if (strcmp(method, "GET") != 0) {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, hdrs);
    t0 = now_seconds();
    resp->curl_code = (int)curl_easy_perform(e);
    resp->seconds = now_seconds() - t0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &resp->status);
    resp->body = body.buf != NULL ? body.buf : calloc(1, 1);
    resp->len = body.len;
    resp->headers = head.buf != NULL ? head.buf : calloc(1, 1);
    resp->headers_len = head.len;
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(e);
    return resp->curl_code == CURLE_OK ? 0 : -1;
}

size_t discard_body(char *data, size_t size, size_t nmemb, void *user)
{
    (void)data;
    (void)user;
    return size * nmemb;
}

void response_free(struct response *resp)
{
    free(resp->body);
    free(resp->headers);
    memset(resp, 0, sizeof *resp);
}

/* Find "Name: value" in the raw header block. libcurl hands the header
 * lines over as received; we only split lines at CRLF and compare the name,
 * which is all a test needs. */
bool header_value(const struct response *resp, const char *name, char *buf,
                  size_t size)
{
    const char *p = resp->headers;
    size_t n = strlen(name);

    while (p != NULL && *p != '\0') {
        const char *eol = strstr(p, "\r\n");
        size_t len = eol != NULL ? (size_t)(eol - p) : strlen(p);
        if (len > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            size_t vlen;
            while (*v == ' ')
                v++;
            vlen = len - (size_t)(v - p);
            if (vlen >= size)
                vlen = size - 1;
            memcpy(buf, v, vlen);
            buf[vlen] = '\0';
            return true;
        }
        p = eol != NULL ? eol + 2 : NULL;
    }
    return false;
}

bool body_has(const struct response *resp, const char *text)
{
    return resp->body != NULL && strstr(resp->body, text) != NULL;
}

bool is_json_error(const struct response *resp)
{
    char ct[128];
    json_t *doc;
    bool ok;

    if (!header_value(resp, "Content-Type", ct, sizeof ct) ||
        strncmp(ct, "application/json", 16) != 0)
        return false;
    doc = json_loadb(resp->body, resp->len, 0, NULL);
    ok = json_is_object(doc) && json_is_string(json_object_get(doc, "error"));
    json_decref(doc);
    return ok;
}

int post_sentence(const char *url, const char *path, const char *sentence,
                  size_t len, struct response *resp)
{
    json_t *doc = json_object();
    char *body;
    struct request req = {0};
    int rc;

    json_object_set_new(doc, "sentence", json_stringn(sentence, len));
    body = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (body == NULL) {
        memset(resp, 0, sizeof *resp);
        return -1;
    }
    req.url = url;
    req.path = path;
    req.content_type = "application/json";
    req.body = body;
    rc = http(&req, resp);
    free(body);
    return rc;
}

/* ---- sockets ------------------------------------------------------------- */

static int bound_socket(unsigned *port)
{
    struct sockaddr_in sin;
    socklen_t len = sizeof sin;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
        getsockname(fd, (struct sockaddr *)&sin, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(sin.sin_port);
    return fd;
}

unsigned closed_port(void)
{
    unsigned port = 0;
    int fd = bound_socket(&port);
    if (fd >= 0)
        close(fd);
    return port;
}

int silent_listener(unsigned *port)
{
    int fd = bound_socket(port);
    if (fd >= 0 && listen(fd, 16) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

int tcp_connect(unsigned port)
{
    struct sockaddr_in sin;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons((unsigned short)port);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sin, sizeof sin) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

unsigned url_port(const char *url)
{
    const char *colon = strrchr(url, ':');
    return colon != NULL ? (unsigned)strtoul(colon + 1, NULL, 10) : 0;
}
