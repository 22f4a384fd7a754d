/*
 * The image loader (hw/core/loader.c): 64-bit big-endian ELF segments
 * become blobs at their physical addresses (memsz beyond filesz zero),
 * other files are "not ELF" (0), damaged headers an error; raw images
 * with a size limit; rom_ptr() finds patchable bytes; rom_reset_all()
 * writes the blobs into the system address space.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/loader.h"
#include "exec/memory.h"

#define EM_S390 22

static char *write_tmp(const void *data, size_t len)
{
    GError *err = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("test-loader-XXXXXX", &path, &err);

    g_assert_no_error(err);
    close(fd);
    g_assert_true(g_file_set_contents(path, data, len, NULL));
    return path;
}

/* An ELF with a code segment at 0x10000 and a data+bss one at 0x20000 */
static size_t make_elf(uint8_t *b, uint16_t machine, unsigned phnum)
{
    uint8_t *ph;

    memset(b, 0, 0x300);
    memcpy(b,
           "\x7f"
           "ELF",
           4);
    b[4] = 2; /* 64-bit */
    b[5] = 2; /* big-endian */
    b[6] = 1;
    stw_be_p(b + 16, 2); /* ET_EXEC */
    stw_be_p(b + 18, machine);
    stq_be_p(b + 24, 0x10020); /* entry */
    stq_be_p(b + 32, 64);      /* phoff */
    stw_be_p(b + 54, 56);      /* phentsize */
    stw_be_p(b + 56, phnum);
    ph = b + 64;
    stl_be_p(ph, 1);            /* PT_LOAD */
    stq_be_p(ph + 8, 0x200);    /* offset */
    stq_be_p(ph + 16, 0x90000); /* vaddr: not used */
    stq_be_p(ph + 24, 0x10000); /* paddr */
    stq_be_p(ph + 32, 0x10);    /* filesz */
    stq_be_p(ph + 40, 0x10);
    ph += 56;
    stl_be_p(ph, 1);
    stq_be_p(ph + 8, 0x210);
    stq_be_p(ph + 24, 0x20000);
    stq_be_p(ph + 32, 0x8);
    stq_be_p(ph + 40, 0x20); /* 0x18 bytes of bss */
    memset(b + 0x200, 0xab, 0x10);
    memset(b + 0x210, 0xcd, 0x8);
    return 0x218;
}

#define RAM (128 * 1024 * 1024ull)

static void test_elf(void)
{
    uint8_t b[0x300];
    size_t n = make_elf(b, EM_S390, 2);
    g_autofree char *path = write_tmp(b, n);
    uint64_t entry = 0, high = 0;
    const uint8_t *p;

    rom_clear_all();
    g_assert_cmpint(load_elf64_be(path, EM_S390, RAM, &entry, &high,
                                  &error_abort),
                    ==, 0x30);
    g_assert_cmphex(entry, ==, 0x10020);
    g_assert_cmphex(high, ==, 0x20020);
    p = rom_ptr(0x10000, 0x10);
    g_assert_nonnull(p);
    g_assert_cmphex(p[0], ==, 0xab);
    g_assert_cmphex(p[15], ==, 0xab);
    p = rom_ptr(0x20000, 0x20);
    g_assert_nonnull(p);
    g_assert_cmphex(p[7], ==, 0xcd);
    g_assert_cmphex(p[8], ==, 0); /* bss */
    g_assert_cmphex(p[0x1f], ==, 0);
    g_assert_null(rom_ptr(0x10008, 0x10)); /* runs past the blob */
    g_assert_null(rom_ptr(0x30000, 1));
    rom_clear_all();
    unlink(path);
}

static void test_not_elf(void)
{
    uint8_t b[0x300];
    size_t n = make_elf(b, 62 /* x86-64 */, 2);
    g_autofree char *other = write_tmp(b, n);
    g_autofree char *text = write_tmp("hello", 5);
    uint64_t entry, high;

    rom_clear_all();
    g_assert_cmpint(load_elf64_be(other, EM_S390, RAM, &entry, &high,
                                  &error_abort),
                    ==, 0);
    g_assert_cmpint(load_elf64_be(text, EM_S390, RAM, &entry, &high,
                                  &error_abort),
                    ==, 0);
    g_assert_null(rom_ptr(0x10000, 1));
    unlink(other);
    unlink(text);
}

static void test_damaged(void)
{
    uint8_t b[0x300];
    size_t n = make_elf(b, EM_S390, 2);
    g_autofree char *path = NULL;
    Error *err = NULL;
    uint64_t entry, high;

    stq_be_p(b + 64 + 56 + 32, 0x100000); /* filesz past the file */
    path = write_tmp(b, n);
    rom_clear_all();
    g_assert_cmpint(load_elf64_be(path, EM_S390, RAM, &entry, &high, &err), ==,
                    -1);
    g_assert_nonnull(strstr(error_get_pretty(err), "bad segment 1"));
    error_free(err);
    err = NULL;
    unlink(path);
    g_free(path);

    make_elf(b, EM_S390, 60000); /* more headers than the file holds */
    path = write_tmp(b, n);
    g_assert_cmpint(load_elf64_be(path, EM_S390, RAM, &entry, &high, &err), ==,
                    -1);
    g_assert_nonnull(strstr(error_get_pretty(err), "bad program headers"));
    error_free(err);
    err = NULL;
    unlink(path);

    g_free(path);
    make_elf(b, EM_S390, 2);
    stq_be_p(b + 64 + 56 + 24, RAM - 0x10); /* paddr: ends past RAM */
    path = write_tmp(b, n);
    g_assert_cmpint(load_elf64_be(path, EM_S390, RAM, &entry, &high, &err), ==,
                    -1);
    g_assert_nonnull(strstr(error_get_pretty(err),
                            "segment 1 (0x7fffff0-0x800000f) does not fit"));
    error_free(err);
    err = NULL;
    unlink(path);

    g_assert_cmpint(load_elf64_be("/nonexistent", EM_S390, RAM, &entry, &high,
                                  &err),
                    ==, -1);
    g_assert_cmpstr(error_get_pretty(err), ==,
                    "could not load kernel '/nonexistent'");
    error_free(err);
    rom_clear_all();
}

static void test_raw_and_reset(void)
{
    g_autofree char *path = write_tmp("0123456789", 10);
    MemoryRegion ram;
    Error *err = NULL;
    uint8_t out[10];
    char *p;

    rom_clear_all();
    g_assert_cmpint(load_image_at(path, 0x1000, 9, &err), ==, -1);
    g_assert_nonnull(err);
    error_free(err);
    g_assert_cmpint(load_image_at(path, 0x1000, 10, &error_abort), ==, 10);
    p = rom_ptr(0x1004, 2);
    g_assert_nonnull(p);
    p[0] = 'x'; /* patched before it is written */

    memory_system_init();
    g_assert_true(
        memory_region_init_ram(&ram, NULL, "ram", 0x10000, &error_abort));
    memory_region_add_subregion(get_system_memory(), 0, &ram);
    rom_reset_all();
    address_space_read(&address_space_memory, 0x1000, MEMTXATTRS_UNSPECIFIED,
                       out, 10);
    g_assert_cmpmem(out, 10, "0123x56789", 10);
    memory_region_del_subregion(get_system_memory(), &ram);
    memory_region_finalize(&ram);
    rom_clear_all();
    unlink(path);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/loader/elf", test_elf);
    g_test_add_func("/loader/not-elf", test_not_elf);
    g_test_add_func("/loader/damaged", test_damaged);
    g_test_add_func("/loader/raw-and-reset", test_raw_and_reset);
    return g_test_run();
}
