/*
 * The service-call logical processor (SCLP) as reached by SERVC.
 *
 * The interpreter's SERVC and the qtest extension both call
 * sclp_service_call(); command handlers live in hw/s390x/sclp*.c.
 * A command accepted with cc 0 completes asynchronously: the SCCB is
 * updated and a service-signal external interruption is made pending
 * with the SCCB's absolute address as its parameter.
 */
#ifndef HW_S390X_SCLP_H
#define HW_S390X_SCLP_H

#include <stdbool.h>
#include <stdint.h>

/*
 * SERVC with @command (general register R1, low 32 bits) and @sccb
 * (absolute address from R2). Returns the condition code (0 accepted,
 * 2 busy, 3 not operational) or a negated program-interruption code.
 */
int sclp_service_call(uint32_t command, uint64_t sccb);

/*
 * A pending service-signal external interruption: true and its
 * parameter in *@param (the interruption is then taken, i.e. cleared).
 */
bool sclp_take_service_signal(uint32_t *param);

/* True while a service signal is pending (not cleared). */
bool sclp_service_signal_pending(void);

#endif
