/*
 * Entropy back ends for virtio-rng (its rng= link), the -object types
 * libvirt writes for a domain's <rng> device:
 *   rng-builtin  the host kernel's getrandom()
 *   rng-random   reads filename= (default /dev/urandom), opened when the
 *                object is created
 * Both derive from the abstract rng-backend and have the read-only
 * "opened" property.
 */
#ifndef SYSEMU_RNG_H
#define SYSEMU_RNG_H

#include "qemu/osdep.h"
#include "qom/object.h"

#define TYPE_RNG_BACKEND "rng-backend"
#define TYPE_RNG_BUILTIN "rng-builtin"
#define TYPE_RNG_RANDOM  "rng-random"

typedef struct RngBackend {
    Object parent_obj;
    bool opened;
    char *filename; /* rng-random */
    int fd;         /* rng-random: the open file, or -1 */
} RngBackend;

typedef struct RngBackendClass {
    ObjectClass parent_class;
    bool (*open)(RngBackend *rb, Error **errp);
    /* up to @len bytes into @buf; how many (short: none available now) */
    size_t (*fill)(RngBackend *rb, uint8_t *buf, size_t len);
} RngBackendClass;

static inline RngBackend *RNG_BACKEND(void *obj)
{
    return OBJECT_CHECK(RngBackend, obj, TYPE_RNG_BACKEND);
}

/* Up to @len random bytes; how many there were. */
size_t rng_backend_fill(RngBackend *rb, uint8_t *buf, size_t len);
/*
 * rng-builtin's source, also a device's when it has no rng= back end:
 * the kernel's entropy (getrandom(), not blocking); fewer bytes than
 * @len when it has none just now.
 */
size_t rng_builtin_fill(uint8_t *buf, size_t len);

#endif
