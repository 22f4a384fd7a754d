/*
 * Guest RAM held for the I/O in flight: see include/hw/vfio/ccw-gmap.h.
 */
#include "qemu/osdep.h"
#include "hw/vfio/ccw-gmap.h"

typedef struct VfioCcwGuestMap {
    void *host;
    hwaddr len;
    bool write;
    MemoryRegion *mr;
} VfioCcwGuestMap;

void vfio_ccw_gmap_init(VfioCcwGuestMaps *m, AddressSpace *as)
{
    m->as = as;
    m->held = g_array_new(false, false, sizeof(VfioCcwGuestMap));
}

void vfio_ccw_gmap_destroy(VfioCcwGuestMaps *m)
{
    if (m->held) {
        vfio_ccw_gmap_release(m);
        g_array_free(m->held, true);
        m->held = NULL;
    }
}

void *vfio_ccw_gmap_hold(VfioCcwGuestMaps *m, hwaddr gaddr, hwaddr len,
                         bool write)
{
    VfioCcwGuestMap map = { .len = len, .write = write };
    hwaddr xlat, first = len, got = len;

    if (!len) {
        return NULL;
    }
    /* the region whose RAM the first byte is in */
    map.mr = address_space_translate(m->as, gaddr, &xlat, &first, write,
                                     MEMTXATTRS_UNSPECIFIED);
    map.host = address_space_map(m->as, gaddr, &got, write,
                                 MEMTXATTRS_UNSPECIFIED);
    if (!map.host || !map.mr) {
        return NULL;
    }
    if (got < len) {
        address_space_unmap(m->as, map.host, got, write, 0);
        return NULL;
    }
    memory_region_ref(map.mr);
    g_array_append_val(m->held, map);
    return map.host;
}

void vfio_ccw_gmap_release(VfioCcwGuestMaps *m)
{
    for (guint i = 0; i < m->held->len; i++) {
        VfioCcwGuestMap *map = &g_array_index(m->held, VfioCcwGuestMap, i);

        address_space_unmap(m->as, map->host, map->len, map->write,
                            map->write ? map->len : 0);
        memory_region_unref(map->mr);
    }
    g_array_set_size(m->held, 0);
}

unsigned vfio_ccw_gmap_count(const VfioCcwGuestMaps *m)
{
    return m->held ? m->held->len : 0;
}
