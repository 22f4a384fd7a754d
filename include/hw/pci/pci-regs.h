/*
 * PCI configuration space: offsets and bit values from the PCI Local Bus
 * and PCI Express Base specifications (facts of the architecture), in the
 * subset this device model uses.  Values are little endian in the space.
 */
#ifndef HW_PCI_PCI_REGS_H
#define HW_PCI_PCI_REGS_H

/* Sizes */
#define PCI_CONFIG_SPACE_SIZE  0x100  /* conventional space */
#define PCIE_CONFIG_SPACE_SIZE 0x1000 /* with the extended space */
#define PCI_STD_HEADER_SIZE    0x40
#define PCI_SLOT_MAX           32
#define PCI_FUNC_MAX           8
#define PCI_DEVFN_MAX          256
#define PCI_NUM_BARS           6
#define PCI_NUM_BARS_BRIDGE    2

/* Header common to every type */
#define PCI_VENDOR_ID       0x00 /* 16 */
#define PCI_DEVICE_ID       0x02 /* 16 */
#define PCI_COMMAND         0x04 /* 16 */
#define PCI_STATUS          0x06 /* 16 */
#define PCI_REVISION_ID     0x08 /* 8 */
#define PCI_CLASS_PROG      0x09 /* 8: programming interface */
#define PCI_CLASS_DEVICE    0x0a /* 16: base class << 8 | subclass */
#define PCI_CACHE_LINE_SIZE 0x0c /* 8 */
#define PCI_LATENCY_TIMER   0x0d /* 8 */
#define PCI_HEADER_TYPE     0x0e /* 8 */
#define PCI_BIST            0x0f /* 8 */
#define PCI_CAPABILITY_LIST 0x34 /* 8: first capability */
#define PCI_INTERRUPT_LINE  0x3c /* 8 */
#define PCI_INTERRUPT_PIN   0x3d /* 8 */

/* Type 0 (endpoint) */
#define PCI_BASE_ADDRESS_0      0x10 /* six 32-bit BAR registers */
#define PCI_CARDBUS_CIS         0x28
#define PCI_SUBSYSTEM_VENDOR_ID 0x2c
#define PCI_SUBSYSTEM_ID        0x2e
#define PCI_ROM_ADDRESS         0x30
#define PCI_MIN_GNT             0x3e
#define PCI_MAX_LAT             0x3f

/* Type 1 (PCI-to-PCI bridge) */
#define PCI_PRIMARY_BUS        0x18
#define PCI_SECONDARY_BUS      0x19
#define PCI_SUBORDINATE_BUS    0x1a
#define PCI_SEC_LATENCY_TIMER  0x1b
#define PCI_IO_BASE            0x1c
#define PCI_IO_LIMIT           0x1d
#define PCI_SEC_STATUS         0x1e /* 16 */
#define PCI_MEMORY_BASE        0x20 /* 16 */
#define PCI_MEMORY_LIMIT       0x22 /* 16 */
#define PCI_PREF_MEMORY_BASE   0x24 /* 16 */
#define PCI_PREF_MEMORY_LIMIT  0x26 /* 16 */
#define PCI_PREF_BASE_UPPER32  0x28
#define PCI_PREF_LIMIT_UPPER32 0x2c
#define PCI_IO_BASE_UPPER16    0x30 /* 16 */
#define PCI_IO_LIMIT_UPPER16   0x32 /* 16 */
#define PCI_ROM_ADDRESS1       0x38
#define PCI_BRIDGE_CONTROL     0x3e /* 16 */

/* Header type */
#define PCI_HEADER_TYPE_NORMAL         0x00
#define PCI_HEADER_TYPE_BRIDGE         0x01
#define PCI_HEADER_TYPE_MULTI_FUNCTION 0x80

/* Command register */
#define PCI_COMMAND_IO           0x0001
#define PCI_COMMAND_MEMORY       0x0002
#define PCI_COMMAND_MASTER       0x0004 /* bus master enable */
#define PCI_COMMAND_SPECIAL      0x0008
#define PCI_COMMAND_INVALIDATE   0x0010
#define PCI_COMMAND_VGA_PALETTE  0x0020
#define PCI_COMMAND_PARITY       0x0040
#define PCI_COMMAND_SERR         0x0100
#define PCI_COMMAND_FAST_BACK    0x0200
#define PCI_COMMAND_INTX_DISABLE 0x0400

/* Status register: W1C error bits in the high byte */
#define PCI_STATUS_INTERRUPT        0x0008
#define PCI_STATUS_CAP_LIST         0x0010
#define PCI_STATUS_66MHZ            0x0020
#define PCI_STATUS_FAST_BACK        0x0080
#define PCI_STATUS_PARITY           0x0100 /* master data parity error */
#define PCI_STATUS_SIG_TARGET_ABORT 0x0800
#define PCI_STATUS_REC_TARGET_ABORT 0x1000
#define PCI_STATUS_REC_MASTER_ABORT 0x2000
#define PCI_STATUS_SIG_SYSTEM_ERROR 0x4000
#define PCI_STATUS_DETECTED_PARITY  0x8000
#define PCI_STATUS_W1C_BITS                                                    \
    (PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT |                         \
     PCI_STATUS_REC_TARGET_ABORT | PCI_STATUS_REC_MASTER_ABORT |               \
     PCI_STATUS_SIG_SYSTEM_ERROR | PCI_STATUS_DETECTED_PARITY)

/* BAR register low bits */
#define PCI_BASE_ADDRESS_SPACE_IO     0x01
#define PCI_BASE_ADDRESS_SPACE_MEMORY 0x00
#define PCI_BASE_ADDRESS_MEM_TYPE_32  0x00
#define PCI_BASE_ADDRESS_MEM_TYPE_64  0x04
#define PCI_BASE_ADDRESS_MEM_PREFETCH 0x08
#define PCI_BASE_ADDRESS_MEM_MASK     (~0x0fULL)
#define PCI_BASE_ADDRESS_IO_MASK      (~0x03ULL)

/* Bridge control */
#define PCI_BRIDGE_CTL_PARITY       0x0001
#define PCI_BRIDGE_CTL_SERR         0x0002
#define PCI_BRIDGE_CTL_ISA          0x0004
#define PCI_BRIDGE_CTL_VGA          0x0008
#define PCI_BRIDGE_CTL_MASTER_ABORT 0x0020
#define PCI_BRIDGE_CTL_BUS_RESET    0x0040
#define PCI_BRIDGE_CTL_FAST_BACK    0x0080

/* Class codes (base class << 8 | subclass) */
#define PCI_CLASS_OTHERS     0xff00
#define PCI_CLASS_BRIDGE_PCI 0x0604

/* Capability list entries: id at +0, next at +1 */
#define PCI_CAP_LIST_ID   0
#define PCI_CAP_LIST_NEXT 1
#define PCI_CAP_ID_PM     0x01
#define PCI_CAP_ID_SLOTID 0x04
#define PCI_CAP_ID_MSI    0x05
#define PCI_CAP_ID_VNDR   0x09
#define PCI_CAP_ID_EXP    0x10
#define PCI_CAP_ID_MSIX   0x11
#define PCI_CAP_ID_AF     0x13

/* Slot identification capability (for bridges) */
#define PCI_SID_ESR        2 /* expansion slot register */
#define PCI_SID_ESR_NSLOTS 0x1f
#define PCI_SID_ESR_FIC    0x20 /* first in chassis */
#define PCI_SID_CHASSIS_NR 3
#define PCI_SID_SIZEOF     4

/* MSI-X capability */
#define PCI_MSIX_FLAGS         2      /* message control, 16 */
#define PCI_MSIX_FLAGS_QSIZE   0x07ff /* table size - 1 */
#define PCI_MSIX_FLAGS_MASKALL 0x4000
#define PCI_MSIX_FLAGS_ENABLE  0x8000
#define PCI_MSIX_TABLE         4 /* offset | BIR */
#define PCI_MSIX_PBA           8 /* offset | BIR */
#define PCI_MSIX_BIR_MASK      0x7
#define PCI_MSIX_SIZEOF        12
/* MSI-X table entry */
#define PCI_MSIX_ENTRY_SIZE         16
#define PCI_MSIX_ENTRY_ADDR_LO      0
#define PCI_MSIX_ENTRY_ADDR_HI      4
#define PCI_MSIX_ENTRY_DATA         8
#define PCI_MSIX_ENTRY_VECTOR_CTRL  12
#define PCI_MSIX_ENTRY_CTRL_MASKBIT 0x1
#define PCI_MSIX_VECTORS_MAX        2048

/* Advanced features capability (conventional PCI FLR) */
#define PCI_AF_LENGTH    2
#define PCI_AF_CAP       3
#define PCI_AF_CAP_TP    0x01
#define PCI_AF_CAP_FLR   0x02
#define PCI_AF_CTRL      4
#define PCI_AF_CTRL_FLR  0x01
#define PCI_AF_STATUS    5
#define PCI_AF_STATUS_TP 0x01
#define PCI_AF_SIZEOF    6

/* PCI Express capability (the parts used here) */
#define PCI_EXP_FLAGS              2 /* 16: version, port type */
#define PCI_EXP_FLAGS_VERS2        0x0002
#define PCI_EXP_TYPE_ENDPOINT      0x0
#define PCI_EXP_TYPE_SHIFT         4
#define PCI_EXP_DEVCAP             4 /* 32 */
#define PCI_EXP_DEVCAP_FLR         0x10000000
#define PCI_EXP_DEVCTL             8 /* 16 */
#define PCI_EXP_DEVCTL_BCR_FLR     0x8000
#define PCI_EXP_DEVSTA             10 /* 16 */
#define PCI_EXP_LNKCAP             12
#define PCI_EXP_LNKCTL             16
#define PCI_EXP_LNKSTA             18
#define PCI_EXP_ENDPOINT_SIZEOF_V2 0x3c

/* Extended capabilities: 32-bit header id | version << 16 | next << 20 */
#define PCI_EXT_CAP_START      0x100
#define PCI_EXT_CAP_ID_DSN     0x0003 /* device serial number */
#define PCI_EXT_CAP_ID_VNDR    0x000b
#define PCI_EXT_CAP_DSN_SIZEOF 12

#define PCI_DEVFN(slot, func) ((((slot)&0x1f) << 3) | ((func)&0x07))
#define PCI_SLOT(devfn)       (((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)       ((devfn)&0x07)

#endif
