// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ck-chp-event: a test module of make check-kernel. It hands the s390x
 * guest kernel's channel-subsystem code a channel-path event, as a
 * machine channel-path report would: the outer QEMU cannot produce one.
 *
 *   echo 0.00 > /sys/module/ck_chp_event/parameters/offline
 *   echo 0.00 > /sys/module/ck_chp_event/parameters/online
 *
 * (CSSID.CHPID in hex) call the kernel's own path-gone / path-available
 * handlers for that channel path. Those are not exported: their addresses
 * come from a kprobe registered on each name and released at once.
 * Everything after the call is the unmodified kernel.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/kprobes.h>
#include <linux/kernel.h>

/* the kernel's channel-path id, passed by value (4 bytes) */
struct ck_path {
    u8 res0;
    u8 css;
    u8 res1;
    u8 num;
} __packed;

typedef void (*ck_path_fn)(struct ck_path path);

static ck_path_fn ck_gone;
static ck_path_fn ck_back;

static void *ck_resolve(const char *name)
{
    struct kprobe probe = { .symbol_name = name };
    void *at;

    if (register_kprobe(&probe) < 0)
        return NULL;
    at = probe.addr;
    unregister_kprobe(&probe);
    return at;
}

static int ck_parse(const char *val, struct ck_path *path)
{
    unsigned int css, num;

    if (sscanf(val, "%x.%x", &css, &num) != 2 || css > 0xff || num > 0xff)
        return -EINVAL;
    memset(path, 0, sizeof(*path));
    path->css = css;
    path->num = num;
    return 0;
}

static int ck_set(const char *val, const struct kernel_param *kp)
{
    ck_path_fn fn = *(ck_path_fn *)kp->arg;
    struct ck_path path;
    int rc = ck_parse(val, &path);

    if (rc)
        return rc;
    pr_info("ck_chp_event: %s %x.%02x\n", kp->name, path.css, path.num);
    fn(path);
    return 0;
}

static const struct kernel_param_ops ck_ops = {
    .set = ck_set,
};

module_param_cb(offline, &ck_ops, &ck_gone, 0200);
MODULE_PARM_DESC(offline, "CSSID.CHPID: the channel path is gone");
module_param_cb(online, &ck_ops, &ck_back, 0200);
MODULE_PARM_DESC(online, "CSSID.CHPID: the channel path is available");

static int __init ck_init(void)
{
    ck_gone = ck_resolve("chsc_chp_offline");
    ck_back = ck_resolve("chsc_chp_online");
    if (!ck_gone || !ck_back) {
        pr_err("ck_chp_event: channel-path handlers not found\n");
        return -ENOENT;
    }
    return 0;
}

static void __exit ck_exit(void)
{
}

module_init(ck_init);
module_exit(ck_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("check-kernel: inject channel-path events");
