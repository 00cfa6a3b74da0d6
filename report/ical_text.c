/*
 * Content lines rota7 writes by hand: the calendar's own TEXT properties
 * (X-WR-CALNAME, X-WR-CALDESC), which libical writes with ';' and ','
 * bare when the property is an X- one, so a client would read a name
 * with a comma as a list (RFC 5545 3.3.11).
 */
#include "ical_internal.h"

#include <stdlib.h>

#include "grow.h"

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
