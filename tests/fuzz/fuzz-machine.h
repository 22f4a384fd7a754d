/*
 * The machine of the in-process fuzz targets: started once per process,
 * the way the emulator's main() starts "-accel qtest -nodefaults" with a
 * few -object and -device options.
 */
#ifndef TESTS_FUZZ_MACHINE_H
#define TESTS_FUZZ_MACHINE_H

#include "qemu/osdep.h"

/*
 * Create the machine with the -object and -device option strings of the
 * NULL-terminated lists (either may be NULL), finish its creation and
 * start it. Any error aborts: the fuzz target cannot run without it.
 */
void fuzz_machine_start(const char *const *objects, const char *const *devices);

/*
 * Serve what the main loop would between two inputs: pending GLib events,
 * a requested reset (QMP system_reset). A requested shutdown (quit) is
 * dropped: the process keeps serving.
 */
void fuzz_main_loop_settle(void);

#endif
