/*
 * The service-call logical processor (SCLP) as reached by SERVC.
 *
 * The interpreter's SERVC and the qtest extension both call
 * sclp_service_call(); command handlers live in hw/s390x/sclp*.c.
 * A command accepted with cc 0 completes asynchronously: the SCCB is
 * updated and a service-signal external interruption is made pending
 * with the SCCB's absolute address as its parameter.
 * Commands, response codes, consoles: docs/system/s390x/sclp.rst.
 * Everything here runs in the main-loop thread (as the CPUs do).
 */
#ifndef HW_S390X_SCLP_H
#define HW_S390X_SCLP_H

#include <stdbool.h>
#include <stdint.h>

/* Command words (general register R1); byte 2 is not examined */
#define SCLP_CMD_MASK             0xffff00ffu
#define SCLP_CMD_READ_CPU_INFO    0x00010001u
#define SCLP_CMD_READ_SCP_INFO    0x00020001u
#define SCLP_CMD_READ_SCP_INFO_F  0x00120001u /* "forced" form */
#define SCLP_CMD_CONFIGURE_IOA    0x001a0001u
#define SCLP_CMD_DECONFIGURE_IOA  0x001b0001u
#define SCLP_CMD_WRITE_EVENT_DATA 0x00760005u
#define SCLP_CMD_READ_EVENT_DATA  0x00770005u
#define SCLP_CMD_WRITE_EVENT_MASK 0x00780005u

/* SCCB response codes (SCCB bytes 6-7) */
#define SCLP_RC_READ_COMPLETE     0x0010
#define SCLP_RC_COMPLETE          0x0020
#define SCLP_RC_BOUNDARY          0x0100 /* SCCB crosses 4 KiB */
#define SCLP_RC_NO_ACTION         0x0120 /* already in that state */
#define SCLP_RC_INVALID_COMMAND   0x01f0
#define SCLP_RC_SHORT_SCCB        0x0300 /* insufficient SCCB length */
#define SCLP_RC_EQUIPMENT_CHECK   0x0340 /* contained equipment check */
#define SCLP_RC_IMPROPER_STATE    0x05f0 /* target resource: see sclp.rst */
#define SCLP_RC_IOA_TYPE_UNKNOWN  0x06f0
#define SCLP_RC_IOA_ID_UNKNOWN    0x09f0
#define SCLP_RC_INVALID_FUNCTION  0x40f0
#define SCLP_RC_NO_EVENTS         0x60f0 /* no event buffers stored */
#define SCLP_RC_INVALID_SELECTION 0x70f0
#define SCLP_RC_INCONSISTENT_LEN  0x72f0
#define SCLP_RC_EVENT_SYNTAX      0x73f0
#define SCLP_RC_INVALID_MASK_LEN  0x74f0

/* Service-signal parameter: the SCCB address, bit 31 "event pending" */
#define SCLP_SIGNAL_EVENT_PENDING 0x00000001u

/*
 * SERVC with @command (general register R1, low 32 bits) and @sccb
 * (absolute address from R2). Returns the condition code (0 accepted,
 * 2 busy: a completion is still pending) or a negated
 * program-interruption code (addressing, specification). The caller
 * checks the privileged operation. As a CPU with prefix 0: a CPU with
 * another prefix calls sclp_service_call_cpu(), or an SCCB in its
 * prefix area escapes the check.
 */
int sclp_service_call(uint32_t command, uint64_t sccb);

/*
 * The same for a CPU whose prefix is @prefix: an SCCB in the 8 KiB at
 * absolute 0 or at @prefix is a specification exception. (Every SCCB
 * accepted lies outside both, where real and absolute addresses agree.)
 */
int sclp_service_call_cpu(uint32_t command, uint64_t sccb, uint64_t prefix);

/*
 * A pending service-signal external interruption: true and its
 * parameter in *@param (the interruption is then taken, i.e. cleared).
 */
bool sclp_take_service_signal(uint32_t *param);

/* True while a service signal is pending (not cleared). */
bool sclp_service_signal_pending(void);

/*
 * Called (from the main loop) each time a service signal becomes
 * pending, e.g. console input arrived: a CPU in the wait state wakes.
 * One hook; NULL removes it.
 */
void sclp_set_signal_hook(void (*hook)(void *opaque), void *opaque);

/*
 * A CPU was hot-plugged: the configuration-management event ("CPU
 * configuration changed") waits for the guest (sclp-cpu-hotplug.c).
 */
void sclp_cpu_hotplug_event(void);

/* Read SCP Info's LOADPARM: 8 ASCII characters (-machine loadparm=) */
void sclp_set_loadparm(const char *lp);

#endif
