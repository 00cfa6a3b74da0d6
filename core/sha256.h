/*
 * sha256: the SHA-256 digest (FIPS 180-4), for identifiers that must be
 * stable from run to run yet say nothing about what they were made from
 * (calendar UIDs: a person's id must not be readable from an event), and
 * for what a rota was made from (rota.json's made_from: the scenario's
 * bytes, the assignments).
 *
 * Not for secrets: no constant-time care is taken.
 *
 * Memory: struct sha256 is plain data on the caller's side; nothing is
 * allocated.
 */
#ifndef ROTA7_SHA256_H
#define ROTA7_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN 32

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;          /* message length so far */
	unsigned char buf[64];   /* a block being filled */
	size_t used;             /* bytes of buf in use */
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
/* Writes the digest; c must be initialised again before reuse. */
void sha256_final(struct sha256 *c, unsigned char out[SHA256_LEN]);
/* The digest as 64 lowercase hex digits and a NUL; c as sha256_final. */
void sha256_final_hex(struct sha256 *c, char out[2 * SHA256_LEN + 1]);

#endif
