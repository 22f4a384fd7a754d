/*
 * Monitors: QMP servers on chardevs (-qmp, -qmp-pretty, -mon).
 */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "chardev/char.h"
#include <json-glib/json-glib.h>

/*
 * Serve QMP on @chr: greet each client that connects, negotiate, answer.
 * @pretty: indent the JSON replies. Fails when @chr already has a front end.
 */
bool monitor_init_qmp(Chardev *chr, bool pretty, Error **errp);

/*
 * -mon options as a keyval object of strings:
 * {"chardev": ID, "mode": "control"|"readline", "pretty": "on"|"off"}.
 * mode=readline (the default) is refused: the human monitor is not
 * implemented.
 */
/*
 * A human monitor (HMP, the "(qemu) " prompt) on @chr: monitor/hmp-mon.c.
 * On a mux=on chardev it shares the chardev with consoles (Ctrl-A c).
 */
bool monitor_init_hmp(Chardev *chr, Error **errp);
void monitor_hmp_cleanup(void);

bool monitor_init_opts(JsonObject *opts, Error **errp);

/* Close every monitor (at exit). */
void monitor_cleanup(void);

#endif
