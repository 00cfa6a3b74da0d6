/* The instance's own objective (nrp.h), counted from the instance alone. */
#include "nrp.h"

long nrp_objective(const struct nrp *in, const int *shift_of)
{
	size_t p, q, s;
	int d;
	long obj = 0;

	for (q = 0; q < in->n_on; q++) {
		const struct nrp_request *r = &in->on[q];

		if (shift_of[(size_t)r->staff * (size_t)in->days + (size_t)r->day] !=
		    r->shift)
			obj += r->weight;
	}
	for (q = 0; q < in->n_off; q++) {
		const struct nrp_request *r = &in->off[q];

		if (shift_of[(size_t)r->staff * (size_t)in->days + (size_t)r->day] ==
		    r->shift)
			obj += r->weight;
	}
	for (d = 0; d < in->days; d++)
		for (s = 0; s < in->n_shifts; s++) {
			const struct nrp_cover *cv =
				&in->cover[(size_t)d * in->n_shifts + s];
			long have = 0;

			if (cv->requirement < 0)
				continue;
			for (p = 0; p < in->n_staff; p++)
				have += shift_of[p * (size_t)in->days + (size_t)d] ==
					(int)s;
			obj += have < cv->requirement
				       ? (cv->requirement - have) * cv->under
				       : (have - cv->requirement) * cv->over;
		}
	return obj;
}
