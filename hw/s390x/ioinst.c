/*
 * Architected channel-I/O formats: conversion between the big-endian
 * layouts in guest storage and the decoded structs of ioinst.h.
 */
#include "qemu/osdep.h"
#include "hw/s390x/ioinst.h"

static inline uint16_t ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

static inline void st16(uint8_t *p, uint16_t v)
{
    p[0] = v >> 8;
    p[1] = v;
}

static inline void st32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

void ccw1_decode(const uint8_t be[8], CCW1 *ccw)
{
    ccw->cmd_code = be[0];
    ccw->flags = be[1];
    ccw->count = ld16(be + 2);
    ccw->cda = ld32(be + 4);
}

void ccw1_encode(const CCW1 *ccw, uint8_t be[8])
{
    be[0] = ccw->cmd_code;
    be[1] = ccw->flags;
    st16(be + 2, ccw->count);
    st32(be + 4, ccw->cda);
}

void ccw0_decode(const uint8_t be[8], CCW1 *ccw)
{
    ccw->cmd_code = be[0];
    ccw->cda = ld32(be) & CCW0_ADDR_MASK;
    ccw->flags = be[4];
    ccw->count = ld16(be + 6);
}

void orb_decode(const uint8_t be[12], ORB *orb)
{
    orb->intparm = ld32(be);
    orb->ctrl0 = ld16(be + 4);
    orb->lpm = be[6];
    orb->ctrl1 = be[7];
    orb->cpa = ld32(be + 8);
}

void orb_encode(const ORB *orb, uint8_t be[12])
{
    st32(be, orb->intparm);
    st16(be + 4, orb->ctrl0);
    be[6] = orb->lpm;
    be[7] = orb->ctrl1;
    st32(be + 8, orb->cpa);
}

void scsw_decode(const uint8_t be[12], SCSW *scsw)
{
    scsw->flags = ld16(be);
    scsw->ctrl = ld16(be + 2);
    scsw->cpa = ld32(be + 4);
    scsw->dstat = be[8];
    scsw->cstat = be[9];
    scsw->count = ld16(be + 10);
}

void scsw_encode(const SCSW *scsw, uint8_t be[12])
{
    st16(be, scsw->flags);
    st16(be + 2, scsw->ctrl);
    st32(be + 4, scsw->cpa);
    be[8] = scsw->dstat;
    be[9] = scsw->cstat;
    st16(be + 10, scsw->count);
}
