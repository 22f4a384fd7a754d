/*
 * The qtest s390x extension: the test plays CPU 0 and executes I/O
 * instructions, sets the I/O-interruption subclass mask, takes I/O
 * interruptions and reads the machine-check (channel report) pending
 * indication. Syntax and replies: docs/devel/qtest-s390x.rst.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "qemu/bswap.h"
#include "hw/s390x/sclp.h"
#include "target/s390x/lowcore.h"
#include "sysemu/qtest.h"
#include "qemu/log.h"
#include "target/s390x/cpu.h"
#include "target/s390x/pci-insn.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-sclp.h"
#include "hw/s390x/virtio-ccw.h"

static void qtest_s390_reply(Chardev *chr, gchar **words, int r)
{
    trace_point("s390_inst", "%s %s %s -> %d", words[0], words[1],
                words[2] ? words[2] : "", r);
    if (r < 0) {
        qtest_sendf(chr, "OK pgm 0x%04x\n", -r);
    } else {
        qtest_sendf(chr, "OK cc %d\n", r);
    }
}

/* Parse the @n numeric arguments after the command into @v. */
static bool qtest_s390_args(Chardev *chr, gchar **words, int n, uint64_t *v)
{
    for (int i = 0; i < n; i++) {
        if (!qtest_arg_u64(chr, words, i + 1, &v[i])) {
            return false;
        }
    }
    return true;
}

typedef int S390RegAddrFn(CPUS390XState *env, uint64_t a, uint64_t b);
typedef int S390RegFn(CPUS390XState *env, uint64_t a);

static const struct {
    const char *name;
    S390RegAddrFn *fn;
} s390_two_arg_cmds[] = {
    { "s390_stsch", ioinst_stsch }, { "s390_msch", ioinst_msch },
    { "s390_ssch", ioinst_ssch },   { "s390_tsch", ioinst_tsch },
    { "s390_schm", ioinst_schm },
};

static const struct {
    const char *name;
    S390RegFn *fn;
} s390_one_arg_cmds[] = {
    { "s390_hsch", ioinst_hsch }, { "s390_csch", ioinst_csch },
    { "s390_rsch", ioinst_rsch }, { "s390_xsch", ioinst_xsch },
    { "s390_tpi", ioinst_tpi },   { "s390_stcrw", ioinst_stcrw },
    { "s390_chsc", ioinst_chsc }, { "s390_clp", clp_insn },
};

static void qtest_s390_two(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[2];

    if (!qtest_s390_args(chr, words, 2, v)) {
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(s390_two_arg_cmds); i++) {
        if (!strcmp(words[0], s390_two_arg_cmds[i].name)) {
            env->regs[1] = v[0];
            qtest_s390_reply(chr, words,
                             s390_two_arg_cmds[i].fn(env, v[0], v[1]));
            return;
        }
    }
}

static void qtest_s390_one(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v;

    if (!qtest_s390_args(chr, words, 1, &v)) {
        return;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(s390_one_arg_cmds); i++) {
        if (!strcmp(words[0], s390_one_arg_cmds[i].name)) {
            qtest_s390_reply(chr, words, s390_one_arg_cmds[i].fn(env, v));
            return;
        }
    }
}

/* s390_cr6 [VALUE]: set (when given) and show control register 6 */
static void qtest_s390_cr6(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v;

    if (words[1]) {
        if (!qtest_arg_u64(chr, words, 1, &v)) {
            return;
        }
        env->cregs[6] = v;
    }
    qtest_sendf(chr, "OK 0x%016" PRIx64 "\n", env->cregs[6]);
}

/* s390_io_intr: take the pending I/O interruption CR6 enables, if any */
static void qtest_s390_io_intr(Chardev *chr, gchar **words)
{
    S390IoIntr intr;

    if (!s390_io_intr_take(s390_cpu_env(0), &intr)) {
        qtest_sendf(chr, "OK none\n");
        return;
    }
    qtest_sendf(chr, "OK 0x%08x 0x%08x %u%s\n", intr.sid, intr.intparm,
                intr.isc, intr.iid & 0x80000000u ? " adapter" : "");
}

/* s390_crw_pending: the machine-check pending indication for CRWs */
static void qtest_s390_crw_pending(Chardev *chr, gchar **words)
{
    qtest_sendf(chr, "OK %d\n", s390_crw_mchk_pending(s390_cpu_env(0)));
}

/* ---- SCLP ---- */

/* s390_servc CMD SCCB: SERVICE CALL, command word in R1, SCCB in R2 */
static void qtest_s390_servc(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[2];

    if (qtest_s390_args(chr, words, 2, v)) {
        qtest_s390_reply(chr, words,
                         sclp_service_call_cpu(v[0], v[1], env->psa));
    }
}

/*
 * s390_ext_intr: take the pending service-signal external interruption,
 * storing parameter and code in the lowcore like hardware.
 */
static void qtest_s390_ext_intr(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint8_t lc[8];
    uint32_t param;

    if (!sclp_take_service_signal(&param)) {
        qtest_sendf(chr, "OK none\n");
        return;
    }
    stl_be_p(lc, param);                  /* 0x80: parameter */
    stw_be_p(lc + 4, 0);                  /* 0x84: CPU address */
    stw_be_p(lc + 6, EXT_SERVICE_SIGNAL); /* 0x86: interruption code */
    ioinst_store(env->psa + LC_EXT_PARAM, lc, sizeof(lc));
    qtest_sendf(chr, "OK 0x%04x 0x%08x\n", EXT_SERVICE_SIGNAL, param);
}

static void qtest_s390_register_sclp(void)
{
    qtest_register_command("s390_servc", qtest_s390_servc);
    qtest_register_command("s390_ext_intr", qtest_s390_ext_intr);
}

type_init(qtest_s390_register_sclp)

/*
 * The PCI load/store instructions with fixed registers: data in 1,
 * request in 2 (PCISTB: in 1), offset in 3.  The reply adds the
 * registers the instruction changes (the status is in the request).
 */
static void qtest_s390_pci_reply(Chardev *chr, int r, const char *regs,
                                 CPUS390XState *env)
{
    if (r < 0) {
        qtest_sendf(chr, "OK pgm 0x%04x\n", -r);
    } else if (regs[0] == 'd') {
        qtest_sendf(chr, "OK cc %d 0x%016" PRIx64 " 0x%016" PRIx64 "\n", r,
                    env->regs[1], env->regs[2]);
    } else {
        qtest_sendf(chr, "OK cc %d 0x%016" PRIx64 "\n", r,
                    env->regs[regs[0] - '0']);
    }
}

/* s390_pcilg REQ OFFSET */
static void qtest_s390_pcilg(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[2];

    if (qtest_s390_args(chr, words, 2, v)) {
        env->regs[2] = v[0];
        env->regs[3] = v[1];
        qtest_s390_pci_reply(chr, pci_insn_pcilg(env, 1, 2), "d", env);
    }
}

/* s390_pcistg DATA REQ OFFSET */
static void qtest_s390_pcistg(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[3];

    if (qtest_s390_args(chr, words, 3, v)) {
        env->regs[1] = v[0];
        env->regs[2] = v[1];
        env->regs[3] = v[2];
        qtest_s390_pci_reply(chr, pci_insn_pcistg(env, 1, 2), "2", env);
    }
}

/* s390_pcistb REQ OFFSET ADDR */
static void qtest_s390_pcistb(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[3];

    if (qtest_s390_args(chr, words, 3, v)) {
        env->regs[1] = v[0];
        env->regs[3] = v[1];
        qtest_s390_pci_reply(chr, pci_insn_pcistb(env, 1, 3, v[2]), "1", env);
    }
}

/* s390_mpcifc REQ FIB / s390_stpcifc REQ FIB: request in register 1 */
static void qtest_s390_fc(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    bool store = !strcmp(words[0], "s390_stpcifc");
    uint64_t v[2];

    if (qtest_s390_args(chr, words, 2, v)) {
        env->regs[1] = v[0];
        qtest_s390_pci_reply(chr,
                             store ? pci_insn_stpcifc(env, 1, v[1])
                                   : pci_insn_mpcifc(env, 1, v[1]),
                             "1", env);
    }
}

/* s390_rpcit REQ ADDR LEN: request in register 1, the range in 2 and 3 */
static void qtest_s390_rpcit(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[3];

    if (qtest_s390_args(chr, words, 3, v)) {
        env->regs[1] = v[0];
        env->regs[2] = v[1];
        env->regs[3] = v[2];
        qtest_s390_pci_reply(chr, pci_insn_rpcit(env, 1, 2), "1", env);
    }
}

/* s390_zpci_error FH: put the function in the error state (test aid) */
static void qtest_s390_zpci_error(Chardev *chr, gchar **words)
{
    S390PciHost *h = s390_pci_host_get();
    ZpciDevice *z;
    uint64_t fh;

    if (!qtest_s390_args(chr, words, 1, &fh)) {
        return;
    }
    z = h ? s390_pci_find_by_fh(h, fh) : NULL;
    qtest_sendf(chr, "OK %s\n", z && zpci_set_error(z) ? "error" : "none");
}

/*
 * s390_zpci_sclp FID on|off: SCLP configure / deconfigure of the PCI
 * function FID, as the SCLP command will do it: "OK 0xRRRR", the SCLP
 * response code (test aid until SERVC carries the command)
 */
static void qtest_s390_zpci_sclp(Chardev *chr, gchar **words)
{
    uint64_t fid;
    bool on;

    if (!qtest_s390_args(chr, words, 1, &fid)) {
        return;
    }
    if (fid > UINT32_MAX || !words[2] ||
        (strcmp(words[2], "on") && strcmp(words[2], "off"))) {
        qtest_sendf(chr, "ERR usage: s390_zpci_sclp FID on|off\n");
        return;
    }
    on = !strcmp(words[2], "on");
    qtest_sendf(chr, "OK 0x%04x\n",
                on ? zpci_sclp_configure(fid) : zpci_sclp_deconfigure(fid));
}

static void qtest_s390_register_zpci_sclp(void)
{
    qtest_register_command("s390_zpci_sclp", qtest_s390_zpci_sclp);
}

type_init(qtest_s390_register_zpci_sclp)

/*
 * s390_diag500 R1 R2 R3 R4: DIAGNOSE 0x500 (virtio-ccw notification is
 * function 3 in R1: R2 the subsystem id, R3 the queue, R4 the cookie);
 * replies with general register 2 afterwards.
 */
static void qtest_s390_diag500(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[4], r2;
    int r;

    if (!qtest_s390_args(chr, words, 4, v)) {
        return;
    }
    r = virtio_ccw_diag500(v[0], v[1], v[2], v[3], &r2);
    if (r < 0) {
        qtest_sendf(chr, "OK pgm 0x%04x\n", -r);
        return;
    }
    env->regs[2] = r2;
    qtest_sendf(chr, "OK 0x%016" PRIx64 "\n", r2);
}

/*
 * s390_diag288 FUNC TIMEOUT ACTION: DIAGNOSE 0x288 (the diag288
 * watchdog); replies OK 0, or OK pgm 0x0006 when refused.
 */
static void qtest_s390_diag288(Chardev *chr, gchar **words)
{
    uint64_t v[3];
    int r;

    if (!qtest_s390_args(chr, words, 3, v)) {
        return;
    }
    r = s390_diag288(v[0], v[1], v[2]);
    if (r) {
        qtest_sendf(chr, "OK pgm 0x%04x\n", r);
        return;
    }
    qtest_sendf(chr, "OK 0\n");
}

/* ---- adapter interruptions ---- */

/* s390_sic R1 R3: SET INTERRUPTION CONTROLS, mode in 1, ISC << 27 in 3 */
static void qtest_s390_sic(Chardev *chr, gchar **words)
{
    CPUS390XState *env = s390_cpu_env(0);
    uint64_t v[2];

    if (qtest_s390_args(chr, words, 2, v)) {
        env->regs[1] = v[0];
        env->regs[3] = v[1];
        qtest_s390_reply(chr, words, s390_sic(env, 1, 3));
    }
}

static void qtest_s390_register_airq(void)
{
    qtest_register_command("s390_sic", qtest_s390_sic);
}

type_init(qtest_s390_register_airq)

static void qtest_s390_register(void)
{
    qtest_register_command("s390_zpci_error", qtest_s390_zpci_error);
    qtest_register_command("s390_diag500", qtest_s390_diag500);
    qtest_register_command("s390_diag288", qtest_s390_diag288);
    qtest_register_command("s390_mpcifc", qtest_s390_fc);
    qtest_register_command("s390_stpcifc", qtest_s390_fc);
    qtest_register_command("s390_pcilg", qtest_s390_pcilg);
    qtest_register_command("s390_pcistg", qtest_s390_pcistg);
    qtest_register_command("s390_pcistb", qtest_s390_pcistb);
    qtest_register_command("s390_rpcit", qtest_s390_rpcit);
    for (size_t i = 0; i < G_N_ELEMENTS(s390_two_arg_cmds); i++) {
        qtest_register_command(s390_two_arg_cmds[i].name, qtest_s390_two);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(s390_one_arg_cmds); i++) {
        qtest_register_command(s390_one_arg_cmds[i].name, qtest_s390_one);
    }
    qtest_register_command("s390_cr6", qtest_s390_cr6);
    qtest_register_command("s390_io_intr", qtest_s390_io_intr);
    qtest_register_command("s390_crw_pending", qtest_s390_crw_pending);
}

type_init(qtest_s390_register)
