/*
 * timer: the monotonic clock every phase reads, and the one stop flag
 * that SIGINT and SIGTERM raise.
 *
 * A search, the bound and the benchmark matheuristic all poll
 * timer_stop_requested() between steps, so one signal stops every phase
 * under way and each keeps the best rota it has.
 *
 * Memory: nothing is allocated; the stop flag is the process's own.
 */
#ifndef ROTA7_TIMER_H
#define ROTA7_TIMER_H

/* Seconds on the monotonic clock (CLOCK_MONOTONIC): only differences
 * mean anything. */
double timer_now(void);

/* Asks every phase under way to stop at its next step and keep the best
 * rota so far.  Async-signal-safe: made for SIGINT and SIGTERM. */
void timer_request_stop(void);
/* Non-zero once timer_request_stop has been called. */
int timer_stop_requested(void);

#endif
