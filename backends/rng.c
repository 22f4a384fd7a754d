/*
 * rng-backend and its two kinds, rng-builtin and rng-random (see
 * include/sysemu/rng.h). A virtio-rng device takes one by its rng= link
 * and asks it for bytes as the guest's requests come.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "sysemu/rng.h"
#include <fcntl.h>
#include <sys/random.h>

static RngBackendClass *rng_class(RngBackend *rb)
{
    return OBJECT_CLASS_CHECK(RngBackendClass, object_get_class(OBJECT(rb)),
                              TYPE_RNG_BACKEND);
}

size_t rng_backend_fill(RngBackend *rb, uint8_t *buf, size_t len)
{
    return rb->opened ? rng_class(rb)->fill(rb, buf, len) : 0;
}

static void rng_complete(UserCreatable *uc, Error **errp)
{
    RngBackend *rb = RNG_BACKEND(uc);
    RngBackendClass *rc = rng_class(rb);

    if (rc->open && !rc->open(rb, errp)) {
        return;
    }
    rb->opened = true;
}

static bool rng_get_opened(Object *obj, Error **errp)
{
    return RNG_BACKEND(obj)->opened;
}

static void rng_init(Object *obj)
{
    RNG_BACKEND(obj)->fd = -1;
}

static void rng_finalize(Object *obj)
{
    RngBackend *rb = RNG_BACKEND(obj);

    if (rb->fd >= 0) {
        close(rb->fd);
    }
    g_free(rb->filename);
}

static void rng_class_init(ObjectClass *oc, void *data)
{
    USER_CREATABLE_CLASS(oc)->complete = rng_complete;
    object_class_property_add_bool(oc, "opened", rng_get_opened, NULL);
}

/* ---- rng-builtin ---- */

size_t rng_builtin_fill(uint8_t *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = getrandom(buf + done, len - done, GRND_NONBLOCK);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += n;
    }
    return done;
}

static size_t builtin_fill(RngBackend *rb, uint8_t *buf, size_t len)
{
    return rng_builtin_fill(buf, len);
}

static void builtin_class_init(ObjectClass *oc, void *data)
{
    ((RngBackendClass *)oc)->fill = builtin_fill;
}

/* ---- rng-random ---- */

static bool random_open(RngBackend *rb, Error **errp)
{
    const char *path = rb->filename ? rb->filename : "/dev/urandom";

    rb->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (rb->fd < 0) {
        error_setg_errno(errp, errno, "Could not open '%s'", path);
        return false;
    }
    return true;
}

/* What the file has now: a device that has none yet gives less */
static size_t random_fill(RngBackend *rb, uint8_t *buf, size_t len)
{
    size_t done = 0;

    while (done < len) {
        ssize_t n = read(rb->fd, buf + done, len - done);

        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += n;
    }
    return done;
}

static char *random_get_filename(Object *obj, Error **errp)
{
    RngBackend *rb = RNG_BACKEND(obj);

    return g_strdup(rb->filename ? rb->filename : "/dev/urandom");
}

static void random_set_filename(Object *obj, const char *value, Error **errp)
{
    RngBackend *rb = RNG_BACKEND(obj);

    if (rb->opened) {
        error_setg(errp, "Property 'filename' can not be set after the "
                         "back end is opened");
        return;
    }
    g_free(rb->filename);
    rb->filename = g_strdup(value);
}

static void random_class_init(ObjectClass *oc, void *data)
{
    RngBackendClass *rc = (RngBackendClass *)oc;

    rc->open = random_open;
    rc->fill = random_fill;
    object_class_property_add_str(oc, "filename", random_get_filename,
                                  random_set_filename);
}

static const TypeInfo rng_types[] = {
    {
        .name = TYPE_RNG_BACKEND,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(RngBackend),
        .instance_init = rng_init,
        .instance_finalize = rng_finalize,
        .class_size = sizeof(RngBackendClass),
        .class_init = rng_class_init,
        .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
    },
    {
        .name = TYPE_RNG_BUILTIN,
        .parent = TYPE_RNG_BACKEND,
        .class_init = builtin_class_init,
    },
    {
        .name = TYPE_RNG_RANDOM,
        .parent = TYPE_RNG_BACKEND,
        .class_init = random_class_init,
    },
};

static void rng_register_types(void)
{
    for (size_t i = 0; i < G_N_ELEMENTS(rng_types); i++) {
        type_register_static(&rng_types[i]);
    }
}

type_init(rng_register_types)
