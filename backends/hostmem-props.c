/*
 * memory-backend: the properties every memory back end has.
 *
 * Most of them are plain fields of HostMemoryBackend, described by one
 * table and served by one getter and one setter.  An entry says whether
 * the field is fixed once the memory exists (size, share, reserve),
 * whether zero is refused, and what to do to live memory when the value
 * changes afterwards (the madvise() hints dump and merge, prealloc).
 * policy and host-nodes, which take the place of NUMA binding, have
 * accessors of their own.
 */
#include "qemu/osdep.h"
#include <sys/stat.h>
#include "qapi/error.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

static const char *const host_mem_policy_names[] = {
    [HOST_MEM_POLICY_DEFAULT] = "default",
    [HOST_MEM_POLICY_PREFERRED] = "preferred",
    [HOST_MEM_POLICY_BIND] = "bind",
    [HOST_MEM_POLICY_INTERLEAVE] = "interleave",
};

const QEnumLookup HostMemPolicy_lookup = {
    .array = host_mem_policy_names,
    .size = HOST_MEM_POLICY__MAX,
};

size_t hostmem_page_size(HostMemoryBackend *be)
{
    int fd = host_memory_backend_get_fd(be);
    struct stat st;

    if (fd >= 0 && !fstat(fd, &st) && st.st_blksize > 0) {
        return st.st_blksize;
    }
    return sysconf(_SC_PAGESIZE);
}

bool hostmem_check_not_ready(HostMemoryBackend *be, const char *name,
                             Error **errp)
{
    if (!be->ready) {
        return true;
    }
    error_setg(errp, "cannot change property %s of %s ", name,
               object_get_typename(OBJECT(be)));
    return false;
}

/* How a field is stored and visited. */
typedef enum FieldKind {
    FIELD_BOOL,  /* bool, visited as bool */
    FIELD_SIZE,  /* uint64_t, visited as a size ("64M") */
    FIELD_COUNT, /* uint32_t, visited as a number */
} FieldKind;

typedef struct FieldProp {
    const char *name;
    FieldKind kind;
    size_t offset; /* of the field in HostMemoryBackend */
    bool fixed;    /* cannot change once the memory exists */
    bool nonzero;  /* 0 is refused */
    /*
     * Bring existing memory in line with a changed value; false (and
     * the old value is kept) when that fails.
     */
    bool (*update_live)(HostMemoryBackend *be, Error **errp);
    const char *desc;
} FieldProp;

static bool live_dump(HostMemoryBackend *be, Error **errp)
{
    hostmem_apply_dump(be);
    return true;
}

static bool live_merge(HostMemoryBackend *be, Error **errp)
{
    hostmem_apply_merge(be);
    return true;
}

/* Switching prealloc on faults the pages in now; off changes nothing. */
static bool live_prealloc(HostMemoryBackend *be, Error **errp)
{
    return !be->prealloc || hostmem_prealloc(be, errp);
}

#define FIELD(f) offsetof(HostMemoryBackend, f)

static const FieldProp field_props[] = {
    { .name = "size",
      .kind = FIELD_SIZE,
      .offset = FIELD(size),
      .fixed = true,
      .nonzero = true,
      .desc = "Size of the memory (e.g. 512M)" },
    { .name = "merge",
      .kind = FIELD_BOOL,
      .offset = FIELD(merge),
      .update_live = live_merge,
      .desc = "Let the kernel merge identical pages (KSM)" },
    { .name = "dump",
      .kind = FIELD_BOOL,
      .offset = FIELD(dump),
      .update_live = live_dump,
      .desc = "Include the memory in core dumps" },
    { .name = "prealloc",
      .kind = FIELD_BOOL,
      .offset = FIELD(prealloc),
      .update_live = live_prealloc,
      .desc = "Fault in every page when the backend is created" },
    { .name = "share",
      .kind = FIELD_BOOL,
      .offset = FIELD(share),
      .fixed = true,
      .desc = "Map the memory shared (visible to other processes) or private" },
    { .name = "reserve",
      .kind = FIELD_BOOL,
      .offset = FIELD(reserve),
      .fixed = true,
      .desc = "Reserve swap space (or huge pages) for the memory" },
    { .name = "prealloc-threads",
      .kind = FIELD_COUNT,
      .offset = FIELD(prealloc_threads),
      .nonzero = true,
      .desc = "Threads used for prealloc (accepted; one is used)" },
    { .name = "x-use-canonical-path-for-ramblock-id",
      .kind = FIELD_BOOL,
      .offset = FIELD(use_canonical_path) },
};

static void *field_ptr(Object *obj, const FieldProp *fp)
{
    return (char *)MEMORY_BACKEND(obj) + fp->offset;
}

/* The field as a number, whatever its width. */
static uint64_t field_load(Object *obj, const FieldProp *fp)
{
    void *p = field_ptr(obj, fp);

    switch (fp->kind) {
    case FIELD_BOOL:
        return *(bool *)p;
    case FIELD_COUNT:
        return *(uint32_t *)p;
    case FIELD_SIZE:
        return *(uint64_t *)p;
    }
    g_assert_not_reached();
}

static void field_store(Object *obj, const FieldProp *fp, uint64_t val)
{
    void *p = field_ptr(obj, fp);

    switch (fp->kind) {
    case FIELD_BOOL:
        *(bool *)p = val;
        break;
    case FIELD_COUNT:
        *(uint32_t *)p = val;
        break;
    case FIELD_SIZE:
        *(uint64_t *)p = val;
        break;
    }
}

/* Visit @val as @fp's kind (in either direction). */
static bool field_visit(Visitor *v, const FieldProp *fp, uint64_t *val,
                        Error **errp)
{
    bool b = *val;
    uint32_t n = *val;

    switch (fp->kind) {
    case FIELD_BOOL:
        if (!visit_type_bool(v, fp->name, &b, errp)) {
            return false;
        }
        *val = b;
        return true;
    case FIELD_COUNT:
        if (!visit_type_uint32(v, fp->name, &n, errp)) {
            return false;
        }
        *val = n;
        return true;
    case FIELD_SIZE:
        return visit_type_size(v, fp->name, val, errp);
    }
    g_assert_not_reached();
}

static void field_get(Object *obj, Visitor *v, const char *name, void *opaque,
                      Error **errp)
{
    uint64_t val = field_load(obj, opaque);

    field_visit(v, opaque, &val, errp);
}

static void field_set(Object *obj, Visitor *v, const char *name, void *opaque,
                      Error **errp)
{
    const FieldProp *fp = opaque;
    HostMemoryBackend *be = MEMORY_BACKEND(obj);
    uint64_t old = field_load(obj, fp);
    uint64_t val = 0;

    if (fp->fixed && !hostmem_check_not_ready(be, fp->name, errp)) {
        return;
    }
    if (!field_visit(v, fp, &val, errp)) {
        return;
    }
    if (fp->nonzero && val == 0) {
        error_setg(errp, "property '%s' of %s doesn't take value '%" PRIu64 "'",
                   fp->name, object_get_typename(obj), val);
        return;
    }
    field_store(obj, fp, val);
    if (be->ready && fp->update_live && val != old &&
        !fp->update_live(be, errp)) {
        field_store(obj, fp, old);
    }
}

static int policy_get(Object *obj, Error **errp)
{
    return MEMORY_BACKEND(obj)->policy;
}

/* Built without NUMA support, like a QEMU built without libnuma. */
static void policy_set(Object *obj, int value, Error **errp)
{
    if (value == HOST_MEM_POLICY_DEFAULT) {
        MEMORY_BACKEND(obj)->policy = value;
        return;
    }
    error_setg(errp, "NUMA policies are not supported by this QEMU");
}

/* Always an empty list of nodes. */
static void host_nodes_get(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    g_autoptr(JsonNode) nodes = json_node_alloc();

    json_node_take_array(json_node_init(nodes, JSON_NODE_ARRAY),
                         json_array_new());
    visit_type_any(v, name, &nodes, errp);
}

static bool is_empty_list(JsonNode *node)
{
    return JSON_NODE_HOLDS_ARRAY(node) &&
           json_array_get_length(json_node_get_array(node)) == 0;
}

static void host_nodes_set(Object *obj, Visitor *v, const char *name,
                           void *opaque, Error **errp)
{
    g_autoptr(JsonNode) nodes = NULL;

    if (visit_type_any(v, name, &nodes, errp) && !is_empty_list(nodes)) {
        error_setg(errp, "NUMA node binding are not supported by this QEMU");
    }
}

void hostmem_class_add_props(ObjectClass *oc)
{
    for (size_t i = 0; i < G_N_ELEMENTS(field_props); i++) {
        const FieldProp *fp = &field_props[i];

        object_class_property_add(oc, fp->name,
                                  fp->kind == FIELD_BOOL ? "bool" : "int",
                                  field_get, field_set, NULL, (void *)fp);
        if (fp->desc) {
            object_class_property_set_description(oc, fp->name, fp->desc);
        }
    }
    object_class_property_add(oc, "host-nodes", "int", host_nodes_get,
                              host_nodes_set, NULL, NULL);
    object_class_property_set_description(
        oc, "host-nodes", "Host NUMA nodes to bind to (only an empty list)");
    object_class_property_add_enum(oc, "policy", "HostMemPolicy",
                                   &HostMemPolicy_lookup, policy_get,
                                   policy_set);
    object_class_property_set_description(oc, "policy",
                                          "NUMA policy (only 'default')");
}
