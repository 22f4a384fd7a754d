/*
 * CLP block codec for the PCI commands: fetch with the operand checks,
 * request validation into a typed ClpRequest, response encoding.
 * Layouts and codes: include/hw/s390x/clp.h, docs/devel/zpci-internals.rst.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/s390x/clp.h"

#define FMT_SHIFT 4 /* format: high nibble of byte 4 */

/*
 * What each command's request may hold: bits set in @reserved must be
 * zero in the 32-byte request block (header included; the format nibble
 * is checked on its own, before).  @rsp_min is the room its answer needs.
 */
typedef struct ClpCommandShape {
    uint16_t rsp_min;
    uint8_t reserved[CLP_PCI_REQ_LEN];
} ClpCommandShape;

#define HDR_RESERVED                                                           \
    0, 0, 0, 0, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,    \
        0xff, 0xff
#define EIGHT_RESERVED 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff

static const ClpCommandShape list_shape = {
    CLP_LIST_RSP_MIN,
    { HDR_RESERVED, 0, 0, 0, 0, 0, 0, 0, 0, EIGHT_RESERVED }, /* token */
};
static const ClpCommandShape query_shape = {
    CLP_QUERY_RSP_LEN,
    { HDR_RESERVED, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, EIGHT_RESERVED },
};
static const ClpCommandShape group_shape = {
    CLP_GROUP_RSP_LEN,
    { HDR_RESERVED, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0xff, 0xff,
      EIGHT_RESERVED }, /* pfgid */
};
static const ClpCommandShape set_shape = {
    CLP_SET_RSP_LEN,
    { HDR_RESERVED, 0, 0, 0, 0, 0xff, 0xff, 0, 0, EIGHT_RESERVED },
};

static const ClpCommandShape *command_shape(uint16_t cmd)
{
    switch (cmd) {
    case CLP_CMD_LIST_PCI:
        return &list_shape;
    case CLP_CMD_QUERY_PCI:
        return &query_shape;
    case CLP_CMD_QUERY_PCI_GROUP:
        return &group_shape;
    case CLP_CMD_SET_PCI:
        return &set_shape;
    default:
        return NULL;
    }
}

static bool reserved_clear(const ClpCommandShape *shape, const uint8_t *req)
{
    uint8_t seen = 0;

    for (int i = 0; i < CLP_PCI_REQ_LEN; i++) {
        seen |= req[i] & shape->reserved[i];
    }
    return seen == 0;
}

static ClpStatus status(uint16_t rc, uint8_t cc)
{
    return (ClpStatus){ .rc = rc, .cc = cc };
}

/* ------------------------------------------------------------------ */
/* fetch                                                               */

bool clp_req_len_valid(uint32_t req_len)
{
    return req_len >= CLP_REQ_LEN_MIN && req_len <= CLP_REQ_LEN_MAX &&
           req_len % 8 == 0;
}

bool clp_rsp_len_valid(uint32_t req_len, uint32_t rsp_len)
{
    return rsp_len >= CLP_RSP_LEN_MIN && rsp_len <= CLP_RSP_LEN_MAX &&
           rsp_len % 8 == 0 && req_len + rsp_len <= CLP_LPCB_MAX;
}

static bool fetch_halfword(ClpReadFn read, void *opaque, uint32_t offset,
                           uint32_t *value)
{
    uint8_t be[2];

    if (!read(opaque, offset, be, sizeof(be))) {
        return false;
    }
    *value = lduw_be_p(be);
    return true;
}

ClpFetchResult clp_block_fetch(ClpBlock *b, ClpReadFn read, void *opaque)
{
    uint32_t req_len, rsp_len;

    if (!fetch_halfword(read, opaque, 0, &req_len)) {
        return CLP_FETCH_FAULT;
    }
    if (!clp_req_len_valid(req_len)) {
        return CLP_FETCH_OPERAND;
    }
    if (!fetch_halfword(read, opaque, req_len, &rsp_len)) {
        return CLP_FETCH_FAULT;
    }
    if (!clp_rsp_len_valid(req_len, rsp_len)) {
        return CLP_FETCH_OPERAND;
    }
    if (!read(opaque, 0, b->bytes, req_len + rsp_len)) {
        return CLP_FETCH_FAULT;
    }
    b->req_len = req_len;
    b->rsp_len = rsp_len;
    return CLP_FETCH_OK;
}

/* ------------------------------------------------------------------ */
/* decode                                                              */

/* Is there room for the answer?  The list wants whole entries. */
static ClpStatus check_rsp_room(const ClpCommandShape *shape, uint16_t cmd,
                                uint16_t room)
{
    if (room < shape->rsp_min) {
        return status(CLP_RSP_NEEDS_8K, 0);
    }
    if (cmd == CLP_CMD_LIST_PCI &&
        (room - CLP_LIST_RSP_HDR_LEN) % CLP_LIST_ENTRY_LEN) {
        return status(CLP_RSP_BAD_LENGTH, 3);
    }
    return status(CLP_RSP_OK, 0);
}

static void fill_request(ClpRequest *req, uint16_t cmd, const uint8_t *body)
{
    memset(req, 0, sizeof(*req));
    req->cmd = cmd;
    switch (cmd) {
    case CLP_CMD_LIST_PCI:
        req->u.list.resume_token = ldq_be_p(body);
        break;
    case CLP_CMD_QUERY_PCI:
        req->u.query.fh = ldl_be_p(body);
        break;
    case CLP_CMD_QUERY_PCI_GROUP:
        req->u.group.pfgid = body[3];
        break;
    case CLP_CMD_SET_PCI:
        req->u.set.fh = ldl_be_p(body);
        req->u.set.oc = body[6];
        req->u.set.ndas = body[7];
        break;
    }
}

ClpStatus clp_decode_request(const ClpBlock *b, ClpRequest *req)
{
    const uint8_t *blk = b->bytes;
    const ClpCommandShape *shape;
    uint16_t cmd;
    ClpStatus st;

    if (b->req_len != CLP_PCI_REQ_LEN) {
        return status(CLP_RSP_BAD_LENGTH, 0);
    }
    cmd = lduw_be_p(blk + 2);
    shape = command_shape(cmd);
    if (!shape) {
        return status(CLP_RSP_BAD_COMMAND, 0);
    }
    if (blk[4] >> FMT_SHIFT) {
        return status(CLP_RSP_BAD_FORMAT, 0);
    }
    if (!reserved_clear(shape, blk)) {
        return status(CLP_RSP_RESERVED_NOT_ZERO, 0);
    }
    st = check_rsp_room(shape, cmd, b->rsp_len);
    if (st.rc != CLP_RSP_OK) {
        return st;
    }
    fill_request(req, cmd, blk + CLP_HDR_LEN);
    req->rsp_room = b->rsp_len;
    return st;
}

uint16_t clp_set_pci_check(const ClpRequest *req, bool enabled)
{
    switch (req->u.set.oc) {
    case CLP_SET_OC_ENABLE:
        if (req->u.set.ndas == 0) {
            return CLP_RSP_BAD_DMA_SPACES;
        }
        if (req->u.set.ndas > 1) {
            return CLP_RSP_NO_RESOURCES;
        }
        return enabled ? CLP_RSP_HANDLE_NOT_FOR_OP : CLP_RSP_OK;
    case CLP_SET_OC_DISABLE:
        return enabled ? CLP_RSP_OK : CLP_RSP_HANDLE_NOT_FOR_OP;
    default:
        /* MIO enable/disable and unknown controls */
        return CLP_RSP_HANDLE_NOT_FOR_OP;
    }
}

/* ------------------------------------------------------------------ */
/* encode                                                              */

void clp_encode_rc(ClpBlock *b, uint16_t rc)
{
    stw_be_p(clp_rsp(b) + 2, rc);
}

/*
 * Start an answer that needs @need bytes: everything after the length
 * halfword is cleared (format 0, reserved fields zero), the code is OK.
 */
static uint8_t *answer_begin(ClpBlock *b, uint16_t need)
{
    uint8_t *rsp = clp_rsp(b);

    g_assert(b->rsp_len >= need);
    memset(rsp + 2, 0, b->rsp_len - 2);
    stw_be_p(rsp + 2, CLP_RSP_OK);
    return rsp;
}

unsigned clp_list_capacity(const ClpBlock *b)
{
    if (b->rsp_len < CLP_LIST_RSP_HDR_LEN) {
        return 0;
    }
    return (b->rsp_len - CLP_LIST_RSP_HDR_LEN) / CLP_LIST_ENTRY_LEN;
}

static void put_list_entry(uint8_t *out, const ClpListEntry *e)
{
    stw_be_p(out, e->device_id);
    stw_be_p(out + 2, e->vendor_id);
    stl_be_p(out + 4, e->configured ? CLP_LIST_ENTRY_CONFIGURED : 0);
    stl_be_p(out + 8, e->fid);
    stl_be_p(out + 12, e->fh);
}

void clp_encode_list(ClpBlock *b, const ClpListInfo *info,
                     const ClpListEntry *entries, unsigned n,
                     uint64_t resume_token)
{
    uint16_t used = CLP_LIST_RSP_HDR_LEN + n * CLP_LIST_ENTRY_LEN;
    uint8_t *rsp;

    g_assert(n <= clp_list_capacity(b));
    rsp = answer_begin(b, used);
    stw_be_p(rsp, used);
    stq_be_p(rsp + 16, resume_token);
    stl_be_p(rsp + 24, info->mdd);
    stw_be_p(rsp + 28, info->max_fn);
    rsp[30] = info->uid_checking ? CLP_LIST_FLAG_UID_CHECKING : 0;
    rsp[31] = CLP_LIST_ENTRY_LEN;
    for (unsigned i = 0; i < n; i++) {
        put_list_entry(rsp + CLP_LIST_RSP_HDR_LEN + i * CLP_LIST_ENTRY_LEN,
                       &entries[i]);
    }
}

void clp_encode_query_pci(ClpBlock *b, const ClpFunctionInfo *f)
{
    uint8_t *rsp = answer_begin(b, CLP_QUERY_RSP_LEN);

    stw_be_p(rsp + 16, f->vfn);
    rsp[18] = (f->util_str_valid ? CLP_QUERY_FLAG_UTIL_STR : 0) |
              (f->rid_valid ? CLP_QUERY_FLAG_RID : 0);
    rsp[19] = f->pfgid;
    stl_be_p(rsp + 20, f->fid);
    memcpy(rsp + 24, f->bar_size, CLP_PCI_NR_BARS);
    stw_be_p(rsp + 30, f->pchid);
    for (int i = 0; i < CLP_PCI_NR_BARS; i++) {
        /* the BAR words keep PCI's little-endian byte order */
        uint32_t le = GUINT32_TO_LE(f->bar[i]);

        memcpy(rsp + 32 + 4 * i, &le, sizeof(le));
    }
    memcpy(rsp + 56, f->pfip, CLP_PFIP_LEN);
    rsp[62] = f->fmb_len;
    rsp[63] = f->pft;
    stq_be_p(rsp + 64, f->sdma);
    stq_be_p(rsp + 72, f->edma);
    stw_be_p(rsp + 80, f->rid);
    stl_be_p(rsp + 124, f->uid);
    memcpy(rsp + 128, f->util_str, CLP_UTIL_STR_LEN);
}

void clp_encode_query_group(ClpBlock *b, const ClpGroupInfo *g)
{
    uint8_t *rsp = answer_begin(b, CLP_GROUP_RSP_LEN);

    stw_be_p(rsp + 16, g->noi & CLP_GROUP_NOI_MASK);
    rsp[18] = g->version;
    rsp[19] = (g->rtr ? CLP_GROUP_FLAG_RTR : 0) |
              (g->frame ? CLP_GROUP_FLAG_FRAME : 0) |
              (g->refresh ? CLP_GROUP_FLAG_REFRESH : 0);
    stw_be_p(rsp + 20, g->maxstbl & CLP_GROUP_MAXSTBL_MASK);
    stw_be_p(rsp + 22, g->mui);
    rsp[24] = g->dtsm;
    stq_be_p(rsp + 32, g->dasm);
    stq_be_p(rsp + 40, g->msia);
}

void clp_encode_set_pci(ClpBlock *b, uint32_t fh)
{
    uint8_t *rsp = answer_begin(b, CLP_SET_RSP_LEN);

    stl_be_p(rsp + 16, fh);
}

const char *clp_rsp_name(uint16_t rc)
{
    switch (rc) {
    case CLP_RSP_OK:
        return "OK";
    case CLP_RSP_BAD_COMMAND:
        return "command not recognized";
    case CLP_RSP_NOT_AUTHORIZED:
        return "command not authorized";
    case CLP_RSP_BAD_FORMAT:
        return "request format not valid";
    case CLP_RSP_BAD_LENGTH:
        return "request length not valid";
    case CLP_RSP_NEEDS_8K:
        return "command needs an 8K LPCB";
    case CLP_RSP_RESERVED_NOT_ZERO:
        return "reserved field not zero";
    case CLP_RSP_NO_DATA:
        return "no data available";
    case CLP_RSP_FC_UNKNOWN:
        return "function code not recognized";
    case CLP_RSP_BAD_HANDLE:
        return "function handle not valid";
    case CLP_RSP_HANDLE_NOT_FOR_OP:
        return "handle not valid for operation";
    case CLP_RSP_BAD_DMA_SPACES:
        return "DMA address spaces not valid";
    case CLP_RSP_NO_RESOURCES:
        return "insufficient resources";
    case CLP_RSP_ALREADY:
        return "already in requested state";
    case CLP_RSP_PERMANENT_ERROR:
        return "function in permanent error";
    case CLP_RSP_RECOVERY_PENDING:
        return "error recovery pending";
    case CLP_RSP_BUSY:
        return "function busy";
    case CLP_RSP_BAD_RESUME_TOKEN:
        return "resume token not recognized";
    case CLP_RSP_BAD_PFGID:
        return "function group not recognized";
    default:
        return "unknown response code";
    }
}
