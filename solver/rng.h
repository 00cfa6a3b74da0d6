/*
 * rng: the random numbers of the heuristics.  splitmix64: small, fast,
 * and the same sequence on every machine, so a seed repeats a run.
 *
 * Memory: the state is one uint64_t the caller owns; nothing is
 * allocated.
 */
#ifndef ROTA7_RNG_H
#define ROTA7_RNG_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); 0 when n is 0. */
static inline size_t rng_below(uint64_t *state, size_t n)
{
	return n ? (size_t)(rng_next(state) % n) : 0;
}

#endif
