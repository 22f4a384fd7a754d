/*
 * QMP about the CPUs, in QEMU's s390x shapes:
 *
 * query-cpus-fast: per configured CPU {"cpu-index", "qom-path",
 *   "thread-id", "props": {"core-id"}, "target": "s390x", "cpu-state"},
 *   the state one of "stopped", "operating" and "check-stop" (QEMU's
 *   "uninitialized" and "load" do not occur here). Every CPU runs on the
 *   main loop's thread, so that is the thread-id of each.
 * query-hotpluggable-cpus: per possible CPU (-smp maxcpus), highest
 *   core-id first as QEMU lists them, {"type", "vcpus-count": 1,
 *   "props": {"core-id"}} and "qom-path" for the configured ones.
 *
 * Without the interpreter (-accel qtest) there are no CPUs: the first
 * is empty and the second lists every possible CPU without a qom-path.
 * The machine "none" has no CPU type: the second fails as in QEMU.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "hw/boards.h"
#include "target/s390x/cpus.h"
#include <sys/syscall.h>

static const char *const no_args[] = { NULL };

static const char *const cpu_state_names[] = {
    [S390_CPU_STOPPED] = "stopped",
    [S390_CPU_OPERATING] = "operating",
    [S390_CPU_CHECK_STOP] = "check-stop",
};

static JsonObject *core_props(unsigned i)
{
    JsonObject *props = json_object_new();

    json_object_set_int_member(props, "core-id", i);
    return props;
}

static JsonNode *take_array(JsonArray *arr)
{
    JsonNode *node = json_node_init_array(json_node_alloc(), arr);

    json_array_unref(arr);
    return node;
}

static bool qmp_query_cpus_fast(JsonObject *args, JsonNode **ret, Error **errp)
{
    JsonArray *list;
    int64_t tid = syscall(SYS_gettid);

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    list = json_array_new();
    for (unsigned i = 0; i < s390_cpus_count(); i++) {
        JsonObject *o = json_object_new();
        g_autofree char *path = s390_cpus_qom_path(i);

        json_object_set_int_member(o, "cpu-index", i);
        json_object_set_string_member(o, "qom-path", path ? path : "");
        json_object_set_int_member(o, "thread-id", tid);
        json_object_set_object_member(o, "props", core_props(i));
        json_object_set_string_member(o, "target", "s390x");
        json_object_set_string_member(o, "cpu-state",
                                      cpu_state_names[s390_cpus_get(i)->run]);
        json_array_add_object_element(list, o);
    }
    *ret = take_array(list);
    return true;
}

static bool qmp_query_hotpluggable_cpus(JsonObject *args, JsonNode **ret,
                                        Error **errp)
{
    MachineState *ms = MACHINE(qdev_get_machine());
    unsigned max = MAX(ms->smp_max_cpus, ms->smp_cpus);
    JsonArray *list;

    if (!qmp_args_check(args, no_args, errp)) {
        return false;
    }
    if (!ms->cpu_type) {
        /* a machine without CPUs (-machine none), as QEMU's answer */
        error_setg(errp,
                   "The feature 'query-hotpluggable-cpus' is not enabled");
        return false;
    }
    list = json_array_new();
    for (unsigned i = max; i-- > 0;) {
        JsonObject *o = json_object_new();
        g_autofree char *path = s390_cpus_qom_path(i);

        json_object_set_string_member(o, "type", ms->cpu_type);
        json_object_set_int_member(o, "vcpus-count", 1);
        json_object_set_object_member(o, "props", core_props(i));
        if (path) {
            json_object_set_string_member(o, "qom-path", path);
        }
        json_array_add_object_element(list, o);
    }
    *ret = take_array(list);
    return true;
}

static void s390_cpus_qmp_register(void)
{
    qmp_register_command("query-cpus-fast", qmp_query_cpus_fast, QCO_NO_FLAGS);
    qmp_register_command("query-hotpluggable-cpus", qmp_query_hotpluggable_cpus,
                         QCO_NO_FLAGS);
}

module_init(s390_cpus_qmp_register)
