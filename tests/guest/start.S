/*
 * Entry of the guest test programs (IPL PSW: 64-bit mode at 0x10000).
 * 0x10400-0x107ff is left free: the loader puts the initrd start and
 * size at 0x10408 and the -append line at 0x10480 there. Interruption
 * handlers keep their state in the lowcore's scratch area at real
 * 0x300-0x3ff (guest.h) and clear the enable and wait bits of the class
 * in the old PSW before they return to it.
 */
    .section .text.start, "ax"
    .globl _start
_start:
    j       guest_entry
    .org    0x400
    .globl  guest_parm_area
guest_parm_area:
    .fill   0x400, 1, 0
guest_entry:
    larl    %r15, guest_stack_top
    aghi    %r15, -160
    brasl   %r14, guest_setup
    brasl   %r14, main
    brasl   %r14, guest_exit

/* program: count, code and ILC kept; resume at GUEST_PGM_RESUME if set */
    .globl  guest_pgm_handler
guest_pgm_handler:
    agsi    0x300, 1
    stg     %r1, 0x310
    lg      %r1, 0x308
    ltgr    %r1, %r1
    jz      1f
    stg     %r1, 0x158
    ni      0x151, 0xfe             /* resume in the supervisor state */
    xc      0x308(8), 0x308
1:  lg      %r1, 0x310
    lpswe   0x150

/* external: count, code and source CPU kept; returns disabled, not waiting */
    .globl  guest_ext_handler
guest_ext_handler:
    agsi    0x320, 1
    mvc     0x328(2), 0x86
    mvc     0x32a(2), 0x84
    mvc     0x32c(4), 0x80
    ni      0x130, 0xfe
    ni      0x131, 0xfd
    lpswe   0x130

/* I/O: count, subchannel id, parameter, identification word kept */
    .globl  guest_io_handler
guest_io_handler:
    agsi    0x340, 1
    mvc     0x348(12), 0xb8
    ni      0x170, 0xfd
    ni      0x171, 0xfd
    lpswe   0x170

/* machine check: counted, returns with machine checks disabled */
    .globl  guest_mchk_handler
guest_mchk_handler:
    agsi    0x360, 1
    ni      0x161, 0xfb
    ni      0x161, 0xfd
    lpswe   0x160

/* restart (the second CPU's start): stack at GUEST_RESTART_STACK */
    .globl  guest_restart_handler
guest_restart_handler:
    lg      %r15, 0x370
    lg      %r1, 0x378
    basr    %r14, %r1
0:  j       0b
    .section .note.GNU-stack, "", @progbits
