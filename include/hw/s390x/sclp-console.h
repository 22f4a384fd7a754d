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

/*
 * Is @chr (NULL: no chardev) holding back so much output for a peer
 * that does not read that the console refuses the guest's next event
 * buffer? That is while qemu_chr_fe_throttled() (over 1 MiB queued, until
 * it is down to 256 KiB). The console then clears the buffer's accepted
 * flag and answers SCLP_RC_IMPROPER_STATE, so guest output never grows
 * the queue by more than one SCCB past the chardev's bound. @what names
 * the console in the trace.
 */
bool sclp_console_backlogged(Chardev *chr, const char *what);

/*
 * The consoles of the -serial chardevs (serial_hd(0): sclpconsole,
 * serial_hd(1): sclplmconsole), created by the machine.
 */
bool s390_sclp_consoles_create(Error **errp);

#endif
