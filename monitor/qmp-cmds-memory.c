/*
 * QMP pmemsave: @size bytes of guest physical memory from @val into
 * the file @filename (created or truncated), as QEMU's command does;
 * what no memory backs reads as the memory API answers for it.
 */
#include "qemu/osdep.h"
#include "qemu/module.h"
#include "monitor/qmp.h"
#include "exec/memory.h"

static bool qmp_pmemsave(JsonObject *args, JsonNode **ret, Error **errp)
{
    static const char *const allowed[] = { "val", "size", "filename", NULL };
    const char *filename = NULL;
    int64_t addr = 0, size = 0;
    uint8_t buf[4096];
    FILE *f;

    if (!qmp_args_check(args, allowed, errp) ||
        !qmp_arg_int(args, "val", true, &addr, NULL, errp) ||
        !qmp_arg_int(args, "size", true, &size, NULL, errp) ||
        !qmp_arg_str(args, "filename", true, &filename, NULL, errp)) {
        return false;
    }
    if (size < 0 || (uint64_t)addr + (uint64_t)size < (uint64_t)addr) {
        error_setg(errp,
                   "Invalid addr 0x%016" PRIx64 "/size %" PRId64 " specified",
                   (uint64_t)addr, size);
        return false;
    }
    f = fopen(filename, "wb");
    if (!f) {
        error_setg(errp, "Could not open '%s': %s", filename, strerror(errno));
        return false;
    }
    for (uint64_t done = 0; done < (uint64_t)size;) {
        size_t n = MIN(sizeof(buf), (uint64_t)size - done);

        address_space_read(&address_space_memory, (uint64_t)addr + done,
                           MEMTXATTRS_UNSPECIFIED, buf, n);
        if (fwrite(buf, 1, n, f) != n) {
            error_setg(errp, "writing memory to '%s' failed", filename);
            fclose(f);
            return false;
        }
        done += n;
    }
    if (fclose(f)) {
        error_setg(errp, "writing memory to '%s' failed", filename);
        return false;
    }
    return true;
}

static void qmp_memory_cmds_register(void)
{
    qmp_register_command("pmemsave", qmp_pmemsave, QCO_NO_FLAGS);
}

module_init(qmp_memory_cmds_register)
