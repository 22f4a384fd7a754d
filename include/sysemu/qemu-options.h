/*
 * The command-line option table, generated from qemu-options.hx by
 * scripts/hxtool.py.
 *
 * vl.c looks options up with qemu_options_find() and switches on
 * opt->index (QEMU_OPTION_<name>, with '-' spelled '_': -no-shutdown is
 * QEMU_OPTION_no_shutdown; -h/-help share QEMU_OPTION_h, -M/-machine
 * QEMU_OPTION_machine).  Options flagged QEMU_OPT_UNSUPPORTED are QEMU
 * options this program recognises but refuses.
 */
#ifndef SYSEMU_QEMU_OPTIONS_H
#define SYSEMU_QEMU_OPTIONS_H

#include "qemu/osdep.h"

#define HAS_ARG              0x0001
#define QEMU_OPT_UNSUPPORTED 0x0002

typedef enum QemuOptionIndex {
#define QEMU_OPTIONS_ENUM
#include "qemu-options.def"
#undef QEMU_OPTIONS_ENUM
    QEMU_OPTION__MAX
} QemuOptionIndex;

typedef struct QEMUOption {
    const char *name; /* without the leading '-' */
    int flags;        /* HAS_ARG, QEMU_OPT_UNSUPPORTED */
    int index;        /* QemuOptionIndex */
} QEMUOption;

/*
 * The option called @name ("device" for -device and --device; leading
 * dashes are skipped), or NULL if there is none.
 */
const QEMUOption *qemu_options_find(const char *name);

/* All options, terminated by an entry whose name is NULL. */
const QEMUOption *qemu_options_table(void);

/* The option sections of the -h text ("\nStandard options:\n-h ..."). */
const char *qemu_options_help_text(void);

/*
 * Print the -h text after the version line: the usage line for
 * @progname, the option sections and the closing remarks.
 */
void qemu_options_print_help(FILE *out, const char *progname);

#endif
