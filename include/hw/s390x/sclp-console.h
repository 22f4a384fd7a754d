/*
 * The SCLP consoles' common chardev attach (hw/s390x/sclp-console.c).
 */
#ifndef HW_S390X_SCLP_CONSOLE_H
#define HW_S390X_SCLP_CONSOLE_H

#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "chardev/char.h"

/*
 * Attach @ops to the chardev named @id (the device's "chardev"
 * property) as its front end; *@chr is NULL without @id. Errors in
 * QEMU's words: "Property 'T.chardev' can't find value 'ID'", "... can't
 * take value 'ID', it's in use".
 */
bool sclp_console_attach(DeviceState *dev, const char *id, Chardev **chr,
                         const CharFrontendOps *ops, void *opaque,
                         Error **errp);

#endif
