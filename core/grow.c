#include "grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A first capacity: small arrays are common (a person's leave, a
 * parser's fields) and doubling makes the start size matter little. */
#define GROW_FIRST 16

int grow(void *arr, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : GROW_FIRST;
	void *old, *np;

	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if (size && ncap > SIZE_MAX / size)
		return -1;
	/* arr points at a T *, which is read and written as bytes: any
	 * object pointer converts to void * and back unchanged. */
	memcpy(&old, arr, sizeof(old));
	np = realloc(old, ncap * size);
	if (!np)
		return -1;
	memcpy(arr, &np, sizeof(np));
	*cap = ncap;
	return 0;
}
