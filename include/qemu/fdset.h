/*
 * File descriptor sets (-add-fd): descriptors a management tool passes
 * to the program at start, grouped by set number, and opened by the
 * name /dev/fdset/N wherever a file name is taken (the file chardev, the
 * file and host_device block back ends). libvirt hands over a console's
 * or serial port's log file this way.
 */
#ifndef QEMU_FDSET_H
#define QEMU_FDSET_H

#include "qemu/osdep.h"
#include "qapi/error.h"

/*
 * -add-fd fd=N,set=S[,opaque=TEXT]: a duplicate of the inherited
 * descriptor N joins set S. QEMU 7.2's errors.
 */
bool qemu_fdset_add_opt(const char *arg, Error **errp);

/*
 * open(@path, @flags, @mode), except for "/dev/fdset/N": then a duplicate
 * of the set's first descriptor whose access mode is @flags' (-1 with
 * errno ENOENT when there is no such set, EACCES when no descriptor of
 * it has that mode). The result is close-on-exec.
 */
int qemu_open_fdset(const char *path, int flags, mode_t mode);

#endif
