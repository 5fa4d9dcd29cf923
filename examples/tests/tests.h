/*
 * The groups of sentiment-server tests. Copyright (c) 2026 The libsentiment
 * developers. MIT licence, see LICENSE.
 */

#ifndef TEST_TESTS_H
#define TEST_TESTS_H

/* test-contract.c: one server's routes, numbers and errors, at url. */
void test_contract(const char *url);
/* test-framing.c: raw-socket framing checks of the server at url. */
void test_framing(const char *url);
/* test-slowloris.c: slow clients from one address while another client's
 * requests are timed; figures printed as TAP comments. */
void test_slowloris(const char *binary, unsigned seconds);
/* test-forward.c: the web-app role, with a logic tier up, down, hung. */
void test_forward(const char *binary);
/* test-lifecycle.c: configuration, limits, timeouts and the SIGTERM drain. */
void test_lifecycle(const char *binary);

#endif /* TEST_TESTS_H */
