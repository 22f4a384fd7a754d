/*
 * sim-dasd-3390: a simulated host 3390 DASD behind a 3990, declared with
 *   -object sim-dasd-3390,id=d0,busid=0.0.1234,cssid=0,
 *           file=/path/disk.img,model=3390-3,readonly=off[,volser=VOL001]
 *           [,latency-ns=N][,locking=auto|on|off]
 *           [,cache=writethrough|writeback|unsafe][,mdev=UUID]
 * The image is created (sparse, dasdinit-formatted) when it is absent.
 *
 * Channel programs run asynchronously: sim_dasd_start() returns at once
 * and the program executes and completes from a GLib idle source of the
 * default main context (the next main-loop iteration), so qtest needs no
 * clock_step.  With latency-ns > 0 it runs instead when that much
 * QEMU_CLOCK_VIRTUAL time has passed (qtest: clock_step), so that a
 * program stays in flight.  Single-threaded: call everything from the
 * main loop.
 */
#ifndef HW_SIM_SIM_DASD_H
#define HW_SIM_SIM_DASD_H

#include "qom/object.h"
#include "qemu/timer.h"
#include "hw/sim/dasd-3390.h"

#define TYPE_SIM_DASD_3390 "sim-dasd-3390"

/* Host css images a DASD can live in: cssid= 0..3 */
#define SIM_DASD_MAX_CSSID 3

/*
 * Completion: @res is valid during the call only.  res->canceled is set
 * when sim_dasd_halt/clear ended the program (nothing was executed),
 * res->dstat == SCSW_DSTAT_BUSY when a start found a program in flight.
 */
typedef struct SimDasdCompletion {
    SimDasdResult res;
    bool canceled;
} SimDasdCompletion;

typedef void SimDasdDoneFn(void *opaque, const SimDasdCompletion *c);

typedef struct SimDasd {
    Object parent_obj;

    /* properties */
    char *busid;
    uint8_t cssid;  /* after complete(): the host css image */
    bool cssid_set; /* cssid= given; else busid's first field */
    char *file;
    char *model;
    char *volser;
    char *mdev; /* the mdev UUID it stands for (vfio-ccw sysfsdev=) */
    bool readonly;
    CkdLocking locking;  /* locking=auto|on|off */
    CkdCache cache;      /* cache=writethrough|writeback|unsafe */
    uint64_t latency_ns; /* 0: complete at the next idle */

    /* after complete() */
    bool realized;
    bool opened; /* claimed by a vfio-ccw device */
    uint8_t css; /* busid "css.ssid.devno" */
    uint8_t ssid;
    uint16_t devno;
    CkdImage *img;
    Dasd3390 dev;

    /* the program in flight */
    guint idle;
    QEMUTimer *timer; /* latency-ns > 0 */
    SimDasdDoneFn *done;
    void *opaque;
    uint8_t orb[12];
    uint8_t *prog;
    Dasd3390Exec *exec; /* once it runs: it goes on from idle to idle */
} SimDasd;

static inline SimDasd *SIM_DASD(void *obj)
{
    return OBJECT_CHECK(SimDasd, obj, TYPE_SIM_DASD_3390);
}

/* The device with bus id @busid ("0.0.1234", case-insensitive), or NULL */
SimDasd *sim_dasd_find_by_busid(const char *busid);
/*
 * The device that stands for the mediated device @uuid (its mdev=,
 * case-insensitive), or NULL; a NULL @uuid finds none.
 */
SimDasd *sim_dasd_find_by_mdev(const char *uuid);

/* Start @prog (CCW_PROG_SIZE bytes, copied) with @orb12; @done follows. */
void sim_dasd_start(SimDasd *d, const uint8_t *orb12,
                    const uint8_t prog[CCW_PROG_SIZE], SimDasdDoneFn *done,
                    void *opaque);
bool sim_dasd_busy(const SimDasd *d);
/*
 * Cancel the program in flight and report it (done() is called before
 * these return, with canceled set).  False when nothing was in flight.
 */
bool sim_dasd_halt(SimDasd *d);
bool sim_dasd_clear(SimDasd *d);
/* Drop a program in flight without reporting it; clear pending sense. */
void sim_dasd_reset(SimDasd *d);

#endif
