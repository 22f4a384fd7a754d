/*
 * The human monitor's text commands, served through QMP's
 * human-monitor-command (docs/devel/qmp.rst, "Human monitor commands").
 *
 * Commands without arguments ("cont", "stop", ...) and "info"
 * subcommands. A subsystem registers each one (from a module_init()
 * function) with a function that appends its text to @out, lines ending
 * in "\n"; human-monitor-command returns that text with "\r\n" line
 * ends, as QEMU's monitor writes them, and so does the monitor of
 * -monitor (monitor/hmp-mon.c).  Any other command line gets HMP's answer
 * for a command it does not know.
 */
#ifndef MONITOR_HMP_H
#define MONITOR_HMP_H

#include "qemu/osdep.h"

typedef void HmpInfoFunc(GString *out);

/* "info @name" (no arguments) runs @fn; @help is its line in "info" */
void hmp_register_info(const char *name, const char *help, HmpInfoFunc *fn);

/*
 * "info @name ARGS": @fn gets the rest of the line (spaces before it
 * skipped, "" for none) and checks it itself; @params is how help
 * shows the arguments
 */
typedef void HmpInfoArgsFunc(GString *out, const char *name, const char *args);
void hmp_register_info_args(const char *name, const char *params,
                            const char *help, HmpInfoArgsFunc *fn);

typedef void HmpCmdFunc(GString *out);

/*
 * A command: @names is "name|alias...", @params its arguments as "help"
 * shows them ("" for none: only such commands exist so far).
 */
void hmp_register_cmd(const char *names, const char *params, const char *help,
                      HmpCmdFunc *fn);

/* Run one command line: the text it prints, "\n" line ends (g_free it) */
char *hmp_run_command(const char *cmdline);

#endif
