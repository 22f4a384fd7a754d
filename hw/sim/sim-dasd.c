/*
 * sim-dasd-3390: the user-creatable simulated host DASD object and its
 * asynchronous execution of channel programs.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "qemu/timer.h"
#include "hw/qdev-properties-system.h"
#include "hw/sim/sim-dasd.h"
#include "sim-dasd-props.h"
#include "dasd-ioinst.h"

/*
 * busid= in the syntax of every css device id (1-2 hex digits, 1, 4:
 * "0.0.1234"), with its range (css 0..fe, ssid 0..3).
 */
static bool sim_dasd_parse_busid(const char *s, CssDevId *id, Error **errp)
{
    Error *err = NULL;

    if (!s || css_dev_id_parse(s, id) < 0) {
        error_setg(errp,
                   "sim-dasd-3390: busid '%s' is not of the form 0.0.1234",
                   s ?: "");
        return false;
    }
    if (!css_dev_id_check_range(id, &err)) {
        error_prepend(&err, "sim-dasd-3390: busid '%s': ", s);
        error_propagate(errp, err);
        return false;
    }
    return true;
}

static bool sim_dasd_open(SimDasd *d, const CkdModel *model, Error **errp)
{
    g_autofree char *volser = NULL;
    CkdOpenOpts opts;

    if (!g_file_test(d->file, G_FILE_TEST_EXISTS)) {
        volser = d->volser ? g_strdup(d->volser)
                           : g_strdup_printf("D%04X", d->devno);
        if (d->readonly) {
            error_setg(errp, "image '%s' does not exist and readonly=on",
                       d->file);
            return false;
        }
        if (!ckd_image_create(d->file, model->cyls, volser, errp)) {
            return false;
        }
    }
    opts.readonly = d->readonly;
    opts.locking = d->locking;
    opts.cache = d->cache;
    d->img = ckd_image_open_opts(d->file, &opts, errp);
    return d->img != NULL;
}

static int sim_dasd_sync_one(Object *child, void *opaque)
{
    SimDasd *d = (SimDasd *)object_dynamic_cast(child, TYPE_SIM_DASD_3390);

    if (d && d->img) {
        ckd_image_sync(d->img, true, NULL);
    }
    return 0;
}

/* The emulator does not delete objects when it exits: close-time syncs */
static void sim_dasd_sync_at_exit(void)
{
    object_child_foreach(object_get_objects_root(), sim_dasd_sync_one, NULL);
}

static void sim_dasd_complete(UserCreatable *uc, Error **errp)
{
    static bool at_exit_registered;
    SimDasd *d = SIM_DASD(uc);
    const CkdModel *model = ckd_model_find(d->model ?: "3390-3");
    Error *err = NULL;
    CssDevId id;

    if (!sim_dasd_parse_busid(d->busid, &id, errp)) {
        return;
    }
    if (sim_dasd_find_by_busid(d->busid)) {
        error_setg(errp, "sim-dasd-3390: busid %s is already in use", d->busid);
        return;
    }
    if (sim_dasd_find_by_mdev(d->mdev)) {
        error_setg(errp, "sim-dasd-3390: mdev %s is already in use", d->mdev);
        return;
    }
    d->css = id.cssid;
    d->ssid = id.ssid;
    d->devno = id.devid;
    if (!d->cssid_set) {
        d->cssid = id.cssid;
    }
    if (d->cssid > SIM_DASD_MAX_CSSID) {
        error_setg(errp, "sim-dasd-3390: cssid %u is out of range 0..%u%s",
                   d->cssid, SIM_DASD_MAX_CSSID,
                   d->cssid_set ? "" : " (the first field of busid)");
        return;
    }
    if (!model) {
        error_setg(
            errp,
            "sim-dasd-3390: model '%s' is not one of 3390-1, 3390-3, 3390-9",
            d->model);
        return;
    }
    if (!d->file) {
        error_setg(errp, "sim-dasd-3390: parameter 'file' is missing");
        return;
    }
    if (!sim_dasd_open(d, model, &err)) {
        error_prepend(&err, "sim-dasd-3390 %s: ", d->busid);
        error_propagate(errp, err);
        return;
    }
    if (!d->model) {
        model = ckd_model_for_cyls(d->img->cyls);
    }
    dasd3390_init(&d->dev, d->img, model, d->devno);
    d->realized = true;
    if (!at_exit_registered) {
        at_exit_registered = true;
        atexit(sim_dasd_sync_at_exit);
    }
}

typedef struct SimDasdLookup {
    CssDevId id;
    const char *name; /* by mdev= */
    SimDasd *found;
} SimDasdLookup;

static int sim_dasd_match(Object *child, void *opaque)
{
    SimDasdLookup *l = opaque;
    SimDasd *d = (SimDasd *)object_dynamic_cast(child, TYPE_SIM_DASD_3390);

    if (d && d->realized && d->css == l->id.cssid && d->ssid == l->id.ssid &&
        d->devno == l->id.devid) {
        l->found = d;
        return 1;
    }
    return 0;
}

/* By value: "0.0.1234", "00.0.1234" and "0.0.12AB" name one device */
SimDasd *sim_dasd_find_by_busid(const char *busid)
{
    SimDasdLookup l = { .found = NULL };

    if (busid && css_dev_id_parse(busid, &l.id) == 0) {
        object_child_foreach(object_get_objects_root(), sim_dasd_match, &l);
    }
    return l.found;
}

static int sim_dasd_match_mdev(Object *child, void *opaque)
{
    SimDasdLookup *l = opaque;
    SimDasd *d = (SimDasd *)object_dynamic_cast(child, TYPE_SIM_DASD_3390);

    if (d && d->realized && d->mdev && !g_ascii_strcasecmp(d->mdev, l->name)) {
        l->found = d;
        return 1;
    }
    return 0;
}

SimDasd *sim_dasd_find_by_mdev(const char *uuid)
{
    SimDasdLookup l = { .name = uuid };

    if (uuid) {
        object_child_foreach(object_get_objects_root(), sim_dasd_match_mdev,
                             &l);
    }
    return l.found;
}

bool sim_dasd_busy(const SimDasd *d)
{
    return d->idle != 0 || (d->timer && timer_pending(d->timer));
}

static gboolean sim_dasd_run_idle(gpointer opaque);

/*
 * Run a slice of the program; one that is not done goes on at the next
 * main-loop iteration, so a long walk over the volume does not hold up
 * the main loop (and a halt or clear meanwhile cancels it).
 */
static void sim_dasd_run(SimDasd *d)
{
    SimDasdCompletion c = { 0 };
    SimDasdDoneFn *done = d->done;

    if (!d->exec) {
        d->exec = dasd3390_exec_new(&d->dev, d->orb, d->prog);
    }
    if (!dasd3390_exec_slice(d->exec, &c.res)) {
        d->idle = g_idle_add(sim_dasd_run_idle, d);
        return;
    }
    g_clear_pointer(&d->exec, dasd3390_exec_free);
    dasd3390_sync(&d->dev, &c.res);
    g_clear_pointer(&d->prog, g_free);
    d->done = NULL;
    done(d->opaque, &c);
}

static gboolean sim_dasd_run_idle(gpointer opaque)
{
    SimDasd *d = opaque;

    d->idle = 0;
    sim_dasd_run(d);
    return G_SOURCE_REMOVE;
}

static void sim_dasd_run_timer(void *opaque)
{
    sim_dasd_run(opaque);
}

typedef struct SimDasdBusy {
    SimDasdDoneFn *done;
    void *opaque;
} SimDasdBusy;

static gboolean sim_dasd_report_busy(gpointer opaque)
{
    SimDasdBusy *b = opaque;
    SimDasdCompletion c = { .res.dstat = SCSW_DSTAT_BUSY };

    b->done(b->opaque, &c);
    g_free(b);
    return G_SOURCE_REMOVE;
}

void sim_dasd_start(SimDasd *d, const uint8_t *orb12,
                    const uint8_t prog[CCW_PROG_SIZE], SimDasdDoneFn *done,
                    void *opaque)
{
    if (sim_dasd_busy(d)) {
        SimDasdBusy *b = g_new(SimDasdBusy, 1);

        b->done = done;
        b->opaque = opaque;
        g_idle_add(sim_dasd_report_busy, b);
        return;
    }
    memcpy(d->orb, orb12, sizeof(d->orb));
    d->prog = g_malloc(CCW_PROG_SIZE);
    memcpy(d->prog, prog, CCW_PROG_SIZE);
    d->done = done;
    d->opaque = opaque;
    if (d->latency_ns) {
        timer_mod_in_ns(d->timer, d->latency_ns);
    } else {
        d->idle = g_idle_add(sim_dasd_run_idle, d);
    }
}

static bool sim_dasd_cancel(SimDasd *d, bool report)
{
    SimDasdCompletion c = { .canceled = true };
    SimDasdDoneFn *done = d->done;

    if (!sim_dasd_busy(d)) {
        return false;
    }
    if (d->idle) {
        g_source_remove(d->idle);
        d->idle = 0;
    }
    timer_del(d->timer);
    g_clear_pointer(&d->exec, dasd3390_exec_free);
    g_clear_pointer(&d->prog, g_free);
    d->done = NULL;
    if (report) {
        done(d->opaque, &c);
    }
    return true;
}

bool sim_dasd_halt(SimDasd *d)
{
    return sim_dasd_cancel(d, true);
}

bool sim_dasd_clear(SimDasd *d)
{
    bool was = sim_dasd_cancel(d, true);

    /* a selective reset: pending sense goes, the path group stays */
    dasd3390_clear_sense(&d->dev);
    return was;
}

void sim_dasd_reset(SimDasd *d)
{
    sim_dasd_cancel(d, false);
    if (d->realized) {
        dasd3390_reset(&d->dev);
    }
}

static void sim_dasd_finalize(Object *obj)
{
    SimDasd *d = SIM_DASD(obj);

    sim_dasd_reset(d);
    timer_free(d->timer);
    d->timer = NULL;
    if (d->realized) {
        dasd3390_cleanup(&d->dev);
    }
    ckd_image_close(d->img);
    g_free(d->busid);
    g_free(d->file);
    g_free(d->model);
    g_free(d->volser);
    g_free(d->mdev);
}

/* Not while a vfio-ccw device has it open (or a program is in flight) */
static bool sim_dasd_can_be_deleted(UserCreatable *uc)
{
    SimDasd *d = SIM_DASD(uc);

    return !d->opened && !sim_dasd_busy(d);
}

static void sim_dasd_instance_init(Object *obj)
{
    SimDasd *d = SIM_DASD(obj);

    object_property_add_uint64_ptr(obj, "latency-ns", &d->latency_ns,
                                   OBJ_PROP_FLAG_READWRITE);
    d->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, sim_dasd_run_timer, d);
}

static void sim_dasd_class_init(ObjectClass *oc, void *data)
{
    UserCreatableClass *ucc = USER_CREATABLE_CLASS(oc);

    ucc->complete = sim_dasd_complete;
    ucc->can_be_deleted = sim_dasd_can_be_deleted;
    sim_dasd_class_add_props(oc);
}

static const TypeInfo sim_dasd_type = {
    .name = TYPE_SIM_DASD_3390,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(SimDasd),
    .instance_init = sim_dasd_instance_init,
    .instance_finalize = sim_dasd_finalize,
    .class_init = sim_dasd_class_init,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
};

static void sim_dasd_register_types(void)
{
    type_register_static(&sim_dasd_type);
}

type_init(sim_dasd_register_types)
