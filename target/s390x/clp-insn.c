/*
 * CALL LOGICAL PROCESSOR (B9A0) for PCI: fetch the LPCB from guest
 * storage, let the codec check it, answer from the zPCI bridge, store
 * the response block back.  Block layouts and response codes:
 * docs/devel/zpci-internals.rst.
 */
#include "qemu/osdep.h"
#include "target/s390x/pci-insn.h"
#include "hw/s390x/s390-pci-host.h"
#include "hw/s390x/zpci-hostfn.h"

/* List PCI Functions max_fn: the functions the machine may have (QEMU) */
#define ZPCI_LIST_MAX_FN 4096

typedef struct ClpGuestBlock {
    uint64_t addr;
    int pgm; /* the exception of a failed read */
} ClpGuestBlock;

static bool clp_guest_read(void *opaque, uint32_t offset, void *buf,
                           uint32_t len)
{
    ClpGuestBlock *g = opaque;

    if (offset > UINT64_MAX - g->addr) { /* the LPCB wraps at 2^64 */
        g->pgm = s390_pgm(PGM_ADDRESSING);
        return false;
    }
    g->pgm = ioinst_check_operand(g->addr + offset, len, 1, false);
    if (g->pgm) {
        return false;
    }
    ioinst_fetch(g->addr + offset, buf, len);
    return true;
}

/* ---- List PCI Functions ---- */

static void clp_fill_entry(ZpciDevice *z, ClpListEntry *e)
{
    PCIDevice *pdev = z->pdev;

    *e = (ClpListEntry){
        .device_id = pdev ? pci_get(pdev, PCI_DEVICE_ID, 2) : 0,
        .vendor_id = pdev ? pci_get(pdev, PCI_VENDOR_ID, 2) : 0,
        .configured = zpci_is_configured(z),
        .fid = z->fid,
        .fh = z->fh,
    };
}

/*
 * The resume token of the function with handle index @idx: the index
 * itself, as QEMU answers, except that index 0 (the handle indexes wrap
 * round) would read as "list complete": it is 0x10000, one past every
 * index.
 */
#define CLP_TOKEN_INDEX0 (ZPCI_FH_INDEX + 1ull)

static uint64_t clp_list_token(uint32_t idx)
{
    return idx ? idx : CLP_TOKEN_INDEX0;
}

/* The function a resume token names, or NULL. */
static ZpciDevice *clp_list_resume(S390PciHost *h, uint64_t token)
{
    if (token > CLP_TOKEN_INDEX0) {
        return NULL;
    }
    return s390_pci_find_by_idx(h, token == CLP_TOKEN_INDEX0 ? 0 : token);
}

static void clp_list(S390PciHost *h, ClpBlock *b, const ClpRequest *req)
{
    ClpListInfo info = {
        .mdd = ZPCI_FH_SHM,
        .max_fn = ZPCI_LIST_MAX_FN,
        .uid_checking = true,
    };
    unsigned room = clp_list_capacity(b), n = 0;
    g_autofree ClpListEntry *e = g_new0(ClpListEntry, MAX(room, 1));
    GList *l = h->zdevs.head;
    uint64_t token = 0;

    if (req->u.list.resume_token) {
        ZpciDevice *from = clp_list_resume(h, req->u.list.resume_token);

        l = from ? g_queue_find(&h->zdevs, from) : NULL;
        if (!l) {
            clp_encode_rc(b, CLP_RSP_BAD_RESUME_TOKEN);
            return;
        }
    }
    for (; l && n < room; l = l->next) {
        clp_fill_entry(l->data, &e[n++]);
    }
    if (l) {
        token = clp_list_token(((ZpciDevice *)l->data)->idx);
    }
    clp_encode_list(b, &info, e, n, token);
}

/* ---- Query PCI Function / Group ---- */

static void clp_fill_bars(PCIDevice *pdev, ClpFunctionInfo *f)
{
    for (int i = 0; i < CLP_PCI_NR_BARS; i++) {
        uint64_t size = pci_bar_size(pdev, i);

        f->bar[i] = pci_config_read(pdev, PCI_BASE_ADDRESS_0 + 4 * i, 4);
        f->bar_size[i] = size ? 63 - __builtin_clzll(size) : 0;
    }
}

static void clp_query(S390PciHost *h, ClpBlock *b, const ClpRequest *req)
{
    ZpciDevice *z = s390_pci_find_by_fh(h, req->u.query.fh);
    ClpFunctionInfo f = { 0 };

    if (!z || !z->pdev) {
        clp_encode_rc(b, CLP_RSP_BAD_HANDLE);
        return;
    }
    f.pfgid = z->relaxed_translation ? ZPCI_RELAXED_PFGID : ZPCI_DEFAULT_PFGID;
    f.fid = z->fid;
    f.uid = z->uid;
    f.sdma = z->sdma;
    f.edma = z->edma;
    f.fmb_len = ZPCI_FMB_LEN_WORDS;
    clp_fill_bars(z->pdev, &f);
    if (zpci_host_fn_get_class(OBJECT(z->pdev))) {
        /* a host function's BASE/UTIL/PFIP values (vfio-pci) */
        zpci_host_fn_get_class(OBJECT(z->pdev))->query(OBJECT(z->pdev), &f);
    }
    /* a function of a multi-function slot: its RID, the slot's PCHID */
    s390_pci_mf_query(h, z, &f);
    clp_encode_query_pci(b, &f);
}

static void clp_query_group(ClpBlock *b, const ClpRequest *req)
{
    ClpGroupInfo g = zpci_group_default();

    if (zpci_group_lookup(req->u.group.pfgid, &g)) {
        clp_encode_query_group(b, &g); /* a host group's simulated group */
        return;
    }
    if (req->u.group.pfgid != ZPCI_DEFAULT_PFGID &&
        req->u.group.pfgid != ZPCI_RELAXED_PFGID) {
        clp_encode_rc(b, CLP_RSP_BAD_PFGID);
        return;
    }
    g.rtr = req->u.group.pfgid == ZPCI_RELAXED_PFGID;
    clp_encode_query_group(b, &g);
}

/* ---- Set PCI Function ---- */

static void clp_set(S390PciHost *h, ClpBlock *b, const ClpRequest *req)
{
    ZpciDevice *z = s390_pci_find_by_fh(h, req->u.set.fh);
    uint16_t rc;

    if (!z || !zpci_is_configured(z)) {
        clp_encode_rc(b, CLP_RSP_BAD_HANDLE);
        return;
    }
    if (z->state == ZPCI_FS_PERMANENT_ERROR) {
        clp_encode_rc(b, CLP_RSP_PERMANENT_ERROR);
        return;
    }
    rc = clp_set_pci_check(req, z->fh & ZPCI_FH_ENABLED);
    if (rc != CLP_RSP_OK) {
        clp_encode_rc(b, rc);
        return;
    }
    if (req->u.set.oc == CLP_SET_OC_ENABLE) {
        zpci_enable(z);
    } else {
        zpci_disable(z);
    }
    clp_encode_set_pci(b, z->fh);
}

static void clp_answer(ClpBlock *b, const ClpRequest *req)
{
    S390PciHost *h = s390_pci_host_get();

    switch (req->cmd) {
    case CLP_CMD_LIST_PCI:
        clp_list(h, b, req);
        break;
    case CLP_CMD_QUERY_PCI:
        clp_query(h, b, req);
        break;
    case CLP_CMD_QUERY_PCI_GROUP:
        clp_query_group(b, req);
        break;
    case CLP_CMD_SET_PCI:
        clp_set(h, b, req);
        break;
    }
}

int clp_insn(CPUS390XState *env, uint64_t addr)
{
    g_autofree ClpBlock *b = g_new0(ClpBlock, 1);
    ClpGuestBlock g = { .addr = addr };
    ClpRequest req;
    ClpStatus st;
    int r;

    if (!s390_pci_host_get()) {
        return s390_pgm(PGM_OPERATION); /* no zPCI on this machine */
    }
    switch (clp_block_fetch(b, clp_guest_read, &g)) {
    case CLP_FETCH_OPERAND:
        return s390_pgm(PGM_OPERAND);
    case CLP_FETCH_FAULT:
        return g.pgm;
    case CLP_FETCH_OK:
        break;
    }
    /* the response block is stored: it must be writable (and not wrap) */
    if (b->req_len > UINT64_MAX - addr) {
        return s390_pgm(PGM_ADDRESSING);
    }
    r = ioinst_check_operand(addr + b->req_len, b->rsp_len, 1, true);
    if (r) {
        return r;
    }
    st = clp_decode_request(b, &req);
    if (st.rc != CLP_RSP_OK) {
        clp_encode_rc(b, st.rc);
    } else {
        clp_answer(b, &req);
    }
    ioinst_store(addr + b->req_len, clp_rsp(b), b->rsp_len);
    return st.cc;
}
