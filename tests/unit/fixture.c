#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

int fixture_load(const char *json, struct scenario *sc,
		 struct rota_error *err)
{
	scenario_init(sc);
	return scenario_load_buffer(json, strlen(json), "test.json", sc, err);
}

void fixture_load_ok(const char *json, struct scenario *sc)
{
	struct rota_error err;
	size_t i;

	rota_error_init(&err);
	if (fixture_load(json, sc, &err)) {
		for (i = 0; i < err.kept; i++)
			fprintf(stderr, "%s\n", err.entries[i].text);
		rota_error_release(&err);
		ck_abort_msg("scenario did not load");
	}
	rota_error_release(&err);
}

int fixture_has_message(const struct rota_error *err, const char *needle)
{
	size_t i;

	for (i = 0; i < err->kept; i++)
		if (strstr(err->entries[i].text, needle))
			return 1;
	return 0;
}

const char *fixture_source_path(const char *rel)
{
	static char buf[4096];
	const char *root = getenv("ROTA7_SOURCE_DIR");

	snprintf(buf, sizeof(buf), "%s/%s", root ? root : ".", rel);
	return buf;
}

int fixture_tiny_optimum(const char *name, double *opt)
{
	char rel[512], text[4096];
	const char *at;
	FILE *f;
	size_t n;

	snprintf(rel, sizeof(rel), "tests/tiny/%.*s.expect.json",
		 (int)(strlen(name) - 5), name);
	f = fopen(fixture_source_path(rel), "r");
	ck_assert_ptr_nonnull(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = 0;
	if (!strstr(text, "\"exit\": 0"))
		return 0;
	at = strstr(text, "\"objective\":");
	ck_assert_ptr_nonnull(at);
	*opt = strtod(at + strlen("\"objective\":"), NULL);
	return 1;
}

int fixture_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
