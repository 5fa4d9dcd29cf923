/*
 * Slow clients (slowloris): 4,000 connections from one address trickle
 * request heads and never finish them, reconnecting whenever the server
 * closes one, while another client sends requests on fresh connections.
 * No request of that client may fail (5 s each at most); its p99 latency
 * is printed as a figure, not asserted. Copyright (c) 2026 The
 * libsentiment developers. MIT licence, see LICENSE.
 *
 * The attack comes from 127.0.0.2 and the client from 127.0.0.1 (both are
 * loopback on Linux), so that the server sees two addresses.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "raw.h"
#include "tests.h"

#define SLOW_CONNECTIONS 4000u

void test_slowloris(const char *binary, unsigned seconds)
{
    const char *env[] = {"THREADS=2", "ACCESS_LOG=0", NULL};
    struct server srv;
    struct slowloris s;
    struct load l;
    double t0;
    char name[200];

    note("slowloris: %u connections from 127.0.0.2 for %u s", SLOW_CONNECTIONS,
         seconds);
    if (!check(raise_nofile(SLOW_CONNECTIONS + 256),
               "the open-file limit allows 4,000 connections",
               "cannot raise RLIMIT_NOFILE to %u", SLOW_CONNECTIONS + 256))
        return;
    if (!check(server_start(&srv, binary, env) == 0, "server starts", "no URL"))
        return;
    memset(&s, 0, sizeof s);
    s.port = url_port(srv.url);
    s.target = SLOW_CONNECTIONS;
    s.interval_ms = 1000;
    s.ramp_per_tick = 20; /* 1,000 new connections a second */
    s.src = "127.0.0.2";
    memset(&l, 0, sizeof l);
    l.port = s.port;
    l.connections = 1;
    l.keep_alive = false;
    l.src = "127.0.0.1";
    l.pause_ms = 10;
    l.max_samples = 100000;
    l.samples = calloc(l.max_samples, sizeof *l.samples);
    if (l.samples == NULL || slowloris_start(&s) != 0) {
        check(false, "slow clients start", "cannot start");
        free(l.samples);
        return;
    }
    t0 = now_seconds();
    while (!atomic_load(&s.ramped) && now_seconds() - t0 < 20)
        sleep_ms(50);
    check(atomic_load(&s.ramped), "4,000 slow connections are held",
          "only %ld after %.1f s", atomic_load(&s.held), now_seconds() - t0);
    if (load_start(&l) != 0) {
        check(false, "client starts", "cannot start");
        slowloris_stop(&s);
        free(l.samples);
        return;
    }
    t0 = now_seconds();
    while (now_seconds() - t0 < seconds)
        sleep_ms(100);
    load_stop(&l);
    note("slowloris figures: slow connections held: %ld on average, %ld "
         "at least (target %u); %ld opened in all, %ld closed by the "
         "server; the other "
         "client: %ld requests, %ld failed, p50 %.2f ms, p99 %.2f ms, "
         "max %.2f ms",
         atomic_load(&s.samples) > 0
             ? atomic_load(&s.held_sum) / atomic_load(&s.samples)
             : 0,
         atomic_load(&s.min_held), SLOW_CONNECTIONS, atomic_load(&s.opened),
         atomic_load(&s.closed_by_server),
         atomic_load(&l.ok) + atomic_load(&l.failed), atomic_load(&l.failed),
         load_percentile(&l, 50) * 1000, load_percentile(&l, 99) * 1000,
         load_percentile(&l, 100) * 1000);
    snprintf(name, sizeof name,
             "while 4,000 slow connections are held for "
             "%u s, none of another client's requests fails",
             seconds);
    check(atomic_load(&l.failed) == 0 && atomic_load(&l.ok) > 0 &&
              atomic_load(&l.refused) == 0,
          name, "%ld failed (first: %s), %ld refused, %ld ok",
          atomic_load(&l.failed), l.first_failure, atomic_load(&l.refused),
          atomic_load(&l.ok));
    slowloris_stop(&s);
    check(server_stop_clean(&srv), "the server stops cleanly afterwards",
          "status 0x%x", srv.exit_status);
    free(l.samples);
    unlink(srv.log_path);
}
