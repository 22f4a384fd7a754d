/*
 * Human monitor commands of the run state and of the program itself:
 * cont, stop, quit, system_reset, system_powerdown, info status,
 * info chardev, info version. Texts as QEMU's monitor prints them.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/hmp.h"
#include "monitor/monitor-internal.h"
#include "chardev/char.h"
#include "sysemu/runstate.h"

static void hmp_cont(GString *out)
{
    if (runstate_needs_reset()) {
        g_string_append(out,
                        "Error: Resetting the Virtual Machine is required\n");
        return;
    }
    vm_start();
}

static void hmp_stop(GString *out)
{
    vm_stop(RUN_STATE_PAUSED);
}

static void hmp_quit(GString *out)
{
    qemu_system_shutdown_request(SHUTDOWN_CAUSE_HOST_QMP_QUIT);
}

static void hmp_system_reset(GString *out)
{
    qemu_system_reset_request(SHUTDOWN_CAUSE_HOST_QMP_SYSTEM_RESET);
}

static void hmp_system_powerdown(GString *out)
{
    qemu_system_powerdown_request();
}

/* "running", "paused", or "paused (STATE)" when not just paused */
static void hmp_info_status(GString *out)
{
    RunState st = runstate_get();
    bool running = runstate_is_running();

    g_string_append_printf(out, "VM status: %s",
                           running ? "running" : "paused");
    if (!running && st != RUN_STATE_PAUSED) {
        g_string_append_printf(out, " (%s)", runstate_name(st));
    }
    g_string_append_c(out, '\n');
}

static void hmp_info_chardev(GString *out)
{
    const GPtrArray *all = qemu_chr_all();

    for (guint i = 0; all && i < all->len; i++) {
        Chardev *chr = all->pdata[i];
        g_autofree char *name = qemu_chr_info_filename(chr);

        g_string_append_printf(out, "%s: filename=%s\n", qemu_chr_get_id(chr),
                               name);
    }
}

static void hmp_info_version(GString *out)
{
    g_string_append_printf(out, "%s%s\n", QEMU_COMPAT_VERSION,
                           qmp_package_string());
}

static void hmp_state_cmds_register(void)
{
    hmp_register_cmd("cont|c", "", "resume emulation", hmp_cont);
    hmp_register_cmd("stop|s", "", "stop emulation", hmp_stop);
    hmp_register_cmd("quit|q", "", "quit the emulator", hmp_quit);
    hmp_register_cmd("system_reset", "", "reset the system", hmp_system_reset);
    hmp_register_cmd("system_powerdown", "", "send system power down event",
                     hmp_system_powerdown);
    hmp_register_info("status", "show the current VM status (running|paused)",
                      hmp_info_status);
    hmp_register_info("chardev", "show the character devices",
                      hmp_info_chardev);
    hmp_register_info("version", "show the version of QEMU", hmp_info_version);
}

module_init(hmp_state_cmds_register)
