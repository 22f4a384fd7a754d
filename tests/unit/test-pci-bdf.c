/*
 * Unit tests of the extended BDF notation (util/pci-bdf.c) and its
 * expansion (util/pci-bdf-map.c).  The seed's tables (Xen's multi-function
 * pass-through, docs/system/s390x/vfio-pci.rst) are test vectors here.
 */
#include "qemu/osdep.h"
#include "qemu/pci-bdf.h"

/* ---- parsing ---- */

static void parse_ok(const char *str, PciBdfParseFlags flags, PciBdfSpec *s)
{
    Error *err = NULL;

    if (!pci_bdf_parse(str, flags, s, &err)) {
        g_test_message("%s: %s", str, error_get_pretty(err));
        g_assert_not_reached();
    }
}

static void expect_funcs(const PciBdfSpec *s, const char *list)
{
    GString *got = g_string_new(NULL);

    for (unsigned i = 0; i < s->nfuncs; i++) {
        g_string_append_printf(got, "%s%u", i ? "," : "", s->pfunc[i]);
    }
    g_assert_cmpstr(got->str, ==, list);
    g_string_free(got, true);
}

static void test_parse_plain(void)
{
    PciBdfSpec s;

    parse_ok("0000:00:1d.0", 0, &s);
    g_assert_true(s.has_domain);
    g_assert_cmphex(s.domain, ==, 0);
    g_assert_cmphex(s.bus, ==, 0);
    g_assert_cmphex(s.slot, ==, 0x1d);
    g_assert_false(s.multi);
    g_assert_false(s.all);
    g_assert_false(s.has_map);
    expect_funcs(&s, "0");
    g_assert_cmpint(s.vslot, ==, PCI_BDF_NO_VSLOT);
    g_assert_cmpuint(s.nopts, ==, 0);
    pci_bdf_spec_clear(&s);

    /* no domain; upper case; short fields; Xen's two-digit function */
    parse_ok("aB:1F.07", 0, &s);
    g_assert_false(s.has_domain);
    g_assert_cmphex(s.domain, ==, 0);
    g_assert_cmphex(s.bus, ==, 0xab);
    g_assert_cmphex(s.slot, ==, 0x1f);
    expect_funcs(&s, "7");
    pci_bdf_spec_clear(&s);

    parse_ok("ffff:ff:0.3", 0, &s);
    g_assert_cmphex(s.domain, ==, 0xffff);
    g_assert_cmphex(s.bus, ==, 0xff);
    g_assert_cmphex(s.slot, ==, 0);
    expect_funcs(&s, "3");
    pci_bdf_spec_clear(&s);

    parse_ok("1:2:3.4", 0, &s);
    g_assert_cmphex(s.domain, ==, 1);
    g_assert_cmphex(s.bus, ==, 2);
    g_assert_cmphex(s.slot, ==, 3);
    pci_bdf_spec_clear(&s);
}

static void test_parse_multi(void)
{
    PciBdfSpec s;

    parse_ok("0000:00:1d.0-2", 0, &s);
    g_assert_true(s.multi);
    expect_funcs(&s, "0,1,2");
    pci_bdf_spec_clear(&s);

    parse_ok("0000:00:1d.0,3,5,7", 0, &s);
    g_assert_true(s.multi);
    expect_funcs(&s, "0,3,5,7");
    pci_bdf_spec_clear(&s);

    /* ranges in lists, kept in the order given */
    parse_ok("00:1d.7,0-1,4-5", 0, &s);
    expect_funcs(&s, "7,0,1,4,5");
    pci_bdf_spec_clear(&s);

    /* a range of one is the multi-function notation for one function */
    parse_ok("00:1d.3-3", 0, &s);
    g_assert_true(s.multi);
    expect_funcs(&s, "3");
    pci_bdf_spec_clear(&s);

    parse_ok("0000:00:1d.*", 0, &s);
    g_assert_true(s.all);
    g_assert_true(s.multi);
    g_assert_cmpuint(s.nfuncs, ==, 0);
    pci_bdf_spec_clear(&s);

    parse_ok("00:1d.1=0,0=1", 0, &s);
    g_assert_true(s.has_map);
    g_assert_true(s.multi);
    expect_funcs(&s, "1,0");
    g_assert_cmpint(s.vfunc[0], ==, 0);
    g_assert_cmpint(s.vfunc[1], ==, 1);
    pci_bdf_spec_clear(&s);

    /* a map of one function is explicit too */
    parse_ok("00:1d.5=2", 0, &s);
    g_assert_true(s.has_map);
    g_assert_true(s.multi);
    pci_bdf_spec_clear(&s);
}

static void test_parse_vslot_opts(void)
{
    PciBdfSpec s;

    parse_ok("0000:00:1d.0,1,7@07,msitranslate=1,power_mgmt=0", 0, &s);
    expect_funcs(&s, "0,1,7");
    g_assert_cmpint(s.vslot, ==, 7);
    g_assert_cmpuint(s.nopts, ==, 2);
    g_assert_cmpstr(s.opts[0].key, ==, "msitranslate");
    g_assert_cmpstr(s.opts[0].value, ==, "1");
    g_assert_cmpstr(pci_bdf_spec_opt(&s, "power_mgmt"), ==, "0");
    g_assert_null(pci_bdf_spec_opt(&s, "rombar"));
    pci_bdf_spec_clear(&s);

    parse_ok("00:1d.*@0x1f", 0, &s);
    g_assert_cmpint(s.vslot, ==, 0x1f);
    pci_bdf_spec_clear(&s);

    /* options without a guest slot; ",," is a comma in a value */
    parse_ok("00:1d.2,id=hostnet,,0,x-a.b=c=d", 0, &s);
    expect_funcs(&s, "2");
    g_assert_false(s.multi);
    g_assert_cmpuint(s.nopts, ==, 2);
    g_assert_cmpstr(pci_bdf_spec_opt(&s, "id"), ==, "hostnet,0");
    g_assert_cmpstr(pci_bdf_spec_opt(&s, "x-a.b"), ==, "c=d");
    pci_bdf_spec_clear(&s);

    /* a value takes everything up to its comma, '@' too */
    parse_ok("00:1d.0,a=1@3", 0, &s);
    g_assert_cmpint(s.vslot, ==, PCI_BDF_NO_VSLOT);
    g_assert_cmpstr(pci_bdf_spec_opt(&s, "a"), ==, "1@3");
    pci_bdf_spec_clear(&s);

    /* unplug: the address part alone */
    parse_ok("0000:00:1d.0-2", PCI_BDF_UNPLUG, &s);
    expect_funcs(&s, "0,1,2");
    pci_bdf_spec_clear(&s);
    parse_ok("00:1d.*", PCI_BDF_UNPLUG, &s);
    pci_bdf_spec_clear(&s);
}

typedef struct BadSpec {
    const char *str;
    PciBdfParseFlags flags;
    const char *msg;
} BadSpec;

/* Every malformed form, with what is wrong and where */
static const BadSpec bad_specs[] = {
    { "", 0,
      "PCI address '': expected the domain or bus (hex), got the end at character 1" },
    { "00", 0,
      "PCI address '00': expected ':' after the domain or bus, got the end at character 3" },
    { "00:", 0,
      "PCI address '00:': expected the bus or slot (hex), got the end at character 4" },
    { "00:1d", 0,
      "PCI address '00:1d': expected '.' after the slot, got the end at character 6" },
    { "00:1d.", 0,
      "PCI address '00:1d.': expected the function (hex), got the end at character 7" },
    { "00:1g.0", 0,
      "PCI address '00:1g.0': expected '.' after the slot, got 'g' at character 5" },
    { " 00:1d.0", 0,
      "PCI address ' 00:1d.0': expected the domain or bus (hex), got ' ' at character 1" },
    { "12345:00:1d.0", 0,
      "PCI address '12345:00:1d.0': domain or bus '12345' has more than 4 hex digits at character 1" },
    { "0000:000:1d.0", 0,
      "PCI address '0000:000:1d.0': bus '000' has more than 2 hex digits at character 6" },
    { "0000:00:01d.0", 0,
      "PCI address '0000:00:01d.0': slot '01d' has more than 2 hex digits at character 9" },
    { "000:1d.0", 0,
      "PCI address '000:1d.0': bus '000' has more than 2 hex digits (or the domain lacks its bus: DDDD:BB:DD.F) at character 1" },
    { "00:01d.0", 0,
      "PCI address '00:01d.0': slot '01d' has more than 2 hex digits at character 4" },
    { "00:20.0", 0,
      "PCI address '00:20.0': slot 0x20 is out of range 0..1f at character 4" },
    { "0000:00:1d.8", 0,
      "PCI address '0000:00:1d.8': function 8 is out of range 0..7 at character 12" },
    { "00:1d.a", 0,
      "PCI address '00:1d.a': function a is out of range 0..7 at character 7" },
    { "00:1d.007", 0,
      "PCI address '00:1d.007': function '007' has more than 2 hex digits at character 7" },
    { "00:1d.0-", 0,
      "PCI address '00:1d.0-': expected the last function of the range (hex), got the end at character 9" },
    { "00:1d.2-0", 0,
      "PCI address '00:1d.2-0': range 2-0 ends before it starts at character 9" },
    { "00:1d.0-9", 0,
      "PCI address '00:1d.0-9': last function of the range 9 is out of range 0..7 at character 9" },
    { "00:1d.0,0", 0,
      "PCI address '00:1d.0,0': function 0 is given twice at character 9" },
    { "00:1d.0-3,2", 0,
      "PCI address '00:1d.0-3,2': function 2 is given twice at character 11" },
    { "00:1d.0,1-2,0-1", 0,
      "PCI address '00:1d.0,1-2,0-1': function 0 is given twice at character 13" },
    { "00:1d.0-1=2", 0,
      "PCI address '00:1d.0-1=2': a range cannot be mapped (write P=V per function) at character 10" },
    { "00:1d.0=", 0,
      "PCI address '00:1d.0=': expected the guest function (hex), got the end at character 9" },
    { "00:1d.0=8", 0,
      "PCI address '00:1d.0=8': guest function 8 is out of range 0..7 at character 9" },
    { "00:1d.0=1,1=1", 0,
      "PCI address '00:1d.0=1,1=1': guest function 1 is given twice at character 13" },
    { "00:1d.0=1,1", 0,
      "PCI address '00:1d.0=1,1': every function needs a guest function (P=V) or none does at character 11" },
    { "00:1d.0,1=0", 0,
      "PCI address '00:1d.0,1=0': every function needs a guest function (P=V) or none does at character 9" },
    { "00:1d.*,1", 0,
      "PCI address '00:1d.*,1': '*' stands alone (all functions) at character 8" },
    { "00:1d.*-2", 0,
      "PCI address '00:1d.*-2': '*' stands alone (all functions) at character 8" },
    { "00:1d.*=0", 0,
      "PCI address '00:1d.*=0': '*' stands alone (all functions) at character 8" },
    { "00:1d.1,*", 0,
      "PCI address '00:1d.1,*': expected an option (key=value), got '*' at character 9" },
    { "00:1d.0@", 0,
      "PCI address '00:1d.0@': expected the guest slot (hex), got the end at character 9" },
    { "00:1d.0@20", 0,
      "PCI address '00:1d.0@20': guest slot 0x20 is out of range 0..1f at character 9" },
    { "00:1d.0@0x", 0,
      "PCI address '00:1d.0@0x': unexpected 'x' at character 10" },
    { "00:1d.0@007", 0,
      "PCI address '00:1d.0@007': guest slot '007' has more than 2 hex digits at character 9" },
    { "00:1d.0@7,3", 0,
      "PCI address '00:1d.0@7,3': expected an option (key=value), got '3' at character 11" },
    { "00:1d.0@7@8", 0,
      "PCI address '00:1d.0@7@8': unexpected '@' at character 10" },
    { "00:1d.0,", 0,
      "PCI address '00:1d.0,': expected an option (key=value), got the end at character 9" },
    { "00:1d.0,,a=1", 0,
      "PCI address '00:1d.0,,a=1': expected an option (key=value), got ',' at character 9" },
    { "00:1d.0,permissive", 0,
      "PCI address '00:1d.0,permissive': option 'permissive' needs a value (permissive=...), got the end at character 19" },
    { "00:1d.0,a=", 0,
      "PCI address '00:1d.0,a=': option 'a' has an empty value at character 11" },
    { "00:1d.0,a=1,a=2", 0,
      "PCI address '00:1d.0,a=1,a=2': option 'a' is given twice at character 13" },
    { "00:1d.0 ", 0, "PCI address '00:1d.0 ': unexpected ' ' at character 8" },
    { "00:1d.0\x01", 0,
      "PCI address '00:1d.0\x01': unexpected byte 0x01 at character 8" },
    { "00:1d.0@7", PCI_BDF_UNPLUG,
      "PCI address '00:1d.0@7': a guest slot (@VSLOT) is not allowed when unplugging at character 8" },
    { "00:1d.0-2,rombar=0", PCI_BDF_UNPLUG,
      "PCI address '00:1d.0-2,rombar=0': options are not allowed when unplugging at character 10" },
    { "00:1d.0=1", PCI_BDF_UNPLUG,
      "PCI address '00:1d.0=1': guest functions (P=V) are not allowed when unplugging at character 1" },
};

static void test_parse_errors(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(bad_specs); i++) {
        const BadSpec *b = &bad_specs[i];
        Error *err = NULL;
        PciBdfSpec s;

        g_assert_false(pci_bdf_parse(b->str, b->flags, &s, &err));
        g_assert_nonnull(err);
        g_assert_cmpstr(error_get_pretty(err), ==, b->msg);
        g_assert_cmpuint(s.nfuncs, ==, 0);
        g_assert_null(s.opts);
        error_free(err);
    }
    /* NULL is the empty string; a NULL errp is fine */
    {
        PciBdfSpec s;

        g_assert_false(pci_bdf_parse(NULL, 0, &s, NULL));
    }
}

static void test_to_string(void)
{
    static const char *const in[] = {
        "00:1d.0",      "0000:00:1d.0-2",    "1:2:3.7,0,4@1f,a=b,,c,d=e",
        "00:1d.*@00",   "00:1d.3-3",         "00:1d.2=0,0=2",
        "ff:1f.7,x=,,", "00:1d.0,a=1,,,b=2",
    };
    static const char *const want[] = {
        "0000:00:1d.0",
        "0000:00:1d.0,1,2",
        "0001:02:03.7,0,4@1f,a=b,,c,d=e",
        "0000:00:1d.*@00",
        "0000:00:1d.3-3",
        "0000:00:1d.2=0,0=2",
        "0000:ff:1f.7,x=,,",
        "0000:00:1d.0,a=1,,,b=2",
    };

    for (size_t i = 0; i < G_N_ELEMENTS(in); i++) {
        PciBdfSpec s, again;
        g_autofree char *str = NULL, *str2 = NULL;

        parse_ok(in[i], 0, &s);
        str = pci_bdf_spec_to_string(&s);
        g_assert_cmpstr(str, ==, want[i]);
        parse_ok(str, 0, &again);
        str2 = pci_bdf_spec_to_string(&again);
        g_assert_cmpstr(str2, ==, str);
        g_assert_cmpint(again.multi, ==, s.multi);
        pci_bdf_spec_clear(&s);
        pci_bdf_spec_clear(&again);
    }
    {
        g_autofree char *f = pci_bdf_format(0, 0, 0x1d, 7);

        g_assert_cmpstr(f, ==, "0000:00:1d.7");
    }
}

/* ---- expansion ---- */

/* A host slot with the functions of @opaque (a mask) */
static bool host_present(void *opaque, uint16_t domain, uint8_t bus,
                         uint8_t slot, uint8_t *present, Error **errp)
{
    g_assert_cmphex(slot, ==, 0x1d);
    *present = GPOINTER_TO_UINT(opaque);
    return true;
}

static bool host_broken(void *opaque, uint16_t domain, uint8_t bus,
                        uint8_t slot, uint8_t *present, Error **errp)
{
    error_setg(errp, "host bus %02x is gone", bus);
    return false;
}

/* "P>V,P>V" of an expansion */
static char *expand_str(const char *spec, PciBdfMapping m, uint8_t mask)
{
    PciBdfExpansion x;
    PciBdfSpec s;
    GString *out = g_string_new(NULL);

    parse_ok(spec, 0, &s);
    g_assert_true(pci_bdf_expand(&s, m, mask ? host_present : NULL,
                                 GUINT_TO_POINTER(mask), &x, &error_abort));
    for (unsigned i = 0; i < x.n; i++) {
        g_string_append_printf(out, "%s%u>%u", i ? "," : "", x.f[i].pfunc,
                               x.f[i].vfunc);
    }
    pci_bdf_spec_clear(&s);
    return g_string_free(out, false);
}

static void check_expand(const char *spec, PciBdfMapping m, uint8_t mask,
                         const char *want)
{
    g_autofree char *got = expand_str(spec, m, mask);

    if (g_strcmp0(got, want)) {
        g_test_message("%s (%s): got %s, want %s", spec,
                       pci_bdf_mapping_name(m), got, want);
    }
    g_assert_cmpstr(got, ==, want);
}

/*
 * The seed's first table: the existing single-function notation, each a
 * spec of its own; every one is guest function 0 of a slot the caller
 * picks (00:06, 00:07, 00:08 there), whatever the scheme.
 */
static void test_seed_single(void)
{
    static const char *const phys[] = { "00:1d.0", "00:1d.1", "00:1d.7" };

    for (int m = 0; m < PCI_BDF_MAP__MAX; m++) {
        for (size_t i = 0; i < G_N_ELEMENTS(phys); i++) {
            PciBdfExpansion x;
            PciBdfSpec s;

            parse_ok(phys[i], 0, &s);
            g_assert_true(pci_bdf_expand(&s, m, NULL, NULL, &x, &error_abort));
            g_assert_cmpuint(x.n, ==, 1);
            g_assert_cmpuint(x.f[0].pfunc, ==, phys[i][6] - '0');
            g_assert_cmpuint(x.f[0].vfunc, ==, 0);
            g_assert_false(x.multifunction);
            g_assert_cmpint(x.vslot, ==, PCI_BDF_NO_VSLOT);
            pci_bdf_spec_clear(&s);
        }
    }
}

/* The seed's identity table: 00:1d.0/.1/.7 -> 00:07.0/.1/.7 */
static void test_seed_identity(void)
{
    PciBdfExpansion x;
    PciBdfSpec s;

    parse_ok("0000:00:1d.0,1,7@07", 0, &s);
    g_assert_true(
        pci_bdf_expand(&s, PCI_BDF_MAP_IDENTITY, NULL, NULL, &x, &error_abort));
    g_assert_cmpint(x.vslot, ==, 7);
    g_assert_true(x.multifunction);
    g_assert_cmphex(x.slot, ==, 0x1d);
    pci_bdf_spec_clear(&s);
    check_expand("0000:00:1d.0,1,7", PCI_BDF_MAP_IDENTITY, 0, "0>0,1>1,7>7");
    /* order does not matter to identity */
    check_expand("0000:00:1d.7,1,0", PCI_BDF_MAP_IDENTITY, 0, "7>7,1>1,0>0");
    /* function 0 present: func0 is identity */
    check_expand("0000:00:1d.0,1,7", PCI_BDF_MAP_FUNC0, 0, "0>0,1>1,7>7");
}

/*
 * The seed's least tables: 0,1,7 -> .0,.1,.2; reversed 7,1,0 -> .0,.1,.2
 * (the seed prints 00:07.1 for 00:1d.0 in the reversed table: two
 * functions cannot share .1; the lowest free one is .2).
 */
static void test_seed_least(void)
{
    check_expand("0000:00:1d.0,1,7", PCI_BDF_MAP_LEAST, 0, "0>0,1>1,7>2");
    check_expand("0000:00:1d.7,1,0", PCI_BDF_MAP_LEAST, 0, "7>0,1>1,0>2");
    /* physical function 0 need not be there */
    check_expand("0000:00:1d.5,6", PCI_BDF_MAP_LEAST, 0, "5>0,6>1");
    check_expand("0000:00:1d.3-4", PCI_BDF_MAP_LEAST, 0, "3>0,4>1");
}

/*
 * The seed's expansions: 0-2 -> .0 .1 .2; 0,3,5,7 -> .0 .3 .5 .7 (the
 * seed prints slot 0d there, a typo: the slot is the one written, 1d);
 * '*' of a device with functions 0,1,2,3,5,7 -> those, ascending.
 */
static void test_seed_expansion(void)
{
    const uint8_t dev = 0xaf; /* 0,1,2,3,5,7 */
    PciBdfExpansion x;
    PciBdfSpec s;

    check_expand("0000:00:1d.0-2", PCI_BDF_MAP_IDENTITY, 0, "0>0,1>1,2>2");
    check_expand("0000:00:1d.0,3,5,7", PCI_BDF_MAP_IDENTITY, 0,
                 "0>0,3>3,5>5,7>7");
    check_expand("0000:00:1d.*", PCI_BDF_MAP_IDENTITY, dev,
                 "0>0,1>1,2>2,3>3,5>5,7>7");
    check_expand("0000:00:1d.*", PCI_BDF_MAP_LEAST, dev,
                 "0>0,1>1,2>2,3>3,5>4,7>5");

    parse_ok("0000:00:1d.0,3,5,7", 0, &s);
    g_assert_true(pci_bdf_expand(&s, PCI_BDF_MAP_IDENTITY, host_present,
                                 GUINT_TO_POINTER(dev), &x, &error_abort));
    g_assert_cmphex(x.domain, ==, 0);
    g_assert_cmphex(x.bus, ==, 0);
    g_assert_cmphex(x.slot, ==, 0x1d);
    for (unsigned i = 0; i < x.n; i++) {
        g_autofree char *a = pci_bdf_format(x.domain, x.bus, x.slot,
                                            x.f[i].pfunc);
        static const char *const want[] = { "0000:00:1d.0", "0000:00:1d.3",
                                            "0000:00:1d.5", "0000:00:1d.7" };

        g_assert_cmpstr(a, ==, want[i]);
    }
    pci_bdf_spec_clear(&s);
}

/* The later rule: one function alone is 0; without 0 the lowest is 0 */
static void test_func0(void)
{
    check_expand("00:1d.3-3", PCI_BDF_MAP_FUNC0, 0, "3>0");
    check_expand("00:1d.3-3", PCI_BDF_MAP_IDENTITY, 0, "3>3");
    check_expand("00:1d.3-3", PCI_BDF_MAP_LEAST, 0, "3>0");
    check_expand("00:1d.2,5,1", PCI_BDF_MAP_FUNC0, 0, "2>2,5>5,1>0");
    check_expand("00:1d.2,5,1", PCI_BDF_MAP_IDENTITY, 0, "2>2,5>5,1>1");
    check_expand("00:1d.2,5,1", PCI_BDF_MAP_LEAST, 0, "2>0,5>1,1>2");
    check_expand("00:1d.*", PCI_BDF_MAP_FUNC0, 0x30, "4>0,5>5");
    check_expand("00:1d.*", PCI_BDF_MAP_FUNC0, 0x80, "7>0");
    check_expand("00:1d.*", PCI_BDF_MAP_IDENTITY, 0x80, "7>7");
    g_assert_cmpint(PCI_BDF_MAP_DEFAULT, ==, PCI_BDF_MAP_FUNC0);
}

/* An explicit map wins over every scheme */
static void test_explicit_map(void)
{
    for (int m = 0; m < PCI_BDF_MAP__MAX; m++) {
        check_expand("00:1d.1=0,0=1,7=3", m, 0, "1>0,0>1,7>3");
        check_expand("00:1d.6=2", m, 0, "6>2");
    }
}

static void test_multifunction_flag(void)
{
    PciBdfExpansion x;
    PciBdfSpec s;

    parse_ok("00:1d.6-6", 0, &s);
    g_assert_true(
        pci_bdf_expand(&s, PCI_BDF_MAP_IDENTITY, NULL, NULL, &x, &error_abort));
    g_assert_true(x.multifunction); /* alone on guest function 6 */
    g_assert_true(
        pci_bdf_expand(&s, PCI_BDF_MAP_FUNC0, NULL, NULL, &x, &error_abort));
    g_assert_false(x.multifunction);
    pci_bdf_spec_clear(&s);
}

static void expect_expand_error(const char *spec, PciBdfPresentFn fn,
                                uint8_t mask, const char *msg)
{
    PciBdfExpansion x;
    Error *err = NULL;
    PciBdfSpec s;

    parse_ok(spec, 0, &s);
    g_assert_false(pci_bdf_expand(&s, PCI_BDF_MAP_LEAST, fn,
                                  GUINT_TO_POINTER(mask), &x, &err));
    g_assert_cmpstr(error_get_pretty(err), ==, msg);
    g_assert_cmpuint(x.n, ==, 0);
    error_free(err);
    pci_bdf_spec_clear(&s);
}

static void test_expand_errors(void)
{
    PciBdfExpansion x;
    Error *err = NULL;
    PciBdfSpec s;

    expect_expand_error(
        "00:1d.*", NULL, 0,
        "0000:00:1d.*: cannot tell which functions the host device has");
    expect_expand_error("00:1d.*", host_present, 0,
                        "host device 0000:00:1d has no functions");
    expect_expand_error(
        "00:1d.0-2", host_present, 0x0b,
        "host function 0000:00:1d.2 does not exist (the device has functions 0,1,3)");
    expect_expand_error(
        "00:1d.4", host_present, 0,
        "host function 0000:00:1d.4 does not exist (the device has no functions)");
    expect_expand_error("00:1d.4", host_broken, 0, "host bus 00 is gone");

    parse_ok("00:1d.0", 0, &s);
    g_assert_false(pci_bdf_expand(&s, PCI_BDF_MAP__MAX, NULL, NULL, &x, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "mapping 3 is not one of identity, least, func0");
    error_free(err);
    pci_bdf_spec_clear(&s);
}

static void test_mapping_names(void)
{
    PciBdfMapping m;
    Error *err = NULL;

    for (int i = 0; i < PCI_BDF_MAP__MAX; i++) {
        g_assert_true(
            pci_bdf_mapping_parse(pci_bdf_mapping_name(i), &m, &error_abort));
        g_assert_cmpint(m, ==, i);
    }
    g_assert_cmpstr(pci_bdf_mapping_name(PCI_BDF_MAP_LEAST), ==, "least");
    g_assert_null(pci_bdf_mapping_name(PCI_BDF_MAP__MAX));
    g_assert_false(pci_bdf_mapping_parse("Least", &m, &err));
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "mapping 'Least' is not one of identity, least, func0");
    error_free(err);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/pci-bdf/parse/plain", test_parse_plain);
    g_test_add_func("/pci-bdf/parse/multi", test_parse_multi);
    g_test_add_func("/pci-bdf/parse/vslot-opts", test_parse_vslot_opts);
    g_test_add_func("/pci-bdf/parse/errors", test_parse_errors);
    g_test_add_func("/pci-bdf/parse/to-string", test_to_string);
    g_test_add_func("/pci-bdf/seed/single", test_seed_single);
    g_test_add_func("/pci-bdf/seed/identity", test_seed_identity);
    g_test_add_func("/pci-bdf/seed/least", test_seed_least);
    g_test_add_func("/pci-bdf/seed/expansion", test_seed_expansion);
    g_test_add_func("/pci-bdf/expand/func0", test_func0);
    g_test_add_func("/pci-bdf/expand/map", test_explicit_map);
    g_test_add_func("/pci-bdf/expand/multifunction", test_multifunction_flag);
    g_test_add_func("/pci-bdf/expand/errors", test_expand_errors);
    g_test_add_func("/pci-bdf/mapping-names", test_mapping_names);
    return g_test_run();
}
