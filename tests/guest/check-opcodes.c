/*
 * Does the interpreter decode every instruction a compiler emitted?
 * Reads `s390x-linux-gnu-objdump -d` listings (files named on the
 * command line), takes the bytes of each instruction line, checks that
 * their length agrees with bits 0-1 of the first byte and looks the
 * opcode up in the CPU's table. Prints one line per mnemonic the table
 * lacks (with its count and first address) and exits 1 if there is one.
 * Data that objdump could not decode (".long", ".short") is not an
 * instruction and is skipped.
 */
#include "qemu/osdep.h"
#include "target/s390x/insn.h"

typedef struct Missing {
    char *mnemonic;
    char *where;
    unsigned count;
} Missing;

static GHashTable *missing; /* mnemonic -> Missing */
static unsigned insns_seen;

/* "  1000c:\t a7 f4 00 05 \tj\t16 <x>" -> bytes, mnemonic */
static bool parse_line(const char *line, uint8_t *b, unsigned *n, char *mn,
                       size_t mn_size)
{
    const char *p = strchr(line, ':'), *q;
    size_t len;

    if (!p || p[1] != '\t') {
        return false;
    }
    for (q = line; q < p; q++) {
        if (!g_ascii_isxdigit(*q) && *q != ' ') {
            return false;
        }
    }
    p += 2;
    *n = 0;
    while (g_ascii_isxdigit(p[0]) && g_ascii_isxdigit(p[1])) {
        if (*n == 6) {
            return false;
        }
        b[(*n)++] = g_ascii_xdigit_value(p[0]) << 4 |
                    g_ascii_xdigit_value(p[1]);
        p += 2;
        while (*p == ' ') {
            p++;
        }
    }
    if (*p != '\t' || *n == 0) {
        return false;
    }
    p++;
    len = strcspn(p, "\t \n");
    if (len == 0 || len >= mn_size) {
        return false;
    }
    memcpy(mn, p, len);
    mn[len] = 0;
    return true;
}

static int check_listing(const char *path)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GError) err = NULL;
    int bad = 0;

    if (!g_file_get_contents(path, &text, NULL, &err)) {
        fprintf(stderr, "check-opcodes: %s\n", err->message);
        return -1;
    }
    lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        uint8_t b[6];
        unsigned n;
        char mn[32];
        Missing *m;

        if (!parse_line(*l, b, &n, mn, sizeof(mn)) || mn[0] == '.') {
            continue;
        }
        insns_seen++;
        if (n != s390_insn_len(b[0])) {
            fprintf(stderr, "%s: %s: %u bytes, bits 0-1 say %u\n", path, mn, n,
                    s390_insn_len(b[0]));
            bad = 1;
            continue;
        }
        if (s390_insn_lookup(b)) {
            continue;
        }
        m = g_hash_table_lookup(missing, mn);
        if (!m) {
            m = g_new0(Missing, 1);
            m->mnemonic = g_strdup(mn);
            m->where = g_strdup_printf("%s:%s", path, g_strstrip(*l));
            g_hash_table_insert(missing, m->mnemonic, m);
        }
        m->count++;
        bad = 1;
    }
    return bad;
}

static void print_missing(gpointer key, gpointer value, gpointer opaque)
{
    Missing *m = value;

    printf("not decoded: %s (%u times), first at %s\n", m->mnemonic, m->count,
           m->where);
}

int main(int argc, char **argv)
{
    int rc = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: check-opcodes LISTING...\n");
        return 2;
    }
    missing = g_hash_table_new(g_str_hash, g_str_equal);
    for (int i = 1; i < argc; i++) {
        int r = check_listing(argv[i]);

        if (r < 0) {
            return 2;
        }
        rc |= r;
    }
    g_hash_table_foreach(missing, print_missing, NULL);
    printf("%u instructions in %d listings, %u mnemonics not decoded\n",
           insns_seen, argc - 1, g_hash_table_size(missing));
    return rc;
}
