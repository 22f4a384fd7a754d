/*
 * Chardev internals shared by the generic code and the back ends.
 */
#ifndef CHARDEV_INTERNAL_H
#define CHARDEV_INTERNAL_H

#include "chardev/char.h"

struct Chardev {
    char *id;
    const char *backend; /* "socket", "stdio", "file", "null", "pty" */
    bool is_server;      /* socket: server=on */
    char *sock_path;     /* socket: path= given, or NULL */
    int fd_in;           /* connected input, -1 if none */
    int fd_out;          /* connected output, -1 if none (writes dropped) */
    int listen_fd;       /* listening socket, -1 if none */
    bool connected;
    bool owns_fds; /* close fd_in/fd_out on disconnect */
    bool is_stdio;
    bool out_reopened; /* fd_out is our own open of stdout's terminal */
    char *unlink_path; /* socket path to remove at cleanup */
    /* pty (char-pty.c) */
    bool is_pty;
    int pty_fd;      /* the master, for the chardev's life */
    char *pty_name;  /* the slave's path */
    guint pty_timer; /* looks for a peer while there is none */
    guint in_watch;
    bool in_paused; /* the front end takes no input now */
    guint listen_watch;
    /* output (char-out.c) */
    GByteArray *outq;   /* accepted, not yet written */
    guint out_watch;    /* G_IO_OUT watch while outq is not empty */
    size_t out_peak;    /* largest outq since it was last emptied */
    bool out_nonblock;  /* fd_out is O_NONBLOCK */
    bool out_regular;   /* fd_out is a regular file */
    bool out_throttled; /* outq passed CHR_OUT_HIGH: input paused */
    bool out_dead;      /* a write failed: output dropped */
    guint drop_idle;    /* after out_dead: drops the connection */
    const CharFrontendOps *ops;
    void *opaque;
    int fe_open; /* qemu_chr_fe_set_open(): 0 or 1; -1: while attached */
    /* mux=on (char-mux.c): the front ends; I/O goes to mux->base */
    struct ChrMux *mux;
};

Chardev *chr_alloc(const char *id);
/* A peer connected on @fd (fd_in == fd_out == fd, owned). */
void chr_attach_connection(Chardev *chr, int fd);
/*
 * The connection is gone: stop watching it, close what it owns and tell
 * the front end (CHR_EVENT_CLOSED); a server listens again.
 */
void chr_drop_connection(Chardev *chr);
/* Start watching input when a front end and a connection exist. */
void chr_update_watches(Chardev *chr);

/* Back ends; the opts are -chardev's string options. */
bool chr_open_socket(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_stdio(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_file(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_null(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_pty(Chardev *chr, JsonObject *opts, Error **errp);
/* pty: a peer opened the slave? Then connected (CHR_EVENT_OPENED). */
bool chr_pty_check(Chardev *chr);
/* pty: the peer is gone; output dropped, the next one looked for */
void chr_pty_lost(Chardev *chr);
/* pty: close the master (chardev freed) */
void chr_pty_close(Chardev *chr);
bool chr_open_vc(Chardev *chr, JsonObject *opts, Error **errp);
bool chr_open_pipe(Chardev *chr, JsonObject *opts, Error **errp);

/* Register a new chardev under its id (before @before in the list). */
void chr_register(Chardev *chr, Chardev *before);

/* char-mux.c: @chr (not registered yet) multiplexes @base */
void chr_mux_init(Chardev *chr, Chardev *base);
bool chr_mux_add_frontend(Chardev *chr, const CharFrontendOps *ops,
                          void *opaque, Error **errp);
void chr_mux_remove_frontends(Chardev *chr);
ssize_t chr_mux_write(Chardev *chr, const uint8_t *buf, size_t len);
bool chr_mux_has_frontend(Chardev *chr);
void chr_mux_free(Chardev *chr);
Chardev *chr_mux_base(Chardev *chr);
/* The chardev that does the I/O: a mux's base, else @chr */
static inline Chardev *chr_io(Chardev *chr)
{
    return chr->mux ? chr_mux_base(chr) : chr;
}

const char *chr_opt(JsonObject *opts, const char *name);
/* query-chardev's "filename" of a socket chardev (new string) */
char *chr_socket_filename(Chardev *chr);

/* Output bounds: input pauses above HIGH, resumes at LOW. */
#define CHR_OUT_HIGH (1024 * 1024)
#define CHR_OUT_LOW  (256 * 1024)

/* fd_out is set: note its kind (and make it O_NONBLOCK if asked). */
void chr_out_attach(Chardev *chr, bool make_nonblocking);
/* The connection is gone: drop queued output, the watch, a pending drop. */
void chr_out_reset(Chardev *chr);
/* Write what the peer takes now of the queue, without blocking. */
void chr_out_flush_now(Chardev *chr);

#endif
