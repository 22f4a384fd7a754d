/*
 * vfio-pci back end for the simulated host: the host functions are the
 * sim-pci-function objects (hw/sim), addressed by host=DDDD:BB:DD.F.
 * Each opened function gets an IOMMU of its own (a type1 container in
 * Linux's terms): the DMA mappings made with dma_map are what the
 * function's DMA engine reaches, and nothing else.
 * See include/hw/vfio/pci-host.h and docs/devel/vfio-pci-host.rst.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/pci-bdf.h"
#include "hw/vfio/pci-host.h"
#include "hw/sim/sim-pci.h"
#include "pci-sim-int.h"

/* ---- open / close ---- */

static void sim_signal(int fd)
{
    uint64_t one = 1;

    if (fd >= 0 && write(fd, &one, sizeof(one)) < 0) {
        qemu_log_mask(LOG_GUEST_ERROR, "vfio-pci sim: eventfd: %s\n",
                      g_strerror(errno));
    }
}

static void sim_irq(void *opaque, SimPciIrq irq, unsigned vector)
{
    VFIOPCIHost *h = opaque;

    switch (irq) {
    case SIM_PCI_IRQ_MSIX:
        if (vector < h->fn->msix_vectors) {
            sim_signal(h->msix_fd[vector]);
        }
        break;
    case SIM_PCI_IRQ_ERROR:
        sim_signal(h->err_fd);
        break;
    case SIM_PCI_IRQ_REQ:
        sim_signal(h->req_fd);
        break;
    }
}

static const SimPciHooks sim_hooks = {
    .dma = vfio_pci_sim_dma,
    .irq = sim_irq,
};

static VFIOPCIHost *sim_open(const char *host, const char *sysfsdev,
                             Error **errp)
{
    SimPciFunction *f;
    VFIOPCIHost *h;
    uint16_t domain;
    uint8_t bus, slot, func;

    if (!host) {
        /* sysfsdev= alone is the Linux back end's (pci-host.c) */
        error_setg(errp, "the simulated host needs host=DDDD:BB:DD.F");
        return NULL;
    }
    if (!pci_bdf_parse_one(host, &domain, &bus, &slot, &func, errp)) {
        return NULL;
    }
    f = sim_pci_find(domain, bus, slot, func);
    if (!f) {
        /* QEMU's words (the front end puts "vfio HOST: " before them) */
        error_setg(errp,
                   "no such host device: no sim-pci-function object has "
                   "host=%s",
                   host);
        return NULL;
    }
    if (f->opened) {
        error_setg(errp, "Host device '%s' is already in use", host);
        return NULL;
    }
    if (f->removed) {
        error_setg(errp, "Host device '%s' has been removed", host);
        return NULL;
    }
    h = g_new0(VFIOPCIHost, 1);
    h->fn = f;
    h->err_fd = h->req_fd = -1;
    for (unsigned i = 0; i < SIM_PCI_MAX_VECTORS; i++) {
        h->msix_fd[i] = -1;
    }
    vfio_pci_sim_iommu_init(h);
    object_ref(OBJECT(f));
    f->opened = true;
    f->hooks = &sim_hooks;
    f->hooks_opaque = h;
    return h;
}

static void sim_close(VFIOPCIHost *h)
{
    SimPciFunction *f = h->fn;

    f->hooks = NULL;
    f->hooks_opaque = NULL;
    sim_pci_dev_reset(f);
    f->opened = false;
    vfio_pci_sim_iommu_destroy(h);
    object_unref(OBJECT(f));
    g_free(h);
}

static void sim_get_host_id(VFIOPCIHost *h, VFIOPCIHostId *id)
{
    id->domain = h->fn->domain;
    id->bus = h->fn->bus;
    id->slot = h->fn->slot;
    id->func = h->fn->func;
    id->iommu_group = h->fn->group;
}

/* ---- device, region and irq info ---- */

static void sim_zpci_caps(SimPciFunction *f, CapBuf *c)
{
    if (f->cap_base) {
        struct vfio_device_info_cap_zpci_base *b =
            vfio_pci_sim_cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_BASE, 2,
                                 sizeof(*b));

        b->start_dma = f->start_dma;
        b->end_dma = f->end_dma;
        b->pchid = f->pchid;
        b->vfn = f->vfn;
        b->fmb_length = f->fmb_length;
        b->pft = f->pft;
        b->gid = f->gid;
        b->fh = f->fh;
    }
    if (f->cap_group) {
        struct vfio_device_info_cap_zpci_group *g =
            vfio_pci_sim_cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_GROUP, 2,
                                 sizeof(*g));

        g->dasm = f->dasm;
        g->msi_addr = f->msi_addr;
        g->flags = f->refresh ? VFIO_DEVICE_INFO_ZPCI_FLAG_REFRESH : 0;
        g->mui = f->mui;
        g->noi = f->noi;
        g->maxstbl = f->maxstbl;
        g->version = f->version;
        g->imaxstbl = f->imaxstbl;
    }
    if (f->util_str) {
        /* the 64 bytes of the CLP utility string, as the kernel gives */
        struct vfio_device_info_cap_zpci_util *u =
            vfio_pci_sim_cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_UTIL, 1,
                                 sizeof(*u) + 64);

        u->size = 64;
        memcpy(u->util_str, f->util_ebcdic, sizeof(f->util_ebcdic));
    }
    if (f->pfip) {
        struct vfio_device_info_cap_zpci_pfip *p =
            vfio_pci_sim_cap_add(c, VFIO_DEVICE_INFO_CAP_ZPCI_PFIP, 1,
                                 sizeof(*p) + 4);

        p->size = 4;
        memcpy(p->pfip, f->pfip_bytes, f->pfip_len);
    }
}

static int sim_get_device_info(VFIOPCIHost *h, struct vfio_device_info *info)
{
    struct vfio_device_info hdr = {
        .flags = VFIO_DEVICE_FLAGS_PCI |
                 (h->fn->has_reset ? VFIO_DEVICE_FLAGS_RESET : 0),
        .num_regions = VFIO_PCI_NUM_REGIONS,
        .num_irqs = VFIO_PCI_NUM_IRQS,
    };
    CapBuf caps = { .b = g_byte_array_new(),
                    /* 20 bytes: the chain starts 8-aligned at 24 */
                    .base = (sizeof(hdr) + 7) & ~(size_t)7,
                    .last = UINT32_MAX };
    int ret;

    if (info->argsz < sizeof(hdr)) {
        g_byte_array_free(caps.b, true);
        return -EINVAL;
    }
    sim_zpci_caps(h->fn, &caps);
    if (caps.b->len) {
        hdr.flags |= VFIO_DEVICE_FLAGS_CAPS;
    }
    ret = vfio_pci_sim_info_finish(info, &hdr, sizeof(hdr), &caps,
                                   offsetof(struct vfio_device_info, argsz),
                                   offsetof(struct vfio_device_info,
                                            cap_offset));
    g_byte_array_free(caps.b, true);
    return ret;
}

static uint64_t sim_region_size(SimPciFunction *f, unsigned index)
{
    if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
        return sizeof(f->config);
    }
    return index <= VFIO_PCI_BAR5_REGION_INDEX ? sim_pci_bar_size(f, index) : 0;
}

static int sim_get_region_info(VFIOPCIHost *h, struct vfio_region_info *info)
{
    uint32_t index = info->index;
    uint64_t size;

    if (info->argsz < sizeof(*info) || index >= VFIO_PCI_NUM_REGIONS) {
        return -EINVAL;
    }
    size = sim_region_size(h->fn, index);
    info->flags = size
                      ? VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE
                      : 0; /* s390: never mmap */
    info->cap_offset = 0;
    info->size = size;
    info->offset = (uint64_t)index << 40;
    return 0;
}

static int sim_get_irq_info(VFIOPCIHost *h, struct vfio_irq_info *info)
{
    if (info->argsz < sizeof(*info) || info->index >= VFIO_PCI_NUM_IRQS) {
        return -EINVAL;
    }
    info->flags = VFIO_IRQ_INFO_EVENTFD;
    switch (info->index) {
    case VFIO_PCI_MSIX_IRQ_INDEX:
        info->count = h->fn->msix_vectors;
        info->flags |= VFIO_IRQ_INFO_NORESIZE;
        break;
    case VFIO_PCI_ERR_IRQ_INDEX:
    case VFIO_PCI_REQ_IRQ_INDEX:
        info->count = 1;
        break;
    default:
        info->count = 0; /* no INTx, no MSI on s390 */
        info->flags = 0;
        break;
    }
    return 0;
}

/* ---- regions ---- */

static ssize_t sim_region_rw(VFIOPCIHost *h, unsigned index, uint64_t off,
                             void *buf, size_t len, bool write)
{
    SimPciFunction *f = h->fn;
    uint64_t size = sim_region_size(f, index);

    if (f->removed) {
        return -ENODEV;
    }
    if (index >= VFIO_PCI_NUM_REGIONS || !size || off >= size ||
        len > size - off) {
        return -EINVAL;
    }
    if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
        for (size_t done = 0; done < len;) {
            unsigned n = (off + done) % 4 == 0 && len - done >= 4   ? 4
                         : (off + done) % 2 == 0 && len - done >= 2 ? 2
                                                                    : 1;
            uint8_t *p = (uint8_t *)buf + done;

            if (write) {
                uint32_t v = 0;

                memcpy(&v, p, n);
                sim_pci_config_write(f, off + done, GUINT32_FROM_LE(v), n);
            } else {
                uint32_t v = GUINT32_TO_LE(
                    sim_pci_config_read(f, off + done, n));

                memcpy(p, &v, n);
            }
            done += n;
        }
        return len;
    }
    if (write ? !sim_pci_bar_write(f, index, off, buf, len)
              : !sim_pci_bar_read(f, index, off, buf, len)) {
        return -EIO;
    }
    return len;
}

static ssize_t sim_region_read(VFIOPCIHost *h, unsigned index, uint64_t off,
                               void *buf, size_t len)
{
    return sim_region_rw(h, index, off, buf, len, false);
}

static ssize_t sim_region_write(VFIOPCIHost *h, unsigned index, uint64_t off,
                                const void *buf, size_t len)
{
    return sim_region_rw(h, index, off, (void *)buf, len, true);
}

/* ---- interrupts and reset ---- */

static int *sim_irq_fds(VFIOPCIHost *h, unsigned index, unsigned *count)
{
    switch (index) {
    case VFIO_PCI_MSIX_IRQ_INDEX:
        *count = h->fn->msix_vectors;
        return h->msix_fd;
    case VFIO_PCI_ERR_IRQ_INDEX:
        *count = 1;
        return &h->err_fd;
    case VFIO_PCI_REQ_IRQ_INDEX:
        *count = 1;
        return &h->req_fd;
    default:
        *count = 0;
        return NULL;
    }
}

static int sim_set_irqs(VFIOPCIHost *h, const struct vfio_irq_set *set)
{
    uint32_t data_type = set->flags & VFIO_IRQ_SET_DATA_TYPE_MASK;
    uint32_t action = set->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
    size_t each = data_type == VFIO_IRQ_SET_DATA_EVENTFD ? sizeof(int32_t)
                  : data_type == VFIO_IRQ_SET_DATA_BOOL  ? 1
                                                         : 0;
    unsigned count;
    int *fds = sim_irq_fds(h, set->index, &count);

    if (set->argsz < sizeof(*set) ||
        (set->flags &
         ~(VFIO_IRQ_SET_DATA_TYPE_MASK | VFIO_IRQ_SET_ACTION_TYPE_MASK)) ||
        !data_type || (data_type & (data_type - 1)) || !action ||
        (action & (action - 1)) || !fds || set->start > count ||
        set->count > count - set->start ||
        set->argsz - sizeof(*set) < (uint64_t)each * set->count) {
        return -EINVAL;
    }
    if (action != VFIO_IRQ_SET_ACTION_TRIGGER) {
        return -EINVAL; /* mask/unmask: INTx only */
    }
    if (data_type == VFIO_IRQ_SET_DATA_NONE && set->count == 0) {
        for (unsigned i = 0; i < count; i++) {
            fds[i] = -1; /* disable the whole index */
        }
        return 0;
    }
    for (unsigned i = 0; i < set->count; i++) {
        if (data_type == VFIO_IRQ_SET_DATA_EVENTFD) {
            int32_t fd;

            memcpy(&fd, set->data + i * sizeof(fd), sizeof(fd));
            if (fd < -1) {
                return -EINVAL;
            }
            fds[set->start + i] = fd;
        } else if (data_type == VFIO_IRQ_SET_DATA_NONE || set->data[i]) {
            sim_signal(fds[set->start + i]); /* a loopback trigger */
        }
    }
    return 0;
}

static int sim_reset(VFIOPCIHost *h)
{
    h->fn->reset_calls++;
    if (h->fn->removed) {
        return -ENODEV;
    }
    if (!h->fn->has_reset) {
        return -EINVAL; /* as VFIO for a function without one */
    }
    return sim_pci_dev_reset(h->fn) ? 0 : -EIO;
}

const VFIOPCIHostOps vfio_pci_sim_ops = {
    .name = "sim",
    .open = sim_open,
    .close = sim_close,
    .get_host_id = sim_get_host_id,
    .slot_present = sim_pci_slot_present,
    .get_device_info = sim_get_device_info,
    .get_region_info = sim_get_region_info,
    .region_read = sim_region_read,
    .region_write = sim_region_write,
    .get_irq_info = sim_get_irq_info,
    .set_irqs = sim_set_irqs,
    .reset = sim_reset,
    .get_iommu_info = vfio_pci_sim_get_iommu_info,
    .dma_map = vfio_pci_sim_dma_map,
    .dma_unmap = vfio_pci_sim_dma_unmap,
};
