/*
 * csv: RFC 4180 fields, so spreadsheets open rota7's files cleanly.
 *
 * Fields are quoted only when they hold a comma, quote, CR or LF (and
 * quotes doubled); records end in CRLF as RFC 4180 says.  Text is
 * written as given (UTF-8), except that text starting with = + - @ tab
 * or CR gets a leading single quote, as OWASP advises against CSV
 * injection: spreadsheets would otherwise run it as a formula.  Numbers
 * (csv_number) are rota7's own and never prefixed, so -1.5 stays a number.
 *
 * Memory: nothing is allocated; the FILE and the text are the caller's.
 */
#ifndef ROTA7_CSV_H
#define ROTA7_CSV_H

#include <stdio.h>

/* Writes one field, preceded by a comma unless it is the first. */
void csv_field(FILE *f, const char *s, int first);
/* A number with up to `decimals` places, trailing zeros trimmed. */
void csv_number(FILE *f, double v, int decimals);
void csv_end(FILE *f);

#endif
