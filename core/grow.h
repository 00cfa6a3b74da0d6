/*
 * grow: room for one more element in a growing array, the one doubling
 * loop every module uses (after git's ALLOC_GROW).
 *
 *	struct thing *items = NULL;
 *	size_t n = 0, cap = 0;
 *
 *	if (grow(&items, &cap, n + 1, sizeof(*items)))
 *		return -1;          (out of memory: items is unchanged)
 *	items[n++] = t;
 *
 * Memory: the array is the caller's, allocated with realloc and freed
 * with free; grow only ever reallocates it.
 */
#ifndef ROTA7_GROW_H
#define ROTA7_GROW_H

#include <stddef.h>

/*
 * Makes *arr (a pointer to the caller's array pointer, whose capacity is
 * *cap elements of `size` bytes) hold at least `need` elements, doubling
 * the capacity from 16.  0, or -1 when out of memory or when the size in
 * bytes would overflow; then *arr and *cap are as they were.
 */
int grow(void *arr, size_t *cap, size_t need, size_t size);

#endif
