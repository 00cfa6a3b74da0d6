/* csv: RFC 4180 quoting, and text a spreadsheet would run as a formula. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fixture.h"

/* The record csv_field writes for the one field s. */
static char *field(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	csv_field(f, s, 1);
	fclose(f);
	return buf;
}

static void is(const char *in, const char *want)
{
	char *got = field(in);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(plain_and_quoted)
{
	is("Ann Example", "Ann Example");
	is("O'Brien, Jo", "\"O'Brien, Jo\"");
	is("Chloé \"Coco\"", "\"Chloé \"\"Coco\"\"\"");
	is("two\nlines", "\"two\nlines\"");
	is("", "");
	/* A formula character inside the text is harmless. */
	is("Kaur =SUM(A1)", "Kaur =SUM(A1)");
	is("2018-03-01", "2018-03-01");
}
END_TEST

/* OWASP's CSV injection advice: a cell starting with = + - @ tab or CR
 * is a formula to Excel, LibreOffice and Google Sheets; a leading single
 * quote makes it text. */
START_TEST(formulas_defused)
{
	is("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
	is("+44 161", "'+44 161");
	is("-2+3", "'-2+3");
	is("@SUM(A1)", "'@SUM(A1)");
	is("\tcmd", "'\tcmd");
	is("\rcmd", "\"'\rcmd\"");
	is("=1,2", "\"'=1,2\"");
}
END_TEST

/* Numbers rota7 computes are not user text: no quote before a minus. */
START_TEST(numbers_untouched)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	csv_field(f, "x", 1);
	csv_number(f, -1.5, 3);
	csv_number(f, -0.0001, 3);
	fclose(f);
	ck_assert_str_eq(buf, "x,-1.5,0");
	free(buf);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, plain_and_quoted);
	tcase_add_test(tc, formulas_defused);
	tcase_add_test(tc, numbers_untouched);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
