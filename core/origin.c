#include "origin.h"

#include <string.h>

static void field(struct sha256 *h, const char *s)
{
	static const char sep = 0x1f;   /* ASCII's unit separator: no id or
	                                   date holds it */

	if (s)
		sha256_update(h, s, strlen(s));
	sha256_update(h, &sep, 1);
}

void origin_add_assignment(struct sha256 *h, const char *staff,
			   const char *date, const char *shift,
			   const char *nbhd, const char *role)
{
	field(h, staff);
	field(h, date);
	field(h, shift);
	field(h, nbhd);
	field(h, role);
}
