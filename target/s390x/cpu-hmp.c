/*
 * HMP "info registers [-a|vcpu]": the interpreter CPUs' PSW, general,
 * floating-point and control registers, in the layout QEMU 7.2 prints
 * for an s390x CPU without the vector facility. With no argument it is
 * CPU 0 (there is no "cpu" command to choose another).
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/hmp.h"
#include "target/s390x/cpus.h"

static void regs_line4(GString *out, char tag, const uint64_t *v)
{
    for (unsigned i = 0; i < 16; i++) {
        g_string_append_printf(out, "%c%02u=%016" PRIx64 "%c", tag, i, v[i],
                               i % 4 == 3 ? '\n' : ' ');
    }
}

static void dump_cpu(GString *out, unsigned idx)
{
    S390Cpu *cpu = &s390_cpus_get(idx)->cpu;

    g_string_append_printf(out, "\nCPU#%u\n", idx);
    g_string_append_printf(out,
                           "PSW=mask %016" PRIx64 " addr %016" PRIx64
                           " cc %02x\n",
                           cpu->psw_mask | (uint64_t)cpu->cc << PSW_CC_SHIFT,
                           cpu->psw_addr, cpu->cc);
    regs_line4(out, 'R', cpu->env.regs);
    regs_line4(out, 'F', cpu->fprs);
    regs_line4(out, 'C', cpu->env.cregs);
    g_string_append_c(out, '\n');
}

static void hmp_info_registers(GString *out, const char *name, const char *args)
{
    unsigned n = s390_cpus_count();
    char *end;
    unsigned long idx;

    if (!strcmp(args, "-a")) {
        for (unsigned i = 0; i < n; i++) {
            dump_cpu(out, i);
        }
        return;
    }
    if (args[0] == '-') {
        g_string_append_printf(out,
                               "%s: unsupported option %.*s\n"
                               "Try \"help info %s\" for more information\n",
                               name, (int)strcspn(args, " \t"), args, name);
        return;
    }
    if (!args[0]) {
        if (!n) {
            g_string_append(out, "No CPU available\n");
            return;
        }
        dump_cpu(out, 0);
        return;
    }
    idx = strtoul(args, &end, 0);
    if (end == args || *end) {
        const char *bad = end == args ? args : end;

        g_string_append_printf(out,
                               "invalid char '%c' in expression\n"
                               "Try \"help info %s\" for more information\n",
                               *bad, name);
        return;
    }
    if (idx >= n) {
        g_string_append_printf(out, "CPU#%lu not available\n", idx);
        return;
    }
    dump_cpu(out, idx);
}

static void s390_cpu_hmp_register(void)
{
    hmp_register_info_args(
        "registers", "[-a|vcpu]",
        "show the cpu registers (-a: show register info for all cpus; "
        "vcpu: specific vCPU to query; show the current CPU's registers if "
        "no argument is specified)",
        hmp_info_registers);
}

module_init(s390_cpu_hmp_register)
