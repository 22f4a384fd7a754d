/*
 * Interpreter throughput: the IC/STC/AGHI/BRCTG byte-copy loop over
 * 64 KiB, run again and again through s390_cpu_run(); prints guest
 * instructions per second.
 * Usage: bench-s390x-cpu [seconds, default 1]
 */
#include "qemu/osdep.h"
#include "target/s390x/cpu-state.h"
#include "target/s390x/mem.h"

#define RAM_SIZE (4 * MiB)
#define CODE     0x10000
#define SRC      0x100000
#define DST      0x200000
#define NBYTES   0x10000

/* LGHI 1,0; LGHI 5,N; loop: IC 0,0(1,2); STC 0,0(1,3); AGHI 1,1; BRCTG 5,loop */
static const uint8_t loop_code[] = {
    0xa7, 0x19, 0x00, 0x00, 0xa7, 0x59, 0x00, 0x00, 0x43, 0x01, 0x20, 0x00,
    0x42, 0x01, 0x30, 0x00, 0xa7, 0x1b, 0x00, 0x01, 0xa7, 0x57, 0xff, 0xfa,
};

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? g_ascii_strtod(argv[1], NULL) : 1.0;
    S390Ram ram = { g_malloc0(RAM_SIZE), RAM_SIZE };
    uint64_t per_run = 2 + 4 * (uint64_t)(NBYTES - 1), total = 0;
    S390Cpu *cpu = g_new0(S390Cpu, 1);
    gint64 start, now;

    if (!(seconds > 0)) {
        seconds = 1.0; /* e.g. an emulator path from bench.sh */
    }

    memcpy(ram.base + CODE, loop_code, sizeof(loop_code));
    stw_be_p(ram.base + CODE + 6, NBYTES - 1);
    s390_cpu_init(cpu, &s390_ram_ops, &ram, ram.base, RAM_SIZE);
    s390_psw_set(cpu, PSW_MASK_EA | PSW_MASK_BA, CODE);
    start = g_get_monotonic_time();
    do {
        cpu->psw_addr = CODE;
        cpu->env.regs[2] = SRC;
        cpu->env.regs[3] = DST;
        if (s390_cpu_run(cpu, per_run) != S390_RUN_LIMIT) {
            printf("# program interruption %#x\n", cpu->pgm_code);
            return 1;
        }
        total += per_run;
        now = g_get_monotonic_time();
    } while (now - start < seconds * G_USEC_PER_SEC);
    printf("s390x byte-copy loop (IC/STC/AGHI/BRCTG): %.1f M guest insns/s\n",
           total / ((now - start) / 1e6) / 1e6);
    s390_cpu_finalize(cpu);
    g_free(cpu);
    g_free(ram.base);
    return 0;
}
