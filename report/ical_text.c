/*
 * Text the calendars need that libical does not make: content lines
 * written by hand (X-WR-CALNAME and X-WR-CALDESC, which libical writes
 * with ';' and ',' bare when the property is an X- one, so a client would
 * read a name with a comma as a list, RFC 5545 3.3.11), and file names.
 */
#include "ical_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "grow.h"
#include "sha256.h"

/* RFC 5545 3.1: 75 octets a line, CRLF excluded; a continuation line's
 * leading space counts. */
#define LINE_OCTETS 75

struct buf {
	char *s;
	size_t len, cap;
	int oom;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->oom || grow(&b->s, &b->cap, b->len + n + 1, 1)) {
		b->oom = 1;
		return;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* value as RFC 5545 TEXT: backslash, semicolon, comma and newline
 * escaped; other control characters, which TEXT does not allow, as
 * spaces (as ical.c does for the event texts). */
static void escape(struct buf *b, const char *value)
{
	const char *p;

	for (p = value; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\\' || c == ';' || c == ',') {
			put(b, "\\", 1);
			put(b, p, 1);
		} else if (c == '\n') {
			put(b, "\\n", 2);
		} else if (c < 0x20 || c == 0x7f) {
			put(b, " ", 1);
		} else {
			put(b, p, 1);
		}
	}
}

/* line folded at LINE_OCTETS, never inside a UTF-8 sequence, into b. */
static void fold(struct buf *b, const char *line, size_t n)
{
	size_t at = 0, room = LINE_OCTETS;

	while (n - at > room) {
		size_t cut = at + room;

		/* Back to the start of the sequence the cut would split. */
		while (cut > at && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--;
		put(b, line + at, cut - at);
		put(b, "\r\n ", 3);
		at = cut;
		room = LINE_OCTETS - 1;
	}
	put(b, line + at, n - at);
	put(b, "\r\n", 2);
}

char *ical_text_line(const char *name, const char *value)
{
	struct buf line = {0}, out = {0};

	put(&line, name, strlen(name));
	put(&line, ":", 1);
	escape(&line, value ? value : "");
	if (!line.oom)
		fold(&out, line.s, line.len);
	free(line.s);
	if (line.oom || out.oom) {
		free(out.s);
		return NULL;
	}
	return out.s;
}

char *ical_insert_after(const char *text, const char *line,
			const char *insert)
{
	const char *at = strstr(text, line);
	struct buf out = {0};
	size_t head;

	if (!at)
		return NULL;
	head = (size_t)(at - text) + strlen(line);
	put(&out, text, head);
	put(&out, insert, strlen(insert));
	put(&out, text + head, strlen(text + head));
	if (out.oom) {
		free(out.s);
		return NULL;
	}
	return out.s;
}

/* ---- file names ---- */

/* Longest encoded id kept whole in a file name, and what a longer one
 * is cut to before its hash: file names stop at 255 bytes, and an id of
 * 100 bytes can take 300 encoded. */
#define FILE_ID_MAX 200
#define FILE_ID_CUT 160

/*
 * Whether Windows reserves the name an id would give a file: CON, PRN,
 * AUX, NUL, COM0-9 and LPT0-9, in any case and with any extension
 * ("con.ics", "Aux.x.ics"), open devices there, not files.
 */
static int windows_reserved(const char *id)
{
	static const char *const names[] = { "con", "prn", "aux", "nul" };
	size_t n = strcspn(id, "."), i;
	char low[5];

	if (n != 3 && n != 4)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(id[i] >= 'A' && id[i] <= 'Z' ? id[i] - 'A' + 'a'
				: id[i]);
	low[n] = '\0';
	if (n == 4)
		return (!strncmp(low, "com", 3) || !strncmp(low, "lpt", 3)) &&
		       low[3] >= '0' && low[3] <= '9';
	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(low, names[i]))
			return 1;
	return 0;
}

/* An id as a file name: ids are free text, so anything that could climb
 * out of the directory, upset a web server or be refused by Windows or
 * macOS (<>:"/\|?*, control characters, a leading dot) is %-encoded, and
 * so is the first letter of a name Windows reserves ("con" is
 * "%63on.ics").  Ids that differ only in case, which would meet on
 * those file systems, the loader refuses.  An encoded
 * id too long for a file name is cut and given "~" and 16 hex digits of
 * its SHA-256; '~' is never in an encoded id, so no two ids meet. */
char *ical_file_name(const char *id)
{
	static const char hex[] = "0123456789abcdef";
	struct buf t = {0};
	const char *p;
	int reserved = windows_reserved(id);
	char esc[4];

	put(&t, "", 0);
	for (p = id; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		     (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		     (c == '.' && p != id)) && !(reserved && p == id))
			put(&t, p, 1);
		else {
			snprintf(esc, sizeof(esc), "%%%02X", c);
			put(&t, esc, 3);
		}
	}
	if (!t.oom && t.len > FILE_ID_MAX) {
		struct sha256 h;
		unsigned char md[SHA256_LEN];
		size_t cut = FILE_ID_CUT, i;

		/* Not inside a %XX. */
		for (i = cut - 2; i < cut; i++)
			if (t.s[i] == '%')
				cut = i;
		t.len = cut;
		t.s[cut] = '\0';
		sha256_init(&h);
		sha256_update(&h, id, strlen(id));
		sha256_final(&h, md);
		put(&t, "~", 1);
		for (i = 0; i < 8; i++) {
			put(&t, &hex[md[i] >> 4], 1);
			put(&t, &hex[md[i] & 15], 1);
		}
	}
	put(&t, ".ics", 4);
	if (t.oom) {
		free(t.s);
		return NULL;
	}
	return t.s;
}
