/*
 * zPCI function identifiers: the uid (user-defined identifier, 16 bits)
 * and the fid (function identifier, 32 bits) every zpci device carries.
 *
 * A pure module over plain structs: no QOM, no devices.  The zPCI bridge
 * keeps one ZpciIds per machine; a zpci device claims its pair at realize
 * and gives it back at unrealize.
 *
 * Numbering rules (those of QEMU and libvirt):
 *   - uid 0 means "not given, generate one"; valid uids are 1..65535 and a
 *     generated uid is the lowest one not in use;
 *   - every 32-bit fid is a real value, 0 included, so "not given" is a
 *     separate flag; a generated fid is the lowest one not in use.
 *
 * Cost: the uid space is a three-level 64-ary bitmap (fixed 8.3 KiB), so
 * every uid operation is O(1) (three count-trailing-zeros at most).  The
 * fid space is an ordered set of maximal runs of used fids in a balanced
 * tree: finding the lowest free fid, reserving and releasing are
 * O(log r) for r runs (r <= number of fids in use).
 */
#ifndef HW_S390X_ZPCI_IDS_H
#define HW_S390X_ZPCI_IDS_H

#include "qemu/osdep.h"
#include "qapi/error.h"

#define ZPCI_UID_UNDEFINED 0
#define ZPCI_UID_MIN       1
#define ZPCI_UID_MAX       0xffff
#define ZPCI_FID_MAX       0xffffffffu

/* bits per bitmap word, and the words per level of the uid bitmap */
#define ZPCI_UID_WORD_BITS 64
#define ZPCI_UID_LEAVES    ((ZPCI_UID_MAX + 1) / ZPCI_UID_WORD_BITS) /* 1024 */
#define ZPCI_UID_MIDS      (ZPCI_UID_LEAVES / ZPCI_UID_WORD_BITS)    /* 16 */

/*
 * The uid space.  leaf[] has one bit per uid (set = in use); bit b of
 * mid[m] is set when leaf[m * 64 + b] is full; bit m of top is set when
 * mid[m] is full.  uid 0 is marked in use once and for all, so that the
 * first clear bit is always a valid uid.
 */
typedef struct ZpciUidMap {
    uint64_t top;
    uint64_t mid[ZPCI_UID_MIDS];
    uint64_t leaf[ZPCI_UID_LEAVES];
    uint32_t in_use; /* valid uids in use (uid 0 excluded) */
} ZpciUidMap;

/* The fid space: runs [first, last] of used fids, ordered by first. */
typedef struct ZpciFidSet {
    GTree *runs;
    uint64_t in_use; /* fids in use; up to 2^32 */
} ZpciFidSet;

typedef struct ZpciIds {
    ZpciUidMap uid;
    ZpciFidSet fid;
} ZpciIds;

/* --- uid bitmap (no errors: callers check the results) --- */
void zpci_uid_map_init(ZpciUidMap *m);
bool zpci_uid_map_test(const ZpciUidMap *m, uint16_t uid);
/* Mark @uid (1..65535) used; false when it already was. */
bool zpci_uid_map_set(ZpciUidMap *m, uint16_t uid);
/* Mark @uid free; false when it was not in use. */
bool zpci_uid_map_clear(ZpciUidMap *m, uint16_t uid);
/* The lowest free uid, or ZPCI_UID_UNDEFINED when all 65535 are used. */
uint16_t zpci_uid_map_lowest_free(const ZpciUidMap *m);

/* --- fid run set --- */
void zpci_fid_set_init(ZpciFidSet *s);
void zpci_fid_set_destroy(ZpciFidSet *s);
bool zpci_fid_set_test(const ZpciFidSet *s, uint32_t fid);
/* Mark @fid used; false when it already was. */
bool zpci_fid_set_add(ZpciFidSet *s, uint32_t fid);
/* Mark [first, last] used; false (and nothing changed) if any was in use. */
bool zpci_fid_set_add_range(ZpciFidSet *s, uint32_t first, uint32_t last);
/* Mark @fid free; false when it was not in use. */
bool zpci_fid_set_remove(ZpciFidSet *s, uint32_t fid);
/* Store the lowest free fid in *fid; false when all 2^32 are used. */
bool zpci_fid_set_lowest_free(const ZpciFidSet *s, uint32_t *fid);
/* How many runs the set holds (for figures and tests). */
unsigned zpci_fid_set_nr_runs(const ZpciFidSet *s);

/* --- both, with QEMU's error texts --- */
void zpci_ids_init(ZpciIds *ids);
void zpci_ids_destroy(ZpciIds *ids);

bool zpci_ids_uid_in_use(const ZpciIds *ids, uint16_t uid);
bool zpci_ids_fid_in_use(const ZpciIds *ids, uint32_t fid);

/* "uid %u already in use"; uid 0 is "uid 0 is out of range 1..65535" */
bool zpci_ids_reserve_uid(ZpciIds *ids, uint16_t uid, Error **errp);
/* The lowest free uid into *uid, or "no free uid could be found". */
bool zpci_ids_alloc_uid(ZpciIds *ids, uint16_t *uid, Error **errp);
void zpci_ids_release_uid(ZpciIds *ids, uint16_t uid);

/* "fid %u already in use" */
bool zpci_ids_reserve_fid(ZpciIds *ids, uint32_t fid, Error **errp);
/* The lowest free fid into *fid, or "no free fid could be found". */
bool zpci_ids_alloc_fid(ZpciIds *ids, uint32_t *fid, Error **errp);
void zpci_ids_release_fid(ZpciIds *ids, uint32_t fid);

/*
 * What a zpci device does at realize: *uid == ZPCI_UID_UNDEFINED asks
 * for a generated uid, otherwise *uid is reserved; likewise *fid is
 * generated unless @fid_given.  The uid is dealt with first (its error
 * wins, as in QEMU).  All or nothing: on failure neither is taken.
 */
bool zpci_ids_claim(ZpciIds *ids, uint16_t *uid, uint32_t *fid, bool fid_given,
                    Error **errp);
/* What it does at unrealize: both values become free again. */
void zpci_ids_release(ZpciIds *ids, uint16_t uid, uint32_t fid);

#endif
