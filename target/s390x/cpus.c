/*
 * The machine's interpreter CPUs: creation over guest RAM, the run loop's
 * slices (round robin, interruptions looked at between stretches of
 * instructions), interruption delivery, wait states and the exit rules:
 *
 * - the last operating CPU stops (SIGP stop): guest shutdown request;
 * - the last running CPU enters a disabled wait: a guest panic
 *   (GUEST_PANICKED, reason "disabled-wait"), except the special wait
 *   PSW whose address ends in 0xfff, which is a shutdown request;
 * - an invalid program new PSW check-stops the CPU: a guest panic with
 *   reason "pgmint-loop".
 *
 * Everything runs on the main loop's thread, so device models and CPUs
 * never run at the same time.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "qemu/error-report.h"
#include "target/s390x/cpus.h"
#include "target/s390x/lowcore.h"
#include "target/s390x/clock.h"
#include "target/s390x/mem.h"
#include "target/s390x/dat.h"
#include "hw/s390x/sclp.h"
#include "sysemu/cpu-loop.h"
#include "sysemu/runstate.h"
#include "sysemu/watchdog.h"

/* the TOD clock at 1970-01-01 00:00 UTC (the TOD epoch is 1900) */
#define TOD_UNIX_EPOCH UINT64_C(0x7d91048bca000000)
/* how long one slice of the main loop runs the CPUs */
#define SLICE_NS (4 * SCALE_MS)
/* instructions between looks at interruptions and the slice's time */
#define CHUNK_ONE  (64 * 1024)
#define CHUNK_MANY (8 * 1024)
/* the longest sleep of an idle configuration between clock checks */
#define MAX_SLEEP_NS (NANOSECONDS_PER_SECOND)

typedef struct S390Cpus {
    S390MachCpu *cpus;
    unsigned n;
    unsigned max; /* possible CPUs: n configured, the rest reserved */
    MemoryRegion *ram;
    uint8_t *code_pages; /* shared by all CPUs */
    unsigned next;       /* round robin */
    uint64_t tod_offset;
} S390Cpus;

static S390Cpus cpus;

unsigned s390_cpus_count(void)
{
    return cpus.n;
}

unsigned s390_cpus_max(void)
{
    return cpus.max;
}

S390MachCpu *s390_cpus_get(unsigned i)
{
    return i < cpus.n ? &cpus.cpus[i] : NULL;
}

/* IPTE, IDTE, CSP: the TLBs of the whole configuration */
static void tlb_purge_every(S390Cpu *cpu)
{
    (void)cpu;
    for (unsigned i = 0; i < cpus.n; i++) {
        s390_tlb_purge(&cpus.cpus[i].cpu);
    }
}

static uint64_t vclock_ns(void *opaque)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

/* Storage outside the direct RAM window: through the memory API */
static int sys_mem_access(void *opaque, uint64_t abs, void *buf, uint32_t len,
                          S390Access kind)
{
    MemTxResult r = address_space_rw(&address_space_memory, abs,
                                     MEMTXATTRS_UNSPECIFIED, buf, len,
                                     kind == S390_ACC_STORE);

    return r == MEMTX_OK ? 0 : PGM_ADDRESSING;
}

static const S390MemOps sys_mem_ops = {
    .access = sys_mem_access,
};

/* Any CPU's store into pre-decoded code: every CPU forgets its code */
static void code_written_all(S390Cpu *cpu)
{
    for (unsigned i = 0; i < cpus.n; i++) {
        s390_icache_flush(&cpus.cpus[i].cpu);
    }
}

/* A write through the memory API (css, DMA, the loader) into RAM */
static void ram_written(void *opaque, hwaddr offset, hwaddr len)
{
    if (cpus.n) {
        s390_icache_notify_write(&cpus.cpus[0].cpu, offset, len);
    }
}

static bool waiting(const S390MachCpu *c)
{
    return c->cpu.psw_mask & PSW_MASK_WAIT;
}

static bool disabled_wait(const S390MachCpu *c)
{
    return s390_psw_wait_state(&c->cpu) == S390_RUN_DISABLED_WAIT;
}

unsigned s390_cpus_running(void)
{
    unsigned n = 0;

    for (unsigned i = 0; i < cpus.n; i++) {
        n += cpus.cpus[i].run == S390_CPU_OPERATING &&
             !disabled_wait(&cpus.cpus[i]);
    }
    return n;
}

static void clear_pending(S390MachCpu *c)
{
    memset(c->emergency, 0, cpus.max);
    c->ext_call = false;
    c->restart = false;
}

void s390_cpus_reset_one(S390MachCpu *c, bool initial)
{
    S390Cpu *cpu = &c->cpu;

    c->run = S390_CPU_STOPPED;
    c->cpu.pgm_exit = 0;
    clear_pending(c);
    if (initial) {
        s390_cpu_initial_reset(cpu);
        cpu->tod_offset = cpus.tod_offset;
    } else {
        /* CPU reset: registers and PSW stay, pending conditions go */
        s390_icache_flush(cpu);
    }
}

void s390_cpus_reset(void)
{
    for (unsigned i = 0; i < cpus.n; i++) {
        s390_cpus_reset_one(&cpus.cpus[i], true);
    }
}

void s390_cpus_ipl(uint64_t addr)
{
    S390MachCpu *c = s390_cpus_get(0);

    if (!c) {
        return;
    }
    s390_psw_set(&c->cpu, PSW_MASK_EA | PSW_MASK_BA, addr);
    c->run = S390_CPU_OPERATING;
}

void s390_cpus_stop(S390MachCpu *c, bool store)
{
    if (store) {
        s390_cpus_store_status(c, 0x1200);
    }
    if (c->run == S390_CPU_OPERATING) {
        c->run = S390_CPU_STOPPED;
        if (!s390_cpus_running()) {
            qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
            cpu_loop_exit_slice();
        }
    }
}

static void report_panic(S390MachCpu *c, const char *reason)
{
    JsonObject *info = json_object_new();

    json_object_set_int_member(info, "core", c->cpu.cpu_addr);
    json_object_set_int_member(info, "psw-addr", c->cpu.psw_addr);
    json_object_set_string_member(info, "reason", reason);
    json_object_set_int_member(info, "psw-mask", s390_psw_get_mask(&c->cpu));
    json_object_set_string_member(info, "type", "s390");
    qemu_system_guest_panicked(info);
    cpu_loop_exit_slice();
}

/* A CPU entered a disabled wait: the last running one ends the guest */
static void disabled_wait_entered(S390MachCpu *c)
{
    if (s390_cpus_running()) {
        return;
    }
    if ((c->cpu.psw_addr & 0xfff) == 0xfff) {
        /* the special "quiesce" wait: an orderly shutdown */
        qemu_system_shutdown_request(SHUTDOWN_CAUSE_GUEST_SHUTDOWN);
        cpu_loop_exit_slice();
        return;
    }
    report_panic(c, "disabled-wait");
}

/* Pending conditions of the configuration, and the CPU's own, by priority */
static bool deliver_external(S390MachCpu *c)
{
    S390Cpu *cpu = &c->cpu;
    uint32_t param;

    if (!(cpu->psw_mask & PSW_MASK_EXT)) {
        return false;
    }
    if (s390_ext_enabled(cpu, EXT_EMERGENCY)) {
        for (unsigned i = 0; i < cpus.n; i++) {
            if (c->emergency[i]) {
                c->emergency[i] = 0;
                return s390_intr_external(cpu, EXT_EMERGENCY, i, 0);
            }
        }
    }
    if (c->ext_call && s390_ext_enabled(cpu, EXT_EXTERNAL_CALL)) {
        c->ext_call = false;
        return s390_intr_external(cpu, EXT_EXTERNAL_CALL, c->ext_call_src, 0);
    }
    if (s390_ckc_pending(cpu) &&
        s390_intr_external(cpu, EXT_CLOCK_COMP, 0, 0)) {
        return true;
    }
    if (s390_cpu_timer_pending(cpu) &&
        s390_intr_external(cpu, EXT_CPU_TIMER, 0, 0)) {
        return true;
    }
    if (s390_ext_enabled(cpu, EXT_SERVICE_SIGNAL) &&
        sclp_take_service_signal(&param)) {
        return s390_intr_external(cpu, EXT_SERVICE_SIGNAL, 0, param);
    }
    return false;
}

/* Take one pending, enabled interruption: true if one was taken */
static bool deliver_one(S390MachCpu *c)
{
    S390Cpu *cpu = &c->cpu;

    if (s390_intr_mchk_crw(cpu) || deliver_external(c) || s390_intr_io(cpu)) {
        return true;
    }
    if (c->restart) {
        c->restart = false;
        s390_intr_restart(cpu);
        return true;
    }
    return false;
}

/* Can @c execute now (after taking what is pending)? */
static bool can_run(S390MachCpu *c)
{
    if (c->run != S390_CPU_OPERATING) {
        return false;
    }
    if (deliver_one(c)) {
        if (c->cpu.pgm_exit == S390_RUN_PSW_LOOP) {
            c->run = S390_CPU_CHECK_STOP;
            report_panic(c, "pgmint-loop");
            return false;
        }
        if (disabled_wait(c)) {
            /* the new PSW of the interruption was a disabled wait */
            disabled_wait_entered(c);
            return false;
        }
    }
    return !waiting(c);
}

static uint64_t tod_to_ns(uint64_t tod)
{
    return (tod / 512) * 125 + (tod % 512) * 125 / 512;
}

/* How long until a timer condition may wake waiting CPU @c (-1: none) */
static int64_t wake_ns(S390MachCpu *c)
{
    S390Cpu *cpu = &c->cpu;
    uint64_t now = s390_tod_now(cpu);
    int64_t best = -1;

    if (s390_ext_enabled(cpu, EXT_CLOCK_COMP)) {
        best = cpu->ckc >= now ? tod_to_ns(cpu->ckc - now) + 1000 : 0;
    }
    if (s390_ext_enabled(cpu, EXT_CPU_TIMER)) {
        int64_t t = s390_cpu_timer_value(cpu);
        int64_t ns = t < 0 ? 0 : (int64_t)tod_to_ns(t) + 1000;

        best = best < 0 ? ns : MIN(best, ns);
    }
    return best < 0 ? -1 : MIN(best, MAX_SLEEP_NS);
}

static bool cpus_poll(void *opaque, int64_t *timeout_ns)
{
    int64_t best = -1;

    for (unsigned i = 0; i < cpus.n; i++) {
        S390MachCpu *c = &cpus.cpus[i];
        int64_t t;

        if (can_run(c)) {
            return true;
        }
        if (c->run != S390_CPU_OPERATING || !waiting(c) || disabled_wait(c)) {
            continue;
        }
        t = wake_ns(c);
        if (t >= 0 && (best < 0 || t < best)) {
            best = t;
        }
    }
    *timeout_ns = best;
    return false;
}

/* Run @c for one stretch and act on how it ended */
static void run_stretch(S390MachCpu *c, uint64_t n)
{
    S390RunExit ex = s390_cpu_run(&c->cpu, n);

    /* SCK (which ends a stretch) set the one TOD clock of the system */
    if (c->cpu.tod_offset != cpus.tod_offset) {
        cpus.tod_offset = c->cpu.tod_offset;
        for (unsigned i = 0; i < cpus.n; i++) {
            cpus.cpus[i].cpu.tod_offset = cpus.tod_offset;
        }
    }
    switch (ex) {
    case S390_RUN_DISABLED_WAIT:
        disabled_wait_entered(c);
        break;
    case S390_RUN_PSW_LOOP:
        c->run = S390_CPU_CHECK_STOP;
        report_panic(c, "pgmint-loop");
        break;
    default:
        break;
    }
}

static void cpus_run(void *opaque)
{
    int64_t end = qemu_clock_get_ns(QEMU_CLOCK_REALTIME) + SLICE_NS;
    uint64_t chunk = cpus.n > 1 ? CHUNK_MANY : CHUNK_ONE;

    do {
        bool any = false;

        for (unsigned k = 0; k < cpus.n; k++) {
            S390MachCpu *c = &cpus.cpus[cpus.next];

            cpus.next = (cpus.next + 1) % cpus.n;
            if (!can_run(c)) {
                continue;
            }
            any = true;
            run_stretch(c, chunk);
            if (cpu_loop_slice_ended() || !runstate_is_running()) {
                return;
            }
        }
        if (!any) {
            return;
        }
    } while (qemu_clock_get_ns(QEMU_CLOCK_REALTIME) < end);
}

/* The machine's NMI (-watchdog-action inject-nmi): restart CPU 0 */
static void cpus_nmi(void)
{
    S390MachCpu *c = s390_cpus_get(0);

    if (c && c->run != S390_CPU_CHECK_STOP) {
        c->restart = true;
        c->run = S390_CPU_OPERATING;
        g_main_context_wakeup(NULL);
    }
}

static const CpuLoopOps cpus_loop_ops = {
    .poll = cpus_poll,
    .run = cpus_run,
};

/* CPU @i over guest RAM, stopped after an initial reset */
static void cpu_slot_init(unsigned i)
{
    S390MachCpu *c = &cpus.cpus[i];
    S390Cpu *cpu = &c->cpu;

    s390_cpu_init(cpu, &sys_mem_ops, NULL, memory_region_get_ram_ptr(cpus.ram),
                  cpus.ram->size);
    g_free(cpu->code_pages);
    cpu->code_pages = cpus.code_pages;
    cpu->code_written = code_written_all;
    cpu->pgm_hook = s390_intr_pgm_lowcore;
    cpu->clock = vclock_ns;
    cpu->cpu_addr = i;
    /* version 0, CPU number, machine type 2827, format 1 */
    cpu->cpuid = ((uint64_t)(i & 0xff) << 48) | (UINT64_C(0x2827) << 16) |
                 0x8000;
    cpu->sigp = s390_sigp_order;
    cpu->sys_opaque = c;
    cpu->tlb_purge_all = tlb_purge_every;
    c->emergency = g_malloc0(cpus.max);
    s390_cpus_reset_one(c, true);
}

bool s390_cpus_plug(unsigned addr, Error **errp)
{
    if (!cpus.cpus) {
        error_setg(errp, "CPU hot-plug needs the interpreter's CPUs "
                         "(-accel tcg)");
        return false;
    }
    if (addr != cpus.n) {
        error_setg(errp,
                   "Unable to add CPU with core-id: %u, this program adds "
                   "CPUs in core-id order: the next is %u",
                   addr, cpus.n);
        return false;
    }
    cpu_slot_init(addr);
    cpus.n++;
    return true;
}

bool s390_cpus_create(unsigned n, unsigned max, MemoryRegion *ram, Error **errp)
{
    uint8_t *base = memory_region_get_ram_ptr(ram);
    uint64_t size = ram->size;
    uint64_t us = g_get_real_time();

    if (!base || !n) {
        error_setg(errp, "the CPUs need guest RAM");
        return false;
    }
    cpus.n = n;
    cpus.max = MAX(n, max);
    cpus.ram = ram;
    /* room for every possible CPU: a hot-plugged one takes the next */
    cpus.cpus = g_new0(S390MachCpu, cpus.max);
    cpus.code_pages = g_malloc0((size >> S390_PAGE_SHIFT) + 1);
    /* the TOD clock starts at the host's time of day */
    cpus.tod_offset = TOD_UNIX_EPOCH + us * 4096 -
                      (vclock_ns(NULL) / 125) * 512;
    for (unsigned i = 0; i < n; i++) {
        cpu_slot_init(i);
    }
    memory_region_set_write_notify(ram, ram_written, NULL);
    cpu_loop_register(&cpus_loop_ops, NULL);
    watchdog_set_nmi_handler(cpus_nmi);
    return true;
}
