/*
 * libFuzzer target for the CLP block codec (hw/s390x/clp-codec.c): the
 * input is the guest's LPCB as CLP would read it. The block is fetched,
 * the request decoded, and whatever the decode allows is answered the way
 * the CLP instruction will (a list of as many made-up functions as fit, a
 * query, a group, a set). Checked after every answer: nothing written past
 * the response block the guest gave, the response's length word within
 * it, a decoded request only when the response code is "OK".
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/s390x/clp.h"

typedef struct FuzzLpcb {
    const uint8_t *data;
    size_t size;
} FuzzLpcb;

static bool fz_read(void *opaque, uint32_t offset, void *buf, uint32_t len)
{
    const FuzzLpcb *in = opaque;

    if (offset > in->size || len > in->size - offset) {
        return false;
    }
    memcpy(buf, in->data + offset, len);
    return true;
}

static void fz_answer(ClpBlock *b, const ClpRequest *req, uint8_t knob)
{
    ClpListEntry entries[300];
    ClpFunctionInfo f = {
        .fid = 7, .uid = 1, .pfgid = 1, .sdma = 0x1000, .edma = ~0ULL
    };
    ClpGroupInfo g = { .noi = 32,
                       .maxstbl = 128,
                       .mui = 1000,
                       .dtsm = 0x40,
                       .msia = 0xfe00000000000000ULL };
    unsigned n, cap;

    switch (req->cmd) {
    case CLP_CMD_LIST_PCI:
        cap = clp_list_capacity(b);
        n = MIN(cap, (unsigned)knob * 2);
        n = MIN(n, (unsigned)ARRAY_SIZE(entries));
        for (unsigned i = 0; i < n; i++) {
            entries[i] = (ClpListEntry){ .vendor_id = 0x5a50,
                                         .device_id = 1,
                                         .fid = i,
                                         .fh = 0x80000000u | i,
                                         .configured = i & 1 };
        }
        clp_encode_list(b, &(ClpListInfo){ .mdd = 1, .max_fn = 256 }, entries,
                        n, n == cap ? n : 0);
        break;
    case CLP_CMD_QUERY_PCI:
        clp_encode_query_pci(b, &f);
        break;
    case CLP_CMD_QUERY_PCI_GROUP:
        clp_encode_query_group(b, &g);
        break;
    case CLP_CMD_SET_PCI: {
        uint16_t rc = clp_set_pci_check(req, knob & 1);

        if (rc == CLP_RSP_OK) {
            clp_encode_set_pci(b, req->u.set.fh ^ 0x80000000u);
        } else {
            clp_encode_rc(b, rc);
        }
        break;
    }
    default:
        abort(); /* decode said OK for a command it does not know */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static ClpBlock b;
    static uint8_t before[CLP_LPCB_MAX];
    FuzzLpcb in = { data, size };
    ClpRequest req;
    ClpStatus st;
    uint32_t end;

    memset(&b, 0xa5, sizeof(b));
    if (clp_block_fetch(&b, fz_read, &in) != CLP_FETCH_OK) {
        return 0;
    }
    if (!clp_req_len_valid(b.req_len) ||
        !clp_rsp_len_valid(b.req_len, b.rsp_len)) {
        abort(); /* fetched a block whose lengths are not valid */
    }
    end = b.req_len + b.rsp_len;
    memcpy(before, b.bytes, sizeof(before));

    st = clp_decode_request(&b, &req);
    if (st.rc == CLP_RSP_OK) {
        fz_answer(&b, &req, size ? data[size - 1] : 0);
    } else {
        clp_encode_rc(&b, st.rc);
    }
    (void)clp_rsp_name(st.rc);

    /* the request block and whatever lies past the response are untouched */
    if (memcmp(before, b.bytes, b.req_len) ||
        memcmp(before + end, b.bytes + end, sizeof(before) - end)) {
        abort();
    }
    /* the response's own length word never claims more than it was given */
    if (lduw_be_p(clp_rsp(&b)) > b.rsp_len) {
        abort();
    }
    return 0;
}
