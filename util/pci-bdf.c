/*
 * The extended BDF notation: parsing (include/qemu/pci-bdf.h).  Every
 * error names the spec, what is wrong and the character it is at.
 */
#include "qemu/osdep.h"
#include "qemu/pci-bdf.h"

typedef struct BdfCursor {
    const char *str;
    const char *p;
    Error **errp;
} BdfCursor;

static unsigned bdf_col(const BdfCursor *c, const char *at)
{
    return (unsigned)(at - c->str) + 1;
}

static bool G_GNUC_PRINTF(3, 4)
    bdf_fail(BdfCursor *c, const char *at, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    error_setg(c->errp, "PCI address '%s': %s at character %u", c->str, msg,
               bdf_col(c, at));
    return false;
}

/* What the character at @at is, for an error text */
static char *bdf_what(const char *at)
{
    if (!*at) {
        return g_strdup("the end");
    }
    if (g_ascii_isprint(*at)) {
        return g_strdup_printf("'%c'", *at);
    }
    return g_strdup_printf("byte 0x%02x", (unsigned char)*at);
}

/*
 * A run of 1..@max_digits hex digits (one more is an error, so that
 * "00:1d0.0" is not read as "00:1d" followed by junk).
 */
static bool bdf_hex(BdfCursor *c, const char *what, unsigned max_digits,
                    unsigned *val)
{
    const char *start = c->p;
    unsigned n = 0, v = 0;

    while (g_ascii_isxdigit(*c->p)) {
        if (++n > max_digits) {
            return bdf_fail(c, start, "%s '%.*s' has more than %u hex digits",
                            what, (int)strspn(start, "0123456789abcdefABCDEF"),
                            start, max_digits);
        }
        v = v * 16 + g_ascii_xdigit_value(*c->p);
        c->p++;
    }
    if (!n) {
        g_autofree char *got = bdf_what(c->p);

        return bdf_fail(c, c->p, "expected the %s (hex), got %s", what, got);
    }
    *val = v;
    return true;
}

static bool bdf_expect(BdfCursor *c, char ch, const char *after)
{
    g_autofree char *got = NULL;

    if (*c->p == ch) {
        c->p++;
        return true;
    }
    got = bdf_what(c->p);
    return bdf_fail(c, c->p, "expected '%c' after the %s, got %s", ch, after,
                    got);
}

/* A function number: 1-2 hex digits ("1d.00" as Xen prints it), 0..7 */
static bool bdf_func(BdfCursor *c, const char *what, uint8_t *f)
{
    const char *start = c->p;
    unsigned v;

    if (!bdf_hex(c, what, 2, &v)) {
        return false;
    }
    if (v >= PCI_BDF_FUNCS) {
        return bdf_fail(c, start, "%s %.*s is out of range 0..7", what,
                        (int)(c->p - start), start);
    }
    *f = v;
    return true;
}

/*
 * [DDDD:]BB:DD.  The first two fields are read as up to 4 digits each and
 * sorted out when it is known whether a domain was written.
 */
static bool bdf_addr(BdfCursor *c, PciBdfSpec *s)
{
    const char *f1 = c->p, *f2, *f3;
    unsigned a, b, d;

    if (!bdf_hex(c, "domain or bus", 4, &a) ||
        !bdf_expect(c, ':', "domain or bus")) {
        return false;
    }
    f2 = c->p;
    if (!bdf_hex(c, "bus or slot", 4, &b)) {
        return false;
    }
    if (*c->p == ':') {
        f3 = ++c->p;
        if (c->p - f2 > 3) {
            return bdf_fail(c, f2, "bus '%.*s' has more than 2 hex digits",
                            (int)(c->p - 1 - f2), f2);
        }
        s->has_domain = true;
        s->domain = a;
        s->bus = b;
        if (!bdf_hex(c, "slot", 2, &d)) {
            return false;
        }
    } else {
        if (f2 - f1 > 3) {
            return bdf_fail(c, f1,
                            "bus '%.*s' has more than 2 hex digits "
                            "(or the domain lacks its bus: DDDD:BB:DD.F)",
                            (int)(f2 - 1 - f1), f1);
        }
        if (c->p - f2 > 2) {
            return bdf_fail(c, f2, "slot '%.*s' has more than 2 hex digits",
                            (int)(c->p - f2), f2);
        }
        s->bus = a;
        d = b;
        f3 = f2;
    }
    if (d > PCI_BDF_MAX_SLOT) {
        return bdf_fail(c, f3, "slot 0x%x is out of range 0..1f", d);
    }
    s->slot = d;
    return bdf_expect(c, '.', "slot");
}

static bool bdf_add_func(BdfCursor *c, PciBdfSpec *s, const char *at, uint8_t f)
{
    for (unsigned i = 0; i < s->nfuncs; i++) {
        if (s->pfunc[i] == f) {
            return bdf_fail(c, at, "function %u is given twice", f);
        }
    }
    s->pfunc[s->nfuncs] = f;
    s->vfunc[s->nfuncs] = PCI_BDF_NO_VFUNC;
    s->nfuncs++;
    return true;
}

typedef enum BdfItem { BDF_ITEM_ONE, BDF_ITEM_RANGE, BDF_ITEM_MAP } BdfItem;

/* F, F-F or F=V at c->p */
static bool bdf_item(BdfCursor *c, PciBdfSpec *s, BdfItem *kind)
{
    const char *at = c->p;
    uint8_t lo, hi, v;

    if (!bdf_func(c, "function", &lo)) {
        return false;
    }
    if (*c->p == '-') {
        const char *hi_at = ++c->p;

        if (!bdf_func(c, "last function of the range", &hi)) {
            return false;
        }
        if (hi < lo) {
            return bdf_fail(c, hi_at, "range %u-%u ends before it starts", lo,
                            hi);
        }
        if (*c->p == '=') {
            return bdf_fail(
                c, c->p, "a range cannot be mapped (write P=V per function)");
        }
        for (unsigned f = lo; f <= hi; f++) {
            if (!bdf_add_func(c, s, at, f)) {
                return false;
            }
        }
        *kind = BDF_ITEM_RANGE;
        return true;
    }
    if (!bdf_add_func(c, s, at, lo)) {
        return false;
    }
    *kind = *c->p == '=' ? BDF_ITEM_MAP : BDF_ITEM_ONE;
    if (*kind == BDF_ITEM_ONE) {
        return true;
    }
    at = ++c->p;
    if (!bdf_func(c, "guest function", &v)) {
        return false;
    }
    for (unsigned i = 0; i + 1 < s->nfuncs; i++) {
        if (s->vfunc[i] == v) {
            return bdf_fail(c, at, "guest function %u is given twice", v);
        }
    }
    s->vfunc[s->nfuncs - 1] = v;
    return true;
}

static bool bdf_funcs(BdfCursor *c, PciBdfSpec *s)
{
    bool any_mapped = false, any_plain = false;
    BdfItem kind = BDF_ITEM_ONE;

    if (*c->p == '*') {
        c->p++;
        s->all = s->multi = true;
        if (*c->p == '=' || *c->p == '-' ||
            (*c->p == ',' && g_ascii_isdigit(c->p[1]))) {
            return bdf_fail(c, c->p, "'*' stands alone (all functions)");
        }
        return true;
    }
    for (;;) {
        const char *at = c->p;

        if (!bdf_item(c, s, &kind)) {
            return false;
        }
        if (kind == BDF_ITEM_MAP ? any_plain : any_mapped) {
            return bdf_fail(
                c, at,
                "every function needs a guest function (P=V) or none does");
        }
        any_mapped |= kind == BDF_ITEM_MAP;
        any_plain |= kind != BDF_ITEM_MAP;
        s->multi |= kind != BDF_ITEM_ONE;
        if (*c->p != ',' || !g_ascii_isdigit(c->p[1])) {
            break;
        }
        s->multi = true; /* a list */
        c->p++;
    }
    s->has_map = any_mapped;
    return true;
}

static bool bdf_vslot(BdfCursor *c, PciBdfSpec *s)
{
    const char *at = c->p;
    unsigned v;

    if (c->p[0] == '0' && (c->p[1] == 'x' || c->p[1] == 'X') &&
        g_ascii_isxdigit(c->p[2])) {
        c->p += 2;
    }
    if (!bdf_hex(c, "guest slot", 2, &v)) {
        return false;
    }
    if (v > PCI_BDF_MAX_SLOT) {
        return bdf_fail(c, at, "guest slot 0x%x is out of range 0..1f", v);
    }
    s->vslot = v;
    return true;
}

static bool bdf_key_char(char ch, bool first)
{
    return g_ascii_isalpha(ch) || ch == '_' ||
           (!first && (g_ascii_isdigit(ch) || ch == '-' || ch == '.'));
}

/* KEY=VALUE at c->p (after its comma); a value's ",," is one comma */
static bool bdf_opt(BdfCursor *c, GArray *opts)
{
    const char *at = c->p;
    g_autofree char *key = NULL;
    GString *val;
    PciBdfOpt o;

    if (!bdf_key_char(*c->p, true)) {
        g_autofree char *got = bdf_what(c->p);

        return bdf_fail(c, c->p, "expected an option (key=value), got %s", got);
    }
    while (bdf_key_char(*c->p, false)) {
        c->p++;
    }
    key = g_strndup(at, c->p - at);
    if (*c->p != '=') {
        g_autofree char *got = bdf_what(c->p);

        return bdf_fail(c, c->p, "option '%s' needs a value (%s=...), got %s",
                        key, key, got);
    }
    c->p++;
    for (unsigned i = 0; i < opts->len; i++) {
        if (!strcmp(g_array_index(opts, PciBdfOpt, i).key, key)) {
            return bdf_fail(c, at, "option '%s' is given twice", key);
        }
    }
    val = g_string_new(NULL);
    while (*c->p && !(c->p[0] == ',' && c->p[1] != ',')) {
        if (c->p[0] == ',') {
            c->p++; /* ",," */
        }
        g_string_append_c(val, *c->p++);
    }
    if (!val->len) {
        g_string_free(val, true);
        return bdf_fail(c, c->p, "option '%s' has an empty value", key);
    }
    o.key = g_steal_pointer(&key);
    o.value = g_string_free(val, false);
    g_array_append_val(opts, o);
    return true;
}

static bool bdf_opts(BdfCursor *c, PciBdfSpec *s)
{
    g_autoptr(GArray) opts = g_array_new(false, true, sizeof(PciBdfOpt));
    bool ok = true;

    while (ok && *c->p == ',') {
        c->p++;
        ok = bdf_opt(c, opts);
    }
    s->nopts = opts->len;
    s->opts = (PciBdfOpt *)(void *)g_array_free(g_steal_pointer(&opts), false);
    return ok;
}

static bool bdf_unplug_check(BdfCursor *c, const PciBdfSpec *s,
                             const char *vslot_at, const char *opts_at)
{
    if (s->vslot != PCI_BDF_NO_VSLOT) {
        return bdf_fail(c, vslot_at,
                        "a guest slot (@VSLOT) is not allowed when unplugging");
    }
    if (s->nopts) {
        return bdf_fail(c, opts_at, "options are not allowed when unplugging");
    }
    if (s->has_map) {
        return bdf_fail(
            c, c->str, "guest functions (P=V) are not allowed when unplugging");
    }
    return true;
}

bool pci_bdf_parse(const char *str, PciBdfParseFlags flags, PciBdfSpec *spec,
                   Error **errp)
{
    BdfCursor c = { .str = str ?: "", .p = str ?: "", .errp = errp };
    const char *vslot_at = NULL, *opts_at;
    bool ok;

    memset(spec, 0, sizeof(*spec));
    spec->vslot = PCI_BDF_NO_VSLOT;
    ok = bdf_addr(&c, spec) && bdf_funcs(&c, spec);
    if (ok && *c.p == '@') {
        vslot_at = c.p++;
        ok = bdf_vslot(&c, spec);
    }
    opts_at = c.p;
    ok = ok && bdf_opts(&c, spec);
    if (ok && *c.p) {
        g_autofree char *got = bdf_what(c.p);

        ok = bdf_fail(&c, c.p, "unexpected %s", got);
    }
    if (ok && (flags & PCI_BDF_UNPLUG)) {
        ok = bdf_unplug_check(&c, spec, vslot_at, opts_at);
    }
    if (!ok) {
        pci_bdf_spec_clear(spec);
    }
    return ok;
}

void pci_bdf_spec_clear(PciBdfSpec *spec)
{
    for (unsigned i = 0; i < spec->nopts; i++) {
        g_free(spec->opts[i].key);
        g_free(spec->opts[i].value);
    }
    g_free(spec->opts);
    memset(spec, 0, sizeof(*spec));
    spec->vslot = PCI_BDF_NO_VSLOT;
}

const char *pci_bdf_spec_opt(const PciBdfSpec *spec, const char *key)
{
    for (unsigned i = 0; i < spec->nopts; i++) {
        if (!strcmp(spec->opts[i].key, key)) {
            return spec->opts[i].value;
        }
    }
    return NULL;
}

char *pci_bdf_format(uint16_t domain, uint8_t bus, uint8_t slot, uint8_t func)
{
    return g_strdup_printf("%04x:%02x:%02x.%u", domain, bus, slot, func);
}

bool pci_bdf_spec_is_one(const PciBdfSpec *spec)
{
    return !spec->multi && spec->vslot == PCI_BDF_NO_VSLOT && !spec->nopts;
}

bool pci_bdf_parse_one(const char *str, uint16_t *domain, uint8_t *bus,
                       uint8_t *slot, uint8_t *func, Error **errp)
{
    PciBdfSpec s;
    bool one;

    if (!pci_bdf_parse(str, PCI_BDF_PLUG, &s, errp)) {
        return false;
    }
    one = pci_bdf_spec_is_one(&s);
    if (one) {
        *domain = s.domain;
        *bus = s.bus;
        *slot = s.slot;
        *func = s.pfunc[0];
    } else {
        error_setg(errp, "host '%s' is not one function (DDDD:BB:DD.F)", str);
    }
    pci_bdf_spec_clear(&s);
    return one;
}

/*
 * Canonical: the domain always, a list item per function (so a range
 * comes back as a list: the spec is the same), ",," in values.
 */
char *pci_bdf_spec_to_string(const PciBdfSpec *s)
{
    GString *out = g_string_new(NULL);

    g_string_append_printf(out, "%04x:%02x:%02x.", s->domain, s->bus, s->slot);
    if (s->all) {
        g_string_append_c(out, '*');
    }
    for (unsigned i = 0; !s->all && i < s->nfuncs; i++) {
        g_string_append_printf(out, "%s%u", i ? "," : "", s->pfunc[i]);
        if (s->has_map) {
            g_string_append_printf(out, "=%d", s->vfunc[i]);
        }
    }
    if (!s->all && s->multi && s->nfuncs == 1 && !s->has_map) {
        /* one function in the multi-function notation: a range of one */
        g_string_append_printf(out, "-%u", s->pfunc[0]);
    }
    if (s->vslot != PCI_BDF_NO_VSLOT) {
        g_string_append_printf(out, "@%02x", s->vslot);
    }
    for (unsigned i = 0; i < s->nopts; i++) {
        g_string_append_printf(out, ",%s=", s->opts[i].key);
        for (const char *v = s->opts[i].value; *v; v++) {
            g_string_append(out, *v == ',' ? ",," : (char[]){ *v, 0 });
        }
    }
    return g_string_free(out, false);
}
