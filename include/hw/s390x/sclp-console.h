/*
 * The SCLP consoles' common chardev attach (hw/s390x/sclp-console.c).
 */
#ifndef HW_S390X_SCLP_CONSOLE_H
#define HW_S390X_SCLP_CONSOLE_H

#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "chardev/char.h"
#include "hw/qdev-properties.h"

/* "chardev": a string, the chardev id, shown as QEMU shows it in help */
extern PropertyInfo sclp_prop_chardev;
#define DEFINE_PROP_SCLP_CHARDEV(_s, _f)                                       \
    DEFINE_PROP("chardev", _s, _f, sclp_prop_chardev, char *)

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
