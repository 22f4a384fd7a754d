/*
 * LD_PRELOAD for virsh in the libvirt tier (check-libvirt.py): libvirt
 * raises RLIMIT_MEMLOCK of a domain with a VFIO host device (guest RAM +
 * 1 GiB) with prlimit64() on the emulator, or setrlimit64() in the child
 * before exec. Where the hard limit is lower and no process may raise it
 * (no CAP_SYS_RESOURCE, as in this project's containers), that fails with
 * EPERM and libvirt gives up. The emulator's simulated host pins no
 * memory, so here a refused raise of RLIMIT_MEMLOCK is taken as done: the
 * call returns 0 and the limit stays as it was. Every such call is noted
 * in the file $CL_MEMLOCK_LOG when it is set. Any other call goes to the
 * kernel unchanged.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static void note(pid_t pid, const struct rlimit64 *want)
{
    const char *path = getenv("CL_MEMLOCK_LOG");
    char line[160];
    int fd, n;

    if (!path) {
        return;
    }
    n = snprintf(line, sizeof(line),
                 "memlock of %s %ld: %llu/%llu refused, taken as set\n",
                 pid ? "process" : "the caller", (long)(pid ? pid : getpid()),
                 (unsigned long long)want->rlim_cur,
                 (unsigned long long)want->rlim_max);
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
        if (write(fd, line, n) < 0) {
            /* nothing to do about it */
        }
        close(fd);
    }
}

int prlimit64(pid_t pid, enum __rlimit_resource res, const struct rlimit64 *new,
              struct rlimit64 *old)
{
    int saved;
    long rc = syscall(SYS_prlimit64, pid, res, new, old);

    if (rc == 0 || errno != EPERM || res != RLIMIT_MEMLOCK || !new) {
        return rc;
    }
    saved = errno;
    if (old && syscall(SYS_prlimit64, pid, res, NULL, old) != 0) {
        errno = saved;
        return -1;
    }
    note(pid, new);
    return 0;
}

int setrlimit64(enum __rlimit_resource res, const struct rlimit64 *rlim)
{
    return prlimit64(0, res, rlim, NULL);
}
