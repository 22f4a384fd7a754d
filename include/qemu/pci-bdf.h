/*
 * Host PCI addresses in the extended BDF notation and their expansion into
 * one (host function, guest function) pair per passed-through function.
 * Pure: plain structs, GLib and Error only.  The notation, the mapping
 * schemes and the error texts: docs/system/s390x/vfio-pci.rst.
 *
 *   [DDDD:]BB:DD.FUNCS[@VSLOT][,KEY=VALUE...]
 *   FUNCS := F | F-F | ITEM[,ITEM...] | '*'
 *   ITEM  := F | F-F | F=V             (F, V: function numbers 0..7)
 *
 * DDDD (1-4 hex digits, default 0), BB (1-2 hex digits), DD (1-2 hex
 * digits, 0..1f) and VSLOT (1-2 hex digits or 0x.., 0..1f) are hex.  A comma
 * followed by a digit continues the function list; any other comma starts
 * the options.  F=V is an explicit map (every function then needs one).
 * An unplug spec (PCI_BDF_UNPLUG) has neither VSLOT, options nor maps.
 */
#ifndef QEMU_PCI_BDF_H
#define QEMU_PCI_BDF_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define PCI_BDF_FUNCS    8
#define PCI_BDF_MAX_SLOT 0x1f
#define PCI_BDF_NO_VSLOT (-1)
#define PCI_BDF_NO_VFUNC (-1)

typedef enum PciBdfParseFlags {
    PCI_BDF_PLUG = 0,
    PCI_BDF_UNPLUG = 1, /* no @VSLOT, no options, no maps */
} PciBdfParseFlags;

typedef struct PciBdfOpt {
    char *key;
    char *value; /* ",," in the text is a comma here */
} PciBdfOpt;

typedef struct PciBdfSpec {
    uint16_t domain;
    bool has_domain; /* DDDD: was written */
    uint8_t bus;
    uint8_t slot;
    /*
     * The notation used: false for a plain single function ("00:1d.1"),
     * true for a range, a list, '*' or a map (even when it names one
     * function): the multi-function scheme applies only then.
     */
    bool multi;
    bool all; /* '*': every function the host device has */
    /* without 'all': the functions in the order given, no repeats */
    unsigned nfuncs;
    uint8_t pfunc[PCI_BDF_FUNCS];
    bool has_map;                /* F=V given (then for every function) */
    int8_t vfunc[PCI_BDF_FUNCS]; /* by list position; PCI_BDF_NO_VFUNC */
    int vslot;                   /* @VSLOT, or PCI_BDF_NO_VSLOT */
    unsigned nopts;
    PciBdfOpt *opts;
} PciBdfSpec;

/*
 * Parse @str into *@spec (cleared first; pci_bdf_spec_clear() it after a
 * success).  On a malformed spec: false, *@spec left empty, and @errp says
 * what is wrong and at which character (counted from 1).
 */
bool pci_bdf_parse(const char *str, PciBdfParseFlags flags, PciBdfSpec *spec,
                   Error **errp);
void pci_bdf_spec_clear(PciBdfSpec *spec);
/* The value of option @key, or NULL */
const char *pci_bdf_spec_opt(const PciBdfSpec *spec, const char *key);
/* The canonical text of @spec (g_free it); parses back to the same spec */
char *pci_bdf_spec_to_string(const PciBdfSpec *spec);
/* "DDDD:BB:DD.F" (g_free it) */
char *pci_bdf_format(uint16_t domain, uint8_t bus, uint8_t slot, uint8_t func);
/* @spec names one function: no list, range, '*', @VSLOT or options */
bool pci_bdf_spec_is_one(const PciBdfSpec *spec);
/*
 * Parse @str as one host function ("[DDDD:]BB:DD.F"): false with "host
 * 'STR' is not one function (DDDD:BB:DD.F)" (or the parser's error) in
 * @errp otherwise.
 */
bool pci_bdf_parse_one(const char *str, uint16_t *domain, uint8_t *bus,
                       uint8_t *slot, uint8_t *func, Error **errp);

/* How host functions become guest functions of one slot */
typedef enum PciBdfMapping {
    /* guest function = host function */
    PCI_BDF_MAP_IDENTITY,
    /* the lowest free guest function, in the order the functions are given */
    PCI_BDF_MAP_LEAST,
    /*
     * identity, except: one function alone is guest function 0, and when
     * host function 0 is not among them the lowest one becomes 0
     */
    PCI_BDF_MAP_FUNC0,
    PCI_BDF_MAP__MAX,
} PciBdfMapping;

#define PCI_BDF_MAP_DEFAULT PCI_BDF_MAP_FUNC0

/* "identity", "least", "func0" */
const char *pci_bdf_mapping_name(PciBdfMapping m);
bool pci_bdf_mapping_parse(const char *name, PciBdfMapping *m, Error **errp);

/*
 * Which functions host slot @domain:@bus:@slot has: *@present gets bit f for
 * function f.  False with @errp set when the slot cannot be asked; a slot
 * without functions answers true with *@present = 0.
 */
typedef bool (*PciBdfPresentFn)(void *opaque, uint16_t domain, uint8_t bus,
                                uint8_t slot, uint8_t *present, Error **errp);

typedef struct PciBdfFunc {
    uint8_t pfunc; /* host function */
    uint8_t vfunc; /* guest function */
} PciBdfFunc;

typedef struct PciBdfExpansion {
    uint16_t domain;
    uint8_t bus;
    uint8_t slot;
    int vslot;          /* @VSLOT, or PCI_BDF_NO_VSLOT: the caller picks one */
    bool multifunction; /* the guest slot holds a multi-function device */
    unsigned n;
    PciBdfFunc f[PCI_BDF_FUNCS]; /* in expansion order (see below) */
} PciBdfExpansion;

/*
 * Expand @spec with @mapping.  The functions come in the order given
 * ('*': ascending); the guest functions follow the scheme, or the explicit
 * map, or for the plain single-function notation are always 0.  @present
 * is asked for '*' (then required) and, when given, to check that every
 * named function exists.  multifunction is set when more than one function
 * results or one lands on a guest function other than 0.
 */
bool pci_bdf_expand(const PciBdfSpec *spec, PciBdfMapping mapping,
                    PciBdfPresentFn present, void *opaque, PciBdfExpansion *out,
                    Error **errp);

#endif
