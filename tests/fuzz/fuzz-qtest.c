/*
 * libFuzzer target for the qtest line protocol, s390x extension included.
 * An input is the text a test program sends on the -qtest connection:
 * memory commands (readb..writeq, read, write, b64read, b64write,
 * memset), the virtual clock (clock_step, clock_set) and the s390x I/O
 * instructions (s390_stsch ... s390_chsc, s390_cr6, s390_io_intr,
 * s390_crw_pending). The machine is started once, with a vfio-ccw device
 * on a simulated 3390 and a ccw-testdev, so the I/O instructions reach the
 * channel subsystem, the CCW translator and the DASD engine. Before each
 * input the machine is reset and guest storage zeroed; the input gets a
 * final newline so that no partial line carries over.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "hw/boards.h"
#include "exec/memory.h"
#include "sysemu/qtest.h"
#include "sysemu/runstate.h"
#include "fuzz-chr-pipe.h"
#include "fuzz-machine.h"
#include "fuzz-sandbox.h"
#include <fcntl.h>
#include <linux/falloc.h>

/* Longer inputs only slow the search down; the protocol has no state
 * across lines that a few KiB cannot reach. */
#define QTEST_FUZZ_MAX_INPUT (64 * KiB)

static FuzzChrPipe *pipe_to_qtest;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char *const objects[] = {
        "sim-dasd-3390,id=d0,busid=0.0.1234,file=dasd0.img,model=3390-1",
        NULL,
    };
    static const char *const devices[] = {
        "vfio-ccw,id=v0,hostid=0.0.1234",
        "ccw-testdev,id=t0",
        "ccw-testdev,id=t1,delay-ns=1000",
        NULL,
    };
    /* FUZZ_QTEST_LOG=/dev/stderr shows the conversation, when debugging */
    const char *log = g_getenv("FUZZ_QTEST_LOG");
    Error *err = NULL;

    fuzz_sandbox_enter(argc, argv);
    fuzz_machine_start(objects, devices);
    pipe_to_qtest = fuzz_chr_pipe_new("qtest0");
    if (!qtest_server_init("chardev:qtest0", log ? log : "none", &err)) {
        error_report_err(err);
        abort();
    }
    return 0;
}

/* Zero guest storage: punching the memfd frees only the pages used. */
static void wipe_guest_ram(void)
{
    MemoryRegion *ram = current_machine_get()->ram;

    if (ram->ram_fd < 0 ||
        fallocate(ram->ram_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0,
                  ram->size) < 0) {
        memset(memory_region_get_ram_ptr(ram), 0, ram->size);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > QTEST_FUZZ_MAX_INPUT) {
        return -1;
    }
    wipe_guest_ram();
    qemu_system_reset();
    fuzz_chr_pipe_feed(pipe_to_qtest, data, size);
    fuzz_chr_pipe_feed(pipe_to_qtest, (const uint8_t *)"\n", 1);
    fuzz_main_loop_settle();
    return 0;
}
