/*
 * Unit tests for number, size and boolean parsing.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"

static void check_sz(const char *str, int want_err, uint64_t want,
                     size_t want_end)
{
    const char *end = NULL;
    uint64_t res = 0xbaadf00d;
    int err = qemu_strtosz(str, &end, &res);

    g_assert_cmpint(err, ==, want_err);
    g_assert_cmpuint(res, ==, want_err ? 0xbaadf00d : want);
    g_assert_true(end == str + want_end);
}

static void test_strtosz_plain(void)
{
    check_sz("0", 0, 0, 1);
    check_sz("12345", 0, 12345, 5);
    check_sz(" 42", 0, 42, 3);
    check_sz("0x20", 0, 32, 4);
    check_sz("0x1M", 0, MiB, 4);
    check_sz("18446744073709551615", 0, UINT64_MAX, 20);
}

static void test_strtosz_suffixes(void)
{
    check_sz("1B", 0, 1, 2);
    check_sz("1b", 0, 1, 2);
    check_sz("1K", 0, KiB, 2);
    check_sz("1k", 0, KiB, 2);
    check_sz("512M", 0, 512 * MiB, 4);
    check_sz("2G", 0, 2 * GiB, 2);
    check_sz("2g", 0, 2 * GiB, 2);
    check_sz("1T", 0, TiB, 2);
    check_sz("1P", 0, TiB * KiB, 2);
    check_sz("1E", 0, TiB * MiB, 2);
    check_sz("15E", 0, UINT64_C(15) << 60, 3);
}

static void test_strtosz_fraction(void)
{
    check_sz("1.5k", 0, 1536, 4);
    check_sz("0.5M", 0, MiB / 2, 4);
    check_sz("1.k", 0, KiB, 3);
    check_sz("12.345M", 0, 12944671, 7); /* 12.345 * 2^20 rounded */
    check_sz("1.5E", 0, UINT64_C(3) << 59, 4);
    /* a fraction of a byte is meaningless */
    check_sz("1.5", -EINVAL, 0, 0);
    check_sz("1.5B", -EINVAL, 0, 0);
    /* no hex fractions, no exponents */
    check_sz("0x1.8k", -EINVAL, 0, 0);
    check_sz("1.5e1k", -EINVAL, 0, 0);
    check_sz("1.5E+0k", -EINVAL, 0, 0);
}

static void test_strtosz_invalid(void)
{
    uint64_t res = 7;

    check_sz("", -EINVAL, 0, 0);
    check_sz(" \t ", -EINVAL, 0, 0);
    check_sz("crap", -EINVAL, 0, 0);
    check_sz("-0", -EINVAL, 0, 0);
    check_sz("-1k", -EINVAL, 0, 0);
    check_sz(".5k", -EINVAL, 0, 0);
    /* trailing junk is fine with an end pointer, an error without */
    check_sz("123-45", 0, 123, 3);
    check_sz("1kx", 0, KiB, 2);
    check_sz("0.NaN", 0, 0, 2);
    g_assert_cmpint(qemu_strtosz("123-45", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("1 k", NULL, &res), ==, -EINVAL);
    g_assert_cmpint(qemu_strtosz("1k ", NULL, &res), ==, -EINVAL);
    g_assert_cmpuint(res, ==, 7);
    g_assert_cmpint(qemu_strtosz("64k", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 64 * KiB);
}

static void test_strtosz_erange(void)
{
    check_sz("18446744073709551616", -ERANGE, 0, 20);
    check_sz("16E", -ERANGE, 0, 3);
    check_sz("20E", -ERANGE, 0, 3);
    check_sz("16777216T", -ERANGE, 0, 9);
}

static void test_strtosz_mib(void)
{
    uint64_t res = 0;

    g_assert_cmpint(qemu_strtosz_MiB("512", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 512 * MiB);
    g_assert_cmpint(qemu_strtosz_MiB("1G", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, GiB);
    g_assert_cmpint(qemu_strtosz_MiB("4096B", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, 4096);
    g_assert_cmpint(qemu_strtosz_MiB("0.5", NULL, &res), ==, 0);
    g_assert_cmpuint(res, ==, MiB / 2);
    g_assert_cmpint(qemu_strtosz_MiB("17592186044416", NULL, &res), ==,
                    -ERANGE);
}

static void test_strtoi64(void)
{
    const char *end;
    int64_t v;

    g_assert_cmpint(qemu_strtoi64("-42", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, -42);
    g_assert_cmpint(qemu_strtoi64("0x10", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 16);
    g_assert_cmpint(qemu_strtoi64("010", NULL, 0, &v), ==, 0);
    g_assert_cmpint(v, ==, 8);
    g_assert_cmpint(qemu_strtoi64("12ab", NULL, 10, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi64("12ab", &end, 10, &v), ==, 0);
    g_assert_cmpint(v, ==, 12);
    g_assert_cmpstr(end, ==, "ab");
    g_assert_cmpint(qemu_strtoi64("", &end, 10, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi64(NULL, &end, 10, &v), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoi64("9223372036854775808", NULL, 10, &v), ==,
                    -ERANGE);
    g_assert_cmpint(v, ==, INT64_MAX);
    g_assert_cmpint(qemu_strtoi64("-9223372036854775809", NULL, 10, &v), ==,
                    -ERANGE);
    g_assert_cmpint(v, ==, INT64_MIN);
}

static void test_strtou64(void)
{
    uint64_t v;

    g_assert_cmpint(qemu_strtou64("18446744073709551615", NULL, 0, &v), ==, 0);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("18446744073709551616", NULL, 0, &v), ==,
                    -ERANGE);
    g_assert_cmpuint(v, ==, UINT64_MAX);
    g_assert_cmpint(qemu_strtou64("x", NULL, 0, &v), ==, -EINVAL);
}

static void test_strtoi(void)
{
    unsigned int u;
    int i;

    g_assert_cmpint(qemu_strtoi("2147483647", NULL, 10, &i), ==, 0);
    g_assert_cmpint(i, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("2147483648", NULL, 10, &i), ==, -ERANGE);
    g_assert_cmpint(i, ==, INT_MAX);
    g_assert_cmpint(qemu_strtoi("-2147483649", NULL, 10, &i), ==, -ERANGE);
    g_assert_cmpint(i, ==, INT_MIN);
    g_assert_cmpint(qemu_strtoi("1,", NULL, 10, &i), ==, -EINVAL);
    g_assert_cmpint(qemu_strtoui("4294967295", NULL, 10, &u), ==, 0);
    g_assert_cmpuint(u, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("4294967296", NULL, 10, &u), ==, -ERANGE);
    g_assert_cmpint(qemu_strtoui("-1", NULL, 10, &u), ==, 0);
    g_assert_cmpuint(u, ==, UINT_MAX);
    g_assert_cmpint(qemu_strtoui("-4294967296", NULL, 10, &u), ==, -ERANGE);
}

static void test_bool_parse(void)
{
    static const char *const on[] = { "on", "yes", "true", "y" };
    static const char *const off[] = { "off", "no", "false", "n" };
    Error *err = NULL;
    bool b;
    size_t i;

    for (i = 0; i < ARRAY_SIZE(on); i++) {
        b = false;
        g_assert_true(qapi_bool_parse("x", on[i], &b, &error_abort));
        g_assert_true(b);
        g_assert_true(qapi_bool_parse("x", off[i], &b, &error_abort));
        g_assert_false(b);
    }
    b = true;
    g_assert_false(qapi_bool_parse("server", "ON", &b, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "Parameter 'server' expects 'on' or 'off'");
    g_assert_true(b);
    error_free(err);
    g_assert_false(qapi_bool_parse("wait", "", &b, NULL));
}

static void test_id_wellformed(void)
{
    g_assert_true(id_wellformed("a"));
    g_assert_true(id_wellformed("net0.a-b_c"));
    g_assert_false(id_wellformed(""));
    g_assert_false(id_wellformed("0abc"));
    g_assert_false(id_wellformed("_abc"));
    g_assert_false(id_wellformed("a b"));
    g_assert_false(id_wellformed("a/b"));
    g_assert_true(is_help_option("help"));
    g_assert_true(is_help_option("?"));
    g_assert_false(is_help_option("helpme"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/cutils/strtosz/plain", test_strtosz_plain);
    g_test_add_func("/cutils/strtosz/suffixes", test_strtosz_suffixes);
    g_test_add_func("/cutils/strtosz/fraction", test_strtosz_fraction);
    g_test_add_func("/cutils/strtosz/invalid", test_strtosz_invalid);
    g_test_add_func("/cutils/strtosz/erange", test_strtosz_erange);
    g_test_add_func("/cutils/strtosz/MiB", test_strtosz_mib);
    g_test_add_func("/cutils/strtoi64", test_strtoi64);
    g_test_add_func("/cutils/strtou64", test_strtou64);
    g_test_add_func("/cutils/strtoi", test_strtoi);
    g_test_add_func("/cutils/bool_parse", test_bool_parse);
    g_test_add_func("/cutils/id_wellformed", test_id_wellformed);
    return g_test_run();
}
