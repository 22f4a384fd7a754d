/*
 * Chardev internals shared by the generic code and the back ends.
 */
#ifndef CHARDEV_INTERNAL_H
#define CHARDEV_INTERNAL_H

#include "chardev/char.h"

struct Chardev {
    char *id;
    int fd_in;            /* connected input, -1 if none */
    int fd_out;           /* connected output, -1 if none (writes dropped) */
    int listen_fd;        /* listening socket, -1 if none */
    bool connected;
    bool owns_fds;        /* close fd_in/fd_out on disconnect */
    bool is_stdio;
    char *unlink_path;    /* socket path to remove at cleanup */
    guint in_watch;
    guint listen_watch;
    const CharFrontendOps *ops;
    void *opaque;
};

Chardev *chr_alloc(const char *id);
/* A peer connected on @fd (fd_in == fd_out == fd, owned). */
void chr_attach_connection(Chardev *chr, int fd);
/* Start watching input when a front end and a connection exist. */
void chr_update_watches(Chardev *chr);

/* Back ends; the opts are -chardev's string options. */
bool chr_open_socket(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_stdio(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_file(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_null(Chardev *chr, JsonObject *opts, Error **errp);

const char *chr_opt(JsonObject *opts, const char *name);

#endif
