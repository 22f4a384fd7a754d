/*
 * Guest images: files placed into guest memory as "ROM" blobs that are
 * written again at every system reset (so a rebooted guest starts from
 * the image it was given, as with QEMU's loader), and an ELF reader.
 */
#ifndef HW_LOADER_H
#define HW_LOADER_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include "exec/memory.h"

/* Keep a copy of @len bytes of @data for guest address @addr. */
void rom_add_blob(const char *name, const void *data, size_t len, hwaddr addr);
/*
 * The blob bytes at guest address [addr, addr + len), to patch before
 * they are written (kernel parameters): NULL unless one blob holds them.
 */
void *rom_ptr(hwaddr addr, size_t len);
/* Write every blob into the system address space (reset, start-up). */
void rom_reset_all(void);
/* Forget every blob (the machine goes away). */
void rom_clear_all(void);

/*
 * Load the PT_LOAD segments of a 64-bit big-endian ELF file for @machine
 * as blobs at their physical addresses (memsz beyond filesz is zero).
 * Returns the total memsz loaded, 0 if @file is not such an ELF file,
 * -1 with @errp set when it cannot be read or is damaged. *@entry gets
 * e_entry, *@high the end of the highest segment. Every segment must end
 * at or below @limit (the guest's RAM size), and their sizes together may
 * not exceed it: otherwise -1 with @errp naming the segment.
 */
int64_t load_elf64_be(const char *file, uint16_t machine, uint64_t limit,
                      uint64_t *entry, uint64_t *high, Error **errp);
/*
 * Load @file as it is at @addr (at most @max bytes): its size, or -1
 * with @errp set.
 */
int64_t load_image_at(const char *file, hwaddr addr, uint64_t max,
                      Error **errp);

#endif
