/*
 * File descriptor readiness watches for the default GLib main context,
 * all behind one epoll descriptor that is a single main-loop source.
 *
 * g_unix_fd_add() makes one GSource per descriptor, and GLib walks and
 * polls every source on every main-loop iteration: with thousands of
 * eventfds (ten per vfio-pci function) each iteration costs O(sources).
 * A watch here costs O(1) to add and remove, and an iteration costs
 * O(ready descriptors).
 *
 * Semantics follow g_unix_fd_add(): level-triggered, the callback runs
 * from the main loop while the descriptor is ready (until it is drained),
 * it receives the ready conditions among those asked for plus G_IO_HUP and
 * G_IO_ERR, which are always reported, and returning FALSE
 * (G_SOURCE_REMOVE) removes the watch.  A callback may add or remove any
 * watch, its own included; a watch removed before its turn in the current
 * dispatch is not called.  Several watches may share one descriptor.
 *
 * Main thread only.  Remove a watch before closing its descriptor.
 */
#ifndef QEMU_FD_WATCH_H
#define QEMU_FD_WATCH_H

/* Same shape as GUnixFDSourceFunc */
typedef gboolean FdWatchFunc(int fd, GIOCondition cond, gpointer opaque);

/*
 * Call @fn(@fd, ready, @opaque) from the default main context while @fd is
 * ready for any of @cond (G_IO_IN, G_IO_OUT, G_IO_PRI) or has hung up or
 * failed.  Returns the watch's id (never 0), or 0 with errno set when the
 * kernel refuses the descriptor (epoll takes no regular files).
 */
guint fd_watch_add(int fd, GIOCondition cond, FdWatchFunc *fn, gpointer opaque);

/*
 * Remove the watch @id; true if it existed.  0 or an id already removed
 * (or returned FALSE from its callback) is accepted and returns false.
 */
bool fd_watch_remove(guint id);

/* The number of live watches (tests, diagnostics). */
unsigned fd_watch_count(void);

#endif
