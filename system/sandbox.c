/*
 * -sandbox: parse the option, then build one seccomp filter from the groups
 * of system calls it denies and load it for every thread of the process.
 * See include/sysemu/sandbox.h for the option.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/keyval.h"
#include "sysemu/sandbox.h"

#include <sched.h>
#include <sys/prctl.h>
#ifdef CONFIG_SECCOMP
#include <seccomp.h>
#endif

/* The groups a -sandbox option can deny, one bit each. */
enum {
    SANDBOX_BASE = 1 << 0,       /* always, with "on" */
    SANDBOX_OBSOLETE = 1 << 1,   /* unless obsolete=allow */
    SANDBOX_PRIVILEGES = 1 << 2, /* elevateprivileges=deny|children */
    SANDBOX_SPAWN = 1 << 3,      /* spawn=deny */
    SANDBOX_SCHED = 1 << 4,      /* resourcecontrol=deny */
};

/* What one -sandbox option asks for. */
typedef struct SandboxRequest {
    bool enable;
    unsigned deny;     /* SANDBOX_* bits */
    bool no_new_privs; /* elevateprivileges=children */
} SandboxRequest;

#ifdef CONFIG_SECCOMP

/* What a denied call gets. */
typedef enum SandboxVerdict {
    SANDBOX_KILL,  /* the process dies (SIGSYS) */
    SANDBOX_EPERM, /* the call fails with EPERM */
} SandboxVerdict;

typedef struct SandboxGroup {
    unsigned bit;
    SandboxVerdict verdict;
    const char *const *calls; /* by name, NULL-terminated */
} SandboxGroup;

static const char *const base_calls[] = {
    "reboot",     "swapon",      "swapoff", "syslog",  "mount",   "umount",
    "kexec_load", "afs_syscall", "break",   "ftime",   "getpmsg", "gtty",
    "lock",       "mpx",         "prof",    "profil",  "putpmsg", "security",
    "stty",       "tuxcall",     "ulimit",  "vserver", NULL
};

static const char *const obsolete_calls[] = {
    "readdir",         "_sysctl",      "bdflush",  "create_module",
    "get_kernel_syms", "query_module", "sgetmask", "ssetmask",
    "sysfs",           "uselib",       "ustat",    NULL
};

static const char *const privilege_calls[] = {
    "setuid",    "setgid",    "setpgid",  "setsid",   "setreuid", "setregid",
    "setresuid", "setresgid", "setfsuid", "setfsgid", NULL
};

/* clone is handled apart: threads must stay possible */
static const char *const spawn_calls[] = { "fork",     "vfork", "execve",
                                           "execveat", "setns", "unshare",
                                           NULL };

static const char *const sched_calls[] = { "setpriority", "sched_setparam",
                                           "sched_setaffinity", NULL };

static const SandboxGroup sandbox_groups[] = {
    { SANDBOX_BASE, SANDBOX_KILL, base_calls },
    { SANDBOX_OBSOLETE, SANDBOX_KILL, obsolete_calls },
    { SANDBOX_PRIVILEGES, SANDBOX_KILL, privilege_calls },
    { SANDBOX_SPAWN, SANDBOX_KILL, spawn_calls },
    { SANDBOX_SCHED, SANDBOX_EPERM, sched_calls },
};

/* The kill action: the whole process where the kernel can, else SIGSYS. */
static uint32_t kill_action(void)
{
    return seccomp_api_get() >= 3 ? SCMP_ACT_KILL_PROCESS : SCMP_ACT_TRAP;
}

static uint32_t verdict_action(SandboxVerdict v)
{
    return v == SANDBOX_EPERM ? SCMP_ACT_ERRNO(EPERM) : kill_action();
}

/* Deny @name; a call this architecture does not have is left out. */
static int deny_call(scmp_filter_ctx ctx, const char *name, uint32_t action,
                     unsigned nargs, const struct scmp_arg_cmp *args)
{
    int nr = seccomp_syscall_resolve_name(name);
    int rc;

    if (nr == __NR_SCMP_ERROR) {
        return 0;
    }
    rc = seccomp_rule_add_array(ctx, action, nr, nargs, args);
    return nr < 0 && rc == -EDOM ? 0 : rc;
}

/* s390 (and cris) pass clone's flags second, the others first. */
#if defined(__s390x__) || defined(__s390__) || defined(__CRIS__)
#define CLONE_FLAGS_ARGNO 1
#else
#define CLONE_FLAGS_ARGNO 0
#endif

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif

/* A thread has all of these (pthread_create sets them) ... */
#define THREAD_CLONE_FLAGS                                                     \
    (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |        \
     CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |                      \
     CLONE_CHILD_CLEARTID)
/* ... and none of these, which make a process or a namespace. */
#define SPAWN_CLONE_FLAGS                                                      \
    (CLONE_PIDFD | CLONE_PTRACE | CLONE_VFORK | CLONE_PARENT | CLONE_NEWNS |   \
     CLONE_UNTRACED | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC |          \
     CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_IO)

/*
 * A filter rule compares each argument once, so "not a thread" takes one
 * rule per flag: clone without a thread flag, or with a spawn flag.
 */
static int deny_process_clone(scmp_filter_ctx ctx)
{
    uint32_t action = kill_action();
    uint64_t all = THREAD_CLONE_FLAGS | SPAWN_CLONE_FLAGS;

    for (uint64_t bit = 1; bit && bit <= all; bit <<= 1) {
        struct scmp_arg_cmp cmp = {
            .arg = CLONE_FLAGS_ARGNO,
            .op = SCMP_CMP_MASKED_EQ,
            .datum_a = bit,
            .datum_b = (bit & SPAWN_CLONE_FLAGS) ? bit : 0,
        };
        int rc;

        if (!(bit & all)) {
            continue;
        }
        rc = deny_call(ctx, "clone", action, 1, &cmp);
        if (rc < 0) {
            return rc;
        }
    }
    /* clone3 hides its flags in memory: make callers fall back to clone */
    return deny_call(ctx, "clone3", SCMP_ACT_ERRNO(ENOSYS), 0, NULL);
}

/* sched_setscheduler is denied except to become SCHED_IDLE. */
static int deny_sched_setscheduler(scmp_filter_ctx ctx)
{
    struct scmp_arg_cmp not_idle = {
        .arg = 1,
        .op = SCMP_CMP_NE,
        .datum_a = SCHED_IDLE,
    };

    return deny_call(ctx, "sched_setscheduler", SCMP_ACT_ERRNO(EPERM), 1,
                     &not_idle);
}

static int add_group(scmp_filter_ctx ctx, const SandboxGroup *g)
{
    uint32_t action = verdict_action(g->verdict);
    int rc = 0;

    for (const char *const *name = g->calls; *name && rc >= 0; name++) {
        rc = deny_call(ctx, *name, action, 0, NULL);
    }
    if (rc >= 0 && g->bit == SANDBOX_SPAWN) {
        rc = deny_process_clone(ctx);
    }
    if (rc >= 0 && g->bit == SANDBOX_SCHED) {
        rc = deny_sched_setscheduler(ctx);
    }
    return rc;
}

/* libseccomp returns 0 or a negative errno: turn that into @errp. */
static bool scmp_check(int rc, const char *what, Error **errp)
{
    if (rc < 0) {
        error_setg_errno(errp, -rc, "%s", what);
        return false;
    }
    return true;
}

/*
 * One filter for the groups in @deny, synchronised onto every thread of
 * the process when it is loaded.
 */
static bool load_filter(unsigned deny, Error **errp)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    bool ok;

    if (!ctx) {
        error_setg(errp, "failed to initialize seccomp context");
        return false;
    }
    ok = scmp_check(seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1),
                    "failed to set seccomp thread synchronization", errp);
    for (const SandboxGroup *g = sandbox_groups;
         ok && g < sandbox_groups + G_N_ELEMENTS(sandbox_groups); g++) {
        ok = !(deny & g->bit) ||
             scmp_check(add_group(ctx, g),
                        "failed to add seccomp denylist rules", errp);
    }
    ok = ok &&
         scmp_check(seccomp_load(ctx),
                    "failed to load seccomp syscall filter in kernel", errp);
    seccomp_release(ctx);
    return ok;
}

static bool sandbox_install(const SandboxRequest *req, Error **errp)
{
    if (req->no_new_privs && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
        error_setg(errp, "failed to set no_new_privs aborting");
        return false;
    }
    return load_filter(req->deny, errp);
}

#else

static bool sandbox_install(const SandboxRequest *req, Error **errp)
{
    error_setg(errp, "seccomp support is disabled");
    return false;
}

#endif

/*
 * A group key's value: "allow" or "deny" (or "children" where
 * @children_ok); sets @bit in req->deny unless allowed.
 */
static bool parse_group_key(JsonObject *opts, const char *key, unsigned bit,
                            bool children_ok, SandboxRequest *req, Error **errp)
{
    const char *val = keyval_get_str(opts, key);

    if (!val) {
        return true;
    }
    if (!strcmp(val, "allow")) {
        req->deny &= ~bit;
    } else if (!strcmp(val, "deny")) {
        req->deny |= bit;
    } else if (children_ok && !strcmp(val, "children")) {
        req->deny |= bit;
        req->no_new_privs = true;
    } else {
        error_setg(errp, "invalid argument for %s", key);
        return false;
    }
    return true;
}

/*
 * QemuOpts semantics: keys are checked in the order written (an unknown
 * key or a bad "enable" stops there); the group values only matter, and
 * are only checked, when the sandbox is enabled.
 */
static bool sandbox_parse(const char *arg, SandboxRequest *req, Error **errp)
{
    static const char *const keys[] = {
        "enable", "obsolete",        "elevateprivileges",
        "spawn",  "resourcecontrol", NULL
    };
    g_autoptr(JsonObject) opts = qemu_opts_parse_legacy(arg, "enable", NULL,
                                                        errp);
    g_autoptr(GList) members = NULL;

    if (!opts) {
        return false;
    }
    members = json_object_get_members(opts);
    for (GList *m = members; m; m = m->next) {
        if (!g_strv_contains(keys, m->data)) {
            error_setg(errp, "Invalid parameter '%s'", (char *)m->data);
            return false;
        }
        if (!strcmp(m->data, "enable") &&
            !qapi_bool_parse("enable", keyval_get_str(opts, "enable"),
                             &req->enable, errp)) {
            return false;
        }
    }
    req->deny = SANDBOX_BASE | SANDBOX_OBSOLETE;
    return !req->enable ||
           (parse_group_key(opts, "obsolete", SANDBOX_OBSOLETE, false, req,
                            errp) &&
            parse_group_key(opts, "elevateprivileges", SANDBOX_PRIVILEGES, true,
                            req, errp) &&
            parse_group_key(opts, "spawn", SANDBOX_SPAWN, false, req, errp) &&
            parse_group_key(opts, "resourcecontrol", SANDBOX_SCHED, false, req,
                            errp));
}

bool sandbox_setup(const char *arg, Error **errp)
{
    SandboxRequest req = { 0 };

    if (!sandbox_parse(arg, &req, errp)) {
        return false;
    }
    return !req.enable || sandbox_install(&req, errp);
}
