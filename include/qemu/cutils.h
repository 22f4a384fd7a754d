/*
 * Number, size and boolean parsing with QEMU's rules.
 *
 * The qemu_strto*() functions return 0 on success, -EINVAL when @nptr
 * holds no number (or, with @endptr NULL, has trailing characters), and
 * -ERANGE when the number does not fit (then *result is clamped).  When
 * @endptr is non-NULL it receives the end of the parsed number (@nptr on
 * -EINVAL).  Leading white space is skipped; base 0 accepts 0x and 0
 * prefixes as strtol() does.
 */
#ifndef QEMU_CUTILS_H
#define QEMU_CUTILS_H

#include "qemu/osdep.h"
#include "qapi/error.h"

int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result);
int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result);
int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result);
int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result);

/*
 * Sizes: a decimal number with an optional fraction ("1.5"), or a hex
 * number ("0x1000", no fraction), then an optional case-insensitive
 * suffix B, K, M, G, T, P, E (powers of 1024).  Without suffix the unit is
 * bytes (qemu_strtosz) or MiB (qemu_strtosz_MiB, as "-m 512" uses).  A
 * fraction needs a unit larger than a byte; the result is rounded to the
 * nearest byte.  Negative numbers are -EINVAL, results above UINT64_MAX
 * -ERANGE.  *result is only written on success.
 */
int qemu_strtosz(const char *nptr, const char **end, uint64_t *result);
int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result);

/*
 * Parse a boolean option value: on/yes/true/y or off/no/false/n.
 * Error: "Parameter 'NAME' expects 'on' or 'off'".
 */
bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp);

/* An identifier: a letter, then letters, digits, '-', '.' and '_'. */
bool id_wellformed(const char *id);

/* true for "help" and "?" */
bool is_help_option(const char *s);

#endif
