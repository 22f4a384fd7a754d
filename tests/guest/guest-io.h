/*
 * Channel I/O from guest code: the SCHIB's leading words and STSCH,
 * MSCH, SSCH and TSCH, each giving its condition code. Shared by the
 * guest programs that drive a subchannel (io.c, demo-dasd.c).
 */
#ifndef GUEST_IO_H
#define GUEST_IO_H

#include "guest.h"

typedef struct GuestSchib {
    uint32_t intparm;
    uint16_t flags; /* PMCW word 1: ISC, enabled (0x80), valid (1) ... */
    uint16_t devno;
    uint8_t rest[44];
} __attribute__((packed, aligned(4))) GuestSchib;

static inline int guest_stsch(uint32_t sid, GuestSchib *s)
{
    register uint32_t r1 asm("1") = sid;
    int cc;

    asm volatile("stsch %1\nipm %0\nsrl %0,28"
                 : "=d"(cc), "=Q"(*s)
                 : "d"(r1)
                 : "cc", "memory");
    return cc;
}

static inline int guest_msch(uint32_t sid, GuestSchib *s)
{
    register uint32_t r1 asm("1") = sid;
    int cc;

    asm volatile("msch %1\nipm %0\nsrl %0,28"
                 : "=d"(cc)
                 : "Q"(*s), "d"(r1)
                 : "cc", "memory");
    return cc;
}

/* SSCH with the ORB at @orb */
static inline int guest_ssch(uint32_t sid, void *orb)
{
    register uint32_t r1 asm("1") = sid;
    int cc;

    asm volatile("ssch 0(%1)\nipm %0\nsrl %0,28"
                 : "=d"(cc)
                 : "a"(orb), "d"(r1)
                 : "cc", "memory");
    return cc;
}

/* TSCH storing the IRB at @irb */
static inline int guest_tsch(uint32_t sid, void *irb)
{
    register uint32_t r1 asm("1") = sid;
    int cc;

    asm volatile("tsch 0(%1)\nipm %0\nsrl %0,28"
                 : "=d"(cc)
                 : "a"(irb), "d"(r1)
                 : "cc", "memory");
    return cc;
}

#endif
