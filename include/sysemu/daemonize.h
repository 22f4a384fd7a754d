/*
 * -daemonize: the start-up process waits in the foreground until the
 * background process reports that initialisation succeeded.
 *
 * vl.c: daemonize_start() before anything is created (the pid file is
 * written by the daemon), daemonize_done() once the monitors listen and
 * the machine exists. If the daemon exits before daemonize_done(), the
 * waiting process exits 1; its errors went to the shared stderr.
 */
#ifndef SYSEMU_DAEMONIZE_H
#define SYSEMU_DAEMONIZE_H

#include "qemu/osdep.h"

/* Fork into the background; returns only in the daemon. */
void daemonize_start(void);
/* Detach stdio (to /dev/null), go to "/" and release the waiter. */
void daemonize_done(void);
/* Whether -daemonize is in effect (stdio chardevs are refused). */
bool is_daemonized(void);

#endif
