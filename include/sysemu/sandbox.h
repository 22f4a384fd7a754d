/*
 * -sandbox: a seccomp filter over the whole process (QEMU 7.2's option).
 *
 *   -sandbox on[,obsolete=allow|deny][,elevateprivileges=allow|deny|children]
 *              [,spawn=allow|deny][,resourcecontrol=allow|deny]
 *
 * "on" denies a fixed set of system calls an emulator never needs (reboot,
 * mount, swapon, kexec_load, ...) and, unless obsolete=allow, the obsolete
 * ones.  The other keys deny more groups: set*id (elevateprivileges=deny;
 * "children" also sets no_new_privs), starting programs or processes
 * (spawn=deny: fork, vfork, exec*, setns, unshare, and clone unless it
 * makes a thread), and scheduling changes (resourcecontrol=deny).  A
 * denied call kills the process, except the scheduling ones, which fail
 * with EPERM, and clone3, which fails with ENOSYS so that threads are made
 * with clone.  "off" (or no "on") installs nothing.
 */
#ifndef SYSEMU_SANDBOX_H
#define SYSEMU_SANDBOX_H

#include "qemu/osdep.h"
#include "qapi/error.h"

/*
 * Parse the argument of one -sandbox option and install its filter.
 * Errors are QEMU's: "Invalid parameter 'K'", "Parameter 'enable' expects
 * 'on' or 'off'", "invalid argument for spawn", ...; without libseccomp
 * "on" is refused ("seccomp support is disabled").
 */
bool sandbox_setup(const char *arg, Error **errp);

#endif
