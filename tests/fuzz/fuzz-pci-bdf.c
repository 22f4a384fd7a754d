/*
 * libFuzzer target for the extended BDF notation (util/pci-bdf.c,
 * util/pci-bdf-map.c).  The first byte is the set of functions the host
 * slot has (bit f: function f), the rest the spec text (cut at a NUL).
 *
 * Each spec is parsed for plug and for unplug.  Checked beyond crashes:
 * a failure leaves the spec empty and always says why; a spec that parses
 * prints (pci_bdf_spec_to_string) as a text that parses to the same spec;
 * an unplug spec has no guest slot, options or map; every expansion,
 * under each scheme, gives distinct host functions that the host has and
 * distinct guest functions 0..7, and the single-function notation gives
 * guest function 0.
 */
#include "qemu/osdep.h"
#include "qemu/pci-bdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool fz_present(void *opaque, uint16_t domain, uint8_t bus, uint8_t slot,
                       uint8_t *present, Error **errp)
{
    *present = *(const uint8_t *)opaque;
    return true;
}

static bool fz_same(const PciBdfSpec *a, const PciBdfSpec *b)
{
    if (a->domain != b->domain || a->bus != b->bus || a->slot != b->slot ||
        a->all != b->all || a->multi != b->multi || a->has_map != b->has_map ||
        a->nfuncs != b->nfuncs || a->vslot != b->vslot ||
        a->nopts != b->nopts) {
        return false;
    }
    for (unsigned i = 0; i < a->nfuncs; i++) {
        if (a->pfunc[i] != b->pfunc[i] || a->vfunc[i] != b->vfunc[i]) {
            return false;
        }
    }
    for (unsigned i = 0; i < a->nopts; i++) {
        if (strcmp(a->opts[i].key, b->opts[i].key) ||
            strcmp(a->opts[i].value, b->opts[i].value)) {
            return false;
        }
    }
    return true;
}

static void fz_check_expansion(const PciBdfSpec *s, uint8_t host)
{
    for (int m = 0; m < PCI_BDF_MAP__MAX; m++) {
        uint8_t pseen = 0, vseen = 0;
        PciBdfExpansion x;
        Error *err = NULL;

        if (!pci_bdf_expand(s, m, fz_present, &host, &x, &err)) {
            assert(err && x.n == 0);
            error_free(err);
            continue;
        }
        assert(x.n >= 1 && x.n <= PCI_BDF_FUNCS);
        assert(s->all || x.n == s->nfuncs);
        for (unsigned i = 0; i < x.n; i++) {
            assert(x.f[i].pfunc < PCI_BDF_FUNCS &&
                   x.f[i].vfunc < PCI_BDF_FUNCS);
            assert(host & (1u << x.f[i].pfunc));
            assert(!(pseen & (1u << x.f[i].pfunc)));
            assert(!(vseen & (1u << x.f[i].vfunc)));
            pseen |= 1u << x.f[i].pfunc;
            vseen |= 1u << x.f[i].vfunc;
        }
        if (!s->multi) {
            assert(x.n == 1 && x.f[0].vfunc == 0 && !x.multifunction);
        }
        if (m == PCI_BDF_MAP_FUNC0 && !s->has_map) {
            assert(vseen & 1); /* the guest always finds function 0 */
        }
    }
}

static void fz_one(const char *str, PciBdfParseFlags flags, uint8_t host)
{
    PciBdfSpec s, again;
    Error *err = NULL;
    g_autofree char *text = NULL;

    if (!pci_bdf_parse(str, flags, &s, &err)) {
        assert(err && s.nfuncs == 0 && !s.opts && s.nopts == 0);
        assert(strstr(error_get_pretty(err), " at character "));
        error_free(err);
        return;
    }
    if (flags & PCI_BDF_UNPLUG) {
        assert(s.vslot == PCI_BDF_NO_VSLOT && !s.nopts && !s.has_map);
    }
    assert(s.all ? s.nfuncs == 0 : s.nfuncs >= 1);
    assert(s.vslot == PCI_BDF_NO_VSLOT ||
           (s.vslot >= 0 && s.vslot <= PCI_BDF_MAX_SLOT));
    text = pci_bdf_spec_to_string(&s);
    if (!pci_bdf_parse(text, flags, &again, &err)) {
        fprintf(stderr, "'%s' -> '%s': %s\n", str, text, error_get_pretty(err));
        abort();
    }
    assert(fz_same(&s, &again));
    fz_check_expansion(&s, host);
    pci_bdf_spec_clear(&again);
    pci_bdf_spec_clear(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *str = NULL;

    if (size < 1) {
        return 0;
    }
    str = g_strndup((const char *)data + 1, size - 1);
    fz_one(str, PCI_BDF_PLUG, data[0]);
    fz_one(str, PCI_BDF_UNPLUG, data[0]);
    return 0;
}
