/*
 * Global identity of the virtual machine (-name, -uuid).
 */
#ifndef SYSEMU_SYSEMU_H
#define SYSEMU_SYSEMU_H

#include "qemu/osdep.h"

/* -name NAME: NULL when unnamed. */
const char *qemu_get_name(void);
void qemu_set_name(const char *name);

/* -uuid: the 16 bytes, all zero by default. */
extern uint8_t qemu_uuid[16];
extern bool qemu_uuid_set;
/* Parse "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"; false if malformed. */
bool qemu_uuid_parse(const char *str, uint8_t uuid[16]);
/* Format as lowercase canonical text (37 bytes incl. NUL). */
void qemu_uuid_unparse(const uint8_t uuid[16], char *out);

#endif
