/*
 * Deadlines for the connections libmicrohttpd holds. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 *
 * libmicrohttpd's CONNECTION_TIMEOUT is an idle timeout: it restarts on
 * every byte, so a client that trickles a header a byte at a time holds its
 * connection for ever. gate.c gives the first head of a connection a total
 * deadline before libmicrohttpd sees it; this file does the same for what
 * follows on a kept-alive connection (the next head, HEADER_TIMEOUT_MS
 * after the last answer) and for bodies (REQUEST_TIMEOUT_MS after the head),
 * and closes idle kept-alive connections quickly once the server drains.
 *
 * Each connection libmicrohttpd starts is registered here (its notify
 * callback) with its socket; gate.c's thread calls srv_conns_sweep() ten
 * times a second, which shuts down the socket of a connection past its
 * deadline: libmicrohttpd then sees the end of the stream and closes it
 * itself. The socket stays open until libmicrohttpd's CLOSED notification,
 * which takes the same lock, so the sweep never touches a reused number.
 *
 * A connection's phase and deadline are one atomic word, so the request
 * path and the sweep agree on who won without a lock: the request path
 * moves it out of a waiting phase with a compare-and-swap, the sweep moves
 * it to EXPIRED the same way.
 */

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "server.h"

enum phase {
    PHASE_HEAD,   /* waiting for the head of a request */
    PHASE_BODY,   /* reading a body */
    PHASE_BUSY,   /* answering: no deadline of ours */
    PHASE_EXPIRED /* shut down by the sweep */
};

struct srv_conn {
    int fd;
    _Atomic uint64_t word;          /* deadline_ms << 2 | phase */
    _Atomic uint64_t idle_since_ms; /* when the last answer went out, or 0 */
    struct srv_conn *prev, *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct srv_conn *head;
static atomic_long count;

static uint64_t pack(uint64_t deadline_ms, enum phase phase)
{
    return deadline_ms << 2 | (uint64_t)phase;
}

uint64_t srv_now_ms(void)
{
    return srv_now_us() / 1000u;
}

long srv_conns_count(void)
{
    return atomic_load(&count);
}

/* MHD_OPTION_NOTIFY_CONNECTION. */
void srv_conns_notify(void *cls, struct MHD_Connection *connection,
                      void **socket_context,
                      enum MHD_ConnectionNotificationCode code)
{
    struct srv_app *app = cls;
    struct srv_conn *c = *socket_context;

    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *info = MHD_get_connection_info(
            connection, MHD_CONNECTION_INFO_CONNECTION_FD);
        atomic_fetch_add(&count, 1);
        c = calloc(1, sizeof *c);
        if (c == NULL || info == NULL) {
            free(c); /* unwatched: only the idle timeout applies */
            *socket_context = NULL;
            return;
        }
        c->fd = info->connect_fd;
        /* gate.c saw the whole first head: the body is next, if any. */
        atomic_init(&c->idle_since_ms, 0);
        atomic_init(&c->word, pack(srv_now_ms() + app->cfg->request_timeout_ms,
                                   PHASE_BODY));
        pthread_mutex_lock(&lock);
        c->next = head;
        if (head != NULL)
            head->prev = c;
        head = c;
        pthread_mutex_unlock(&lock);
        *socket_context = c;
        return;
    }
    atomic_fetch_sub(&count, 1);
    if (c == NULL)
        return;
    pthread_mutex_lock(&lock);
    if (c->prev != NULL)
        c->prev->next = c->next;
    else
        head = c->next;
    if (c->next != NULL)
        c->next->prev = c->prev;
    pthread_mutex_unlock(&lock);
    free(c);
    *socket_context = NULL;
}

static struct srv_conn *conn_of(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(
        connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info != NULL ? info->socket_context : NULL;
}

/* Move from a waiting phase to another; false if the sweep expired the
 * connection first. */
static bool advance(struct srv_conn *c, uint64_t next)
{
    uint64_t w = atomic_load(&c->word);

    do {
        if ((w & 3u) == PHASE_EXPIRED)
            return false;
    } while (!atomic_compare_exchange_weak(&c->word, &w, next));
    return true;
}

bool srv_conns_head_done(struct MHD_Connection *connection, bool body,
                         unsigned request_timeout_ms)
{
    struct srv_conn *c = conn_of(connection);

    if (c == NULL)
        return true;
    c->idle_since_ms = 0;
    return advance(c, body ? pack(srv_now_ms() + request_timeout_ms, PHASE_BODY)
                           : pack(0, PHASE_BUSY));
}

void srv_conns_body_done(struct MHD_Connection *connection)
{
    struct srv_conn *c = conn_of(connection);

    if (c != NULL)
        advance(c, pack(0, PHASE_BUSY));
}

void srv_conns_answered(struct MHD_Connection *connection,
                        unsigned header_timeout_ms)
{
    struct srv_conn *c = conn_of(connection);
    uint64_t now = srv_now_ms();

    if (c == NULL)
        return;
    c->idle_since_ms = now;
    advance(c, pack(now + header_timeout_ms, PHASE_HEAD));
}

/* Shut down every connection past its deadline. Once the server has
 * stopped listening (draining), a kept-alive connection idle for more than
 * idle_drain_ms is closed too: its client has sent nothing since, and we
 * want to exit. */
void srv_conns_sweep(bool draining, unsigned idle_drain_ms)
{
    uint64_t now = srv_now_ms();
    struct srv_conn *c;

    pthread_mutex_lock(&lock);
    for (c = head; c != NULL; c = c->next) {
        uint64_t w = atomic_load(&c->word);
        enum phase phase = (enum phase)(w & 3u);
        bool late = (w >> 2) < now;

        if (phase == PHASE_HEAD && draining && c->idle_since_ms != 0 &&
            now - c->idle_since_ms > idle_drain_ms)
            late = true;
        if ((phase == PHASE_HEAD || phase == PHASE_BODY) && late &&
            atomic_compare_exchange_strong(&c->word, &w,
                                           pack(0, PHASE_EXPIRED)))
            shutdown(c->fd, SHUT_RDWR);
    }
    pthread_mutex_unlock(&lock);
}
