/*
 * Multi-function pass-through (docs/system/s390x/vfio-pci.rst,
 * "Multi-function devices"; zpci.rst): one -device / device_add with an
 * extended host= on simulated host functions becomes one vfio-pci per
 * host function in one guest slot.  As a guest sees it: CLP List shows
 * each function with its own fid and handle, Query PCI Function reports
 * RID available, the guest function as RID and one PCHID per slot, a
 * PCILG of each function's configuration space reaches its own host
 * function, function 0's header type has the multi-function bit;
 * device_del removes the slot as one unit; bad lines are refused.
 */
#include <inttypes.h>

#include "cmdline-test.h"
#include "zpci-event-test.h"

/* One host device, 0001:00:01, with functions 0, 1, 3 and 5 */
#define HFN(f)                                                                 \
    "-object sim-pci-function,id=h" #f ",host=0001:00:01." #f                  \
    ",pchid=0x40,device-id=0x100" #f " "
#define HOSTS HFN(0) HFN(1) HFN(3) HFN(5)

#define DEL_HP          "{'execute': 'device_del', 'arguments': {'id': 'hp'}}"
#define QUERY_RID_AVAIL 0x10 /* byte 18 of the Query PCI Function answer */

typedef struct Fn {
    uint32_t fid, fh, uid;
    bool rid_avail;
    uint16_t rid, pchid;
    uint16_t device_id; /* what PCILG of config offset 0 shows */
    uint8_t header_type;
} Fn;

/* PCI LOAD of 4 bytes of config space of enabled @fh, as the function has it */
static uint32_t cfg_read(QTestState *s, uint32_t fh, unsigned off)
{
    g_autofree gchar *r = cmd(s, "s390_pcilg 0x%" PRIx64 " 0x%x",
                              (uint64_t)fh << 32 | 15 << 16 | 4, off);
    uint64_t data = 0, req = 0;
    int cc = -1;

    g_assert_cmpint(sscanf(r, "OK cc %d 0x%" SCNx64 " 0x%" SCNx64, &cc, &data,
                           &req),
                    ==, 3);
    g_assert_cmpint(cc, ==, 0);
    return GUINT32_SWAP_LE_BE((uint32_t)data);
}

/* Every listed function as the guest finds it: list, query, enable, PCILG */
static unsigned scan(QTestState *s, Fn *fn, unsigned max)
{
    unsigned n = clp_count(s);

    g_assert_cmpuint(n, <=, max);
    for (unsigned i = 0; i < n; i++) {
        fn[i].fid = qtest_readl(s, LIST_ENTRY(i) + 8);
        fn[i].fh = qtest_readl(s, LIST_ENTRY(i) + 12);
    }
    for (unsigned i = 0; i < n; i++) {
        uint32_t fh;

        g_assert_cmphex(clp_query(s, fn[i].fh), ==, 0x0010);
        fn[i].rid_avail = qtest_readb(s, LPCB_RSP + 18) & QUERY_RID_AVAIL;
        fn[i].rid = qtest_readw(s, LPCB_RSP + 80);
        fn[i].pchid = qtest_readw(s, LPCB_RSP + 30);
        fn[i].uid = qtest_readl(s, LPCB_RSP + 124);
        g_assert_cmphex(qtest_readl(s, LPCB_RSP + 20), ==, fn[i].fid);
        fh = zpci_enable(s, fn[i].fh);
        fn[i].device_id = cfg_read(s, fh, 0) >> 16;
        fn[i].header_type = cfg_read(s, fh, 0x0c) >> 16;
        g_assert_cmphex(clp_set(s, fh, 1), ==, 0x0010); /* disable again */
    }
    return n;
}

/* The listed function whose RID is @rid (which must be available) */
static const Fn *by_rid(const Fn *fn, unsigned n, uint16_t rid)
{
    for (unsigned i = 0; i < n; i++) {
        if (fn[i].rid_avail && fn[i].rid == rid) {
            return &fn[i];
        }
    }
    g_test_message("no function with RID %u", rid);
    g_assert_not_reached();
}

/*
 * The guest sees exactly one slot whose guest function @vf[i] is host
 * function @pf[i]: each with its own fid, fh and uid, RID = guest
 * function, one PCHID, the host function's device id, the
 * multi-function bit in function 0's header type.
 */
static void expect_slot(QTestState *s, const uint8_t *vf, const uint8_t *pf,
                        unsigned n)
{
    Fn fn[8];

    g_assert_cmpuint(scan(s, fn, 8), ==, n);
    for (unsigned i = 0; i < n; i++) {
        const Fn *f = by_rid(fn, n, vf[i]);

        g_assert_cmphex(f->device_id, ==, 0x1000 + pf[i]);
        g_assert_cmphex(f->pchid, ==, fn[0].pchid);
        if (vf[i] == 0) {
            g_assert_cmphex(f->header_type & 0x80, ==, 0x80);
        }
        for (unsigned j = 0; j < i; j++) {
            const Fn *o = by_rid(fn, n, vf[j]);

            g_assert_cmphex(f->fid, !=, o->fid);
            g_assert_cmphex(f->fh, !=, o->fh);
            g_assert_cmpuint(f->uid, !=, o->uid);
        }
    }
}

/* qom-get of device @id's @prop */
static JsonObject *qom_get(QTestState *s, const char *id, const char *prop)
{
    return qtest_qmp(
        s,
        "{'execute': 'qom-get', 'arguments': {'path': '/machine/peripheral/%s', 'property': %s}}",
        id, prop);
}

/* Device @id exists with host= @host at guest @slot, @func */
static void expect_dev(QTestState *s, const char *id, const char *host,
                       int slot, int func)
{
    JsonObject *h = qom_get(s, id, "host");
    JsonObject *a = qom_get(s, id, "addr");

    g_assert_cmpstr(json_object_get_string_member(h, "return"), ==, host);
    g_assert_cmpint(json_object_get_int_member(a, "return"), ==,
                    slot << 3 | func);
    json_object_unref(h);
    json_object_unref(a);
}

/* '*', @VSLOT, identity: the seed's identity table */
static void test_star_identity(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                                "host=0001:00:01.*@07,mapping=identity");

    expect_slot(s, (uint8_t[]){ 0, 1, 3, 5 }, (uint8_t[]){ 0, 1, 3, 5 }, 4);
    expect_dev(s, "nic", "0001:00:01.0", 7, 0);
    expect_dev(s, "nic.1", "0001:00:01.1", 7, 1);
    expect_dev(s, "nic.3", "0001:00:01.3", 7, 3);
    expect_dev(s, "nic.5", "0001:00:01.5", 7, 5);
    qtest_quit(s);
}

/* A list, least: the lowest free guest function in the order given */
static void test_list_least(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                                "host=0001:00:01.5,,3,,0@04,mapping=least");

    expect_slot(s, (uint8_t[]){ 0, 1, 2 }, (uint8_t[]){ 5, 3, 0 }, 3);
    expect_dev(s, "nic", "0001:00:01.5", 4, 0);
    expect_dev(s, "nic.1", "0001:00:01.3", 4, 1);
    expect_dev(s, "nic.2", "0001:00:01.0", 4, 2);
    qtest_quit(s);
}

/*
 * func0 (the default), host function 0 absent: the lowest becomes 0;
 * mapping= inside host=; the slot chosen (the lowest free: 0).
 */
static void test_list_func0(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                                "host=0001:00:01.3,,5,,1");

    expect_slot(s, (uint8_t[]){ 0, 3, 5 }, (uint8_t[]){ 1, 3, 5 }, 3);
    expect_dev(s, "nic", "0001:00:01.1", 0, 0);
    expect_dev(s, "nic.5", "0001:00:01.5", 0, 5);
    qtest_quit(s);

    /* identity keeps them: no function 0 (mapping as a host= option) */
    s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                    "host=0001:00:01.3,,5,,1,,mapping=identity");
    expect_slot(s, (uint8_t[]){ 1, 3, 5 }, (uint8_t[]){ 1, 3, 5 }, 3);
    expect_dev(s, "nic", "0001:00:01.1", 0, 1);
    qtest_quit(s);
}

/* A range behind a pci-bridge, addr= giving the slot; a P=V map */
static void test_range_map(void)
{
    QTestState *s = start(HOSTS "-device pci-bridge,chassis_nr=1,id=pci.1,"
                                "bus=pci.0,addr=0x1 "
                                "-device vfio-pci,bus=pci.1,id=nic,addr=0x3,"
                                "host=0001:00:01.0-1");

    expect_slot(s, (uint8_t[]){ 0, 1 }, (uint8_t[]){ 0, 1 }, 2);
    expect_dev(s, "nic.1", "0001:00:01.1", 3, 1);
    qtest_quit(s);

    s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                    "host=0001:00:01.5=0,,0=3");
    expect_slot(s, (uint8_t[]){ 0, 3 }, (uint8_t[]){ 5, 0 }, 2);
    expect_dev(s, "nic.3", "0001:00:01.0", 0, 3);
    qtest_quit(s);
}

/* The plain notation is libvirt's single function: no RID, no MF bit */
static void test_plain_single(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,addr=0x2,"
                                "host=0001:00:01.3,id=one");
    Fn fn[2];

    g_assert_cmpuint(scan(s, fn, 2), ==, 1);
    g_assert_false(fn[0].rid_avail);
    g_assert_cmphex(fn[0].rid, ==, 0);
    g_assert_cmphex(fn[0].pchid, ==, 0x40);
    g_assert_cmphex(fn[0].device_id, ==, 0x1003);
    g_assert_cmphex(fn[0].header_type & 0x80, ==, 0);
    expect_dev(s, "one", "0001:00:01.3", 2, 0);
    qtest_quit(s);

    /* one function in the multi-function notation: func0 makes it 0 */
    s = start(HOSTS "-device vfio-pci,bus=pci.0,host=0001:00:01.3-3,id=one");
    g_assert_cmpuint(scan(s, fn, 2), ==, 1);
    g_assert_false(fn[0].rid_avail);
    expect_dev(s, "one", "0001:00:01.3", 0, 0);
    qtest_quit(s);
}

/*
 * Two guest devices of one host device (least splits it): each slot its
 * own PCHID (Linux would otherwise put both on one zPCI bus).
 */
static void test_split_pchid(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,id=a,"
                                "host=0001:00:01.0,,1@03,mapping=least "
                                "-device vfio-pci,bus=pci.0,id=b,"
                                "host=0001:00:01.3,,5@04,mapping=least");
    Fn fn[4];
    uint16_t pa = 0, pb = 0;

    g_assert_cmpuint(scan(s, fn, 4), ==, 4);
    for (unsigned i = 0; i < 4; i++) {
        bool in_a = fn[i].device_id <= 0x1001;

        g_assert_true(fn[i].rid_avail);
        if (in_a) {
            g_assert_true(!pa || pa == fn[i].pchid);
            pa = fn[i].pchid;
        } else {
            g_assert_true(!pb || pb == fn[i].pchid);
            pb = fn[i].pchid;
        }
    }
    /* the slot queried first (a: plugged first, first in List order)
     * keeps the host's PCHID, the other gets the next one */
    g_assert_cmphex(pa, ==, 0x40);
    g_assert_cmphex(pb, ==, 0x41);
    qtest_quit(s);
}

/* The next event: availability @pec; its fid and fh */
static SeiEvent next_avail(QTestState *s, uint16_t pec)
{
    SeiEvent e = sei(s);

    g_assert_cmphex(e.code, ==, 0x0001);
    g_assert_cmphex(e.pec, ==, pec);
    return e;
}

#define ADD_MF                                                                 \
    "{'execute': 'device_add', 'arguments': {'driver': 'vfio-pci', "           \
    "'bus': 'pci.0', 'id': 'hp', 'host': '0001:00:01.0,1,5@06', "              \
    "'mapping': 'identity'}}"

/*
 * QMP hot-plug of the whole device: 0x0301 per function, function 0
 * last; usable as on the command line.  device_del of the device: every
 * function asked to go (0x0303, function 0 last); each goes when the
 * guest deconfigures it, with DEVICE_DELETED for it and its zpci.
 */
static void test_hotplug_unit(void)
{
    QTestState *s = start(HOSTS);
    SeiEvent plugged[3];
    uint32_t fid0 = 0;

    expect_no_event(s);
    qmp_ok(s, ADD_MF);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    for (unsigned i = 0; i < 3; i++) {
        plugged[i] = next_avail(s, PEC_PLUG);
        g_assert_cmphex(plugged[i].flags, ==, i < 2 ? 0x80 : 0);
    }
    expect_no_event(s);
    expect_slot(s, (uint8_t[]){ 0, 1, 5 }, (uint8_t[]){ 0, 1, 5 }, 3);
    expect_dev(s, "hp.5", "0001:00:01.5", 6, 5);
    /* function 0 (id hp) came last */
    for (unsigned i = 0; i < 3; i++) {
        static const uint8_t rid[] = { 5, 1, 0 };

        g_assert_cmphex(clp_query(s, plugged[i].fh), ==, 0x0010);
        g_assert_cmphex(qtest_readw(s, LPCB_RSP + 80), ==, rid[i]);
    }
    fid0 = plugged[2].fid;

    qmp_ok(s, DEL_HP);
    g_assert_cmphex(stcrw(s), ==, CRW_CSS_EVT);
    for (unsigned i = 0; i < 3; i++) {
        SeiEvent e = next_avail(s, PEC_DECONFIG);

        g_assert_cmphex(e.fid, ==, plugged[i].fid);
    }
    expect_no_event(s);
    g_assert_true(device_exists(s, "hp"));
    g_assert_true(device_exists(s, "hp.1"));
    g_assert_true(device_exists(s, "hp.5"));
    /* the guest lets them go, function 0 last */
    for (unsigned i = 0; i < 3; i++) {
        static const char *const ids[] = { "hp.5", "hp.1", "hp" };

        g_assert_cmpstr(sclp_zpci(s, plugged[i].fid, false), ==, "OK 0x0020");
        expect_deleted(s, ids[i]);
        expect_deleted(s, NULL); /* its automatic zpci */
        next_avail(s, PEC_RESERVED);
    }
    g_assert_false(device_exists(s, "hp"));
    g_assert_false(device_exists(s, "hp.1"));
    g_assert_false(device_exists(s, "hp.5"));
    g_assert_cmpuint(clp_count(s), ==, 0);

    /* the host functions are free again: the same device comes back */
    qmp_ok(s, ADD_MF);
    g_assert_cmpuint(clp_count(s), ==, 3);
    g_assert_cmpuint(fid0, <, 3);
    qtest_quit(s);
}

/* device_del of a function that is not 0, standby: the slot, at once */
static void test_unplug_standby(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,bus=pci.0,id=nic,"
                                "host=0001:00:01.0-1");
    Fn fn[2];

    g_assert_cmpuint(scan(s, fn, 2), ==, 2);
    for (unsigned i = 0; i < 2; i++) {
        g_assert_cmpstr(sclp_zpci(s, fn[i].fid, false), ==, "OK 0x0020");
    }
    qmp_ok(s, "{'execute': 'device_del', 'arguments': {'id': 'nic.1'}}");
    expect_deleted(s, "nic.1");
    expect_deleted(s, NULL);
    expect_deleted(s, "nic");
    expect_deleted(s, NULL);
    g_assert_cmpuint(clp_count(s), ==, 0);
    qtest_quit(s);
}

typedef struct HotForm {
    const char *host, *mapping; /* mapping NULL: the default, func0 */
    int slot;                   /* the guest slot expected */
    unsigned n;
    uint8_t vf[8], pf[8]; /* guest function vf[i] is host function pf[i] */
} HotForm;

static const HotForm hot_forms[] = {
    { "0001:00:01.*", NULL, 0, 4, { 0, 1, 3, 5 }, { 0, 1, 3, 5 } },
    { "0001:00:01.*", "least", 0, 4, { 0, 1, 2, 3 }, { 0, 1, 3, 5 } },
    { "0001:00:01.0-1@1f", "identity", 0x1f, 2, { 0, 1 }, { 0, 1 } },
    { "0001:00:01.5,3,1", "least", 0, 3, { 0, 1, 2 }, { 5, 3, 1 } },
    { "0001:00:01.5,3,1", "identity", 0, 3, { 5, 3, 1 }, { 5, 3, 1 } },
    { "0001:00:01.5,3,1@2", NULL, 2, 3, { 5, 3, 0 }, { 5, 3, 1 } },
    { "0001:00:01.1=0,5=7@0x3", "least", 3, 2, { 0, 7 }, { 1, 5 } },
    { "0001:00:01.3-3", "identity", 0, 1, { 3 }, { 3 } },
};

/* QMP device_add of each form and scheme: the guest sees the table */
static void test_hotplug_forms(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(hot_forms); i++) {
        const HotForm *f = &hot_forms[i];
        QTestState *s = start(HOSTS);
        JsonObject *a;

        g_test_message("host=%s mapping=%s", f->host,
                       f->mapping ? f->mapping : "(default)");
        if (f->mapping) {
            qmp_ok(s,
                   "{'execute': 'device_add', 'arguments': {'driver': "
                   "'vfio-pci', 'id': 'd', 'host': %s, 'mapping': %s}}",
                   f->host, f->mapping);
        } else {
            qmp_ok(s,
                   "{'execute': 'device_add', 'arguments': {'driver': "
                   "'vfio-pci', 'id': 'd', 'host': %s}}",
                   f->host);
        }
        for (unsigned k = 0; k < f->n; k++) {
            g_assert_cmphex(next_avail(s, PEC_PLUG).flags, ==,
                            k + 1 < f->n ? 0x80 : 0);
        }
        expect_slot(s, f->vf, f->pf, f->n);
        a = qom_get(s, "d", "addr");
        g_assert_cmpint(json_object_get_int_member(a, "return") >> 3, ==,
                        f->slot);
        json_object_unref(a);
        qtest_quit(s);
    }
}

/*
 * A slot put together by hand (emulated functions): accepted on s390
 * now, with RIDs; QEMU's addr=/multifunction= rules and texts stay.
 */
static void test_manual_slot(void)
{
    QTestState *s = start("-device pci-testfn,bus=pci.0,addr=3.0,"
                          "multifunction=on,id=f0 "
                          "-device pci-testfn,bus=pci.0,addr=3.2,id=f2");
    Fn fn[2];

    g_assert_cmpuint(scan(s, fn, 2), ==, 2);
    for (unsigned i = 0; i < 2; i++) {
        g_assert_true(fn[i].rid_avail);
        g_assert_cmphex(fn[i].pchid, ==, fn[0].pchid);
    }
    g_assert_cmphex(by_rid(fn, 2, 0)->header_type & 0x80, ==, 0x80);
    g_assert_cmphex(by_rid(fn, 2, 2)->fid, !=, by_rid(fn, 2, 0)->fid);
    qtest_quit(s);

    expect_start_error("-device pci-testfn,bus=pci.0,addr=3.0 "
                       "-device pci-testfn,bus=pci.0,addr=3.1",
                       "PCI: single function device can't be populated in "
                       "function 3.1");
    expect_start_error("-device pci-testfn,bus=pci.0,addr=3.1 "
                       "-device pci-testfn,bus=pci.0,addr=3.0",
                       "PCI: 3.0 indicates single function, but 3.1 is "
                       "already populated.");
}

static void test_errors_cmdline(void)
{
    expect_start_error(
        HOSTS "-device vfio-pci,host=0001:00:01.0-2",
        "-device vfio-pci,host=0001:00:01.0-2: vfio-pci: host "
        "'0001:00:01.0-2': host function 0001:00:01.2 does not exist (the "
        "device has functions 0,1,3,5)");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:02.*",
                       "host device 0001:00:02 has no functions");
    expect_start_error(
        HOSTS "-device vfio-pci,host=0001:00:01.0-8",
        "vfio-pci: host: PCI address '0001:00:01.0-8': last function of the "
        "range 8 is out of range 0..7 at character 14");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.*,mapping=most",
                       "vfio-pci: mapping 'most' is not one of identity, "
                       "least, func0");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.0,mapping=x",
                       "vfio-pci: mapping 'x' is not one of identity, "
                       "least, func0");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.*,addr=3.1",
                       "addr=3.1 names a function");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.*@4,addr=3",
                       "guest slot 0x4 (@VSLOT) and addr=0x3 disagree");
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.*,,addr=3",
                       "option 'addr' cannot be given inside host=");
    /* a slot conflict: function 1 of slot 2 taken */
    expect_start_error(
        HOSTS "-device vfio-pci,host=0001:00:01.5,addr=2.1,id=x,"
              "multifunction=on "
              "-device vfio-pci,host=0001:00:01.0-1@2",
        "PCI: slot 2 function 1 not available for vfio-pci, in use by "
        "vfio-pci,id=x");
    /* a host function taken by another device: realize refuses */
    expect_start_error(HOSTS "-device vfio-pci,host=0001:00:01.1,id=x "
                             "-device vfio-pci,host=0001:00:01.0-1,id=y",
                       "Host device '0001:00:01.1' is already in use");
}

/* QMP: the same words; a refused device_add leaves nothing behind */
static void test_errors_qmp(void)
{
    QTestState *s = start(HOSTS "-device vfio-pci,host=0001:00:01.0,id=x,"
                                "bus=pci.0,addr=0x6");

    expect_qmp_error(
        s,
        "{'execute': 'device_add', 'arguments': {'driver': 'vfio-pci', "
        "'host': '0001:00:01.1,4'}}",
        "host function 0001:00:01.4 does not exist");
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'host': '0001:00:01.1,,3'}}",
                     "PCI address '0001:00:01.1,,3'");
    /* slot 6 is x's */
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'host': '0001:00:01.1,3@6'}}",
                     "PCI: slot 6 function 0 not available for vfio-pci, in "
                     "use by vfio-pci,id=x");
    /* function 5 made, then function 0 (in use by x) fails: 5 goes */
    expect_qmp_error(s,
                     "{'execute': 'device_add', 'arguments': {'driver': "
                     "'vfio-pci', 'id': 'y', 'host': '0001:00:01.0,5@3'}}",
                     "Host device '0001:00:01.0' is already in use");
    g_assert_false(device_exists(s, "y.5"));
    g_assert_false(device_exists(s, "y"));
    g_assert_cmpuint(clp_count(s), ==, 1);
    /* and host function 5 can be used */
    qmp_ok(s, "{'execute': 'device_add', 'arguments': {'driver': "
              "'vfio-pci', 'id': 'z', 'host': '0001:00:01.5'}}");
    g_assert_cmpuint(clp_count(s), ==, 2);
    qtest_quit(s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/vfio-pci-mf/star-identity", test_star_identity);
    g_test_add_func("/vfio-pci-mf/list-least", test_list_least);
    g_test_add_func("/vfio-pci-mf/list-func0", test_list_func0);
    g_test_add_func("/vfio-pci-mf/range-map", test_range_map);
    g_test_add_func("/vfio-pci-mf/plain-single", test_plain_single);
    g_test_add_func("/vfio-pci-mf/split-pchid", test_split_pchid);
    g_test_add_func("/vfio-pci-mf/hotplug-unit", test_hotplug_unit);
    g_test_add_func("/vfio-pci-mf/hotplug-forms", test_hotplug_forms);
    g_test_add_func("/vfio-pci-mf/unplug-standby", test_unplug_standby);
    g_test_add_func("/vfio-pci-mf/manual-slot", test_manual_slot);
    g_test_add_func("/vfio-pci-mf/errors-cmdline", test_errors_cmdline);
    g_test_add_func("/vfio-pci-mf/errors-qmp", test_errors_qmp);
    return g_test_run();
}
