/*
 * qemu-system-s390x: main() and the command line.
 * (Start-up skeleton; the full command line lands with the foundation work.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"

int main(int argc, char **argv)
{
    error_set_progname(argv[0]);
    if (argc > 1 && !strcmp(argv[1], "-version")) {
        printf("QEMU emulator version %s%s\n", QEMU_VERSION, QEMU_PKGVERSION);
        return 0;
    }
    return 0;
}
