/*
 * Guest storage as one host buffer at absolute 0: the backend of the
 * interpreter's unit tests and benchmarks.
 */
#include "qemu/osdep.h"
#include "target/s390x/mem.h"

static int s390_ram_access(void *opaque, uint64_t abs, void *buf, uint32_t len,
                           S390Access kind)
{
    S390Ram *ram = opaque;

    if (abs >= ram->size || len > ram->size - abs) {
        return PGM_ADDRESSING;
    }
    if (kind == S390_ACC_STORE) {
        memcpy(ram->base + abs, buf, len);
    } else {
        memcpy(buf, ram->base + abs, len);
    }
    return 0;
}

const S390MemOps s390_ram_ops = {
    .access = s390_ram_access,
};
