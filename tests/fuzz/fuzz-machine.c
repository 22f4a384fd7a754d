/*
 * Start-up of the fuzz targets' machine (see fuzz-machine.h). The steps
 * and their order are main()'s in system/vl.c, without the command line.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "qemu/timer.h"
#include "qom/object.h"
#include "hw/boards.h"
#include "hw/qdev-core.h"
#include "hw/qdev-properties.h"
#include "monitor/qdev.h"
#include "sysemu/runstate.h"
#include "sysemu/qtest.h"
#include "sysemu/vl.h"
#include "exec/memory.h"
#include "fuzz-machine.h"

static void fuzz_die(const char *what, Error *err)
{
    error_prepend(&err, "fuzz: cannot start the machine: %s: ", what);
    error_report_err(err);
    abort();
}

static void fuzz_reset_machine(void *opaque)
{
    machine_reset(opaque);
}

static void fuzz_ticks(void *opaque, bool running, RunState state)
{
    if (running) {
        cpu_enable_ticks();
    } else {
        cpu_disable_ticks();
    }
}

static void fuzz_add_device(const char *arg)
{
    g_autoptr(JsonObject) opts = NULL;
    Error *err = NULL;
    bool is_json = false;
    DeviceState *dev;

    opts = qemu_opts_parse_any(arg, "driver", NULL, &is_json, &err);
    dev = opts ? qdev_device_add_from_qdict(opts, is_json, &err) : NULL;
    if (!dev) {
        fuzz_die(arg, err);
    }
    object_unref(OBJECT(dev));
}

void fuzz_machine_start(const char *const *objects, const char *const *devices)
{
    MachineState *ms;
    Error *err = NULL;

    qtest_enable();
    object_get_objects_root();
    memory_system_init();
    qemu_timers_init();
    ms = machine_new(find_default_machine(), &err);
    if (!ms) {
        fuzz_die("machine", err);
    }
    for (int i = 0; objects && objects[i]; i++) {
        if (!vl_object_add(objects[i], &err)) {
            fuzz_die(objects[i], err);
        }
    }
    qemu_register_reset(fuzz_reset_machine, ms);
    if (!machine_run_init(ms, &err)) {
        fuzz_die("init", err);
    }
    for (int i = 0; devices && devices[i]; i++) {
        fuzz_add_device(devices[i]);
    }
    qdev_machine_creation_done();
    qemu_add_vm_change_state_handler(fuzz_ticks, NULL);
    vm_start();
}

void fuzz_main_loop_settle(void)
{
    int status;

    for (int i = 0; i < 64 && g_main_context_iteration(NULL, FALSE); i++) {
        continue;
    }
    main_loop_should_exit(&status);
}
