/*
 * The CPU model's feature properties (-cpu qemu,FEATURE=on|off). The
 * features this CPU has are the facilities it reports (facilities.h),
 * each under QEMU's feature name; turning one off takes it out of the
 * STFL/STFLE list (its instructions still run). The other names QEMU
 * 7.2 knows are accepted with =off (there is nothing to turn off) and
 * refused with =on, in QEMU's words; a name QEMU does not know is an
 * unknown property.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "target/s390x/facilities.h"

typedef struct S390Feature {
    const char *name;
    unsigned bit, bit2; /* bit2: a second facility bit, or 0 */
    const char *desc;
} S390Feature;

static const S390Feature s390_features[] = {
    { "esan3", 0, 0, "N3 instructions" },
    { "zarch", 1, 2, "z/Architecture mode (facilities 1 and 2)" },
    { "dateh", 3, 0, "DAT-enhancement facility (IDTE, CSPG)" },
    { "stfle", 7, 0, "STORE FACILITY LIST EXTENDED" },
    { "srs", 9, 0, "SIGP sense running status" },
    { "ldisp", 18, 0, "long displacement" },
    { "ldisphp", 19, 0, "long displacement with high performance" },
    { "eimm", 21, 0, "extended immediate" },
    { "stckf", 25, 0, "STORE CLOCK FAST" },
    { "mvcos", 27, 0, "MOVE WITH OPTIONAL SPECIFICATIONS" },
    { "ectg", 31, 0, "EXTRACT CPU TIME" },
    { "csst", 32, 0, "COMPARE AND SWAP AND STORE" },
    { "csst2", 33, 0, "COMPARE AND SWAP AND STORE facility 2" },
    { "ginste", 34, 0, "general-instructions extension" },
    { "exrl", 35, 0, "EXECUTE RELATIVE LONG" },
    { "fpe", 37, 0, "floating-point extension" },
    { "sprogp", 40, 0, "LOAD PROGRAM PARAMETER" },
    { "fpseh", 41, 0, "floating-point-support enhancement" },
    { "stfle45", 45, 0,
      "distinct operands, high word, interlocked access 1, load/store on "
      "condition 1, population count" },
    { "stfle49", 49, 0,
      "miscellaneous-instruction extension, load and trap, execution hint, "
      "processor assist" },
    { "iacc2", 52, 0, "interlocked access 2" },
    { "zpci", 69, 0, "zPCI" },
    { "aen", 71, 0, "PCI adapter event notification" },
    { "ais", 72, 0, "adapter-interruption suppression" },
};

/*
 * QEMU 7.2's other feature and group names: this CPU has none of them
 * (a name s390_features[] has too is found there first: dateh)
 */
static const char *const s390_features_absent[] = {
    "dateh",      "idtes",        "idter",     "asnlxr",    "edat",
    "csske",      "ctop",         "apqci",     "ipter",     "nonqks",
    "apft",       "etf2",         "msa-base",  "hfpm",      "etf3",
    "hfpue",      "etf2eh",       "parseh",    "tods-base", "etf3eh",
    "emon",       "opc",          "dfp",       "dfphp",     "pfpo",
    "cmpsceh",    "dfpzc",        "cte",       "ltlbc",     "stfle53",
    "eec",        "msa5-base",    "minste2",   "sema",      "tsi",
    "minste3",    "ri",           "apqi",      "te",        "sthyi",
    "aefsi",      "msa3-base",    "msa4-base", "edat2",     "dfppc",
    "ppa15",      "bpb",          "vx",        "iep",       "sea_esop2",
    "gs",         "vxpd",         "vxeh",      "mepoch",    "els",
    "tpei",       "irbm",         "msa8-base", "cmmnt",     "vxeh2",
    "esort-base", "deflate-base", "vxpdeh",    "msa9-base", "etoken",
    "unpack",     "nnpa",         "vxpdeh2",   "beareh",    "rdp",
    "pai",        "paie",         "gsls",      "esop",      "hpma2",
    "kss",        "64bscao",      "cmma",      "pfmfi",     "ibs",
    "diag318",    "sief2",        "skey",      "gpereh",    "siif",
    "sigpif",     "ib",           "cei",       "dateh2",    "cmm",
    "ap",         "plo",          "tods",      "gen13ptff", "msa",
    "msa1",       "msa2",         "msa3",      "msa4",      "msa5",
    "msa6",       "msa7",         "msa8",      "msa9",      "msa9_pckmo",
    "mepochptff", "esort",        "deflate",
};

/* ... and the subfunctions of PLO, PTFF and the crypto instructions */
static const char *const s390_subfunction_prefixes[] = {
    "plo-",  "ptff-",  "kmac-",  "kmc-",  "km-",    "kimd-",
    "klmd-", "pckmo-", "kmctr-", "kmf-",  "kmo-",   "pcc-",
    "ppno-", "prno-",  "kma-",   "kdsa-", "sortl-", "dfltcc-",
};

static uint64_t s390_facility_off[S390_FACILITY_DWS];

uint64_t s390_facility_dw(unsigned i)
{
    uint64_t dw = i == 0   ? S390_FACILITIES_DW0
                  : i == 1 ? S390_FACILITIES_DW1
                           : 0;

    return i < S390_FACILITY_DWS ? dw & ~s390_facility_off[i] : dw;
}

static const S390Feature *feature_find(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(s390_features); i++) {
        if (!strcmp(s390_features[i].name, name)) {
            return &s390_features[i];
        }
    }
    return NULL;
}

static bool feature_absent(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(s390_features_absent); i++) {
        if (!strcmp(s390_features_absent[i], name)) {
            return true;
        }
    }
    for (size_t i = 0; i < G_N_ELEMENTS(s390_subfunction_prefixes); i++) {
        if (g_str_has_prefix(name, s390_subfunction_prefixes[i])) {
            return true;
        }
    }
    return false;
}

static void facility_set_off(uint64_t *off, unsigned bit, bool v)
{
    uint64_t m = UINT64_C(1) << (63 - bit % 64);

    off[bit / 64] = v ? off[bit / 64] | m : off[bit / 64] & ~m;
}

bool s390_cpu_features_parse(const char *arg, bool apply, Error **errp)
{
    size_t mlen = strcspn(arg, ",");
    g_autofree char *model = g_strndup(arg, mlen);
    g_auto(GStrv) items = g_strsplit(arg + mlen + !!arg[mlen], ",", -1);
    uint64_t off[S390_FACILITY_DWS] = { 0 };
    g_autoptr(GString) missing = g_string_new(NULL);

    for (char **it = items; *it; it++) {
        g_autofree char *name = g_strndup(*it, strcspn(*it, "="));
        const char *eq = strchr(*it, '=');
        const char *val = eq ? eq + 1 : "on";
        const S390Feature *f;
        bool on;

        if (!**it) {
            continue;
        }
        f = feature_find(name);
        if (!f && !feature_absent(name)) {
            error_setg(errp,
                       "can't apply global %s-s390x-cpu.%s=%s: Property "
                       "'%s-s390x-cpu.%s' not found",
                       model, name, val, model, name);
            return false;
        }
        if (!strcmp(val, "on")) {
            on = true;
        } else if (!strcmp(val, "off")) {
            on = false;
        } else {
            error_setg(errp,
                       "can't apply global %s-s390x-cpu.%s=%s: Parameter "
                       "'%s' expects 'on' or 'off'",
                       model, name, val, name);
            return false;
        }
        if (!f) {
            if (on) {
                g_string_append_printf(missing, "%s%s", missing->len ? " " : "",
                                       name);
            }
            continue;
        }
        facility_set_off(off, f->bit, !on);
        if (f->bit2) {
            facility_set_off(off, f->bit2, !on);
        }
    }
    if (missing->len) {
        error_setg(errp,
                   "Some features requested in the CPU model are not "
                   "available in the configuration: %s",
                   missing->str);
        return false;
    }
    if (apply) {
        memcpy(s390_facility_off, off, sizeof(off));
    }
    return true;
}

void s390_cpu_features_help(void)
{
    printf("\nRecognized feature flags:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(s390_features); i++) {
        printf("%-20s %s\n", s390_features[i].name, s390_features[i].desc);
    }
}
