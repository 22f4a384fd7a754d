/*
 * Scratch directory and Landlock write confinement of the in-process fuzz
 * targets (see fuzz-sandbox.h).
 */
#include "qemu/osdep.h"
#include "fuzz-sandbox.h"
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/landlock.h>

#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

/* Every right that creates, changes or removes something in a file system */
#define SANDBOX_WRITE_RIGHTS                                                   \
    (LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |           \
     LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |           \
     LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |               \
     LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |             \
     LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM)

/* libFuzzer flags whose value is a path */
static const char *const path_flags[] = {
    "-artifact_prefix=",    "-exact_artifact_path=", "-dict=", "-features_dir=",
    "-merge_control_file=", "-seed_inputs=",         NULL,
};

static char *base;    /* holds scratch/ and tmp/ */
static char *scratch; /* the working directory, emptied between inputs */
static bool confined;

const char *fuzz_sandbox_dir(void)
{
    return scratch;
}

bool fuzz_sandbox_confined(void)
{
    return confined;
}

static void remove_tree(const char *path, bool keep_top)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name(dir))) {
        g_autofree char *child = g_build_filename(path, name, NULL);

        if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
            !g_file_test(child, G_FILE_TEST_IS_SYMLINK)) {
            remove_tree(child, false);
        } else {
            unlink(child);
        }
    }
    if (dir) {
        g_dir_close(dir);
    }
    if (!keep_top) {
        rmdir(path);
    }
}

void fuzz_sandbox_clear(void)
{
    if (scratch) {
        remove_tree(scratch, true);
    }
}

static void sandbox_remove_at_exit(void)
{
    if (base) {
        remove_tree(base, false);
    }
}

/* @path made absolute against the starting directory @cwd. */
static char *absolute(const char *cwd, const char *path)
{
    return g_path_is_absolute(path) ? g_strdup(path)
                                    : g_build_filename(cwd, path, NULL);
}

/*
 * Rewrite relative paths in libFuzzer's arguments (they are read after
 * the working directory changed); collect the directories it writes to.
 */
static void absolutize_args(int argc, char **argv, const char *cwd,
                            GPtrArray *writable)
{
    for (int i = 1; i < argc; i++) {
        char *arg = argv[i];

        if (arg[0] != '-') {
            argv[i] = absolute(cwd, arg);
            g_ptr_array_add(writable, g_strdup(argv[i]));
            continue;
        }
        for (int f = 0; path_flags[f]; f++) {
            size_t n = strlen(path_flags[f]);
            g_autofree char *abs = NULL;

            if (strncmp(arg, path_flags[f], n) || !arg[n]) {
                continue;
            }
            abs = absolute(cwd, arg + n);
            argv[i] = g_strdup_printf("%.*s%s", (int)n, arg, abs);
            /* the artifact prefix is a directory plus a name prefix */
            g_ptr_array_add(writable, g_path_get_dirname(abs));
        }
    }
}

static bool landlock_allow(int ruleset, const char *path, uint64_t rights)
{
    struct landlock_path_beneath_attr rule = { .allowed_access = rights };
    bool ok;

    rule.parent_fd = open(path, O_PATH | O_CLOEXEC);
    if (rule.parent_fd < 0) {
        return false;
    }
    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
        rule.allowed_access &= LANDLOCK_ACCESS_FS_WRITE_FILE |
                               LANDLOCK_ACCESS_FS_TRUNCATE;
    }
    ok = syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH,
                 &rule, 0) == 0;
    close(rule.parent_fd);
    return ok;
}

static bool landlock_confine(GPtrArray *writable)
{
    struct landlock_ruleset_attr attr = { 0 };
    long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
                       LANDLOCK_CREATE_RULESET_VERSION);
    uint64_t rights = SANDBOX_WRITE_RIGHTS;
    int ruleset;
    bool ok = true;

    if (abi < 1) {
        return false;
    }
    if (abi >= 3) {
        rights |= LANDLOCK_ACCESS_FS_TRUNCATE;
    }
    attr.handled_access_fs = rights;
    ruleset = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
    if (ruleset < 0) {
        return false;
    }
    for (guint i = 0; i < writable->len; i++) {
        /* a directory libFuzzer has not created yet is made now */
        g_mkdir_with_parents(writable->pdata[i], 0755);
        landlock_allow(ruleset, writable->pdata[i], rights);
    }
    /* the terminal, /dev/null and the like */
    landlock_allow(ruleset, "/dev", LANDLOCK_ACCESS_FS_WRITE_FILE);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
        syscall(SYS_landlock_restrict_self, ruleset, 0) < 0) {
        ok = false;
    }
    close(ruleset);
    return ok;
}

void fuzz_sandbox_enter(int *argc, char ***argv)
{
    g_autoptr(GPtrArray) writable = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *cwd = g_get_current_dir();
    g_autofree char *tmpl = g_build_filename(g_get_tmp_dir(),
                                             "qemu-fuzz-XXXXXX", NULL);
    g_autofree char *tmp = NULL;

    if (base) {
        return;
    }
    base = g_mkdtemp(g_steal_pointer(&tmpl));
    if (!base) {
        fprintf(stderr, "fuzz: cannot create a scratch directory: %s\n",
                g_strerror(errno));
        abort();
    }
    atexit(sandbox_remove_at_exit);
    scratch = g_build_filename(base, "work", NULL);
    /* libFuzzer's own temporary files (-fork, -merge) */
    tmp = g_build_filename(base, "tmp", NULL);
    if (mkdir(scratch, 0700) < 0 || mkdir(tmp, 0700) < 0 ||
        chdir(scratch) < 0) {
        abort();
    }
    g_setenv("TMPDIR", tmp, TRUE);
    absolutize_args(*argc, *argv, cwd, writable);
    g_ptr_array_add(writable, g_strdup(base));
    confined = landlock_confine(writable);
    if (!confined) {
        fprintf(
            stderr,
            "fuzz: Landlock is not available: writes are not confined to %s\n",
            scratch);
    }
}
