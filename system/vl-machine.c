/*
 * Start-up of the accelerator, the machine, -object and the qtest server.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qemu/keyval.h"
#include "qom/object.h"
#include "qom/object_interfaces.h"
#include "hw/boards.h"
#include "sysemu/qtest.h"
#include "sysemu/vl.h"
#include "target/s390x/facilities.h"

#include <fcntl.h>

/*
 * The accelerators this program has. "tcg" runs guest code in the s390x
 * interpreter (target/s390x, docs/system/s390x/cpu.rst); "qtest" runs
 * none, the qtest client plays the CPU. "kvm" is known so that it fails
 * as QEMU's does on a host without /dev/kvm.
 */
static const char *const accel_names[] = { "qtest", "tcg", "kvm", NULL };
static const char *accel_chosen;

const char *vl_accel_name(void)
{
    return accel_chosen;
}

static void accel_add_list(VlConfig *cfg, const char *list)
{
    g_auto(GStrv) names = g_strsplit(list, ":", 0);

    for (int i = 0; names[i]; i++) {
        VlAccel acc = { .name = g_strdup(names[i]) };

        g_array_append_val(cfg->accels, acc);
    }
}

/* KVM needs an s390x host: report the missing device node as QEMU does. */
static bool kvm_try_init(Error **errp)
{
    int fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    int err = errno;

    if (fd < 0) {
        /* QEMU prints this line bare: no program name, no option */
        error_printf("Could not access KVM kernel module: %s\n", strerror(err));
        error_setg_errno(errp, err, "failed to initialize kvm");
        return false;
    }
    close(fd);
    error_setg_errno(errp, EOPNOTSUPP, "failed to initialize kvm");
    return false;
}

/* false with the reason reported when @name cannot be used */
static bool accel_try(VlConfig *cfg, const VlAccel *acc)
{
    Error *err = NULL;
    Location loc;
    bool ok = true;

    loc_push_none(&loc);
    if (acc->opt) {
        vl_opt_set_location(cfg, acc->opt);
    }
    if (!g_strv_contains(accel_names, acc->name)) {
        error_report("invalid accelerator %s", acc->name);
        ok = false;
    } else if (!strcmp(acc->name, "kvm") && !kvm_try_init(&err)) {
        error_report_err(err);
        ok = false;
    }
    loc_pop(&loc);
    return ok;
}

void vl_configure_accelerator(VlConfig *cfg)
{
    const char *legacy = NULL;
    bool failed = false;

    if (cfg->machine_opts) {
        legacy = keyval_get_str(cfg->machine_opts, "accel");
    }
    if (legacy) {
        if (cfg->accels->len) {
            error_report(
                "The -accel and \"-machine accel=\" options are incompatible");
            exit(1);
        }
        accel_add_list(cfg, legacy);
        json_object_remove_member(cfg->machine_opts, "accel");
    }
    if (!cfg->accels->len) {
        /* like QEMU: -qtest implies the qtest accelerator */
        accel_add_list(cfg, cfg->qtest_chrdev ? "qtest" : "tcg");
    }
    /* like QEMU: each one that fails is reported and the next one tried */
    for (guint i = 0; i < cfg->accels->len; i++) {
        const VlAccel *acc = &g_array_index(cfg->accels, VlAccel, i);

        if (!accel_try(cfg, acc)) {
            failed = true;
            continue;
        }
        accel_chosen = acc->name;
        if (!strcmp(acc->name, "qtest")) {
            qtest_enable();
        }
        if (failed && !cfg->qtest_chrdev) {
            error_report("falling back to %s", acc->name);
        }
        return;
    }
    error_printf("This program has the accelerators qtest and tcg\n");
    exit(1);
}

static bool set_machine_props(Object *obj, JsonObject *opts, Error **errp)
{
    g_autoptr(GList) members = json_object_get_members(opts);

    for (GList *m = members; m; m = m->next) {
        const char *key = m->data;

        if (!strcmp(key, "type")) {
            continue;
        }
        if (!object_property_set_keyval(obj, key,
                                        json_object_get_member(opts, key),
                                        errp)) {
            return false;
        }
    }
    return true;
}

MachineState *vl_machine_create(VlConfig *cfg, Error **errp)
{
    const char *type = NULL;
    MachineClass *mc;
    MachineState *ms;

    if (cfg->machine_opts) {
        type = keyval_get_str(cfg->machine_opts, "type");
    }
    mc = type ? find_machine(type) : find_default_machine();
    if (!mc) {
        error_setg(errp, "unsupported machine type");
        error_append_hint(errp,
                          "Use -machine help to list supported machines\n");
        return NULL;
    }
    ms = machine_new(mc, errp);
    if (!ms) {
        return NULL;
    }

    if (cfg->machine_opts &&
        !set_machine_props(OBJECT(ms), cfg->machine_opts, errp)) {
        return NULL;
    }
    if (cfg->ram_size) {
        ms->ram_size = cfg->ram_size;
        ms->ram_size_given = true;
    }
    if (cfg->smp_cpus) {
        if (cfg->smp_max_cpus > mc->max_cpus) {
            error_setg(
                errp,
                "Invalid SMP CPUs %u. The max CPUs supported by machine '%s' is %d",
                cfg->smp_max_cpus, mc->name, mc->max_cpus);
            return NULL;
        }
        ms->smp_cpus = cfg->smp_cpus;
        ms->smp_max_cpus = MAX(cfg->smp_max_cpus, cfg->smp_cpus);
    }
    /* as QEMU: -append and -initrd only with -kernel */
    if (!cfg->kernel && cfg->append && *cfg->append) {
        error_setg(errp, "-append only allowed with -kernel option");
        return NULL;
    }
    if (!cfg->kernel && cfg->initrd) {
        error_setg(errp, "-initrd only allowed with -kernel option");
        return NULL;
    }
    ms->kernel_filename = g_strdup(cfg->kernel);
    ms->initrd_filename = g_strdup(cfg->initrd);
    if (cfg->append) {
        g_free(ms->kernel_cmdline);
        ms->kernel_cmdline = g_strdup(cfg->append);
    }
    g_free(ms->accel);
    ms->accel = g_strdup(vl_accel_name());
    if (cfg->cpu_model) {
        size_t len = strcspn(cfg->cpu_model, ",");

        if (!vl_cpu_model_check(cfg->cpu_model, errp) ||
            !s390_cpu_features_parse(cfg->cpu_model, true, errp)) {
            return NULL;
        }
        g_free(ms->cpu_type);
        ms->cpu_type = g_strdup_printf("%.*s-s390x-cpu", (int)len,
                                       cfg->cpu_model);
    }
    return ms;
}

/*
 * The string member @key of an -object option, NULL when absent. Any
 * other value is refused as QEMU's visitor does (in the JSON form, or a
 * dotted key that made it an object).
 */
static bool object_opt_str(JsonObject *opts, const char *key, char **val,
                           Error **errp)
{
    *val = NULL;
    if (!json_object_has_member(opts, key)) {
        return true;
    }
    if (!keyval_get_str(opts, key)) {
        error_setg(errp, "Invalid parameter type for '%s', expected: string",
                   key);
        return false;
    }
    *val = g_strdup(keyval_get_str(opts, key));
    return true;
}

bool vl_object_add(const char *arg, Error **errp)
{
    g_autoptr(JsonObject) opts = NULL;
    bool is_json = false;
    g_autofree char *type = NULL, *id = NULL;
    ObjectClass *oc;
    Object *obj;

    opts = keyval_parse_any(arg, "qom-type", NULL, &is_json, errp);
    if (!opts || !object_opt_str(opts, "qom-type", &type, errp)) {
        return false;
    }
    if (!type) {
        error_setg(errp, "Parameter 'qom-type' is missing");
        return false;
    }
    oc = object_class_by_name(type);
    if (!oc || !object_class_dynamic_cast(oc, TYPE_USER_CREATABLE) ||
        object_class_is_abstract(oc)) {
        error_setg(errp, "Parameter 'qom-type' does not accept value '%s'",
                   type);
        return false;
    }
    if (!object_opt_str(opts, "id", &id, errp)) {
        return false;
    }
    if (!id) {
        error_setg(errp, "Parameter 'id' is missing");
        return false;
    }
    json_object_remove_member(opts, "qom-type");
    json_object_remove_member(opts, "id");
    /* the new object lives under /objects/<id>, which holds its reference */
    obj = user_creatable_add_type(type, id, opts, !is_json, errp);
    return obj != NULL;
}

void vl_start_qtest(VlConfig *cfg)
{
    Error *err = NULL;

    if (!cfg->qtest_chrdev) {
        return;
    }
    if (!qtest_server_init(cfg->qtest_chrdev, cfg->qtest_log, &err)) {
        error_report_err(err);
        exit(1);
    }
}
