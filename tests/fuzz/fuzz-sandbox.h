/*
 * Confinement of the in-process fuzz targets: the inputs reach object
 * properties that name host files (mem-path=, file=), so a target runs in
 * a scratch directory and, where the kernel has Landlock, may create,
 * write, truncate or remove files only beneath that directory and the
 * directories libFuzzer writes to (corpus, artifacts).
 */
#ifndef TESTS_FUZZ_SANDBOX_H
#define TESTS_FUZZ_SANDBOX_H

#include "qemu/osdep.h"

/*
 * Call from LLVMFuzzerInitialize() with its arguments, before anything
 * opens a file on behalf of an input. Makes the path arguments of
 * libFuzzer absolute, creates a scratch directory (removed at exit),
 * makes it the working directory and confines writes.
 */
void fuzz_sandbox_enter(int *argc, char ***argv);

/* Is writing confined (Landlock in force)? */
bool fuzz_sandbox_confined(void);

/* The scratch directory (absolute). */
const char *fuzz_sandbox_dir(void);

/* Remove every entry of the scratch directory (between inputs). */
void fuzz_sandbox_clear(void);

#endif
