/*
 * pci-testfn: an emulated PCI function for testing the PCI and zPCI
 * paths without host hardware.  Register map: docs/devel/pci-testfn.rst.
 *
 *   BAR 0  32-bit memory, 4 KiB: registers (4- and 8-byte accesses)
 *   BAR 2  64-bit prefetchable memory, 4 KiB: the device buffer
 *   BAR 4  64-bit memory, 64 KiB: MSI-X table at 0, PBA at 0x8000
 *
 * Capabilities: MSI-X, PCI Express endpoint with function-level reset;
 * with express=on a 4 KiB configuration space and a Device Serial
 * Number extended capability (serial=).
 *
 * The DMA engine copies DMA_LEN bytes between the buffer at DMA_OFFSET
 * and DMA_ADDR in the function's DMA address space, synchronously when
 * DMA_CMD is written, then reports in STATUS and, when asked, signals
 * MSI-X vector DMA_VECTOR.
 */
#ifndef HW_MISC_PCI_TESTFN_H
#define HW_MISC_PCI_TESTFN_H

#include "hw/pci/pci.h"

#define TYPE_PCI_TESTFN "pci-testfn"

/* This project has no PCI-SIG vendor id: see docs/devel/pci-testfn.rst */
#define PCI_TESTFN_VENDOR_ID 0x5a50 /* "ZP" */
#define PCI_TESTFN_DEVICE_ID 0x0001
#define PCI_TESTFN_REVISION  0x01

#define PCI_TESTFN_REG_BAR    0
#define PCI_TESTFN_BUF_BAR    2
#define PCI_TESTFN_MSIX_BAR   4
#define PCI_TESTFN_REG_SIZE   0x1000
#define PCI_TESTFN_BUF_SIZE   0x1000
#define PCI_TESTFN_MSIX_SIZE  0x10000
#define PCI_TESTFN_PBA_OFFSET 0x8000

/* BAR 0 registers (little endian, 32 bits each) */
#define TESTFN_ID          0x00 /* RO: PCI_TESTFN_MAGIC */
#define TESTFN_VERSION     0x04 /* RO: 1 */
#define TESTFN_SCRATCH     0x08 /* RW */
#define TESTFN_VECTORS     0x0c /* RO: number of MSI-X vectors */
#define TESTFN_DMA_ADDR_LO 0x10 /* RW */
#define TESTFN_DMA_ADDR_HI 0x14 /* RW */
#define TESTFN_DMA_OFFSET  0x18 /* RW: offset in the buffer */
#define TESTFN_DMA_LEN     0x1c /* RW: bytes */
#define TESTFN_DMA_CMD     0x20 /* WO (reads 0): start a transfer */
#define TESTFN_DMA_VECTOR  0x24 /* RW: vector signalled on completion */
#define TESTFN_STATUS      0x28 /* RW1C bits 0-2, RO code in 8-15 */
#define TESTFN_DMA_COUNT   0x2c /* RO: transfers completed */
#define TESTFN_FAULT_LO    0x30 /* RO: DMA_ADDR of the faulting transfer */
#define TESTFN_FAULT_HI    0x34 /* RO */
#define TESTFN_IRQ         0x38 /* WO (reads 0): signal vector N now */

#define PCI_TESTFN_MAGIC   0x5a505446 /* "ZPTF" */
#define PCI_TESTFN_VERSION 1

/* DMA_CMD */
#define TESTFN_CMD_FROM_MEM 0x1 /* 0: buffer -> memory, 1: memory -> buffer */
#define TESTFN_CMD_IRQ      0x2 /* signal DMA_VECTOR when done */

/* STATUS */
#define TESTFN_STATUS_DONE       0x1 /* a transfer completed (or failed) */
#define TESTFN_STATUS_FAULT      0x2 /* the DMA access failed */
#define TESTFN_STATUS_BAD_REQ    0x4 /* offset/length outside the buffer */
#define TESTFN_STATUS_CODE_SHIFT 8   /* MemTxResult of the fault */
#define TESTFN_STATUS_CODE_MASK  0xff00

#endif
