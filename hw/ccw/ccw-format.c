/*
 * The channel-I/O wire formats: conversion between the big-endian
 * layouts in storage and the decoded structs of hw/ccw-format.h.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "hw/ccw-format.h"

void ccw1_decode(const uint8_t be[8], CCW1 *ccw)
{
    ccw->cmd_code = be[0];
    ccw->flags = be[1];
    ccw->count = lduw_be_p(be + 2);
    ccw->cda = ldl_be_p(be + 4);
}

void ccw1_encode(const CCW1 *ccw, uint8_t be[8])
{
    be[0] = ccw->cmd_code;
    be[1] = ccw->flags;
    stw_be_p(be + 2, ccw->count);
    stl_be_p(be + 4, ccw->cda);
}

void ccw0_decode(const uint8_t be[8], CCW1 *ccw)
{
    ccw->cmd_code = be[0];
    ccw->cda = ldl_be_p(be) & CCW0_ADDR_MASK;
    ccw->flags = be[4];
    ccw->count = lduw_be_p(be + 6);
}

void orb_decode(const uint8_t be[12], ORB *orb)
{
    orb->intparm = ldl_be_p(be);
    orb->ctrl0 = lduw_be_p(be + 4);
    orb->lpm = be[6];
    orb->ctrl1 = be[7];
    orb->cpa = ldl_be_p(be + 8);
}

void orb_encode(const ORB *orb, uint8_t be[12])
{
    stl_be_p(be, orb->intparm);
    stw_be_p(be + 4, orb->ctrl0);
    be[6] = orb->lpm;
    be[7] = orb->ctrl1;
    stl_be_p(be + 8, orb->cpa);
}

void scsw_decode(const uint8_t be[12], SCSW *scsw)
{
    scsw->flags = lduw_be_p(be);
    scsw->ctrl = lduw_be_p(be + 2);
    scsw->cpa = ldl_be_p(be + 4);
    scsw->dstat = be[8];
    scsw->cstat = be[9];
    scsw->count = lduw_be_p(be + 10);
}

void scsw_encode(const SCSW *scsw, uint8_t be[12])
{
    stw_be_p(be, scsw->flags);
    stw_be_p(be + 2, scsw->ctrl);
    stl_be_p(be + 4, scsw->cpa);
    be[8] = scsw->dstat;
    be[9] = scsw->cstat;
    stw_be_p(be + 10, scsw->count);
}
