/*
 * Number, size and boolean parsing.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

/* Common tail of the integer parsers: map errno and the end pointer. */
static int strto_result(const char *nptr, const char *ep, const char **endptr,
                        int err)
{
    if (ep == nptr) {
        err = -EINVAL;
    } else if (!endptr && *ep) {
        err = -EINVAL;
    }
    if (endptr) {
        *endptr = ep;
    }
    return err;
}

static bool has_minus(const char *nptr)
{
    while (g_ascii_isspace(*nptr)) {
        nptr++;
    }
    return *nptr == '-';
}

int qemu_strtoi64(const char *nptr, const char **endptr, int base,
                  int64_t *result)
{
    char *ep;
    long long v;

    if (!nptr) {
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoll(nptr, &ep, base);
    *result = v;
    return strto_result(nptr, ep, endptr, errno == ERANGE ? -ERANGE : 0);
}

int qemu_strtou64(const char *nptr, const char **endptr, int base,
                  uint64_t *result)
{
    char *ep;
    unsigned long long v;

    if (!nptr) {
        if (endptr) {
            *endptr = NULL;
        }
        return -EINVAL;
    }
    errno = 0;
    v = strtoull(nptr, &ep, base);
    *result = v;
    return strto_result(nptr, ep, endptr, errno == ERANGE ? -ERANGE : 0);
}

int qemu_strtoi(const char *nptr, const char **endptr, int base, int *result)
{
    int64_t v;
    int err = qemu_strtoi64(nptr, endptr, base, &v);

    if (v > INT_MAX) {
        v = INT_MAX;
        err = err ? err : -ERANGE;
    } else if (v < INT_MIN) {
        v = INT_MIN;
        err = err ? err : -ERANGE;
    }
    *result = v;
    return err;
}

int qemu_strtoui(const char *nptr, const char **endptr, int base,
                 unsigned int *result)
{
    uint64_t v;
    int err = qemu_strtou64(nptr, endptr, base, &v);

    if (err == -ERANGE || (err == 0 && !has_minus(nptr) && v > UINT_MAX)) {
        *result = UINT_MAX;
        return -ERANGE;
    }
    if (err == 0 && has_minus(nptr) && -v > UINT_MAX) {
        /* negative numbers wrap like strtoul(), within the type's range */
        *result = UINT_MAX;
        return -ERANGE;
    }
    *result = v;
    return err;
}

bool is_help_option(const char *s)
{
    return !strcmp(s, "help") || !strcmp(s, "?");
}

bool qapi_bool_parse(const char *name, const char *value, bool *obj,
                     Error **errp)
{
    static const char *const yes[] = { "on", "yes", "true", "y" };
    static const char *const no[] = { "off", "no", "false", "n" };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(yes); i++) {
        if (!strcmp(value, yes[i])) {
            *obj = true;
            return true;
        }
        if (!strcmp(value, no[i])) {
            *obj = false;
            return true;
        }
    }
    error_setg(errp, "Parameter '%s' expects 'on' or 'off'", name);
    return false;
}

bool id_wellformed(const char *id)
{
    if (!g_ascii_isalpha(*id)) {
        return false;
    }
    for (id++; *id; id++) {
        if (!g_ascii_isalnum(*id) && !strchr("-._", *id)) {
            return false;
        }
    }
    return true;
}

static uint64_t size_suffix_mul(char c, uint64_t unit)
{
    static const char suffixes[] = "KMGTPE";
    const char *p;
    uint64_t mul = unit;

    if (c == 'b' || c == 'B') {
        return 1;
    }
    p = c ? strchr(suffixes, g_ascii_toupper(c)) : NULL;
    if (!p) {
        return 0;
    }
    for (; p > suffixes; p--) {
        mul *= unit;
    }
    return mul;
}

typedef struct SizeFraction {
    uint64_t num, den;
} SizeFraction;

/* Parse ".ddd" at *pp; returns false on an exponent (1.5e3), not allowed. */
static bool size_parse_fraction(const char **pp, SizeFraction *f)
{
    const char *p = *pp + 1;

    f->num = 0;
    f->den = 1;
    for (; g_ascii_isdigit(*p); p++) {
        if (f->den < UINT64_C(1000000000000000000)) {
            f->num = f->num * 10 + (*p - '0');
            f->den *= 10;
        }
    }
    if ((*p == 'e' || *p == 'E') &&
        (g_ascii_isdigit(p[1]) ||
         ((p[1] == '+' || p[1] == '-') && g_ascii_isdigit(p[2])))) {
        return false;
    }
    *pp = p;
    return true;
}

static int size_finish(const char *nptr, const char *ep, const char **end,
                       int err)
{
    if (end) {
        *end = ep;
    } else if (!err && *ep) {
        err = -EINVAL;
    }
    return err;
}

static int do_strtosz(const char *nptr, const char **end, uint64_t unit_mul,
                      uint64_t *result)
{
    SizeFraction frac = { 0, 1 };
    const char *p = nptr;
    unsigned __int128 total;
    uint64_t val, mul;
    char *ep;

    while (g_ascii_isspace(*p)) {
        p++;
    }
    if (*p == '-' || !g_ascii_isdigit(*p)) {
        return size_finish(nptr, nptr, end, -EINVAL);
    }
    errno = 0;
    val = strtoull(p, &ep, 10);
    if (val == 0 && (*ep == 'x' || *ep == 'X')) {
        val = strtoull(p, &ep, 16);
        if (*ep == '.') {
            return size_finish(nptr, nptr, end, -EINVAL);
        }
    }
    if (errno == ERANGE) {
        return size_finish(nptr, ep, end, -ERANGE);
    }
    p = ep;
    if (*p == '.' && !size_parse_fraction(&p, &frac)) {
        return size_finish(nptr, nptr, end, -EINVAL);
    }
    mul = size_suffix_mul(*p, 1024);
    if (mul) {
        p++;
    } else {
        mul = unit_mul;
    }
    if (mul == 1 && frac.num) {
        return size_finish(nptr, nptr, end, -EINVAL);
    }
    total = (unsigned __int128)val * mul +
            ((unsigned __int128)frac.num * mul + frac.den / 2) / frac.den;
    if (total > UINT64_MAX) {
        return size_finish(nptr, p, end, -ERANGE);
    }
    if (!end && *p) {
        return -EINVAL;
    }
    if (end) {
        *end = p;
    }
    *result = total;
    return 0;
}

int qemu_strtosz(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, 1, result);
}

int qemu_strtosz_MiB(const char *nptr, const char **end, uint64_t *result)
{
    return do_strtosz(nptr, end, MiB, result);
}
