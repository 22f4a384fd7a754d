"""The simulated host's functions as libvirt 9.0 looks for them on a host.

Before libvirt hands a <hostdev> to the emulator it checks the host for
VFIO and then the device itself in sysfs; the simulated host functions
(sim-pci-function, sim-dasd-3390 with mdev=) exist only inside the
emulator. SimHost builds, under a directory of the tier (DIR/simhost),
the few files libvirt reads, and a private mount namespace in which they
are at their host paths. What libvirt 9.0 reads (strace -f -e trace=file
of virsh attach-device, detach-device, create and of a virsh that
reconnects to a domain with host devices):

  /dev/vfio/vfio                  exists: the host has VFIO
  /sys/kernel/iommu_groups/       not empty: the host has an IOMMU
  /sys/bus/pci/devices/ADDR/      per PCI function (managed='no'):
    config                        exists and is read (256 bytes of a
                                  type-0 header with the ids below, no
                                  capabilities)
    vendor, device                read
    driver -> ../../drivers/vfio-pci   bound to vfio-pci (readlink,
                                  then the target is resolved)
    iommu_group -> /sys/kernel/iommu_groups/N; its devices/ is listed
  /sys/bus/mdev/devices/UUID/     per vfio-ccw mdev: exists
    mdev_type/device_api          read: "vfio-ccw"

Also there, as on a host, though libvirt 9.0 did not read them here:
class (with vendor and device the sim function's config space),
/sys/kernel/iommu_groups/N/devices/ADDR or UUID (the group's member),
the mdev's iommu_group link, /dev/vfio/N (a group's device: an
unprivileged libvirt neither opens it nor puts it in a cgroup). The
/dev/vfio files are empty: the emulator's simulated host opens nothing.
On a host the mdev_type link goes to the parent subchannel's
mdev_supported_types/vfio_ccw-io; here to /sys/bus/mdev/types/.

/sys/kernel/iommu_groups and /sys/bus are bind mounts of the tree (so the
host's real buses are not seen inside); /dev is an overlay of the host's
/dev with DIR/simhost/dev-upper on top (/dev/pts and /dev/shm moved over
it), so nothing is created in the host's /dev. The namespace lives as
long as a holder process (unshare -m, private propagation); a process
that runs in it (virsh, and the emulator libvirt spawns from it) joins it
with setns(2). Outside it the host stays as it was: host_state() before
and after.
"""

import ctypes
import os
import subprocess

CLONE_NEWNS = 0x00020000
# the type of a vfio_ccw mdev as the host kernel names it
MDEV_TYPE = "vfio_ccw-io"


class PciFunction:
    def __init__(self, addr, group, vendor=0x1014, device=0x5343,
                 class_code=0x028000, subsystem_vendor=0x1014,
                 subsystem_device=0, revision=1):
        # the defaults are sim-pci-function's own (hw/sim/sim-pci-props.c)
        self.addr = addr
        self.group = group
        self.vendor = vendor
        self.device = device
        self.class_code = class_code
        self.subsystem_vendor = subsystem_vendor
        self.subsystem_device = subsystem_device
        self.revision = revision


    def config_space(self):
        """The first 256 bytes of a type-0 header with these ids (no
        capabilities), little-endian as sysfs gives it"""
        cfg = bytearray(256)
        cfg[0:2] = self.vendor.to_bytes(2, "little")
        cfg[2:4] = self.device.to_bytes(2, "little")
        cfg[8] = self.revision
        cfg[9:12] = self.class_code.to_bytes(3, "little")
        cfg[0x2c:0x2e] = self.subsystem_vendor.to_bytes(2, "little")
        cfg[0x2e:0x30] = self.subsystem_device.to_bytes(2, "little")
        return bytes(cfg)

    def sim_args(self, objid):
        """-object sim-pci-function with the same ids"""
        return ("sim-pci-function,id=%s,host=%s,iommu-group=%d,"
                "vendor-id=0x%04x,device-id=0x%04x,class-code=0x%06x,"
                "subsystem-vendor-id=0x%04x,subsystem-id=0x%04x,"
                "revision=%d" % (objid, self.addr, self.group, self.vendor,
                                 self.device, self.class_code,
                                 self.subsystem_vendor, self.subsystem_device,
                                 self.revision))


class Mdev:
    """A vfio-ccw mdev the sim-dasd-3390 at @busid stands for"""

    def __init__(self, uuid, group, busid):
        self.uuid = uuid
        self.group = group
        self.busid = busid

    def sim_args(self, objid, image):
        return ("sim-dasd-3390,id=%s,busid=%s,file=%s,model=3390-1,"
                "mdev=%s" % (objid, self.busid, image, self.uuid))


def _write(path, text):
    with open(path, "w") as f:
        f.write(text)


class SimHost:
    def __init__(self, root, pci=(), mdevs=()):
        self.root = root  # DIR/simhost
        self.pci = list(pci)
        self.mdevs = list(mdevs)
        self.holder = None
        self._libc = None

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    # ---- the tree ----
    def build(self):
        sysd = self.path("sys")
        bus = os.path.join(sysd, "bus")
        groups = os.path.join(sysd, "kernel", "iommu_groups")
        pcidev = os.path.join(bus, "pci", "devices")
        os.makedirs(pcidev)
        os.makedirs(os.path.join(bus, "pci", "drivers", "vfio-pci"))
        os.makedirs(groups)
        vfio = self.path("dev-upper", "vfio")
        os.makedirs(vfio)
        _write(os.path.join(vfio, "vfio"), "")
        for fn in self.pci:
            d = os.path.join(pcidev, fn.addr)
            os.makedirs(d)
            for name, val, fmt in (("vendor", fn.vendor, "0x%04x"),
                                   ("device", fn.device, "0x%04x"),
                                   ("class", fn.class_code, "0x%06x")):
                _write(os.path.join(d, name), fmt % val + "\n")
            with open(os.path.join(d, "config"), "wb") as f:
                f.write(fn.config_space())
            os.symlink("../../drivers/vfio-pci", os.path.join(d, "driver"))
            self._group(groups, vfio, fn.group, d, fn.addr,
                        "../../../../bus/pci/devices/" + fn.addr)
        if self.mdevs:
            mdevd = os.path.join(bus, "mdev", "devices")
            typed = os.path.join(bus, "mdev", "types", MDEV_TYPE)
            os.makedirs(mdevd)
            os.makedirs(typed)
            _write(os.path.join(typed, "device_api"), "vfio-ccw\n")
        for m in self.mdevs:
            d = os.path.join(mdevd, m.uuid)
            os.makedirs(d)
            os.symlink("../../types/" + MDEV_TYPE,
                       os.path.join(d, "mdev_type"))
            self._group(groups, vfio, m.group, d, m.uuid,
                        "../../../../bus/mdev/devices/" + m.uuid)

    @staticmethod
    def _group(groups, vfio, n, devdir, name, member):
        g = os.path.join(groups, str(n), "devices")
        os.makedirs(g, exist_ok=True)
        os.symlink(member, os.path.join(g, name))
        os.symlink("../../../../kernel/iommu_groups/%d" % n,
                   os.path.join(devdir, "iommu_group"))
        _write(os.path.join(vfio, str(n)), "")

    # ---- the namespace ----
    def script(self):
        r = self.root
        return "\n".join([
            "set -e",
            "mount --bind %s/sys/bus /sys/bus" % r,
            "mount --bind %s/sys/kernel/iommu_groups /sys/kernel/iommu_groups"
            % r,
            "mkdir -p %s/ns/work %s/ns/pts %s/ns/shm" % (r, r, r),
            "mount --bind /dev/pts %s/ns/pts" % r,
            "mount --bind /dev/shm %s/ns/shm" % r,
            "mount -t overlay simhost -o lowerdir=/dev,upperdir=%s/dev-upper,"
            "workdir=%s/ns/work /dev" % (r, r),
            "mount --move %s/ns/pts /dev/pts" % r,
            "mount --move %s/ns/shm /dev/shm" % r,
            "echo ready",
            "exec cat >/dev/null",
        ])

    def start(self):
        """The holder process; False (and the reason) when the namespace
        could not be made"""
        self.holder = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c",
             self.script()], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        line = self.holder.stdout.readline().strip()
        if line != "ready":
            self.holder.stdin.close()
            err = self.holder.stderr.read()
            self.holder.wait()
            self.holder = None
            return False, err.strip() or "unshare ended"
        self._libc = ctypes.CDLL(None, use_errno=True)
        return True, ""

    def enter(self):
        """Join the namespace (in a child before exec: single-threaded)"""
        fd = os.open("/proc/%d/ns/mnt" % self.holder.pid, os.O_RDONLY)
        try:
            if self._libc.setns(fd, CLONE_NEWNS) != 0:
                e = ctypes.get_errno()
                raise OSError(e, "setns: " + os.strerror(e))
        finally:
            os.close(fd)

    def stop(self):
        if self.holder:
            self.holder.stdin.close()
            self.holder.wait(timeout=10)
            self.holder = None

    @staticmethod
    def host_state():
        """What the host shows at the paths the namespace changes (to
        compare before and after)"""
        def listing(path):
            try:
                return sorted(os.listdir(path))
            except OSError as e:
                return e.strerror
        state = {p: listing(p) for p in (
            "/dev/vfio", "/sys/kernel/iommu_groups", "/sys/bus",
            "/sys/bus/pci/devices", "/sys/bus/pci/drivers")}
        with open("/proc/self/mountinfo") as f:
            state["mounts"] = sorted(" ".join(l.split()[3:5]) for l in f)
        return state
