"""libvirt's own <hostdev> on the simulated host (check-libvirt.py).

In the mount namespace of simhost.py, where the sysfs and /dev paths
libvirt checks describe the simulated host's functions, virsh
attach-device and detach-device a zPCI hostdev (managed='no', with and
without <zpci uid fid>) and a vfio-ccw mdev hostdev of a domain that
declares those functions on its command line (<qemu:commandline>:
sim-pci-function at the host addresses, sim-dasd-3390 with mdev=), and
a domain is started with both hostdevs in its XML. The results are
checked through QMP (query-s390-pci-map, query-pci, qom-get) and the live
domain XML. docs/devel/testing-libvirt.rst.
"""

import json
import os
import resource
import subprocess
import time
import xml.etree.ElementTree as ET

import simhost

HOT = "lvt-simhost"
COLD = "lvt-simcold"
FN_A = simhost.PciFunction("0000:00:05.0", 5)  # with <zpci uid fid>
FN_B = simhost.PciFunction("0000:00:06.0", 6, device=0x5344,
                           class_code=0x010802)  # libvirt's uid/fid
MDEV = simhost.Mdev("90c6c135-ad44-41d0-b1b7-bae47de48627", 7, "0.0.1234")
QEMU_NS = "http://libvirt.org/schemas/domain/qemu/1.0"


def pci_hostdev(fn, zpci=None):
    d, rest = fn.addr.split(":", 1)
    bus, rest = rest.split(":")
    slot, func = rest.split(".")
    addr = ""
    if zpci:
        addr = ("<address type='pci'><zpci uid='0x%04x' fid='0x%08x'/>"
                "</address>" % (zpci, zpci))
    return ("<hostdev mode='subsystem' type='pci' managed='no'><source>"
            "<address domain='0x%s' bus='0x%s' slot='0x%s' function='0x%s'/>"
            "</source>%s</hostdev>\n" % (d, bus, slot, func, addr))


def mdev_hostdev(m, devno):
    return ("<hostdev mode='subsystem' type='mdev' model='vfio-ccw'><source>"
            "<address uuid='%s'/></source><address type='ccw' cssid='0xfe' "
            "ssid='0x0' devno='0x%04x'/></hostdev>\n" % (m.uuid, devno))


class SimHostChecks:
    def __init__(self, tier):
        self.t = tier
        self.sh = simhost.SimHost(os.path.join(tier.dir, "simhost"),
                                  pci=[FN_A, FN_B], mdevs=[MDEV])

    # ---- set-up ----
    def domain(self, name, hostdevs=""):
        t = self.t
        args = ["-machine", "s390-map-css=on",
                "-object", FN_A.sim_args("simfn5"),
                "-object", FN_B.sim_args("simfn6"),
                "-object", MDEV.sim_args("simdasd",
                                         os.path.join(t.dir, "img",
                                                      name + ".img"))]
        cmdline = "".join("<qemu:arg value='%s'/>" % a for a in args)
        return t.write(name + ".xml", (
            "<domain type='qemu' xmlns:qemu='%s'><name>%s</name>"
            "<memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type "
            "arch='s390x' machine='s390-ccw-virtio'>hvm</type></os><devices>"
            "<emulator>%s</emulator><console type='pty'><target "
            "type='sclp'/></console>%s</devices><qemu:commandline>%s"
            "</qemu:commandline></domain>\n" % (QEMU_NS, name, t.binary,
                                                hostdevs, cmdline)))

    def memlock(self):
        """libvirt raises the emulator's RLIMIT_MEMLOCK to guest RAM + 1 GiB
        for VFIO: where the hard limit is lower and cannot be raised (no
        CAP_SYS_RESOURCE) virsh gets memlock-shim.so"""
        t = self.t
        hard = resource.getrlimit(resource.RLIMIT_MEMLOCK)[1]
        if hard == resource.RLIM_INFINITY or hard >= (128 + 1024) << 20:
            return True
        if subprocess.run(["prlimit", "--memlock=unlimited", "true"],
                          capture_output=True).returncode == 0:
            resource.setrlimit(resource.RLIMIT_MEMLOCK,
                               (resource.RLIM_INFINITY,
                                resource.RLIM_INFINITY))
            t.note("simhost: RLIMIT_MEMLOCK raised to unlimited")
            return True
        shim = os.path.join(t.build, "tests", "libvirt", "memlock-shim.so")
        if not os.path.exists(shim):
            t.result("simhost-memlock", False, [
                "RLIMIT_MEMLOCK hard limit %d bytes, not raisable, and no %s"
                % (hard, shim)])
            return False
        if t.tmp:
            copy = os.path.join(t.dir, "bin", "memlock-shim.so")
            subprocess.run(["cp", shim, copy], check=True)
            os.chmod(copy, 0o755)
            shim = copy
        t.shim = shim
        t.note("simhost: RLIMIT_MEMLOCK hard limit %d bytes cannot be "
               "raised here: virsh runs with %s" % (hard, shim))
        return True

    # ---- queries ----
    def qmp(self, dom, cmd, args=None):
        return self.t.qmp(dom, cmd, args)

    def zmap(self, dom):
        return self.qmp(dom, "query-s390-pci-map").get("return", [])

    def live_hostdevs(self, text):
        """(type, source address or uuid, zpci uid, zpci fid, alias) of
        each <hostdev> of a domain XML"""
        out = []
        try:
            root = ET.fromstring(text)
        except ET.ParseError:
            return None
        for h in root.findall("devices/hostdev"):
            src = h.find("source/address")
            key = src.get("uuid") if h.get("type") == "mdev" else \
                "%04x:%02x:%02x.%x" % tuple(int(src.get(k), 16) for k in (
                    "domain", "bus", "slot", "function"))
            z = h.find("address/zpci")
            alias = h.find("alias")
            out.append((h.get("type"), key,
                        int(z.get("uid"), 16) if z is not None else None,
                        int(z.get("fid"), 16) if z is not None else None,
                        alias.get("name") if alias is not None else None))
        return out

    def pci_function(self, dom, qdev_id):
        for b in self.qmp(dom, "query-pci").get("return", []):
            for d in b.get("devices", []):
                if d.get("qdev_id") == qdev_id:
                    return d
        return None

    def check_zpci(self, name, dom, fn, uid, fid, alias):
        """The zpci (uid, fid, target) and the vfio-pci at fn's host
        address on the simulated host, with fn's ids"""
        ent = [e for e in self.zmap(dom)
               if e.get("host", {}).get("address") == fn.addr]
        why = [ent]
        ok = len(ent) == 1
        if ok:
            e = ent[0]
            ok = (e.get("uid") == uid and e.get("fid") == fid and
                  e.get("driver") == "vfio-pci" and e.get("id") == alias and
                  e["host"].get("backend") == "sim" and
                  e["host"].get("iommu-group") == fn.group)
            if e.get("zpci"):
                tgt = self.qmp(dom, "qom-get", {
                    "path": "/machine/peripheral/%s" % e["zpci"],
                    "property": "target"})
                why.append(tgt)
                ok = ok and tgt.get("return") == alias
        dev = self.pci_function(dom, alias)
        why.append(dev)
        ids = (dev or {}).get("id", {})
        ok = ok and dev is not None and ids.get("vendor") == fn.vendor and \
            ids.get("device") == fn.device and \
            dev.get("class_info", {}).get("class") == fn.class_code >> 8
        return self.t.result(name, ok, why)

    def check_mdev(self, name, dom, alias):
        t = self.t
        dev_id = self.qmp(dom, "qom-get", {
            "path": "/machine/peripheral/%s" % alias, "property": "dev_id"})
        sch = self.qmp(dom, "qom-get", {
            "path": "/machine/peripheral/%s" % alias, "property": "subch_id"})
        mdev = self.qmp(dom, "qom-get", {"path": "/objects/simdasd",
                                         "property": "mdev"})
        return t.result(name, dev_id.get("return") == "fe.0.0009" and
                        str(sch.get("return", "")).startswith("fe.0.") and
                        mdev.get("return") == MDEV.uuid, [dev_id, sch, mdev])

    # ---- the checks ----
    def run(self):
        t = self.t
        before = simhost.SimHost.host_state()
        if not self.memlock():
            return
        self.sh.build()
        if t.user:
            for root, dirs, files in os.walk(self.sh.root):
                for n in dirs + files:
                    os.lchown(os.path.join(root, n), t.user.pw_uid,
                              t.user.pw_gid)
        ok, why = self.sh.start()
        if not ok and "Operation not permitted" in why:
            # root without CAP_SYS_ADMIN (a restricted container)
            t.note("simhost: no mount namespace (%s): libvirt's hostdev "
                   "on the simulated host not tried" % why)
            return
        if not t.result("simhost-namespace", ok, [why]):
            return
        t.ns = self.sh
        try:
            self.hotplug()
            self.coldplug()
        finally:
            self.destroy_all()
            t.ns = None
            self.sh.stop()
        after = simhost.SimHost.host_state()
        t.result("simhost-host-untouched", before == after,
                 ["before: %s" % json.dumps(before),
                  "after: %s" % json.dumps(after)])

    def destroy_all(self):
        t = self.t
        rc, out, err = t.virsh("list", "--name")
        for name in out.split():
            if name in (HOT, COLD):
                t.virsh("qemu-monitor-command %s '{\"execute\":"
                        "\"query-status\"}'; destroy %s" % (name, name))

    def dumpxml(self, dom):
        return self.live_hostdevs(self.t.virsh("dumpxml", dom)[1]) or []

    def hotplug(self):
        t = self.t
        rc, out, err = t.virsh("create", self.domain(HOT))
        if not t.result("simhost-create", rc == 0, [err] + t.log_tail(HOT)):
            return
        a = t.write("hd-sim-a.xml", pci_hostdev(FN_A, 0x10))
        b = t.write("hd-sim-b.xml", pci_hostdev(FN_B))
        m = t.write("hd-sim-mdev.xml", mdev_hostdev(MDEV, 9))

        rc, out, err = t.virsh("attach-device", HOT, a)
        live = self.dumpxml(HOT)
        alias_a = next((h[4] for h in live if h[1] == FN_A.addr), None)
        if not t.result("hostdev-zpci-attach", rc == 0 and alias_a and
                        ("pci", FN_A.addr, 0x10, 0x10, alias_a) in live,
                        [out, err, live] + t.log_tail(HOT)):
            return
        self.check_zpci("hostdev-zpci-attach-qmp", HOT, FN_A, 0x10, 0x10,
                        alias_a)

        # without <zpci>: libvirt picks uid and fid, the program follows
        rc, out, err = t.virsh("attach-device", HOT, b)
        live = self.dumpxml(HOT)
        hb = next((h for h in live if h[1] == FN_B.addr), None)
        if t.result("hostdev-zpci-attach-auto", rc == 0 and hb is not None
                    and hb[2] is not None and hb[2] != 0x10,
                    [out, err, live] + t.log_tail(HOT)):
            self.check_zpci("hostdev-zpci-attach-auto-qmp", HOT, FN_B,
                            hb[2], hb[3], hb[4])

        rc, out, err = t.virsh("attach-device", HOT, m)
        live = self.dumpxml(HOT)
        hm = next((h for h in live if h[1] == MDEV.uuid), None)
        if t.result("hostdev-mdev-attach", rc == 0 and hm is not None,
                    [out, err, live] + t.log_tail(HOT)):
            self.check_mdev("hostdev-mdev-attach-qmp", HOT, hm[4])

        # a subchannel goes at once: libvirt hears DEVICE_DELETED while it
        # waits, and the live XML in the same virsh has lost the hostdev
        if hm:
            rc, out, err = t.virsh("detach-device %s %s; dumpxml %s" %
                                   (HOT, m, HOT))
            live = self.live_hostdevs(out[out.find("<domain"):]) or []
            periph = self.qmp(HOT, "qom-list", {"path": "/machine/peripheral"})
            names = [o.get("name") for o in periph.get("return", [])]
            t.result("hostdev-mdev-detach", rc == 0 and
                     not any(h[1] == MDEV.uuid for h in live) and
                     hm[4] not in names, [out, err, periph])

        # a zPCI function the guest has configured is asked to go first
        # (as with QEMU); libvirt waits 5 s for DEVICE_DELETED and returns.
        # No guest answers: the system reset completes the unplug, libvirt
        # hears DEVICE_DELETED and removes the hostdev (device-removed).
        t0 = time.monotonic()
        rc, out, err = t.virsh("detach-device", HOT, a)
        waited = time.monotonic() - t0
        still = [e for e in self.zmap(HOT) if e.get("id") == alias_a]
        t.result("hostdev-zpci-detach-request", rc == 0 and len(still) == 1
                 and waited >= 4.5, [out, err, "%.1f s" % waited, still])
        rc, out, err = t.virsh(
            "qemu-monitor-command %s '{\"execute\":\"query-status\"}'; "
            "reset %s; qemu-monitor-command %s '{\"execute\":"
            "\"query-status\"}'; dumpxml %s" % (HOT, HOT, HOT, HOT))
        same = self.live_hostdevs(out[out.find("<domain"):]) or []
        zmap = self.zmap(HOT)
        live = self.dumpxml(HOT)
        t.result("hostdev-zpci-detach-reset", rc == 0 and
                 not any(e.get("id") == alias_a for e in zmap) and
                 not any(h[1] == FN_A.addr for h in live) and
                 (hb is None or any(e.get("id") == hb[4] for e in zmap)),
                 [out, err, zmap, live])
        t.note("hostdev-zpci-detach-reset: the hostdev left the live XML %s"
               % ("in the virsh of the reset (DEVICE_DELETED)"
                  if not any(h[1] == FN_A.addr for h in same) else
                  "at the next virsh's reconnection"))

    def coldplug(self):
        t = self.t
        xml = self.domain(COLD, pci_hostdev(FN_A, 0x20) +
                          mdev_hostdev(MDEV, 9))
        rc, out, err = t.virsh("create", xml)
        if not t.result("hostdev-coldplug-create", rc == 0,
                        [out, err] + t.log_tail(COLD)):
            return
        live = self.dumpxml(COLD)
        ha = next((h for h in live if h[1] == FN_A.addr), None)
        hm = next((h for h in live if h[1] == MDEV.uuid), None)
        if ha:
            self.check_zpci("hostdev-coldplug-zpci", COLD, FN_A, 0x20, 0x20,
                            ha[4])
        else:
            t.result("hostdev-coldplug-zpci", False, [live])
        if hm:
            self.check_mdev("hostdev-coldplug-mdev", COLD, hm[4])
        else:
            t.result("hostdev-coldplug-mdev", False, [live])
        rc, out, err = t.virsh(
            "qemu-monitor-command %s '{\"execute\":\"query-status\"}'; "
            "destroy %s" % (COLD, COLD))
        t.result("hostdev-coldplug-destroy", rc == 0, [out, err])
