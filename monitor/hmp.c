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
    char *help;
    HmpInfoFunc *fn;
} HmpInfo;

/* Created on first use: registration runs from constructors. */
static GPtrArray *hmp_infos;

void hmp_register_info(const char *name, const char *help, HmpInfoFunc *fn)
{
    HmpInfo *i = g_new0(HmpInfo, 1);

    if (!hmp_infos) {
        hmp_infos = g_ptr_array_new();
    }
    i->name = g_strdup(name);
    i->help = g_strdup(help);
    i->fn = fn;
    g_ptr_array_add(hmp_infos, i);
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

        g_string_append_printf(out, "info %s  -- %s\n", i->name, i->help);
    }
}

char *hmp_run_command(const char *cmdline)
{
    GString *out = g_string_new(NULL);
    const char *word, *p = next_word(cmdline, &word);
    const HmpInfo *info;

    if (p == word) {
        return g_string_free(out, false); /* an empty line does nothing */
    }
    if (p - word != 4 || strncmp(word, "info", 4)) {
        g_string_append_printf(out, "unknown command: '%.*s'\n",
                               (int)(p - cmdline), cmdline);
        return g_string_free(out, false);
    }
    p = next_word(p, &word);
    if (p == word) {
        hmp_info_help(out);
        return g_string_free(out, false);
    }
    info = hmp_find_info(word, p - word);
    if (!info) {
        g_string_append_printf(out, "unknown command: '%.*s'\n",
                               (int)(p - cmdline), cmdline);
        return g_string_free(out, false);
    }
    if (*skip_space(p)) {
        g_string_append_printf(out,
                               "%s: extraneous characters at the end of line\n"
                               "Try \"help %.*s\" for more information\n",
                               info->name, (int)(p - cmdline), cmdline);
        return g_string_free(out, false);
    }
    info->fn(out);
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

static void hmp_cmds_register(void)
{
    qmp_register_command("human-monitor-command", qmp_human_monitor_command,
                         QCO_NO_FLAGS);
}

module_init(hmp_cmds_register)
