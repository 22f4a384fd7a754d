/*
 * memory-backend-ram: guest RAM from the memory API (a memfd, so its pages
 * can be handed to host back ends by file descriptor).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "sysemu/hostmem.h"
#include "hostmem-internal.h"

static bool ram_backend_alloc(HostMemoryBackend *be, Error **errp)
{
    g_autofree char *name = host_memory_backend_region_name(be);

    return memory_region_init_ram(&be->mr, be, name, be->size, errp);
}

static void ram_backend_class_init(ObjectClass *oc, void *data)
{
    MEMORY_BACKEND_CLASS(oc)->alloc = ram_backend_alloc;
}

static const TypeInfo ram_backend_type = {
    .name = TYPE_MEMORY_BACKEND_RAM,
    .parent = TYPE_MEMORY_BACKEND,
    .class_init = ram_backend_class_init,
};

void hostmem_ram_register_types(void)
{
    type_register_static(&ram_backend_type);
}
