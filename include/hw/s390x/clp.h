/*
 * CALL LOGICAL PROCESSOR (CLP) blocks for PCI: a pure codec.
 *
 * The guest hands CLP one logical-processor control block (LPCB): a
 * request block followed by a response block, each starting with a
 * 16-byte header whose first halfword is its length; all big-endian.
 * This module fetches the LPCB through a memory accessor (making the
 * length checks that end in an operand exception), decodes the request
 * into a typed ClpRequest once everything the block itself can get wrong
 * has been checked, and encodes typed responses into the response block.
 * What needs the machine (does this handle exist, is this resume token
 * one of ours) stays with the caller.  See docs/devel/zpci-internals.rst.
 */
#ifndef HW_S390X_CLP_H
#define HW_S390X_CLP_H

#include "qemu/osdep.h"

/* --- sizes --- */
#define CLP_LPCB_MAX         8192 /* request + response */
#define CLP_HDR_LEN          16   /* request and response headers */
#define CLP_REQ_LEN_MIN      16
#define CLP_REQ_LEN_MAX      8184
#define CLP_RSP_LEN_MIN      8
#define CLP_RSP_LEN_MAX      8176
#define CLP_PCI_REQ_LEN      32 /* every PCI command's request block */
#define CLP_LIST_RSP_HDR_LEN 32 /* List PCI response before the entries */
#define CLP_LIST_ENTRY_LEN   16
#define CLP_LIST_RSP_MIN     (CLP_LIST_RSP_HDR_LEN + CLP_LIST_ENTRY_LEN)
#define CLP_QUERY_RSP_LEN    192 /* Query PCI Function, through util_str */
#define CLP_GROUP_RSP_LEN    64  /* Query PCI Function Group */
#define CLP_SET_RSP_LEN      32  /* Set PCI Function */
#define CLP_PCI_NR_BARS      6
#define CLP_PFIP_LEN         4
#define CLP_UTIL_STR_LEN     64

/* --- command codes --- */
typedef enum ClpCommand {
    CLP_CMD_LIST_PCI = 0x0002,
    CLP_CMD_QUERY_PCI = 0x0003,
    CLP_CMD_QUERY_PCI_GROUP = 0x0004,
    CLP_CMD_SET_PCI = 0x0005,
} ClpCommand;

/* --- response codes --- */
typedef enum ClpResponseCode {
    CLP_RSP_OK = 0x0010,                /* command completed */
    CLP_RSP_BAD_COMMAND = 0x0020,       /* command code not recognized */
    CLP_RSP_NOT_AUTHORIZED = 0x0030,    /* command not authorized */
    CLP_RSP_BAD_FORMAT = 0x0040,        /* request format not valid */
    CLP_RSP_BAD_LENGTH = 0x0050,        /* request length not valid */
    CLP_RSP_NEEDS_8K = 0x0060,          /* command needs an 8 KiB LPCB */
    CLP_RSP_RESERVED_NOT_ZERO = 0x0070, /* a reserved field is not zero */
    CLP_RSP_NO_DATA = 0x0080,           /* no data available */
    CLP_RSP_FC_UNKNOWN = 0x0100,        /* function code not recognized */
    CLP_RSP_BAD_HANDLE = 0x0101,        /* function handle not valid */
    CLP_RSP_HANDLE_NOT_FOR_OP = 0x0102, /* handle not valid for the op */
    CLP_RSP_BAD_DMA_SPACES = 0x0103,    /* DMA address space(s) not valid */
    CLP_RSP_NO_RESOURCES = 0x0104,      /* insufficient resources */
    CLP_RSP_ALREADY = 0x0105,           /* already in the requested state */
    CLP_RSP_PERMANENT_ERROR = 0x0106,   /* function in permanent error */
    CLP_RSP_RECOVERY_PENDING = 0x0107,  /* error recovery pending */
    CLP_RSP_BUSY = 0x0108,              /* function busy */
    CLP_RSP_BAD_RESUME_TOKEN = 0x010a,  /* resume token not recognized */
    CLP_RSP_BAD_PFGID = 0x010b,         /* function group not recognized */
} ClpResponseCode;

/* --- Set PCI Function operation controls --- */
#define CLP_SET_OC_ENABLE      0
#define CLP_SET_OC_DISABLE     1
#define CLP_SET_OC_ENABLE_MIO  2
#define CLP_SET_OC_DISABLE_MIO 3

/* --- flag bits --- */
#define CLP_LIST_FLAG_UID_CHECKING 0x01        /* List PCI response byte 30 */
#define CLP_LIST_ENTRY_CONFIGURED  0x80000000u /* list entry word 1 */
#define CLP_QUERY_FLAG_UTIL_STR    0x01        /* Query PCI response byte 18 */
#define CLP_QUERY_FLAG_MIO         0x02
#define CLP_QUERY_FLAG_RID         0x10 /* rid (byte 80) is valid */
#define CLP_GROUP_FLAG_REFRESH     0x01 /* Query Group response byte 19 */
#define CLP_GROUP_FLAG_FRAME       0x02
#define CLP_GROUP_FLAG_RTR         0x20 /* relaxed translation allowed */
#define CLP_GROUP_NOI_MASK         0x0fff
#define CLP_GROUP_MAXSTBL_MASK     0x1fff

/* --- function handle bits (they appear in CLP blocks) --- */
#define ZPCI_FH_ENABLED  0x80000000u
#define ZPCI_FH_INSTANCE 0x7f000000u
#define ZPCI_FH_SHM      0x00ff0000u
#define ZPCI_FH_INDEX    0x0000ffffu
#define ZPCI_FH_SHM_VFIO 0x00010000u
#define ZPCI_FH_SHM_EMUL 0x00020000u

/* The LPCB as fetched from the guest. */
typedef struct ClpBlock {
    uint16_t req_len;
    uint16_t rsp_len;
    uint8_t bytes[CLP_LPCB_MAX];
} ClpBlock;

/* Read @len bytes at @offset of the guest's LPCB; false on an access fault. */
typedef bool (*ClpReadFn)(void *opaque, uint32_t offset, void *buf,
                          uint32_t len);

typedef enum ClpFetchResult {
    CLP_FETCH_OK,
    CLP_FETCH_OPERAND, /* lengths not valid: operand exception */
    CLP_FETCH_FAULT,   /* @read failed: the accessor's exception */
} ClpFetchResult;

/* What CLP ends with: the response code stored, and the condition code. */
typedef struct ClpStatus {
    uint16_t rc;
    uint8_t cc;
} ClpStatus;

/* A request that passed every check the block alone allows. */
typedef struct ClpRequest {
    ClpCommand cmd;
    uint16_t rsp_room; /* response block length the guest gave */
    union {
        struct {
            uint64_t resume_token; /* 0: from the first function */
        } list;
        struct {
            uint32_t fh;
        } query;
        struct {
            uint8_t pfgid;
        } group;
        struct {
            uint32_t fh;
            uint8_t oc;
            uint8_t ndas;
        } set;
    } u;
} ClpRequest;

typedef struct ClpListInfo {
    uint32_t mdd;
    uint16_t max_fn;
    bool uid_checking;
} ClpListInfo;

typedef struct ClpListEntry {
    uint16_t device_id;
    uint16_t vendor_id;
    bool configured;
    uint32_t fid;
    uint32_t fh;
} ClpListEntry;

typedef struct ClpFunctionInfo {
    uint16_t vfn;
    bool util_str_valid;
    uint8_t pfgid;
    uint32_t fid;
    uint8_t bar_size[CLP_PCI_NR_BARS]; /* log2 of the size, 0: no BAR */
    uint16_t pchid;
    uint32_t bar[CLP_PCI_NR_BARS]; /* BAR register values */
    uint8_t pfip[CLP_PFIP_LEN];
    uint8_t fmb_len;
    uint8_t pft;
    uint64_t sdma;
    uint64_t edma;
    bool rid_valid; /* the guest may use @rid (multi-function devices) */
    uint16_t rid;   /* bus << 8 | devfn */
    uint32_t uid;
    uint8_t util_str[CLP_UTIL_STR_LEN];
} ClpFunctionInfo;

typedef struct ClpGroupInfo {
    uint16_t noi; /* 12 bits */
    uint8_t version;
    bool frame;
    bool refresh;
    bool rtr; /* relaxed translation allowed (MPCIFC with the T bit off) */
    uint16_t maxstbl; /* 13 bits */
    uint16_t mui;
    uint8_t dtsm;
    uint64_t dasm;
    uint64_t msia;
} ClpGroupInfo;

/* The response block of @b. */
static inline uint8_t *clp_rsp(ClpBlock *b)
{
    return b->bytes + b->req_len;
}

/* Operand checks on the two lengths (CLP raises an operand exception). */
bool clp_req_len_valid(uint32_t req_len);
bool clp_rsp_len_valid(uint32_t req_len, uint32_t rsp_len);

/*
 * Fetch the LPCB in three steps, as the lengths become known: the request
 * length, the response length behind the request, then both blocks.
 */
ClpFetchResult clp_block_fetch(ClpBlock *b, ClpReadFn read, void *opaque);

/*
 * Check the request block (length, command, format, reserved fields)
 * and the room left for the response; on CLP_RSP_OK fill @req.
 */
ClpStatus clp_decode_request(const ClpBlock *b, ClpRequest *req);

/*
 * Set PCI Function, once the handle was found: CLP_RSP_OK when the
 * operation (enable or disable) may go ahead on a function whose handle
 * is @enabled or not, else the response code to store.
 */
uint16_t clp_set_pci_check(const ClpRequest *req, bool enabled);

/* Store just a response code (what an error answer does). */
void clp_encode_rc(ClpBlock *b, uint16_t rc);

/* How many list entries the response block has room for. */
unsigned clp_list_capacity(const ClpBlock *b);

/*
 * The List PCI Functions answer: @n entries (at most the capacity) and
 * the token to resume from (0 when the list is complete).
 */
void clp_encode_list(ClpBlock *b, const ClpListInfo *info,
                     const ClpListEntry *entries, unsigned n,
                     uint64_t resume_token);
void clp_encode_query_pci(ClpBlock *b, const ClpFunctionInfo *f);
void clp_encode_query_group(ClpBlock *b, const ClpGroupInfo *g);
void clp_encode_set_pci(ClpBlock *b, uint32_t fh);

/* "OK", "bad length" ...: for traces and test messages. */
const char *clp_rsp_name(uint16_t rc);

#endif
