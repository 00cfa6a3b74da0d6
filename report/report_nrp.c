#include "report.h"

#include <stdio.h>

#include "nrp.h"
#include "outfile.h"

int report_nrp_solution(const char *dir, const struct nrp *in,
			const int *shift_of, struct rota_error *err)
{
	struct outfile o;
	size_t p;
	int d;

	if (outfile_mkdir(dir, err) ||
	    outfile_open(&o, dir, "solution.txt", err))
		return -1;
	for (p = 0; p < in->n_staff; p++) {
		fputs(in->staff[p].id, o.f);
		for (d = 0; d < in->days; d++) {
			int s = shift_of[p * (size_t)in->days + (size_t)d];

			fputc('\t', o.f);
			if (s >= 0)
				fputs(in->shifts[s].id, o.f);
		}
		fputc('\n', o.f);
	}
	return outfile_commit(&o, err);
}
