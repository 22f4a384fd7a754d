/*
 * Character devices: byte streams the monitor (QMP) and the qtest server
 * talk over. Back ends: stdio, unix socket (server or client, or an
 * already-open descriptor with fd=), file, null, pty (a pseudo-terminal).
 *
 * One front end at a time reads from a chardev (a mux=on chardev lets
 * several take turns). Data is delivered from the
 * GLib main loop (default GMainContext).
 */
#ifndef CHARDEV_CHAR_H
#define CHARDEV_CHAR_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

typedef struct Chardev Chardev;

typedef enum ChrEvent {
    CHR_EVENT_OPENED, /* a peer connected (or the back end is ready) */
    CHR_EVENT_CLOSED, /* the peer went away */
    /* mux=on (several front ends on one back end): */
    CHR_EVENT_MUX_IN,  /* this front end now gets the input */
    CHR_EVENT_MUX_OUT, /* another front end gets the input */
    CHR_EVENT_BREAK,   /* the user sent a break (Ctrl-A b) */
} ChrEvent;

typedef struct CharFrontendOps {
    /* Bytes arrived from the peer. */
    void (*read)(void *opaque, const uint8_t *buf, size_t len);
    /* Connection state changed. */
    void (*event)(void *opaque, ChrEvent event);
    /*
     * Optional: the output backlog fell back under the bound after
     * qemu_chr_fe_throttled() was true; input is read again. A front end
     * that held back work (parsed requests, lines) does it now.
     */
    void (*drained)(void *opaque);
} CharFrontendOps;

/*
 * Create a chardev from -chardev options, as parsed by keyval_parse()
 * (mux=on: the back end is "ID-base", and "ID" lets up to four front
 * ends share it, see chardev/char-mux.c)
 * with implied key "backend": {"backend": "socket", "id": "c0",
 * "path": "/tmp/s", "server": "on", "wait": "off"}. Values are strings
 * (keyval form). The new chardev is registered under its id.
 */
Chardev *qemu_chr_new_from_opts(JsonObject *opts, Error **errp);

/*
 * Create a chardev from the legacy "filename" syntax used by -qmp, -qtest,
 * -serial...: "stdio", "null", "vc", "pty", "unix:PATH[,server=on]
 * [,wait=off]", "file:PATH", "pipe:PATH", "tcp:HOST:PORT[,...]".
 * @label becomes its id. Fails with "parse error: FILENAME" for a syntax
 * it does not understand.
 */
Chardev *qemu_chr_new(const char *label, const char *filename, Error **errp);
/*
 * The same, and also "chardev:ID" (an existing chardev) and, when
 * @permit_mux_mon, "mon:DEV" (DEV with mux=on; *@mux tells, so that the
 * caller puts a monitor on it). NULL without an error for a syntax not
 * understood or a "chardev:ID" that does not exist.
 */
Chardev *qemu_chr_new_legacy(const char *label, const char *filename,
                             bool permit_mux_mon, bool *mux, Error **errp);

/*
 * The chardevs of -serial, in order (serial_hd(0) is "serial0"); the
 * machine puts its consoles on them. NULL past the last.
 */
void serial_hd_add(Chardev *chr);
Chardev *serial_hd(int i);
int serial_hd_count(void);
void serial_hds_clear(void);

Chardev *qemu_chr_find(const char *id);
/* Every chardev, in creation order (NULL: none yet) */
const GPtrArray *qemu_chr_all(void);
/* query-chardev's "filename": "stdio", "unix:PATH,server=on" ... */
char *qemu_chr_info_filename(Chardev *chr);
/*
 * Is a front end attached (query-chardev's "frontend-open")? A front end
 * that has a notion of being open (a virtio-serial port: the guest opened
 * it) says so with qemu_chr_fe_set_open() instead, until it detaches.
 */
bool qemu_chr_fe_is_open(Chardev *chr);
void qemu_chr_fe_set_open(Chardev *chr, bool open);
const char *qemu_chr_get_id(const Chardev *chr);

/*
 * Attach the single front end. Fails with "chardev 'ID' is busy" when one
 * is attached already. For a listening socket the OPENED event comes when
 * a client connects; with wait=on, creation already blocked until one did.
 */
bool qemu_chr_fe_set_handlers(Chardev *chr, const CharFrontendOps *ops,
                              void *opaque, Error **errp);
/*
 * Detach the front end (no further callbacks). On a mux=on chardev this
 * detaches all of its front ends (only done when they all go away).
 */
void qemu_chr_fe_deinit(Chardev *chr);

/*
 * Send all of @buf without blocking: what the peer does not take now is
 * queued and written when it can take it. Returns len, or -EPIPE once a
 * write to the peer failed: later output is dropped, no more input is
 * read, and the connection is dropped from the main loop soon after
 * (CHR_EVENT_CLOSED; a server then takes the next client).
 * While more than 1 MiB waits, the chardev reads no input from the peer
 * (qemu_chr_fe_throttled()); reading resumes at 256 KiB.
 */
ssize_t qemu_chr_fe_write_all(Chardev *chr, const void *buf, size_t len);
/* Is the backlog over the bound (input paused)? Front ends stop there. */
bool qemu_chr_fe_throttled(Chardev *chr);
/* Bytes accepted by qemu_chr_fe_write_all() and not yet written. */
size_t qemu_chr_fe_backlog(Chardev *chr);
/*
 * Give up on the peer as when a write to it fails: queued and later
 * output is dropped, no more input is read, and the connection is dropped
 * from the main loop soon after. Safe inside the front end's callbacks:
 * CHR_EVENT_CLOSED never comes from within this call.
 */
void qemu_chr_fe_hang_up(Chardev *chr);
/*
 * Stop (@paused) or resume reading the peer's input: a front end that
 * has nowhere to put more bytes (a guest without receive buffers)
 * pauses, and the bytes wait in the connection. On a mux=on chardev it
 * pauses the shared back end.
 */
void qemu_chr_fe_pause_input(Chardev *chr, bool paused);
/* Is a peer connected? */
bool qemu_chr_fe_is_connected(Chardev *chr);
/* Drop the current client connection (a server keeps listening). */
void qemu_chr_fe_disconnect(Chardev *chr);

/*
 * What Ctrl-A x on a mux=on chardev runs after printing "QEMU:
 * Terminated": @fn must not return (it cleans up and exits, status 0).
 * Without one the process exits at once.
 */
void qemu_chr_set_mux_exit(void (*fn)(void));

/* Destroy every chardev (at exit; removes unix socket paths it created). */
void qemu_chr_cleanup(void);

#endif
