/*
 * The command-line option table and the -h text (the system emulator's:
 * util/ stays free of sysemu).
 */
#include "qemu/osdep.h"
#include "sysemu/qemu-options.h"

#include "qemu-options.def"

const QEMUOption *qemu_options_find(const char *name)
{
    const QEMUOption *opt;

    while (*name == '-') {
        name++;
    }
    for (opt = qemu_options; opt->name; opt++) {
        if (!strcmp(opt->name, name)) {
            return opt;
        }
    }
    return NULL;
}

const QEMUOption *qemu_options_table(void)
{
    return qemu_options;
}

const char *qemu_options_help_text(void)
{
    return qemu_help_text;
}

void qemu_options_print_help(FILE *out, const char *progname)
{
    fprintf(out, "usage: %s [options]\n", progname);
    fputs(qemu_help_text, out);
    fputs(
        "\nWhen using -nographic, the guest console is on standard input/output.\n"
        "\nSee docs/system/s390x/ for the supported devices and options.\n",
        out);
}
