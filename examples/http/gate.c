/*
 * The gate: the accept loop, and each connection's first request head
 * before libmicrohttpd gets the connection. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 *
 * Why we accept connections ourselves instead of libmicrohttpd:
 * - Beyond MAX_CONNECTIONS libmicrohttpd stops accepting, so newcomers
 *   wait silently in the kernel's backlog until their own timeout. We
 *   always accept, and answer a newcomer over the limit with a 503 at once.
 * - libmicrohttpd's timeout restarts on every byte, so a client trickling
 *   its head (slowloris) holds a slot for ever, and a few thousand of them
 *   lock everyone out. Here a connection is held in one epoll set, for the
 *   cost of its socket, until its first head is complete; the head has a
 *   total deadline (HEADER_TIMEOUT_MS, answered 408).
 * - libmicrohttpd 0.9.75 mishandles some heads and answers others in HTML
 *   (head.c): we look at the head first, with MSG_PEEK so that
 *   libmicrohttpd still reads every byte itself, and refuse those with our
 *   JSON errors.
 * - On SIGTERM the listener must close without resetting the connections
 *   in its backlog (srv_gate_close_listener()).
 * A complete, acceptable head hands the connection to libmicrohttpd with
 * MHD_add_connection(); what follows on it is libmicrohttpd's, with the
 * deadlines of conns.c.
 *
 * Everything here runs on the gate's one thread, which also runs
 * srv_conns_sweep(), so no lock is needed for its lists.
 */

/* accept4(), SO_ATTACH_FILTER: Linux, as epoll is. */
#define _GNU_SOURCE

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server.h"

/* An error answer is followed by reading (and dropping) what the client
 * still sends for this long, so that closing does not reset the
 * connection before the client has read the answer. At most this many
 * connections linger at once; beyond that they are closed at once. */
#define LINGER_MS 1000
#define MAX_LINGERING 1024

/* After the listener stops taking new connections, wait this long for the
 * handshakes already under way to land in its backlog. */
#define LISTENER_GRACE_MS 100

/* Once the listener is closed, a kept-alive connection idle this long is
 * closed. */
#define DRAIN_IDLE_MS 200

enum wait_kind { WAIT_HEAD, WAIT_LINGER };

struct waiting {
    int fd;
    enum wait_kind kind;
    uint64_t deadline_ms;
    uint64_t start_us;
    struct sockaddr_storage addr;
    socklen_t addr_len;
    struct waiting *prev, *next;
};

/* A list in deadline order: every entry gets the same timeout, so
 * appending keeps it sorted and expiry looks only at the front. */
struct queue {
    struct waiting *first, *last;
    long count;
};

struct srv_gate {
    struct srv_app *app;
    struct MHD_Daemon *daemon;
    int listen_fd, epoll_fd, wake_fd, spare_fd;
    pthread_t thread;
    struct queue heads, lingering;
    atomic_long pending; /* heads.count, readable by other threads */
    atomic_bool close_listener, stop, listener_closed;
    uint64_t close_at_ms; /* when the listener closes, once asked */
    char peek[SRV_MAX_HEAD];
};

static void enqueue(struct queue *q, struct waiting *w)
{
    w->next = NULL;
    w->prev = q->last;
    if (q->last != NULL)
        q->last->next = w;
    else
        q->first = w;
    q->last = w;
    q->count++;
}

static void dequeue(struct queue *q, struct waiting *w)
{
    if (w->prev != NULL)
        w->prev->next = w->next;
    else
        q->first = w->next;
    if (w->next != NULL)
        w->next->prev = w->prev;
    else
        q->last = w->prev;
    q->count--;
}

static struct queue *queue_of(struct srv_gate *g, const struct waiting *w)
{
    return w->kind == WAIT_HEAD ? &g->heads : &g->lingering;
}

/* Forget a waiting connection; close its socket unless handed over. */
static void drop(struct srv_gate *g, struct waiting *w, bool close_fd)
{
    dequeue(queue_of(g, w), w);
    atomic_store(&g->pending, g->heads.count);
    epoll_ctl(g->epoll_fd, EPOLL_CTL_DEL, w->fd, NULL);
    if (close_fd)
        close(w->fd);
    free(w);
}

static void log_refusal(struct srv_gate *g, const struct sockaddr *sa,
                        socklen_t len, unsigned status, size_t bytes,
                        uint64_t start_us)
{
    char client[INET6_ADDRSTRLEN];
    uint64_t micros = srv_now_us() - start_us;

    srv_metrics_record(SRV_ROUTE_OTHER, status, micros);
    if (!g->app->cfg->access_log)
        return;
    if (getnameinfo(sa, len, client, sizeof client, NULL, 0, NI_NUMERICHOST) !=
        0)
        snprintf(client, sizeof client, "-");
    srv_log_request(client, "-", "-", status, bytes, micros);
}

/* Answer an error and linger, or close at once if too many linger. */
static void refuse(struct srv_gate *g, int fd, const struct sockaddr *sa,
                   socklen_t len, unsigned status, const char *message,
                   uint64_t start_us)
{
    size_t bytes = srv_send_json_error(fd, status, message);
    struct waiting *w;
    struct epoll_event ev;

    log_refusal(g, sa, len, status, bytes, start_us);
    shutdown(fd, SHUT_WR);
    w = g->lingering.count < MAX_LINGERING ? calloc(1, sizeof *w) : NULL;
    if (w == NULL) {
        close(fd);
        return;
    }
    w->fd = fd;
    w->kind = WAIT_LINGER;
    w->deadline_ms = srv_now_ms() + LINGER_MS;
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    ev.data.ptr = w;
    if (epoll_ctl(g->epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        free(w);
        close(fd);
        return;
    }
    enqueue(&g->lingering, w);
}

/* Refuse a waiting head: move it from the heads to the lingering. */
static void refuse_waiting(struct srv_gate *g, struct waiting *w,
                           unsigned status, const char *message)
{
    int fd = w->fd;
    struct sockaddr_storage addr = w->addr;
    socklen_t len = w->addr_len;
    uint64_t start = w->start_us;

    drop(g, w, false);
    refuse(g, fd, (struct sockaddr *)&addr, len, status, message, start);
}

static void drain_lingering(struct srv_gate *g, struct waiting *w)
{
    char buf[4096];

    for (;;) {
        ssize_t n = recv(w->fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0)
            continue;
        if (n < 0 &&
            (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        drop(g, w, true); /* the client closed: done */
        return;
    }
}

/* New bytes on a connection whose first head is not complete yet. */
static void on_head_bytes(struct srv_gate *g, struct waiting *w,
                          uint32_t events)
{
    const char *message;
    unsigned status;
    ssize_t n = recv(w->fd, g->peek, sizeof g->peek, MSG_PEEK | MSG_DONTWAIT);

    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) {
        drop(g, w, true); /* gone before sending a request */
        return;
    }
    status = srv_head_check(g->peek, (size_t)n, sizeof g->peek, &message);
    if (status == 0) {
        if (events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))
            drop(g, w, true); /* it will never be complete */
        return;
    }
    if (status != 200) {
        refuse_waiting(g, w, status, message);
        return;
    }
    {
        int fd = w->fd;
        struct sockaddr_storage addr = w->addr;
        socklen_t len = w->addr_len;

        drop(g, w, false);
        /* libmicrohttpd closes the socket itself if it cannot take it
         * (out of memory, MAX_CONNECTIONS_PER_IP). */
        MHD_add_connection(g->daemon, fd, (struct sockaddr *)&addr, len);
    }
}

/* accept() failed for want of descriptors: free the spare one to accept
 * and refuse the newcomer, rather than leave it waiting in the backlog
 * (and the listener readable, which would make epoll spin). */
static void refuse_without_fds(struct srv_gate *g)
{
    int fd;

    if (g->spare_fd < 0)
        return;
    close(g->spare_fd);
    fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd >= 0) {
        srv_send_json_error(fd, 503, "the server is at its connection limit");
        close(fd);
    }
    g->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
}

/* A head must be complete within HEADER_TIMEOUT_MS; and as a connection
 * that says nothing for CONNECTION_TIMEOUT is closed, so is one that says
 * nothing before its head. (The deadline counts from the connection, not
 * from its last byte: bytes trickled one at a time do not extend it.) */
static uint64_t head_timeout_ms(const struct srv_config *cfg)
{
    uint64_t idle = (uint64_t)cfg->connection_timeout_s * 1000u;
    return cfg->header_timeout_ms < idle ? cfg->header_timeout_ms : idle;
}

static void accept_all(struct srv_gate *g)
{
    const struct srv_config *cfg = g->app->cfg;

    while (!atomic_load(&g->listener_closed)) {
        struct sockaddr_storage addr;
        socklen_t len = sizeof addr;
        struct waiting *w;
        struct epoll_event ev;
        uint64_t now_us;
        int fd = accept4(g->listen_fd, (struct sockaddr *)&addr, &len,
                         SOCK_NONBLOCK | SOCK_CLOEXEC);

        if (fd < 0) {
            if (errno == EMFILE || errno == ENFILE)
                refuse_without_fds(g);
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return;
        }
        now_us = srv_now_us();
        if (g->heads.count + srv_conns_count() >= (long)cfg->max_connections) {
            refuse(g, fd, (struct sockaddr *)&addr, len, 503,
                   "the server is at its connection limit", now_us);
            continue;
        }
        w = calloc(1, sizeof *w);
        if (w == NULL) {
            close(fd);
            continue;
        }
        w->fd = fd;
        w->kind = WAIT_HEAD;
        w->start_us = now_us;
        w->deadline_ms = now_us / 1000u + head_timeout_ms(cfg);
        w->addr = addr;
        w->addr_len = len;
        ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
        ev.data.ptr = w;
        if (epoll_ctl(g->epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) {
            free(w);
            close(fd);
            continue;
        }
        enqueue(&g->heads, w);
        atomic_store(&g->pending, g->heads.count);
        /* The head is often there already: look now rather than wait for
         * the edge, which may have passed. */
        on_head_bytes(g, w, 0);
    }
}

/* Pure SYNs are dropped (the client will retry, and by then find the port
 * closed and get a clean refusal), every other segment is let through, so
 * handshakes under way still complete and land in the backlog. The filter
 * sees the TCP header at offset 0; byte 13 holds the flags. */
static void stop_new_handshakes(int fd)
{
    static struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 13),
        BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0x12),       /* SYN, ACK */
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x02, 0, 1), /* SYN only */
        BPF_STMT(BPF_RET | BPF_K, 0),
        BPF_STMT(BPF_RET | BPF_K, 0xffffffffu),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};

    if (setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog) != 0)
        srv_log("cannot filter new connections on the listener: "
                "connections arriving as it closes may be reset");
}

/* Expire at most this many at a time, then look at the listener again:
 * thousands of slow clients expiring at once must not keep newcomers
 * waiting in the backlog. */
#define EXPIRE_BATCH 128

/* Returns true if more are due. */
static bool expire(struct srv_gate *g, uint64_t now)
{
    int n = 0;

    while (g->heads.first != NULL && g->heads.first->deadline_ms <= now &&
           n++ < EXPIRE_BATCH)
        refuse_waiting(g, g->heads.first, 408,
                       "the request head took too long");
    while (g->lingering.first != NULL &&
           g->lingering.first->deadline_ms <= now && n++ < EXPIRE_BATCH)
        drop(g, g->lingering.first, true);
    return n >= EXPIRE_BATCH;
}

static void *run(void *arg)
{
    struct srv_gate *g = arg;
    uint64_t last_sweep = 0;
    bool behind = false;

    while (!atomic_load(&g->stop)) {
        struct epoll_event events[64];
        bool closing = atomic_load(&g->close_listener) &&
                       !atomic_load(&g->listener_closed);
        int n = epoll_wait(g->epoll_fd, events, 64,
                           behind    ? 0
                           : closing ? 10
                                     : 100),
            i;
        uint64_t now;

        for (i = 0; i < n; i++) {
            void *p = events[i].data.ptr;
            if (p == &g->listen_fd) {
                accept_all(g);
            } else if (p == &g->wake_fd) {
                uint64_t v;
                if (read(g->wake_fd, &v, sizeof v) < 0)
                    v = 0;
            } else {
                struct waiting *w = p;
                if (w->kind == WAIT_HEAD)
                    on_head_bytes(g, w, events[i].events);
                else
                    drain_lingering(g, w);
            }
        }
        now = srv_now_ms();
        if (closing && g->close_at_ms == 0) {
            stop_new_handshakes(g->listen_fd);
            g->close_at_ms = now + LISTENER_GRACE_MS;
        } else if (closing && now >= g->close_at_ms) {
            accept_all(g);
            epoll_ctl(g->epoll_fd, EPOLL_CTL_DEL, g->listen_fd, NULL);
            close(g->listen_fd);
            atomic_store(&g->listener_closed, true);
        }
        behind = expire(g, now);
        if (now - last_sweep >= 100) {
            /* Idle kept-alive connections are closed only once the
             * listener is: during SHUTDOWN_DELAY_MS their clients may
             * still send, and are told to reconnect by the answer. */
            srv_conns_sweep(atomic_load(&g->listener_closed), DRAIN_IDLE_MS);
            last_sweep = now;
        }
    }
    return NULL;
}

static void wake(struct srv_gate *g)
{
    uint64_t one = 1;
    if (write(g->wake_fd, &one, sizeof one) < 0)
        return; /* already pending: the thread wakes anyway */
}

int srv_gate_start(struct srv_gate **out, struct srv_app *app,
                   struct MHD_Daemon *daemon, int listen_fd)
{
    struct srv_gate *g = calloc(1, sizeof *g);
    struct epoll_event ev;

    *out = NULL;
    if (g == NULL)
        return -1;
    g->app = app;
    g->daemon = daemon;
    g->listen_fd = listen_fd;
    g->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    g->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    g->spare_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    atomic_init(&g->pending, 0);
    atomic_init(&g->close_listener, false);
    atomic_init(&g->stop, false);
    atomic_init(&g->listener_closed, false);
    if (g->epoll_fd < 0 || g->wake_fd < 0 ||
        fcntl(listen_fd, F_SETFL, fcntl(listen_fd, F_GETFL) | O_NONBLOCK) != 0)
        goto fail;
    ev.events = EPOLLIN;
    ev.data.ptr = &g->listen_fd;
    if (epoll_ctl(g->epoll_fd, EPOLL_CTL_ADD, listen_fd, &ev) != 0)
        goto fail;
    ev.data.ptr = &g->wake_fd;
    if (epoll_ctl(g->epoll_fd, EPOLL_CTL_ADD, g->wake_fd, &ev) != 0 ||
        pthread_create(&g->thread, NULL, run, g) != 0)
        goto fail;
    *out = g;
    return 0;
fail:
    if (g->epoll_fd >= 0)
        close(g->epoll_fd);
    if (g->wake_fd >= 0)
        close(g->wake_fd);
    if (g->spare_fd >= 0)
        close(g->spare_fd);
    free(g);
    return -1;
}

/* Stop taking connections without resetting any: new handshakes are
 * refused (their SYNs dropped), the backlog is accepted until the
 * handshakes under way have landed, then the listener closes. */
void srv_gate_close_listener(struct srv_gate *g)
{
    atomic_store(&g->close_listener, true);
    wake(g);
}

bool srv_gate_listener_closed(struct srv_gate *g)
{
    return atomic_load(&g->listener_closed);
}

long srv_gate_pending(struct srv_gate *g)
{
    return atomic_load(&g->pending);
}

void srv_gate_stop(struct srv_gate *g)
{
    if (g == NULL)
        return;
    atomic_store(&g->stop, true);
    wake(g);
    pthread_join(g->thread, NULL);
    while (g->heads.first != NULL)
        drop(g, g->heads.first, true);
    while (g->lingering.first != NULL)
        drop(g, g->lingering.first, true);
    if (!atomic_load(&g->listener_closed))
        close(g->listen_fd);
    close(g->epoll_fd);
    close(g->wake_fd);
    if (g->spare_fd >= 0)
        close(g->spare_fd);
    free(g);
}
