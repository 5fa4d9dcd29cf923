/*
 * The listening socket. Copyright (c) 2026 The libsentiment developers. MIT
 * licence, see LICENSE.
 *
 * We open it ourselves instead of letting libmicrohttpd do it, for two
 * reasons: HOST may be a name or an IPv6 literal (getaddrinfo handles both),
 * and PORT=0 lets the kernel pick a free port, which we can then report on
 * stdout. Tests and scripts use that to run many servers without racing for
 * fixed ports.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server.h"

/* Enough for the kernel to hold a burst of connections (thousands of slow
 * clients reconnecting at once) while gate.c is busy; the kernel caps it
 * at net.core.somaxconn (4096 on current kernels). A full backlog drops
 * SYNs, which costs a newcomer a second's retry. */
#define LISTEN_BACKLOG 4096

/* Open, bind and listen on host:port. Returns the socket, or -1 with a
 * message in err. *family_out receives AF_INET or AF_INET6. */
int srv_listen(const char *host, unsigned port, int *family_out, char *err,
               size_t err_size)
{
    struct addrinfo hints, *res = NULL, *ai;
    char service[8];
    int rc, fd = -1, saved = 0;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(service, sizeof service, "%u", port);
    rc = getaddrinfo(host, service, &hints, &res);
    if (rc != 0) {
        snprintf(err, err_size, "HOST=%s: %s", host, gai_strerror(rc));
        return -1;
    }
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        int one = 1;

        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
                    ai->ai_protocol);
        if (fd < 0) {
            saved = errno;
            continue;
        }
        /* A restarted server must be able to bind while connections of its
         * previous life linger in TIME_WAIT: that is the rolling restart. */
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 &&
            listen(fd, LISTEN_BACKLOG) == 0) {
            *family_out = ai->ai_family;
            break;
        }
        saved = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0)
        snprintf(err, err_size, "cannot listen on %s:%u: %s", host, port,
                 strerror(saved));
    return fd;
}

/* Write "http://ADDR:PORT" for a bound socket into buf. Returns 0 or -1. */
int srv_describe_socket(int fd, char *buf, size_t size)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    char addr[INET6_ADDRSTRLEN];

    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
        return -1;
    if (ss.ss_family == AF_INET6) {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)&ss;
        inet_ntop(AF_INET6, &sin6->sin6_addr, addr, sizeof addr);
        snprintf(buf, size, "http://[%s]:%u", addr, ntohs(sin6->sin6_port));
    } else {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)&ss;
        inet_ntop(AF_INET, &sin->sin_addr, addr, sizeof addr);
        snprintf(buf, size, "http://%s:%u", addr, ntohs(sin->sin_port));
    }
    return 0;
}
