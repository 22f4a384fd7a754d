/*
 * The SCLP's configuration-management event (type 0x04) with the
 * qualifier "CPU configuration changed" (1): how the machine tells the
 * guest that a CPU was hot-plugged (device_add of a CPU, virsh setvcpus
 * --live); Linux then scans the CPUs again (Read CPU Info). The SCLP
 * always sends the type, as QEMU's. The buffer: the 6-byte header, a
 * reserved byte and the qualifier. One pending event stands for any
 * number of changes; a system reset drops it.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qemu/module.h"
#include "hw/s390x/sclp-event.h"
#include "hw/s390x/sclp.h"

#define CFG_MGT_LEN       8
#define CFG_MGT_QUALIFIER 7
#define CFG_QUAL_CPU      1

static uint16_t cpu_change_read(SclpEventSource *src, uint8_t *buf,
                                uint16_t room)
{
    if (room < CFG_MGT_LEN) {
        return 0; /* stays pending for a later read */
    }
    memset(buf, 0, CFG_MGT_LEN);
    stw_be_p(buf, CFG_MGT_LEN);
    buf[SCLP_EVBUF_TYPE] = SCLP_EVENT_CONFIG_MGT;
    buf[SCLP_EVBUF_FLAGS] = SCLP_EVBUF_ACCEPTED;
    buf[CFG_MGT_QUALIFIER] = CFG_QUAL_CPU;
    sclp_event_set_pending(src, false);
    return CFG_MGT_LEN;
}

static void cpu_change_reset(SclpEventSource *src)
{
    sclp_event_set_pending(src, false);
}

static const SclpEventSourceOps cpu_change_ops = {
    .send_mask = SCLP_EVENT_BIT(SCLP_EVENT_CONFIG_MGT),
    .read = cpu_change_read,
    .reset = cpu_change_reset,
};

static SclpEventSource cpu_change_source = { .ops = &cpu_change_ops };

void sclp_cpu_hotplug_event(void)
{
    sclp_event_set_pending(&cpu_change_source, true);
}

static void sclp_cpu_hotplug_register(void)
{
    sclp_event_add_source(&cpu_change_source);
}

type_init(sclp_cpu_hotplug_register)
