/*
 * Unit tests of the memory API's fixed-width loads and stores: every
 * address_space_ld* / st* width and byte order against RAM, against I/O
 * regions of both byte orders, and against an unassigned address.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"
#include "test-memory-fixture.h"

#define RAM_BASE   0x10000
#define IO_BE_BASE 0x20000
#define IO_LE_BASE 0x30000
#define HOLE       0x40000

/* The bytes a load sees in guest memory order, and what they mean. */
static const uint8_t pattern[8] = { 0x11, 0x22, 0x33, 0x44,
                                    0x55, 0x66, 0x77, 0x88 };

typedef uint64_t (*LoadFn)(AddressSpace *as, hwaddr addr, MemTxResult *res);
typedef void (*StoreFn)(AddressSpace *as, hwaddr addr, uint64_t val,
                        MemTxResult *res);

/* Uniform wrappers, so that one table covers every width and order. */
#define LDST_WRAPPERS(LD, ST, TYPE)                                            \
    static uint64_t wrap_##LD(AddressSpace *as, hwaddr addr, MemTxResult *res) \
    {                                                                          \
        return LD(as, addr, A, res);                                           \
    }                                                                          \
    static void wrap_##ST(AddressSpace *as, hwaddr addr, uint64_t val,         \
                          MemTxResult *res)                                    \
    {                                                                          \
        ST(as, addr, (TYPE)val, A, res);                                       \
    }

LDST_WRAPPERS(address_space_ldub, address_space_stb, uint8_t)
LDST_WRAPPERS(address_space_lduw_be, address_space_stw_be, uint16_t)
LDST_WRAPPERS(address_space_lduw_le, address_space_stw_le, uint16_t)
LDST_WRAPPERS(address_space_lduw, address_space_stw, uint16_t)
LDST_WRAPPERS(address_space_ldl_be, address_space_stl_be, uint32_t)
LDST_WRAPPERS(address_space_ldl_le, address_space_stl_le, uint32_t)
LDST_WRAPPERS(address_space_ldl, address_space_stl, uint32_t)
LDST_WRAPPERS(address_space_ldq_be, address_space_stq_be, uint64_t)
LDST_WRAPPERS(address_space_ldq_le, address_space_stq_le, uint64_t)
LDST_WRAPPERS(address_space_ldq, address_space_stq, uint64_t)

typedef struct LdStCase {
    const char *name;
    unsigned size;
    LoadFn ld;
    StoreFn st;
    uint64_t value; /* the value of the first @size pattern bytes */
} LdStCase;

/* Unsuffixed accessors are native order: big endian on s390x. */
static const LdStCase cases[] = {
    { "b", 1, wrap_address_space_ldub, wrap_address_space_stb, 0x11 },
    { "w_be", 2, wrap_address_space_lduw_be, wrap_address_space_stw_be,
      0x1122 },
    { "w_le", 2, wrap_address_space_lduw_le, wrap_address_space_stw_le,
      0x2211 },
    { "w", 2, wrap_address_space_lduw, wrap_address_space_stw, 0x1122 },
    { "l_be", 4, wrap_address_space_ldl_be, wrap_address_space_stl_be,
      0x11223344 },
    { "l_le", 4, wrap_address_space_ldl_le, wrap_address_space_stl_le,
      0x44332211 },
    { "l", 4, wrap_address_space_ldl, wrap_address_space_stl, 0x11223344 },
    { "q_be", 8, wrap_address_space_ldq_be, wrap_address_space_stq_be,
      0x1122334455667788ULL },
    { "q_le", 8, wrap_address_space_ldq_le, wrap_address_space_stq_le,
      0x8877665544332211ULL },
    { "q", 8, wrap_address_space_ldq, wrap_address_space_stq,
      0x1122334455667788ULL },
};

/* The value a device of each byte order exchanges for the pattern. */
static const struct {
    uint64_t be, le;
} dev_values[9] = {
    [1] = { 0x11, 0x11 },
    [2] = { 0x1122, 0x2211 },
    [4] = { 0x11223344, 0x44332211 },
    [8] = { 0x1122334455667788ULL, 0x8877665544332211ULL },
};

/* ---- a device that answers by access size and records the last one ---- */

typedef struct Dev {
    bool big_endian;
    unsigned calls;
    hwaddr addr;
    unsigned size;
    uint64_t val;
    bool wrote;
} Dev;

static uint64_t dev_read(void *opaque, hwaddr addr, unsigned size)
{
    Dev *d = opaque;

    d->calls++;
    d->addr = addr;
    d->size = size;
    d->wrote = false;
    return d->big_endian ? dev_values[size].be : dev_values[size].le;
}

static void dev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    Dev *d = opaque;

    d->calls++;
    d->addr = addr;
    d->size = size;
    d->val = val;
    d->wrote = true;
}

static const MemoryRegionOps dev_be_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_BIG_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

static const MemoryRegionOps dev_le_ops = {
    .read = dev_read,
    .write = dev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 8 },
    .impl = { .min_access_size = 1, .max_access_size = 8 },
};

typedef struct LdStFixture {
    Fixture f;
    MemoryRegion ram, io_be, io_le;
    Dev be, le;
    uint8_t *host;
} LdStFixture;

static void ldst_setup(LdStFixture *t)
{
    fixture_init(&t->f);
    ram_init(&t->ram, "ram", 0x1000);
    t->be.big_endian = true;
    memory_region_init_io(&t->io_be, NULL, &dev_be_ops, &t->be, "io-be", 0x100);
    memory_region_init_io(&t->io_le, NULL, &dev_le_ops, &t->le, "io-le", 0x100);
    memory_region_add_subregion(&t->f.root, RAM_BASE, &t->ram);
    memory_region_add_subregion(&t->f.root, IO_BE_BASE, &t->io_be);
    memory_region_add_subregion(&t->f.root, IO_LE_BASE, &t->io_le);
    t->host = memory_region_get_ram_ptr(&t->ram);
}

static void ldst_teardown(LdStFixture *t)
{
    fixture_fini(&t->f);
    memory_region_finalize(&t->ram);
    memory_region_finalize(&t->io_be);
    memory_region_finalize(&t->io_le);
}

static void check_ram(LdStFixture *t, const LdStCase *c, hwaddr off)
{
    MemTxResult res = MEMTX_ERROR;
    uint8_t *p = t->host + off;

    /* load: the pattern bytes read in the accessor's byte order */
    memcpy(p, pattern, sizeof(pattern));
    g_assert_cmphex(c->ld(&t->f.as, RAM_BASE + off, &res), ==, c->value);
    g_assert_cmpuint(res, ==, MEMTX_OK);

    /* store: exactly @size bytes land, in the accessor's byte order */
    memset(p - 1, 0xee, sizeof(pattern) + 2);
    res = MEMTX_ERROR;
    c->st(&t->f.as, RAM_BASE + off, c->value, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpmem(p, c->size, pattern, c->size);
    g_assert_cmphex(p[-1], ==, 0xee);
    g_assert_cmphex(p[c->size], ==, 0xee);
    g_assert_cmphex(c->ld(&t->f.as, RAM_BASE + off, NULL), ==, c->value);
}

static void check_io(LdStFixture *t, const LdStCase *c, hwaddr base, Dev *d)
{
    uint64_t dev_val = d->big_endian ? dev_values[c->size].be
                                     : dev_values[c->size].le;
    MemTxResult res = MEMTX_ERROR;

    /* one device access of the same size, converted by byte order */
    d->calls = 0;
    g_assert_cmphex(c->ld(&t->f.as, base + 0x10, &res), ==, c->value);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpuint(d->calls, ==, 1);
    g_assert_false(d->wrote);
    g_assert_cmphex(d->addr, ==, 0x10);
    g_assert_cmpuint(d->size, ==, c->size);

    res = MEMTX_ERROR;
    c->st(&t->f.as, base + 0x18, c->value, &res);
    g_assert_cmpuint(res, ==, MEMTX_OK);
    g_assert_cmpuint(d->calls, ==, 2);
    g_assert_true(d->wrote);
    g_assert_cmphex(d->addr, ==, 0x18);
    g_assert_cmpuint(d->size, ==, c->size);
    g_assert_cmphex(d->val, ==, dev_val);
}

static void check_unassigned(LdStFixture *t, const LdStCase *c)
{
    MemTxResult res = MEMTX_OK;

    g_assert_cmphex(c->ld(&t->f.as, HOLE, &res), ==, 0);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    res = MEMTX_OK;
    c->st(&t->f.as, HOLE, c->value, &res);
    g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
    /* a NULL result pointer is allowed */
    c->st(&t->f.as, HOLE, c->value, NULL);
    /* straddling the end of RAM into the hole: the RAM part still counts */
    if (c->size > 1) {
        hwaddr addr = RAM_BASE + 0x1000 - 1;

        memset(t->host + 0xfff, 0, 1);
        res = MEMTX_OK;
        c->st(&t->f.as, addr, c->value, &res);
        g_assert_cmpuint(res, ==, MEMTX_DECODE_ERROR);
        g_assert_cmphex(t->host[0xfff], ==, pattern[0]);
    }
}

static void test_ldst_case(gconstpointer data)
{
    const LdStCase *c = data;
    LdStFixture t = { 0 };

    ldst_setup(&t);
    check_ram(&t, c, 0x100);
    check_ram(&t, c, 0x201); /* unaligned: RAM does not care */
    check_io(&t, c, IO_BE_BASE, &t.be);
    check_io(&t, c, IO_LE_BASE, &t.le);
    check_unassigned(&t, c);
    ldst_teardown(&t);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        g_autofree char *path = g_strdup_printf("/memory/ldst/%s",
                                                cases[i].name);

        g_test_add_data_func(path, &cases[i], test_ldst_case);
    }
    return g_test_run();
}
