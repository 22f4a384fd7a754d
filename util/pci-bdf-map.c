/*
 * The extended BDF notation: expansion of a parsed spec into (host
 * function, guest function) pairs under a mapping scheme
 * (include/qemu/pci-bdf.h, docs/system/s390x/vfio-pci.rst).
 */
#include "qemu/osdep.h"
#include "qemu/pci-bdf.h"

static const char *const pci_bdf_mapping_names[PCI_BDF_MAP__MAX] = {
    [PCI_BDF_MAP_IDENTITY] = "identity",
    [PCI_BDF_MAP_LEAST] = "least",
    [PCI_BDF_MAP_FUNC0] = "func0",
};

const char *pci_bdf_mapping_name(PciBdfMapping m)
{
    return m < PCI_BDF_MAP__MAX ? pci_bdf_mapping_names[m] : NULL;
}

bool pci_bdf_mapping_parse(const char *name, PciBdfMapping *m, Error **errp)
{
    for (unsigned i = 0; i < PCI_BDF_MAP__MAX; i++) {
        if (!g_strcmp0(name, pci_bdf_mapping_names[i])) {
            *m = i;
            return true;
        }
    }
    error_setg(errp, "mapping '%s' is not one of identity, least, func0",
               name ?: "");
    return false;
}

/* "0,1,3" */
static char *bdf_mask_list(uint8_t mask)
{
    GString *s = g_string_new(NULL);

    for (unsigned f = 0; f < PCI_BDF_FUNCS; f++) {
        if (mask & (1u << f)) {
            g_string_append_printf(s, "%s%u", s->len ? "," : "", f);
        }
    }
    return g_string_free(s, false);
}

/* The host functions, in expansion order, into out->f[].pfunc */
static bool bdf_host_funcs(const PciBdfSpec *s, PciBdfPresentFn present,
                           void *opaque, PciBdfExpansion *out, Error **errp)
{
    uint8_t mask = 0xff;

    if (present && !present(opaque, s->domain, s->bus, s->slot, &mask, errp)) {
        return false;
    }
    if (s->all) {
        if (!present) {
            error_setg(
                errp,
                "%04x:%02x:%02x.*: cannot tell which functions the host device has",
                s->domain, s->bus, s->slot);
            return false;
        }
        if (!mask) {
            error_setg(errp, "host device %04x:%02x:%02x has no functions",
                       s->domain, s->bus, s->slot);
            return false;
        }
        for (unsigned f = 0; f < PCI_BDF_FUNCS; f++) {
            if (mask & (1u << f)) {
                out->f[out->n++].pfunc = f;
            }
        }
        return true;
    }
    for (unsigned i = 0; i < s->nfuncs; i++) {
        if (!(mask & (1u << s->pfunc[i]))) {
            g_autofree char *has = bdf_mask_list(mask);

            error_setg(
                errp,
                "host function %04x:%02x:%02x.%u does not exist (the device has %s%s)",
                s->domain, s->bus, s->slot, s->pfunc[i],
                mask ? "functions " : "no functions", has);
            return false;
        }
        out->f[out->n++].pfunc = s->pfunc[i];
    }
    return true;
}

static void bdf_map_scheme(PciBdfExpansion *out, PciBdfMapping mapping)
{
    unsigned lowest = 0;
    bool has0 = false;

    for (unsigned i = 0; i < out->n; i++) {
        switch (mapping) {
        case PCI_BDF_MAP_LEAST:
            /* nothing is taken but what came before: the i-th is i */
            out->f[i].vfunc = i;
            break;
        case PCI_BDF_MAP_IDENTITY:
        case PCI_BDF_MAP_FUNC0:
        default:
            out->f[i].vfunc = out->f[i].pfunc;
            break;
        }
        has0 |= out->f[i].pfunc == 0;
        if (out->f[i].pfunc < out->f[lowest].pfunc) {
            lowest = i;
        }
    }
    if (mapping == PCI_BDF_MAP_FUNC0 && !has0) {
        /* one alone, or function 0 absent: the lowest is guest function 0 */
        out->f[lowest].vfunc = 0;
    }
}

bool pci_bdf_expand(const PciBdfSpec *spec, PciBdfMapping mapping,
                    PciBdfPresentFn present, void *opaque, PciBdfExpansion *out,
                    Error **errp)
{
    memset(out, 0, sizeof(*out));
    out->domain = spec->domain;
    out->bus = spec->bus;
    out->slot = spec->slot;
    out->vslot = spec->vslot;
    if (mapping >= PCI_BDF_MAP__MAX) {
        error_setg(errp, "mapping %d is not one of identity, least, func0",
                   (int)mapping);
        return false;
    }
    if (!bdf_host_funcs(spec, present, opaque, out, errp)) {
        out->n = 0;
        return false;
    }
    if (spec->has_map) {
        for (unsigned i = 0; i < out->n; i++) {
            out->f[i].vfunc = spec->vfunc[i];
        }
    } else if (!spec->multi) {
        out->f[0].vfunc = 0; /* the single-function notation */
    } else {
        bdf_map_scheme(out, mapping);
    }
    out->multifunction = out->n > 1 || out->f[0].vfunc != 0;
    return true;
}
