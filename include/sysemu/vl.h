/*
 * Start-up configuration gathered from the command line (system/vl*.c).
 * Internal to the main program.
 */
#ifndef SYSEMU_VL_H
#define SYSEMU_VL_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "sysemu/qemu-options.h"
#include <json-glib/json-glib.h>

typedef struct MachineState MachineState;

/* One option as it appeared on the command line. */
typedef struct VlOpt {
    int index;       /* QEMU_OPTION_xxx */
    const char *arg; /* its argument, or NULL */
    int argi;        /* position of the option in argv */
    int nargs;       /* 1 or 2 argv entries */
} VlOpt;

/* An accelerator to try, and the option that named it (NULL: default). */
typedef struct VlAccel {
    char *name;
    const VlOpt *opt;
} VlAccel;

typedef struct VlConfig {
    char **argv;
    GArray *opts; /* of VlOpt, in command-line order */

    bool start_stopped;       /* -S */
    bool nodefaults;          /* -nodefaults */
    const char *qtest_chrdev; /* -qtest */
    const char *qtest_log;    /* -qtest-log */
    const char *pidfile;      /* -pidfile */
    bool daemonize;           /* -daemonize */
    bool nographic;           /* -nographic */
    bool has_monitor; /* a -qmp, -qmp-pretty, -mon, -monitor, -serial mon: */
    bool has_serial;  /* a -serial option */
    GArray *accels;   /* of VlAccel, to try in order */
    JsonObject *machine_opts; /* merged -machine options */
    const VlOpt *machine_opt; /* last -machine, for error locations */
    uint64_t ram_size;        /* -m, 0 = machine default */
    unsigned smp_cpus, smp_max_cpus;
    const char *cpu_model; /* -cpu */
    const char *kernel;    /* -kernel */
    const char *initrd;    /* -initrd */
    const char *append;    /* -append */

    char *audio_unavailable; /* first -audiodev driver that cannot start */
    GHashTable *device_ids;  /* ids of key=value -device options */
    MachineState *machine;
    int nr_qmp;
} VlConfig;

/* vl-opts.c: argv scanning and the options that only set values */
void vl_parse_cmdline(VlConfig *cfg, int argc, char **argv);
void vl_opt_set_location(VlConfig *cfg, const VlOpt *opt);
void vl_apply_simple_options(VlConfig *cfg);
void vl_pidfile_cleanup(void);
/* -nographic's default stdio console and monitor vs -daemonize */
bool vl_check_daemonize(VlConfig *cfg, Error **errp);

/* vl-values.c: the values of -m, -smp, -name, -uuid, -msg, -display,
 * -overcommit and -cpu */
bool vl_parse_memory(VlConfig *cfg, const char *arg, Error **errp);
bool vl_parse_smp(VlConfig *cfg, const char *arg, Error **errp);
bool vl_parse_name(const char *arg, Error **errp);
bool vl_parse_uuid(const char *arg, Error **errp);
bool vl_parse_msg(const char *arg, Error **errp);
bool vl_parse_display(const char *arg, Error **errp);
bool vl_parse_overcommit(const char *arg, Error **errp);
/* mem-lock=on: lock the process's memory (once the options are read) */
bool vl_overcommit_apply(Error **errp);
bool vl_cpu_model_check(const char *arg, Error **errp);

/* vl-rtc-boot.c: -rtc and -boot (merged; values checked after the
 * command line is read, by vl_rtc_boot_check) */
bool vl_rtc_add(const char *arg, Error **errp);
bool vl_boot_add(const char *arg, Error **errp);
bool vl_rtc_boot_check(Error **errp);
/* once the devices exist: QEMU's boot-menu warning (s390-ccw-virtio) */
void vl_boot_menu_setup(const char *machine_type);
/* audiodev.c: -audiodev; a driver other than "none" that QEMU knows is
 * remembered in *@unavailable (the first one) and refused later */
bool vl_audiodev_add(const char *arg, char **unavailable, Error **errp);
void vl_audiodev_help(void);

/* vl-help.c: "help" requests of every kind; true when something printed */
bool vl_opt_help(VlConfig *cfg, const VlOpt *opt);
void vl_chardev_help(void);

/* vl-serial.c: -serial, -monitor, -qmp and the default console and
 * monitor (once the machine object exists, before it is initialised) */
void vl_serial_scan_option(VlConfig *cfg, const VlOpt *opt);
bool vl_default_serial(VlConfig *cfg);
bool vl_default_monitor(VlConfig *cfg);
/* false: an error was reported */
bool vl_create_monitors_and_serials(VlConfig *cfg);

/* vl-machine.c: accelerator, machine, objects, qtest */
void vl_configure_accelerator(VlConfig *cfg);
/* The accelerator in use ("tcg", "qtest"), NULL before the choice. */
const char *vl_accel_name(void);
MachineState *vl_machine_create(VlConfig *cfg, Error **errp);
bool vl_object_add(const char *arg, Error **errp);
void vl_start_qtest(VlConfig *cfg);

#endif
