/*
 * QMP requests generated from fuzz input bytes: every registered command
 * (as query-commands lists them) with arguments whose names and values
 * come from what the program knows (argument names, QOM type names,
 * property names, paths in the composition tree) or straight from the
 * bytes, of every JSON type.
 */
#ifndef TESTS_FUZZ_QMP_GEN_H
#define TESTS_FUZZ_QMP_GEN_H

#include "qemu/osdep.h"

/*
 * Collect the command names and the name pools; call once the machine
 * exists (its tree supplies the paths).
 */
void qmp_gen_init(void);

/* The requests @data describes, one JSON object per line. */
GString *qmp_gen_requests(const uint8_t *data, size_t size);

#endif
