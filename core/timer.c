#include "timer.h"

#include <signal.h>
#include <time.h>

/* Set from a signal handler: only ever written 0 -> 1. */
static volatile sig_atomic_t stop_requested;

void timer_request_stop(void)
{
	stop_requested = 1;
}

int timer_stop_requested(void)
{
	return stop_requested != 0;
}

double timer_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
