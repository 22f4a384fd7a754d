/*
 * I/O translation tables of the zPCI DMA qtests, built in guest memory:
 * one region-third table, one segment table, one page table mapping I/O
 * pages 0 and 1 at IOVA to FRAME and FRAME + 4 KiB; the rest invalid.
 */
#ifndef ZPCI_DMA_TABLES_H
#define ZPCI_DMA_TABLES_H

#include "libqtest.h"

#define RTT   0x100000u /* region-third table, 2048 entries */
#define STT   0x104000u /* segment table */
#define PGT   0x108000u /* page table, 256 entries */
#define FRAME 0x200000u /* where I/O page 0 goes */
#define IOVA  UINT64_C(0x100000000)

#define TE_INVALID  0x20ull
#define PTE_INVALID 0x400ull
#define DT_REGION3  0x4ull   /* designation type 1 in bits 0x1c */
#define IOTA_T      0x800ull /* translation on, as Linux sets it */
#define IOTA_RT     (RTT | IOTA_T | DT_REGION3)

static inline void build_tables(QTestState *s)
{
    for (unsigned i = 0; i < 2048; i++) {
        qtest_writeq(s, RTT + 8 * i, TE_INVALID | DT_REGION3);
        qtest_writeq(s, STT + 8 * i, TE_INVALID);
    }
    for (unsigned i = 0; i < 256; i++) {
        qtest_writeq(s, PGT + 8 * i, PTE_INVALID);
    }
    /* IOVA 2^32: region-third index 2, segment index 0, page index 0 */
    qtest_writeq(s, RTT + 8 * 2, STT | DT_REGION3 | 0x3); /* blocks 0..3 */
    qtest_writeq(s, STT, PGT);
    qtest_writeq(s, PGT, FRAME);
    qtest_writeq(s, PGT + 8, FRAME + 0x1000);
}

/* The registration FIB at @fib: 1 GiB at IOVA, @iota */
static inline void write_ioat_fib(QTestState *s, uint64_t fib, uint64_t iota)
{
    qtest_memset(s, fib, 0, 80);
    qtest_writeq(s, fib + 16, IOVA);                 /* pba */
    qtest_writeq(s, fib + 24, IOVA + 0x3fffffffull); /* pal */
    qtest_writeq(s, fib + 32, iota);
}

#endif
