/*
 * SERVICE CALL: the checks on the SCCB address and header that end in a
 * program exception, the condition code, the command dispatch and the
 * service-signal external interruption a completed command raises.
 *
 * Commands complete before SERVC returns; the guest learns it through
 * the service signal (parameter: the SCCB address, bit 31 when an event
 * is pending). Until the CPU takes that signal the SCLP is busy: a
 * further SERVC gets cc 2 and the SCCB is not examined.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/module.h"
#include "exec/memory.h"
#include "sysemu/runstate.h"
#include "hw/s390x/sclp.h"
#include "hw/s390x/sclp-sccb.h"

/* An SCCB lies below 2 GiB on a doubleword boundary */
#define SCCB_ADDR_INVALID UINT64_C(0xffffffff80000007)
#define LOWCORE_BLOCK     UINT64_C(0x1fff)

/* Program-interruption codes SERVC reports */
#define PGM_ADDRESSING    0x0005
#define PGM_SPECIFICATION 0x0006

typedef struct SclpState {
    bool signal;    /* a service signal is pending */
    uint32_t param; /* its parameter */
    bool busy;      /* it reports a command completion */
    void (*hook)(void *opaque);
    void *hook_opaque;
} SclpState;

static SclpState sclp;

void sclp_raise_service_signal(uint32_t param)
{
    if (sclp.signal) {
        sclp.param |= param;
    } else {
        sclp.signal = true;
        sclp.param = param;
    }
    trace_point("sclp_signal", "param=0x%08x", sclp.param);
    if (sclp.hook) {
        sclp.hook(sclp.hook_opaque);
    }
}

bool sclp_take_service_signal(uint32_t *param)
{
    if (!sclp.signal) {
        return false;
    }
    *param = sclp.param;
    sclp.signal = false;
    sclp.busy = false;
    sclp.param = 0;
    return true;
}

bool sclp_service_signal_pending(void)
{
    return sclp.signal;
}

void sclp_set_signal_hook(void (*hook)(void *opaque), void *opaque)
{
    sclp.hook = hook;
    sclp.hook_opaque = opaque;
}

static bool sclp_command_known(uint32_t command)
{
    switch (command & SCLP_CMD_MASK) {
    case SCLP_CMD_READ_CPU_INFO:
    case SCLP_CMD_READ_SCP_INFO:
    case SCLP_CMD_READ_SCP_INFO_F:
    case SCLP_CMD_CONFIGURE_IOA:
    case SCLP_CMD_DECONFIGURE_IOA:
    case SCLP_CMD_WRITE_EVENT_DATA:
    case SCLP_CMD_READ_EVENT_DATA:
    case SCLP_CMD_WRITE_EVENT_MASK:
        return true;
    }
    return false;
}

static void sclp_dispatch(SclpSccb *s, uint32_t command)
{
    switch (command & SCLP_CMD_MASK) {
    case SCLP_CMD_READ_CPU_INFO:
        sclp_read_cpu_info(s);
        break;
    case SCLP_CMD_READ_SCP_INFO:
    case SCLP_CMD_READ_SCP_INFO_F:
        sclp_read_scp_info(s);
        break;
    case SCLP_CMD_CONFIGURE_IOA:
        sclp_configure_ioa(s, true);
        break;
    case SCLP_CMD_DECONFIGURE_IOA:
        sclp_configure_ioa(s, false);
        break;
    case SCLP_CMD_WRITE_EVENT_DATA:
        sclp_write_event_data(s);
        break;
    case SCLP_CMD_READ_EVENT_DATA:
        sclp_read_event_data(s);
        break;
    case SCLP_CMD_WRITE_EVENT_MASK:
        sclp_write_event_mask(s);
        break;
    }
}

static bool sclp_in_storage(uint64_t addr, uint64_t len)
{
    return address_space_access_valid(&address_space_memory, addr, len, true,
                                      MEMTXATTRS_UNSPECIFIED);
}

/* The program exceptions, in QEMU's order: 0 or a negated code */
static int sclp_check_sccb(uint64_t sccb, uint64_t prefix, uint16_t *len)
{
    uint8_t header[SCLP_SCCB_HEADER];

    if (!sclp_in_storage(sccb, 1)) {
        return -PGM_ADDRESSING;
    }
    if ((sccb & ~LOWCORE_BLOCK) == 0 ||
        (sccb & ~LOWCORE_BLOCK) == (prefix & ~LOWCORE_BLOCK) ||
        (sccb & SCCB_ADDR_INVALID)) {
        return -PGM_SPECIFICATION;
    }
    if (!sclp_in_storage(sccb, sizeof(header))) {
        return -PGM_ADDRESSING;
    }
    address_space_read(&address_space_memory, sccb, MEMTXATTRS_UNSPECIFIED,
                       header, sizeof(header));
    *len = lduw_be_p(header + SCCB_LENGTH);
    if (*len < SCLP_SCCB_HEADER) {
        return -PGM_SPECIFICATION;
    }
    if (!sclp_in_storage(sccb, *len)) {
        return -PGM_ADDRESSING;
    }
    return 0;
}

/* Does [addr, addr + len) stay inside one 4 KiB page? */
static bool sclp_within_page(uint64_t addr, uint16_t len)
{
    return (addr & (SCLP_SCCB_MAX - 1)) + len <= SCLP_SCCB_MAX;
}

static void sclp_execute(uint32_t command, uint64_t sccb, uint16_t len)
{
    SclpSccb s = {
        .buf = g_malloc0(MAX(len, SCLP_SCCB_MAX)),
        .len = len,
        .addr = sccb,
    };
    uint32_t param;

    address_space_read(&address_space_memory, sccb, MEMTXATTRS_UNSPECIFIED,
                       s.buf, len);
    if (!sclp_command_known(command)) {
        sccb_set_response(&s, SCLP_RC_INVALID_COMMAND);
    } else if (!sclp_within_page(sccb, len)) {
        sccb_set_response(&s, SCLP_RC_BOUNDARY);
    } else {
        sclp_dispatch(&s, command);
    }
    address_space_write(&address_space_memory, sccb, MEMTXATTRS_UNSPECIFIED,
                        s.buf, len);
    trace_point("sclp_command", "cmd=0x%08x sccb=0x%08" PRIx64 " rc=0x%04x",
                command, sccb, sccb_response(&s));
    g_free(s.buf);

    param = (uint32_t)sccb;
    if (sclp_event_pending()) {
        param |= SCLP_SIGNAL_EVENT_PENDING;
    }
    sclp.busy = true;
    sclp_raise_service_signal(param);
}

int sclp_service_call_cpu(uint32_t command, uint64_t sccb, uint64_t prefix)
{
    uint16_t len = 0;
    int r = sclp_check_sccb(sccb, prefix, &len);

    if (!r && sclp.busy) {
        r = 2;
    }
    trace_point("sclp_servc", "cmd=0x%08x sccb=0x%" PRIx64 " -> %d", command,
                sccb, r);
    if (!r) {
        sclp_execute(command, sccb, len);
    }
    return r;
}

int sclp_service_call(uint32_t command, uint64_t sccb)
{
    return sclp_service_call_cpu(command, sccb, 0);
}

static void sclp_system_reset(void *opaque)
{
    sclp.signal = false;
    sclp.busy = false;
    sclp.param = 0;
    sclp_event_reset();
}

static void sclp_register_reset(void)
{
    qemu_register_reset(sclp_system_reset, NULL);
}

type_init(sclp_register_reset)
