/*
 * Human monitor commands: the "info" table and the command-line split,
 * and QMP's human-monitor-command that runs them.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/hmp.h"
#include "monitor/qmp.h"
#include "hw/boards.h"

typedef struct HmpInfo {
    char *name;
    char *params; /* "" for none */
    char *help;
    HmpInfoFunc *fn;      /* without arguments, or ... */
    HmpInfoArgsFunc *afn; /* ... with the rest of the line */
} HmpInfo;

/* Created on first use: registration runs from constructors. */
static GPtrArray *hmp_infos;

static HmpInfo *hmp_info_new(const char *name, const char *params,
                             const char *help)
{
    HmpInfo *i = g_new0(HmpInfo, 1);

    if (!hmp_infos) {
        hmp_infos = g_ptr_array_new();
    }
    i->name = g_strdup(name);
    i->params = g_strdup(params);
    i->help = g_strdup(help);
    g_ptr_array_add(hmp_infos, i);
    return i;
}

void hmp_register_info(const char *name, const char *help, HmpInfoFunc *fn)
{
    hmp_info_new(name, "", help)->fn = fn;
}

void hmp_register_info_args(const char *name, const char *params,
                            const char *help, HmpInfoArgsFunc *fn)
{
    hmp_info_new(name, params, help)->afn = fn;
}

static const HmpInfo *hmp_find_info(const char *name, size_t len)
{
    for (guint n = 0; hmp_infos && n < hmp_infos->len; n++) {
        const HmpInfo *i = hmp_infos->pdata[n];

        if (strlen(i->name) == len && !strncmp(i->name, name, len)) {
            return i;
        }
    }
    return NULL;
}

static const char *skip_space(const char *p)
{
    while (g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

/* The word at @p (after spaces): its start in *word, the end returned */
static const char *next_word(const char *p, const char **word)
{
    p = skip_space(p);
    *word = p;
    while (*p && !g_ascii_isspace(*p)) {
        p++;
    }
    return p;
}

static gint info_cmp(gconstpointer a, gconstpointer b)
{
    const HmpInfo *x = *(HmpInfo *const *)a, *y = *(HmpInfo *const *)b;

    return strcmp(x->name, y->name);
}

/* "info" alone: one line per subcommand, as HMP's help lists them */
static void hmp_info_help(GString *out)
{
    g_ptr_array_sort(hmp_infos, info_cmp);
    for (guint n = 0; n < hmp_infos->len; n++) {
        const HmpInfo *i = hmp_infos->pdata[n];

        g_string_append_printf(out, "info %s %s -- %s\n", i->name, i->params,
                               i->help);
    }
}

typedef struct HmpCmd {
    char *names;  /* "cont|c" */
    char *params; /* "[cmd]", or "" */
    char *help;
    HmpCmdFunc *fn;
} HmpCmd;

static GPtrArray *hmp_cmds;

void hmp_register_cmd(const char *names, const char *params, const char *help,
                      HmpCmdFunc *fn)
{
    HmpCmd *c = g_new0(HmpCmd, 1);

    if (!hmp_cmds) {
        hmp_cmds = g_ptr_array_new();
    }
    c->names = g_strdup(names);
    c->params = g_strdup(params);
    c->help = g_strdup(help);
    c->fn = fn;
    g_ptr_array_add(hmp_cmds, c);
}

/* Is @word (@len bytes) one of the '|'-separated @names? */
static bool name_matches(const char *names, const char *word, size_t len)
{
    g_auto(GStrv) alt = g_strsplit(names, "|", -1);

    for (char **a = alt; *a; a++) {
        if (strlen(*a) == len && !strncmp(*a, word, len)) {
            return true;
        }
    }
    return false;
}

static const HmpCmd *hmp_find_cmd(const char *word, size_t len)
{
    for (guint n = 0; hmp_cmds && n < hmp_cmds->len; n++) {
        const HmpCmd *c = hmp_cmds->pdata[n];

        if (name_matches(c->names, word, len)) {
            return c;
        }
    }
    return NULL;
}

static gint cmd_cmp(gconstpointer a, gconstpointer b)
{
    const HmpCmd *x = *(HmpCmd *const *)a, *y = *(HmpCmd *const *)b;

    return strcmp(x->names, y->names);
}

static void hmp_cmd_help_line(GString *out, const HmpCmd *c)
{
    g_string_append_printf(out, "%s %s -- %s\n", c->names, c->params, c->help);
}

/* "help", "help CMD", "help info" (QEMU's lines) */
static void hmp_help(GString *out, const char *arg, size_t len)
{
    const HmpCmd *c;

    if (!len) {
        g_ptr_array_sort(hmp_cmds, cmd_cmp);
        for (guint n = 0; n < hmp_cmds->len; n++) {
            hmp_cmd_help_line(out, hmp_cmds->pdata[n]);
        }
        return;
    }
    c = hmp_find_cmd(arg, len);
    if (!c) {
        g_string_append_printf(out, "unknown command: '%.*s'\n", (int)len, arg);
    } else if (!strcmp(c->names, "info")) {
        hmp_info_help(out);
    } else {
        hmp_cmd_help_line(out, c);
    }
}

static void hmp_extraneous(GString *out, const char *name, const char *cmdline,
                           const char *end)
{
    g_string_append_printf(out,
                           "%s: extraneous characters at the end of line\n"
                           "Try \"help %.*s\" for more information\n",
                           name, (int)(end - cmdline), cmdline);
}

static void hmp_run_info(GString *out, const char *cmdline, const char *p)
{
    const char *word;
    const HmpInfo *info;

    p = next_word(p, &word);
    if (p == word) {
        hmp_info_help(out);
        return;
    }
    info = hmp_find_info(word, p - word);
    if (!info) {
        g_string_append_printf(out, "unknown command: '%.*s'\n",
                               (int)(p - cmdline), cmdline);
        return;
    }
    if (info->afn) {
        info->afn(out, info->name, skip_space(p));
        return;
    }
    if (*skip_space(p)) {
        hmp_extraneous(out, info->name, cmdline, p);
        return;
    }
    info->fn(out);
}

char *hmp_run_command(const char *cmdline)
{
    GString *out = g_string_new(NULL);
    const char *word, *arg, *p = next_word(cmdline, &word);
    const HmpCmd *c;

    if (p == word) {
        return g_string_free(out, false); /* an empty line does nothing */
    }
    if (p - word == 4 && !strncmp(word, "info", 4)) {
        hmp_run_info(out, cmdline, p);
        return g_string_free(out, false);
    }
    c = hmp_find_cmd(word, p - word);
    if (!c) {
        g_string_append_printf(out, "unknown command: '%.*s'\n",
                               (int)(p - cmdline), cmdline);
        return g_string_free(out, false);
    }
    if (name_matches("help|?", word, p - word)) {
        const char *end = next_word(p, &arg);

        hmp_help(out, arg, end - arg);
        return g_string_free(out, false);
    }
    if (*skip_space(p)) {
        g_autofree char *name = g_strndup(word, p - word);

        hmp_extraneous(out, name, cmdline, p);
        return g_string_free(out, false);
    }
    c->fn(out);
    return g_string_free(out, false);
}

/* ---- QMP ---- */

static int64_t cpu_count(void)
{
    MachineState *ms = current_machine_get();

    return ms && ms->smp_cpus ? ms->smp_cpus : 1;
}

static bool qmp_human_monitor_command(JsonObject *args, JsonNode **ret,
                                      Error **errp)
{
    static const char *const allowed[] = { "command-line", "cpu-index", NULL };
    g_autofree char *text = NULL;
    const char *line = NULL;
    int64_t cpu = 0;
    bool has_cpu = false;
    GString *crlf;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_str(args, "command-line", true, &line, NULL, errp) ||
        !qmp_arg_int(args, "cpu-index", false, &cpu, &has_cpu, errp)) {
        return false;
    }
    if (has_cpu && (cpu < 0 || cpu >= cpu_count())) {
        /* QEMU's words for a CPU that does not exist */
        error_setg(errp, "Parameter 'cpu-index' expects a CPU number");
        return false;
    }
    text = hmp_run_command(line);
    crlf = g_string_sized_new(strlen(text) + 64);
    for (const char *c = text; *c; c++) {
        if (*c == '\n') {
            g_string_append_c(crlf, '\r');
        }
        g_string_append_c(crlf, *c);
    }
    *ret = json_node_init_string(json_node_alloc(), crlf->str);
    g_string_free(crlf, true);
    return true;
}

static void hmp_cmd_help(GString *out)
{
}

static void hmp_cmds_register(void)
{
    /* "help" and "info" are run by hmp_run_command(); listed for help */
    hmp_register_cmd("help|?", "[cmd]", "show the help", hmp_cmd_help);
    hmp_register_cmd("info", "[subcommand]",
                     "show various information about the system state",
                     hmp_cmd_help);
    qmp_register_command("human-monitor-command", qmp_human_monitor_command,
                         QCO_NO_FLAGS);
}

module_init(hmp_cmds_register)
