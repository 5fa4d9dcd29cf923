/*
 * Raw HTTP over loopback: exchanges, response parsing, load and slow
 * clients. Copyright (c) 2026 The libsentiment developers. MIT licence, see
 * LICENSE.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>

#include "harness.h"
#include "raw.h"

static int socket_to(const char *src, unsigned port, bool nonblocking,
                     struct sockaddr_in *dst)
{
    int fd = socket(
        AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0),
        0);
    int one = 1;

    if (fd < 0)
        return -1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (src != NULL) {
        struct sockaddr_in sin;
        memset(&sin, 0, sizeof sin);
        sin.sin_family = AF_INET;
        inet_pton(AF_INET, src, &sin.sin_addr);
        if (bind(fd, (struct sockaddr *)&sin, sizeof sin) != 0) {
            close(fd);
            return -1;
        }
    }
    memset(dst, 0, sizeof *dst);
    dst->sin_family = AF_INET;
    dst->sin_port = htons((unsigned short)port);
    dst->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return fd;
}

int tcp_connect_from(const char *src, unsigned port)
{
    struct sockaddr_in dst;
    int fd = socket_to(src, port, false, &dst);

    if (fd >= 0 && connect(fd, (struct sockaddr *)&dst, sizeof dst) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool send_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = send(fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

char *raw_exchange(unsigned port, const char *data, size_t len,
                   unsigned timeout_ms, size_t *out_len)
{
    int fd = tcp_connect(port);
    size_t n = 0, size = 4096;
    char *buf;
    double deadline = now_seconds() + timeout_ms / 1000.0;

    *out_len = 0;
    if (fd < 0)
        return NULL;
    buf = malloc(size);
    if (buf == NULL || !send_all(fd, data, len)) {
        /* The server may answer and close before taking it all: read
         * what it said anyway. */
        if (buf == NULL) {
            close(fd);
            return NULL;
        }
    }
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int left = (int)((deadline - now_seconds()) * 1000);
        ssize_t r;

        if (left <= 0 || poll(&p, 1, left) <= 0)
            break;
        if (n + 1024 > size) {
            char *q = realloc(buf, size * 2);
            if (q == NULL)
                break;
            buf = q;
            size *= 2;
        }
        r = recv(fd, buf + n, size - n - 1, 0);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *out_len = n;
    return buf;
}

size_t raw_parse(const char *buf, size_t len, struct raw_response *r)
{
    const char *end, *p;
    int lengths = 0;
    size_t content_length = 0, head_len;

    memset(r, 0, sizeof *r);
    if (len < 12 || memcmp(buf, "HTTP/1.1 ", 9) != 0 || buf[12] != ' ' ||
        sscanf(buf + 9, "%3d", &r->status) != 1)
        return 0;
    end = NULL;
    for (p = buf; p + 4 <= buf + len; p++)
        if (memcmp(p, "\r\n\r\n", 4) == 0) {
            end = p;
            break;
        }
    if (end == NULL)
        return 0;
    head_len = (size_t)(end - buf) + 4;
    for (p = (const char *)memchr(buf, '\n', head_len) + 1; p < end;) {
        const char *eol = memchr(p, '\r', (size_t)(end + 2 - p));
        size_t n = (size_t)(eol - p);
        if (n > 15 && strncasecmp(p, "Content-Length:", 15) == 0) {
            lengths++;
            content_length = strtoul(p + 15, NULL, 10);
        } else if (n >= 17 && strncasecmp(p, "Connection: close", 17) == 0) {
            r->close = true;
        } else if (n >= 30 &&
                   strncasecmp(p, "Content-Type: application/json", 30) == 0) {
            r->json = true;
        }
        p = eol + 2;
    }
    if (lengths != 1 || len - head_len < content_length)
        return 0;
    r->body = buf + head_len;
    r->body_len = content_length;
    return head_len + content_length;
}

bool raw_is_json_error(const struct raw_response *r)
{
    json_t *doc;
    bool ok;

    if (!r->json)
        return false;
    doc = json_loadb(r->body, r->body_len, 0, NULL);
    ok = json_is_object(doc) && json_is_string(json_object_get(doc, "error"));
    json_decref(doc);
    return ok;
}

bool raise_nofile(unsigned long n)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return false;
    if (rl.rlim_cur >= n)
        return true;
    if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < n)
        return false;
    rl.rlim_cur = n;
    return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

/* ---- load -------------------------------------------------------------- */

static const char load_body[] = "{\"sentence\":\"I love yogobella!\"}";

struct load_thread {
    struct load *load;
    pthread_t id;
};

static void note_failure(struct load *l, const char *what, int err)
{
    if (atomic_fetch_add(&l->failed, 1) == 0)
        snprintf(l->first_failure, sizeof l->first_failure, "%s (%s)", what,
                 err != 0 ? strerror(err) : "no error code");
}

/* Read one response; 1 if it is a 200, 0 if another status, -1 if the
 * connection broke or timed out first. *close_after: Connection: close. */
static int read_response(int fd, bool *close_after, int *err)
{
    char buf[2048];
    size_t n = 0;
    double deadline = now_seconds() + 5;
    struct raw_response r;

    *err = 0;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int left = (int)((deadline - now_seconds()) * 1000);
        ssize_t got;

        if (left <= 0 || poll(&p, 1, left) <= 0) {
            *err = ETIMEDOUT;
            return -1;
        }
        got = recv(fd, buf + n, sizeof buf - n, 0);
        if (got <= 0) {
            *err = got < 0 ? errno : 0;
            return -1;
        }
        n += (size_t)got;
        if (raw_parse(buf, n, &r) > 0)
            break;
        if (n == sizeof buf)
            return -1;
    }
    *close_after = r.close;
    return r.status == 200 ? 1 : 0;
}

static void *load_run(void *arg)
{
    struct load_thread *t = arg;
    struct load *l = t->load;
    char request[512];
    int len = snprintf(request, sizeof request,
                       "POST /analyse/sentiment HTTP/1.1\r\nHost: test\r\n"
                       "Content-Type: application/json\r\n"
                       "Content-Length: %zu\r\n%s\r\n%s",
                       sizeof load_body - 1,
                       l->keep_alive ? "" : "Connection: close\r\n", load_body);
    int fd = -1;

    while (!atomic_load(&l->stop)) {
        bool close_after = true;
        double t0;
        int rc, err;

        if (fd < 0) {
            fd = tcp_connect_from(l->src, l->port);
            if (fd < 0) {
                /* Nothing was sent: the server is not there (any more). */
                atomic_fetch_add(&l->refused, 1);
                sleep_ms(10);
                continue;
            }
        }
        t0 = now_seconds();
        if (!send_all(fd, request, (size_t)len)) {
            note_failure(l, "send", errno);
            close(fd);
            fd = -1;
            continue;
        }
        rc = read_response(fd, &close_after, &err);
        if (rc == 1) {
            size_t i = atomic_fetch_add(&l->n_samples, 1);
            atomic_fetch_add(&l->ok, 1);
            if (i < l->max_samples)
                l->samples[i] = now_seconds() - t0;
        } else {
            note_failure(
                l, rc == 0 ? "status other than 200" : "no complete answer",
                err);
        }
        if (rc != 1 || close_after || !l->keep_alive) {
            close(fd);
            fd = -1;
        }
        if (l->pause_ms > 0)
            sleep_ms(l->pause_ms);
    }
    if (fd >= 0)
        close(fd);
    return NULL;
}

int load_start(struct load *l)
{
    struct load_thread *t = calloc(l->connections, sizeof *t);
    unsigned i;

    atomic_init(&l->ok, 0);
    atomic_init(&l->failed, 0);
    atomic_init(&l->refused, 0);
    atomic_init(&l->n_samples, 0);
    atomic_init(&l->stop, false);
    l->first_failure[0] = '\0';
    l->threads = t;
    if (t == NULL)
        return -1;
    for (i = 0; i < l->connections; i++) {
        t[i].load = l;
        if (pthread_create(&t[i].id, NULL, load_run, &t[i]) != 0)
            return -1;
    }
    return 0;
}

void load_stop(struct load *l)
{
    struct load_thread *t = l->threads;
    unsigned i;

    atomic_store(&l->stop, true);
    for (i = 0; t != NULL && i < l->connections; i++)
        pthread_join(t[i].id, NULL);
    free(t);
    l->threads = NULL;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double load_percentile(struct load *l, double p)
{
    size_t n = atomic_load(&l->n_samples), i;

    if (n > l->max_samples)
        n = l->max_samples;
    if (n == 0)
        return 0;
    qsort(l->samples, n, sizeof *l->samples, compare_doubles);
    i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
    return l->samples[i < n ? i : n - 1];
}

/* ---- slow clients ---------------------------------------------------------- */

struct slow_slot {
    int fd;
    int lines;   /* header lines sent so far */
    double next; /* when to send the next one */
};

static void slot_open(struct slowloris *s, struct slow_slot *slot, double now)
{
    struct sockaddr_in dst;

    slot->fd = socket_to(s->src, s->port, true, &dst);
    slot->lines = 0;
    slot->next = now;
    if (slot->fd < 0)
        return;
    if (connect(slot->fd, (struct sockaddr *)&dst, sizeof dst) != 0 &&
        errno != EINPROGRESS) {
        close(slot->fd);
        slot->fd = -1;
        return;
    }
    atomic_fetch_add(&s->opened, 1);
}

static void *slowloris_run(void *arg)
{
    struct slowloris *s = arg;
    struct slow_slot *slots = calloc(s->target, sizeof *slots);
    struct pollfd *polls = calloc(s->target, sizeof *polls);
    double spread = s->interval_ms / 1000.0 / s->target, last_sample = 0;
    unsigned i;

    if (slots == NULL || polls == NULL) {
        free(slots);
        free(polls);
        return NULL;
    }
    for (i = 0; i < s->target; i++)
        slots[i].fd = -1;
    while (!atomic_load(&s->stop)) {
        double now = now_seconds();
        long held = 0;

        unsigned opened = 0;

        for (i = 0; i < s->target; i++) {
            struct slow_slot *slot = &slots[i];
            /* At most ramp_per_tick new connections per 20 ms tick. */
            if (slot->fd < 0 && opened < s->ramp_per_tick) {
                slot_open(s, slot, now + spread * i);
                opened++;
            }
            polls[i].fd = slot->fd;
            polls[i].events = POLLIN;
            polls[i].revents = 0;
        }
        poll(polls, s->target, 20);
        now = now_seconds();
        for (i = 0; i < s->target; i++) {
            struct slow_slot *slot = &slots[i];
            if (slot->fd < 0)
                continue;
            if (polls[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                /* A 408, a refusal or a close: start over. */
                close(slot->fd);
                slot->fd = -1;
                atomic_fetch_add(&s->closed_by_server, 1);
                continue;
            }
            if (now >= slot->next) {
                static const char first[] =
                    "POST /analyse/sentiment HTTP/1.1\r\nHost: slow\r\n";
                static const char more[] = "X-Slow: yes\r\n";
                const char *line = slot->lines == 0 ? first : more;
                size_t n = slot->lines == 0 ? sizeof first - 1
                                            : sizeof more - 1;
                ssize_t sent = send(slot->fd, line, n,
                                    MSG_NOSIGNAL | MSG_DONTWAIT);
                if (sent == (ssize_t)n) {
                    slot->lines++;
                    slot->next = now + s->interval_ms / 1000.0;
                } else if (sent < 0 && errno != EAGAIN && errno != ENOTCONN) {
                    close(slot->fd);
                    slot->fd = -1;
                    continue;
                }
            }
            if (slot->lines > 0)
                held++;
        }
        atomic_store(&s->held, held);
        if (!atomic_load(&s->ramped) && held >= (long)s->target) {
            atomic_store(&s->ramped, true);
            atomic_store(&s->min_held, held);
        }
        if (atomic_load(&s->ramped) && now - last_sample > 0.5) {
            if (held < atomic_load(&s->min_held))
                atomic_store(&s->min_held, held);
            atomic_fetch_add(&s->held_sum, held);
            atomic_fetch_add(&s->samples, 1);
            last_sample = now;
        }
    }
    for (i = 0; i < s->target; i++)
        if (slots[i].fd >= 0)
            close(slots[i].fd);
    free(slots);
    free(polls);
    return NULL;
}

int slowloris_start(struct slowloris *s)
{
    pthread_t *t = malloc(sizeof *t);

    atomic_init(&s->held, 0);
    atomic_init(&s->min_held, 0);
    atomic_init(&s->opened, 0);
    atomic_init(&s->closed_by_server, 0);
    atomic_init(&s->held_sum, 0);
    atomic_init(&s->samples, 0);
    atomic_init(&s->stop, false);
    atomic_init(&s->ramped, false);
    s->thread = t;
    if (t == NULL || pthread_create(t, NULL, slowloris_run, s) != 0) {
        free(t);
        s->thread = NULL;
        return -1;
    }
    return 0;
}

void slowloris_stop(struct slowloris *s)
{
    atomic_store(&s->stop, true);
    if (s->thread != NULL)
        pthread_join(*(pthread_t *)s->thread, NULL);
    free(s->thread);
    s->thread = NULL;
}
