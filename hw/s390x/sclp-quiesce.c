/*
 * The SCLP's signal-quiesce event (type 0x1d): how the machine asks the
 * guest to shut down (QMP system_powerdown). The event waits until the
 * guest reads it with Read Event Data; a service signal with the
 * event-pending bit tells the guest when its receive mask has the type.
 * The buffer: the 6-byte event header, a 2-byte timeout and a 1-byte
 * unit, both 0 (no deadline). A system reset drops a pending request.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/module.h"
#include "hw/s390x/sclp-event.h"
#include "sysemu/runstate.h"

#define QUIESCE_LEN     9 /* header, timeout (2), unit (1) */
#define QUIESCE_TIMEOUT 6
#define QUIESCE_UNIT    8

static uint16_t quiesce_read(SclpEventSource *src, uint8_t *buf, uint16_t room)
{
    if (room < QUIESCE_LEN) {
        return 0; /* stays pending for a later read */
    }
    memset(buf, 0, QUIESCE_LEN);
    stw_be_p(buf, QUIESCE_LEN);
    buf[SCLP_EVBUF_TYPE] = SCLP_EVENT_SIGNAL_QUIESCE;
    buf[SCLP_EVBUF_FLAGS] = SCLP_EVBUF_ACCEPTED;
    stw_be_p(buf + QUIESCE_TIMEOUT, 0);
    buf[QUIESCE_UNIT] = 0;
    sclp_event_set_pending(src, false);
    return QUIESCE_LEN;
}

static const SclpEventSourceOps quiesce_ops = {
    .send_mask = SCLP_EVENT_BIT(SCLP_EVENT_SIGNAL_QUIESCE),
    .read = quiesce_read,
};

static SclpEventSource quiesce_source = { .ops = &quiesce_ops };

static void quiesce_powerdown(void *opaque)
{
    sclp_event_set_pending(&quiesce_source, true);
}

static void sclp_quiesce_register(void)
{
    sclp_event_add_source(&quiesce_source);
    qemu_register_powerdown_notifier(quiesce_powerdown, NULL);
}

type_init(sclp_quiesce_register)
