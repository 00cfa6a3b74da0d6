/* grow: the one doubling loop - capacity, contents kept, overflow refused. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "fixture.h"
#include "grow.h"

START_TEST(grows_and_keeps)
{
	int *a = NULL;
	size_t cap = 0, n;

	for (n = 0; n < 1000; n++) {
		ck_assert_int_eq(grow(&a, &cap, n + 1, sizeof(*a)), 0);
		ck_assert_uint_ge(cap, n + 1);
		a[n] = (int)n;
	}
	for (n = 0; n < 1000; n++)
		ck_assert_int_eq(a[n], (int)n);
	ck_assert_uint_eq(cap, 1024);
	/* Room already there: nothing moves. */
	{
		int *before = a;

		ck_assert_int_eq(grow(&a, &cap, 10, sizeof(*a)), 0);
		ck_assert_ptr_eq(a, before);
		ck_assert_uint_eq(cap, 1024);
	}
	free(a);
}
END_TEST

START_TEST(overflow_refused)
{
	double *a = NULL;
	size_t cap = 0;

	ck_assert_int_eq(grow(&a, &cap, SIZE_MAX / 4, sizeof(*a)), -1);
	ck_assert_ptr_null(a);
	ck_assert_uint_eq(cap, 0);
	ck_assert_int_eq(grow(&a, &cap, SIZE_MAX, 1), -1);
	ck_assert_uint_eq(cap, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("grow");
	TCase *tc = tcase_create("grow");

	tcase_add_test(tc, grows_and_keeps);
	tcase_add_test(tc, overflow_refused);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
