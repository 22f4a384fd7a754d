/*
 * The run loop of the interpreting accelerator: a GLib source of the
 * default main context that is ready while a CPU can run. It has the
 * default priority of the other sources (QMP, chardevs, timers): GLib
 * dispatches every ready source of the highest ready priority in one
 * iteration, so each of them is served between two slices. (Below that
 * priority, a source that stays ready, such as a socket with output
 * pending, would keep the CPUs from ever running.)
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "sysemu/cpu-loop.h"
#include "sysemu/runstate.h"

typedef struct CpuLoopSource {
    GSource source;
    const CpuLoopOps *ops;
    void *opaque;
} CpuLoopSource;

static CpuLoopSource *cpu_loop;
static bool slice_ended;

static bool cpu_loop_ready(CpuLoopSource *s, gint *timeout)
{
    int64_t ns = -1;

    if (!runstate_is_running()) {
        *timeout = -1;
        return false;
    }
    if (s->ops->poll(s->opaque, &ns)) {
        *timeout = 0;
        return true;
    }
    /* round up: never wake just before the event */
    *timeout = ns < 0 ? -1
                      : (gint)MIN((ns + SCALE_MS - 1) / SCALE_MS, G_MAXINT);
    return false;
}

static gboolean cpu_loop_prepare(GSource *source, gint *timeout)
{
    return cpu_loop_ready((CpuLoopSource *)source, timeout);
}

static gboolean cpu_loop_check(GSource *source)
{
    gint timeout;

    return cpu_loop_ready((CpuLoopSource *)source, &timeout);
}

static gboolean cpu_loop_dispatch(GSource *source, GSourceFunc cb,
                                  gpointer data)
{
    CpuLoopSource *s = (CpuLoopSource *)source;

    slice_ended = false;
    if (runstate_is_running()) {
        s->ops->run(s->opaque);
    }
    return G_SOURCE_CONTINUE;
}

static GSourceFuncs cpu_loop_funcs = {
    .prepare = cpu_loop_prepare,
    .check = cpu_loop_check,
    .dispatch = cpu_loop_dispatch,
};

void cpu_loop_register(const CpuLoopOps *ops, void *opaque)
{
    if (cpu_loop) {
        return;
    }
    cpu_loop = (CpuLoopSource *)g_source_new(&cpu_loop_funcs,
                                             sizeof(CpuLoopSource));
    cpu_loop->ops = ops;
    cpu_loop->opaque = opaque;
    g_source_set_name(&cpu_loop->source, "cpu-loop");
    g_source_set_priority(&cpu_loop->source, G_PRIORITY_DEFAULT);
    g_source_attach(&cpu_loop->source, NULL);
}

void cpu_loop_exit_slice(void)
{
    slice_ended = true;
}

bool cpu_loop_slice_ended(void)
{
    return slice_ended;
}
