/*
 * libFuzzer target for SERVICE CALL: hostile SCCBs for every SCLP
 * command, interleaved with console input, on a machine with both SCLP
 * consoles (docs/system/s390x/sclp.rst). An input is a sequence of
 * records:
 *   0x00-0x7f: a SERVC: this byte picks the command (an index into the
 *              commands below; 0x7f: the next 4 bytes are the command
 *              word), then the SCCB offset (2: inside a 3-page window, low 3 bits kept
 *              so misaligned SCCBs occur), length (2), then that many
 *              bytes of SCCB (fewer when the input ends).
 *   0x80-0xff: console input: bit 0 picks the console, the next byte is
 *              the count, then the bytes.
 * Beyond crashes and sanitizer reports it checks that SERVC writes
 * nothing outside the SCCB (nothing at all with a program exception),
 * that cc 0 comes with a service signal naming the SCCB, and that an
 * SCCB crossing 4 KiB is refused with 0x0100.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/boards.h"
#include "exec/memory.h"
#include "sysemu/runstate.h"
#include "hw/s390x/sclp.h"
#include "fuzz-chr-pipe.h"
#include "fuzz-machine.h"
#include "fuzz-sandbox.h"

#define WIN_BASE 0x10000u
#define WIN_SIZE (3 * 4096u)

static const uint32_t commands[] = {
    SCLP_CMD_READ_SCP_INFO,    SCLP_CMD_READ_SCP_INFO_F,
    SCLP_CMD_READ_CPU_INFO,    SCLP_CMD_CONFIGURE_IOA,
    SCLP_CMD_DECONFIGURE_IOA,  SCLP_CMD_WRITE_EVENT_MASK,
    SCLP_CMD_WRITE_EVENT_DATA, SCLP_CMD_READ_EVENT_DATA,
};

static FuzzChrPipe *consoles[2];
static uint8_t before[WIN_SIZE], after[WIN_SIZE];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char *const devices[] = {
        "sclpconsole,chardev=con0",
        "sclplmconsole,chardev=con1",
        NULL,
    };

    fuzz_sandbox_enter(argc, argv);
    consoles[0] = fuzz_chr_pipe_new("con0");
    consoles[1] = fuzz_chr_pipe_new("con1");
    fuzz_machine_start(NULL, devices);
    return 0;
}

static void window(uint8_t *buf, bool write)
{
    address_space_rw(&address_space_memory, WIN_BASE, MEMTXATTRS_UNSPECIFIED,
                     buf, WIN_SIZE, write);
}

static void drain_signals(void)
{
    uint32_t param;

    while (sclp_take_service_signal(&param)) {
        continue;
    }
}

/* One SERVC record at @p (@n bytes left); returns the bytes it used */
static size_t fuzz_servc(const uint8_t *p, size_t n)
{
    size_t used = 5;
    uint32_t command, param;
    uint64_t addr;
    uint16_t len, copy;
    int r;

    if (n < 5) {
        return n;
    }
    if (p[0] == 0x7f && n >= 9) {
        command = ldl_be_p(p + 1);
        p += 4;
        used += 4;
        n -= 4;
    } else {
        command = commands[p[0] % G_N_ELEMENTS(commands)];
    }
    addr = WIN_BASE + lduw_be_p(p + 1) % (WIN_SIZE - 8);
    len = lduw_be_p(p + 3);
    copy = MIN(len, n - 5);
    copy = MIN(copy, WIN_BASE + WIN_SIZE - addr);
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        p + 5, copy);
    used += copy;

    drain_signals();
    window(before, false);
    len = lduw_be_p(before + (addr - WIN_BASE)); /* the SCCB's own length */
    r = sclp_service_call(command, addr);
    window(after, false);
    for (uint64_t a = WIN_BASE; a < WIN_BASE + WIN_SIZE; a++) {
        bool inside = r == 0 && a >= addr && a < addr + len;

        if (!inside && before[a - WIN_BASE] != after[a - WIN_BASE]) {
            abort(); /* stored outside the SCCB */
        }
    }
    if (r == 0) {
        if (!sclp_take_service_signal(&param) ||
            (param & ~SCLP_SIGNAL_EVENT_PENDING) != addr) {
            abort();
        }
        if ((addr & 4095) + len > 4096 &&
            lduw_be_p(after + (addr - WIN_BASE) + 6) != SCLP_RC_BOUNDARY &&
            lduw_be_p(after + (addr - WIN_BASE) + 6) !=
                SCLP_RC_INVALID_COMMAND) {
            abort(); /* crossed 4 KiB yet executed */
        }
    } else if (r != -0x0005 && r != -0x0006) {
        abort(); /* never busy here: signals were taken */
    }
    return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t zero[WIN_SIZE];
    size_t i = 0;

    if (size > 64 * 1024) {
        return -1;
    }
    qemu_system_reset();
    window(zero, true);
    while (i < size) {
        if (data[i] & 0x80) {
            size_t n = i + 1 < size ? data[i + 1] : 0;

            n = MIN(n, size - MIN(size, i + 2));
            if (n) {
                fuzz_chr_pipe_feed(consoles[data[i] & 1], data + i + 2, n);
            }
            i += 2 + n;
        } else {
            i += fuzz_servc(data + i, size - i);
        }
    }
    fuzz_main_loop_settle();
    drain_signals();
    return 0;
}
