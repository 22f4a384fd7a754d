#!/usr/bin/env python3
"""The libvirt tier: Debian 12's libvirt 9.0 drives the built program.

Usage: python3 tests/libvirt/check-libvirt.py BUILD

virsh with libvirt's embedded QEMU driver (qemu:///embed?root=DIR, no
daemon; DIR is BUILD/check-libvirt, made afresh; nothing outside it is
written) probes the program, starts a domain with a virtio-blk-ccw disk,
a zPCI-addressed virtio-blk-pci disk, a pty console and libvirt's
balloon, hot-plugs disks, and tries host devices: refused without host
VFIO, and (as root) attached, detached and cold-plugged on the simulated
host in a mount namespace whose sysfs describes its functions
(simhost.py, simhost_checks.py). Each check prints
"ok NAME" or "not ok NAME" (with "# " lines saying why); the last line is
"N passed, N failed". Without virsh or libvirt's QEMU driver it prints a
SKIP line and "0 passed, 0 failed" and exits 0 (CL_SKIP_STATUS: another
status, 77 for meson's suite libvirt). With Debian's
/usr/bin/qemu-system-s390x (QEMU 7.2) installed the capabilities libvirt
derives for both are compared. docs/devel/testing-libvirt.rst.
"""

import glob
import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import simhost_checks  # noqa: E402
DEBIAN_QEMU = "/usr/bin/qemu-system-s390x"
DOMAIN = "lvt1"
VERBOSE = bool(os.environ.get("CL_VERBOSE"))
VIRSH = "virsh"

# libvirt's capability flags for what the program implements: they must
# be set for it as for QEMU 7.2 (a flag QEMU 7.2 lacks is not asked for)
IMPLEMENTED_FLAGS = [
    "virtio-ccw", "zpci", "vfio-pci", "vfio-ccw", "pci-bridge", "virtio-rng",
    "s390-sclp", "sclplmconsole", "seccomp-sandbox", "loadparm",
    "query-named-block-nodes.flat", "set-action", "query-stats",
    "virtio-blk.queue-size", "memory-backend-memfd", "tcg",
    "query-hotpluggable-cpus", "query-cpu-model-expansion",
    "query-cpu-definitions", "device.json+hotplug", "object.qapified",
    "rng-random", "rng-builtin",
]

# domcapabilities elements: (path, what) compared between the two
DOMCAPS_ENUMS = [
    ("devices/disk", "diskDevice"), ("devices/disk", "bus"),
    ("devices/disk", "model"), ("devices/hostdev", "mode"),
    ("devices/hostdev", "subsysType"), ("devices/hostdev", "pciBackend"),
    ("devices/rng", "model"), ("devices/rng", "backendModel"),
    ("devices/video", "modelType"), ("devices/graphics", "type"),
    ("devices/channel", "type"), ("devices/filesystem", "driverType"),
    ("memoryBacking", "sourceType"),
]
# values the program implements: they must be listed for it
DOMCAPS_IMPLEMENTED = {
    ("devices/disk", "bus"): {"virtio"},
    ("devices/disk", "model"): {"virtio"},
    ("devices/disk", "diskDevice"): {"disk"},
    ("devices/hostdev", "mode"): {"subsystem"},
    ("devices/hostdev", "subsysType"): {"pci"},
    ("devices/rng", "model"): {"virtio"},
    ("devices/rng", "backendModel"): {"random", "builtin"},
    ("devices/channel", "type"): {"pty", "unix"},
    ("memoryBacking", "sourceType"): {"file", "anonymous", "memfd"},
}


class Tier:
    def __init__(self, build):
        self.build = os.path.abspath(build)
        self.binary = os.path.join(self.build, "qemu-system-s390x")
        self.dir = os.path.join(self.build, "check-libvirt")
        self.passed = 0
        self.failed = 0
        self.user = None  # run virsh as this user (root: nobody)
        self.tmp = False  # self.dir is a directory of /tmp
        self.ns = None  # a SimHost: virsh runs in its namespace
        self.shim = None  # memlock-shim.so for virsh (LD_PRELOAD)

    def choose_dir(self):
        """BUILD/check-libvirt, unless a domain's monitor socket path under
        it would be too long for a unix socket (108 bytes) or, as root,
        nobody cannot reach the program: then a directory of /tmp with a
        copy of the program."""
        if os.getuid() == 0:
            self.user = pwd.getpwnam("nobody")
        why = None
        if len(self.dir) > 60:
            why = "%s is too long for libvirt's socket paths" % self.dir
        elif self.user and subprocess.run(
                ["test", "-x", self.binary],
                preexec_fn=self.demote).returncode != 0:
            why = "nobody cannot reach %s" % self.binary
        if why:
            self.dir = tempfile.mkdtemp(prefix="check-libvirt-", dir="/tmp")
            self.tmp = True
            self.note("%s: using %s" % (why, self.dir))

    # ---- reporting ----
    def result(self, name, ok, why=()):
        print(("ok " if ok else "not ok ") + name)
        if not ok or VERBOSE:
            for line in why:
                for part in str(line).splitlines():
                    print("# " + part)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        sys.stdout.flush()
        return ok

    def note(self, text):
        for part in text.splitlines():
            print("# " + part)

    # ---- set-up ----
    def setup(self):
        self.choose_dir()
        if not self.tmp:
            shutil.rmtree(self.dir, ignore_errors=True)
            os.makedirs(self.dir)
        for sub in ("etc", "img", "home", "bin"):
            os.makedirs(os.path.join(self.dir, sub))
        # libvirt's host capabilities (dominfo asks for them) probe every
        # qemu-system-* in PATH: Debian's qemu-system-misc alone has 20,
        # 26 s. PATH is DIR/bin, where the program is the only one.
        prog = os.path.join(self.dir, "bin", "qemu-system-s390x")
        if self.tmp:
            shutil.copy2(self.binary, prog)
            os.chmod(prog, 0o755)
            self.binary = prog
        else:
            os.symlink(self.binary, prog)
        # No daemon: the embedded driver in the virsh process. As root it
        # would run the domain as Debian's libvirt-qemu user (which only
        # libvirt-daemon-system creates) with cgroups and namespaces; as
        # an unprivileged user it needs none of that, so root runs virsh
        # as nobody. virtlogd is a daemon too: QEMU's output goes to
        # DIR/log/qemu/NAME.log directly.
        with open(os.path.join(self.dir, "etc", "qemu.conf"), "w") as f:
            f.write('stdio_handler = "file"\n')
        for i in range(4):
            with open(os.path.join(self.dir, "img", "disk%d.raw" % i), "wb") as f:
                f.truncate(16 << 20)
        if self.user:
            os.chmod(self.dir, 0o755)
            for root, dirs, files in os.walk(self.dir):
                for n in dirs + files:
                    os.chown(os.path.join(root, n), self.user.pw_uid,
                             self.user.pw_gid)
            os.chown(self.dir, self.user.pw_uid, self.user.pw_gid)

    def env(self):
        home = os.path.join(self.dir, "home")
        env = {
            "PATH": os.path.join(self.dir, "bin"),
            "HOME": home,
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_RUNTIME_DIR": os.path.join(home, "run"),
            "LC_ALL": "C",
        }
        if self.shim:
            env["LD_PRELOAD"] = self.shim
            env["CL_MEMLOCK_LOG"] = os.path.join(self.dir, "memlock.log")
        if os.environ.get("CL_LIBVIRT_LOG"):
            env["LIBVIRT_LOG_OUTPUTS"] = "1:file:%s/virsh.log" % self.dir
            env["LIBVIRT_LOG_FILTERS"] = "1:qemu 1:monitor 3:*"
        return env

    def demote(self):
        if self.ns:
            self.ns.enter()
        if self.user:
            os.setgroups([])
            os.setgid(self.user.pw_gid)
            os.setuid(self.user.pw_uid)

    def virsh(self, *args, timeout=120):
        """virsh ARGS...; (exit status, stdout, stderr)"""
        cmd = [VIRSH, "-q", "-c", "qemu:///embed?root=%s" % self.dir]
        cmd += list(args)
        try:
            p = subprocess.run(cmd, capture_output=True, text=True,
                               env=self.env(), preexec_fn=self.demote,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return 124, "", "virsh %s: timed out" % " ".join(args)
        return p.returncode, p.stdout.strip(), p.stderr.strip()

    def qmp(self, dom, command, args=None):
        """A QMP command through virsh qemu-monitor-command: the reply"""
        req = {"execute": command}
        if args is not None:
            req["arguments"] = args
        rc, out, err = self.virsh("qemu-monitor-command", dom, json.dumps(req))
        if rc != 0:
            return {"error": {"desc": err}}
        try:
            return json.loads(out)
        except ValueError:
            return {"error": {"desc": "not JSON: %r" % out}}

    def domain_log(self, name):
        try:
            with open(os.path.join(self.dir, "log", "qemu", name + ".log")) as f:
                return f.read()
        except OSError:
            return ""

    def log_tail(self, name, n=6):
        return self.domain_log(name).splitlines()[-n:]

    # ---- 1. capabilities ----
    def domcaps(self, binary):
        rc, out, err = self.virsh("domcapabilities", "--emulatorbin", binary,
                                  "--arch", "s390x", "--virttype", "qemu",
                                  "--machine", "s390-ccw-virtio")
        return rc, out, err

    @staticmethod
    def enum_values(root, path, name):
        el = root.find(path)
        if el is None:
            return None
        en = el.find("enum[@name='%s']" % name)
        return set(v.text for v in en.findall("value")) if en is not None else set()

    def caps_flags(self, binary):
        for f in glob.glob(os.path.join(self.dir, "cache", "qemu",
                                        "capabilities", "*.xml")):
            try:
                root = ET.parse(f).getroot()
            except ET.ParseError:
                continue
            if root.findtext("emulator") == binary:
                return set(fl.get("name") for fl in root.findall("flag"))
        return None

    def check_caps(self):
        rc, out, err = self.domcaps(self.binary)
        if not self.result("domcapabilities", rc == 0, [err]):
            return
        root = ET.fromstring(out)
        why = []
        machine = root.findtext("machine")
        if machine != "s390-ccw-virtio-7.2":
            why.append("machine %r, not s390-ccw-virtio-7.2" % machine)
        if root.findtext("arch") != "s390x":
            why.append("arch %r" % root.findtext("arch"))
        for key, want in DOMCAPS_IMPLEMENTED.items():
            got = self.enum_values(root, *key) or set()
            if not want <= got:
                why.append("%s %s: %s missing" % (key[0], key[1],
                                                  ", ".join(sorted(want - got))))
        self.result("domcapabilities-devices", not why, why)

        if not os.access(DEBIAN_QEMU, os.X_OK):
            self.note("no %s (qemu-system-misc): no comparison" % DEBIAN_QEMU)
            return
        rc, dout, err = self.domcaps(DEBIAN_QEMU)
        if not self.result("domcapabilities-qemu-7.2", rc == 0, [err]):
            return
        droot = ET.fromstring(dout)
        why = []
        for key in DOMCAPS_ENUMS:
            mine = self.enum_values(root, *key) or set()
            theirs = self.enum_values(droot, *key) or set()
            if mine != theirs:
                self.note("domcaps %s %s: only QEMU 7.2: %s; only this: %s" % (
                    key[0], key[1], " ".join(sorted(theirs - mine)) or "-",
                    " ".join(sorted(mine - theirs)) or "-"))
            implemented = DOMCAPS_IMPLEMENTED.get(key, set())
            lost = (theirs & implemented) - mine
            if lost:
                why.append("%s %s: QEMU 7.2 has %s" % (key[0], key[1],
                                                      " ".join(sorted(lost))))
        for feat in ("iothreads", "features/backup"):
            a, b = root.find(feat), droot.find(feat)
            if a is not None and b is not None and \
                    a.get("supported") != b.get("supported"):
                self.note("domcaps %s supported: QEMU 7.2 %s, this %s" % (
                    feat, b.get("supported"), a.get("supported")))
        self.result("domcapabilities-vs-qemu-7.2", not why, why)

        mine = self.caps_flags(self.binary)
        theirs = self.caps_flags(DEBIAN_QEMU)
        if mine is None or theirs is None:
            self.result("capability-flags", False,
                        ["no capabilities cache in %s/cache" % self.dir])
            return
        self.note("libvirt flags only QEMU 7.2 has (%d): %s" % (
            len(theirs - mine), " ".join(sorted(theirs - mine))))
        if mine - theirs:
            self.note("libvirt flags only this program has: %s" %
                      " ".join(sorted(mine - theirs)))
        lost = [f for f in IMPLEMENTED_FLAGS if f in theirs and f not in mine]
        self.result("capability-flags", not lost,
                    ["not set for this program: " + " ".join(lost)])

    # ---- 2. a domain's life ----
    def domain_xml(self, name, emulator):
        with open(os.path.join(HERE, "domain.xml")) as f:
            text = f.read()
        return (text.replace("@NAME@", name).replace("@EMULATOR@", emulator)
                .replace("@IMG@", os.path.join(self.dir, "img")))

    def write(self, fname, text):
        path = os.path.join(self.dir, fname)
        with open(path, "w") as f:
            f.write(text)
        if self.user:
            os.chown(path, self.user.pw_uid, self.user.pw_gid)
        return path

    def qemu_pid(self, name):
        try:
            with open(os.path.join(self.dir, "run", "qemu", name + ".pid")) as f:
                return int(f.read().strip())
        except (OSError, ValueError):
            return None

    def check_domain(self):
        xml = self.write("domain.xml", self.domain_xml(DOMAIN, self.binary))
        rc, out, err = self.virsh("domxml-to-native", "qemu-argv", xml)
        want = ["-device virtio-blk-ccw,devno=fe.0.0000",
                "-device zpci,uid=7,fid=7,target=virtio-disk1",
                "-chardev pty,id=charconsole0",
                "-device virtio-balloon-ccw"]
        missing = [w for w in want if w not in out.replace('"', "")]
        if missing and "virtio-blk-ccw" in out:
            # libvirt writes JSON -device when the program says it takes it
            missing = [w for w in missing if not self.json_device_has(out, w)]
        self.result("domxml-to-native", rc == 0 and not missing,
                    [err] + ["no %s" % m for m in missing])

        t0 = time.monotonic()
        rc, out, err = self.virsh("create", xml)
        started = rc == 0
        self.result("create", started,
                    [err] + self.log_tail(DOMAIN))
        if not started:
            return False
        self.note("virsh create: %.1f s" % (time.monotonic() - t0))
        rc, out, err = self.virsh("domstate", DOMAIN)
        self.result("domstate-running", rc == 0 and out == "running",
                    [out, err])
        rc, out, err = self.virsh("dominfo", DOMAIN)
        self.result("dominfo", rc == 0 and re.search(r"State:\s+running", out)
                    is not None and re.search(r"Max memory:\s+262144 KiB", out)
                    is not None, [out, err])

        pci = self.qmp(DOMAIN, "query-pci")
        ids = [d.get("qdev_id") for b in pci.get("return", [])
               for d in b.get("devices", [])]
        self.result("query-pci-zpci-disk", "virtio-disk1" in ids, [pci])
        self.result("query-pci-zpci-rng", "rng0" in ids, [pci])
        periph = self.qmp(DOMAIN, "qom-list", {"path": "/machine/peripheral"})
        kinds = {o.get("name"): o.get("type") for o in periph.get("return", [])}
        self.result("consoles-watchdog",
                    kinds.get("console0") == "child<sclpconsole>" and
                    kinds.get("console1") == "child<sclplmconsole>" and
                    kinds.get("watchdog0") == "child<diag288>", [periph])
        rngs = self.qmp(DOMAIN, "qom-list-types",
                        {"implements": "rng-backend"})
        objs = self.qmp(DOMAIN, "qom-list", {"path": "/objects"})
        names = {o.get("name"): o.get("type") for o in objs.get("return", [])}
        self.result("rng-backends", names.get("objrng0") ==
                    "child<rng-random>" and names.get("objrng1") ==
                    "child<rng-builtin>", [objs, rngs])
        rc, out, err = self.virsh("qemu-monitor-command", DOMAIN, "--hmp",
                                  "info pci")
        self.result("hmp-info-pci", rc == 0 and 'id "virtio-disk1"' in out,
                    [out, err])
        zmap = self.qmp(DOMAIN, "query-s390-pci-map")
        ok = any(e.get("uid") == 7 and e.get("fid") == 7 and
                 e.get("id") == "virtio-disk1" for e in zmap.get("return", []))
        self.result("zpci-uid-fid", ok, [zmap])
        blk = self.qmp(DOMAIN, "query-block")
        qdevs = [b.get("qdev") for b in blk.get("return", [])]
        self.result("query-block",
                    "/machine/peripheral/virtio-disk0/virtio-backend" in qdevs
                    and "/machine/peripheral/virtio-disk1/virtio-backend"
                    in qdevs, [blk])
        lp = self.qmp(DOMAIN, "qom-get", {"path": "/machine",
                                          "property": "loadparm"})
        kw = self.qmp(DOMAIN, "qom-get", {"path": "/machine",
                                          "property": "aes-key-wrap"})
        self.result("loadparm-keywrap", lp.get("return") == "SYSTEM1 " and
                    kw.get("return") is False, [lp, kw])
        # CPU hot-plug: libvirt's device_add of qemu-s390x-cpu core-id 1
        rc, out, err = self.virsh("setvcpus", DOMAIN, "2", "--live")
        cpus = self.qmp(DOMAIN, "query-cpus-fast").get("return", [])
        rc2, count, err2 = self.virsh("vcpucount", DOMAIN, "--live",
                                      "--active")
        self.result("setvcpus-live", rc == 0 and len(cpus) == 2 and
                    count == "2", [out, err, cpus, count, err2])
        rc, out, err = self.virsh("blockresize", DOMAIN, "vda", "32M")
        rc2, info, err2 = self.virsh("domblkinfo", DOMAIN, "vda")
        self.result("blockresize", rc == 0 and re.search(
            r"Capacity:\s+33554432", info) is not None and os.path.getsize(
                os.path.join(self.dir, "img", "disk0.raw")) == 32 << 20,
                    [out, err, info, err2])
        rc, out, err = self.virsh("dommemstat", DOMAIN, "--period", "5",
                                  "--live")
        iv = self.qmp(DOMAIN, "qom-get", {
            "path": "/machine/peripheral/balloon0",
            "property": "guest-stats-polling-interval"})
        self.result("dommemstat-period", rc == 0 and iv.get("return") == 5,
                    [out, err, iv])
        bal = self.qmp(DOMAIN, "query-balloon")
        self.result("balloon", bal.get("return", {}).get("actual") == 256 << 20,
                    [bal])
        rc, out, err = self.virsh("ttyconsole", DOMAIN)
        self.result("console-pty", rc == 0 and out.startswith("/dev/pts/") and
                    os.path.exists(out), [out, err])

        rc, out, err = self.virsh("suspend", DOMAIN)
        rc2, state, err2 = self.virsh("domstate", DOMAIN)
        st = self.qmp(DOMAIN, "query-status").get("return", {})
        self.result("suspend", rc == 0 and state == "paused" and
                    st.get("status") == "paused", [err, state, err2, st])
        rc, out, err = self.virsh("resume", DOMAIN)
        rc2, state, err2 = self.virsh("domstate", DOMAIN)
        self.result("resume", rc == 0 and state == "running",
                    [err, state, err2])
        # system_powerdown reaches the guest as the SCLP's signal quiesce;
        # with no guest program nothing acts on it: the domain runs on
        rc, out, err = self.virsh("shutdown", DOMAIN)
        rc2, state, err2 = self.virsh("domstate", DOMAIN)
        self.result("shutdown-request", rc == 0 and state == "running",
                    [out, err, state, err2])
        return True

    @staticmethod
    def json_device_has(argv, want):
        # "-device virtio-blk-ccw,devno=fe.0.0000" against a JSON -device
        opt, _, rest = want.partition(" ")
        props = rest.split(",")
        for m in re.finditer(r"%s '(\{[^']*\})'" % re.escape(opt), argv):
            d = json.loads(m.group(1))
            drv = d.get("driver")
            if drv != props[0]:
                continue
            if all(str(d.get(k)) == v for k, v in
                   (p.split("=", 1) for p in props[1:] if "=" in p)):
                return True
        return False

    # ---- 3. hot-plug ----
    def disk_xml(self, dev, img, zpci=None):
        addr = ""
        if zpci:
            addr = ("<address type='pci'><zpci uid='0x%04x' fid='0x%08x'/>"
                    "</address>" % (zpci, zpci))
        return ("<disk type='file' device='disk'><driver name='qemu' "
                "type='raw'/><source file='%s/img/%s'/><target dev='%s' "
                "bus='virtio'/>%s</disk>\n" % (self.dir, img, dev, addr))

    def nodes(self, dom):
        r = self.qmp(dom, "query-named-block-nodes")
        return [n.get("node-name") for n in r.get("return", [])]

    def check_hotplug(self):
        ccw = self.write("hp-ccw.xml", self.disk_xml("vdc", "disk2.raw"))
        rc, out, err = self.virsh("attach-device", DOMAIN, ccw)
        blk = self.qmp(DOMAIN, "query-block")
        qdevs = [b.get("qdev") for b in blk.get("return", [])]
        self.result("attach-disk-ccw", rc == 0 and
                    "/machine/peripheral/virtio-disk2/virtio-backend" in qdevs,
                    [err, blk])
        before = self.nodes(DOMAIN)
        rc, out, err = self.virsh("detach-device", DOMAIN, ccw)
        blk = self.qmp(DOMAIN, "query-block")
        qdevs = [b.get("qdev") for b in blk.get("return", [])]
        after = self.nodes(DOMAIN)
        self.result("detach-disk-ccw", rc == 0 and
                    "/machine/peripheral/virtio-disk2/virtio-backend"
                    not in qdevs and len(after) == len(before) - 2,
                    [err, blk, "nodes before: %s" % before,
                     "after: %s" % after])

        pcix = self.write("hp-pci.xml", self.disk_xml("vdd", "disk3.raw", 9))
        rc, out, err = self.virsh("attach-device", DOMAIN, pcix)
        zmap = self.qmp(DOMAIN, "query-s390-pci-map")
        ok = any(e.get("uid") == 9 and e.get("fid") == 9 and
                 e.get("id") == "virtio-disk3" for e in zmap.get("return", []))
        self.result("attach-disk-zpci", rc == 0 and ok, [err, zmap])
        # The zPCI unplug waits for the guest to give the function up (the
        # PEC deconfigure request); with no guest program it stays, as with
        # QEMU 7.2, after libvirt's 5 s wait
        rc, out, err = self.virsh("detach-device", DOMAIN, pcix)
        zmap = self.qmp(DOMAIN, "query-s390-pci-map")
        still = any(e.get("id") == "virtio-disk3" for e in zmap.get("return", []))
        self.result("detach-disk-zpci-request", rc == 0 and still,
                    [out, err, zmap])

        # an entropy device on the channel subsystem: its rng-builtin
        # object comes and goes with it
        rngx = self.write("hp-rng.xml", (
            "<rng model='virtio'><backend model='builtin'/><address "
            "type='ccw' cssid='0xfe' ssid='0x0' devno='0x0007'/></rng>\n"))
        rc, out, err = self.virsh("attach-device", DOMAIN, rngx)
        periph = self.qmp(DOMAIN, "qom-list", {"path": "/machine/peripheral"})
        objs = self.qmp(DOMAIN, "qom-list", {"path": "/objects"})
        added = [o.get("name") for o in periph.get("return", [])
                 if o.get("type") == "child<virtio-rng-ccw>"]
        nobj = len(objs.get("return", []))
        self.result("attach-rng-ccw", rc == 0 and len(added) == 2,
                    [err, periph])
        rc, out, err = self.virsh("detach-device", DOMAIN, rngx)
        periph = self.qmp(DOMAIN, "qom-list", {"path": "/machine/peripheral"})
        objs = self.qmp(DOMAIN, "qom-list", {"path": "/objects"})
        left = [o.get("name") for o in periph.get("return", [])
                if o.get("type") == "child<virtio-rng-ccw>"]
        self.result("detach-rng-ccw", rc == 0 and len(left) == 1 and
                    len(objs.get("return", [])) == nobj - 1,
                    [err, periph, objs])

        # a network card on the channel subsystem (<interface type='user'>:
        # -netdev user through libslirp, virtio-net-ccw) comes and goes
        nicx = self.write("hp-nic.xml", (
            "<interface type='user'><mac address='52:54:00:aa:bb:01'/>"
            "<model type='virtio'/><address type='ccw' cssid='0xfe' "
            "ssid='0x0' devno='0x0009'/></interface>\n"))
        rc, out, err = self.virsh("attach-device", DOMAIN, nicx)
        periph = self.qmp(DOMAIN, "qom-list", {"path": "/machine/peripheral"})
        nics = [o.get("name") for o in periph.get("return", [])
                if o.get("type") == "child<virtio-net-ccw>"]
        mac = self.qmp(DOMAIN, "qom-get", {
            "path": "/machine/peripheral/%s" % (nics[0] if nics else "none"),
            "property": "mac"})
        self.result("attach-interface-ccw", rc == 0 and len(nics) == 1 and
                    mac.get("return") == "52:54:00:aa:bb:01",
                    [err, periph, mac, self.log_tail(DOMAIN)])
        rc, out, err = self.virsh("detach-device", DOMAIN, nicx)
        periph = self.qmp(DOMAIN, "qom-list", {"path": "/machine/peripheral"})
        left = [o.get("name") for o in periph.get("return", [])
                if o.get("type") == "child<virtio-net-ccw>"]
        self.result("detach-interface-ccw", rc == 0 and not left,
                    [err, periph])

        # zPCI pass-through of a simulated host function through libvirt's
        # QMP pass-through (libvirt's own <hostdev>: check_simhost)
        steps = [
            ("object-add", {"qom-type": "sim-pci-function", "id": "simfn1",
                            "host": "0000:00:06.0"}),
            ("device_add", {"driver": "zpci", "uid": 17, "fid": 17,
                            "target": "hostdev1", "id": "zpci17"}),
            ("device_add", {"driver": "vfio-pci", "host": "0000:00:06.0",
                            "id": "hostdev1", "bus": "pci.0", "addr": "0x6"}),
        ]
        why = []
        for cmd, args in steps:
            r = self.qmp(DOMAIN, cmd, args)
            if "error" in r:
                why.append("%s: %s" % (cmd, r["error"]))
        zmap = self.qmp(DOMAIN, "query-s390-pci-map")
        ok = any(e.get("uid") == 17 and e.get("driver") == "vfio-pci" and
                 e.get("host", {}).get("address") == "0000:00:06.0"
                 for e in zmap.get("return", []))
        self.result("qmp-hotplug-vfio-pci-sim", not why and ok, why + [zmap])

    # ---- 4. host devices ----
    def check_hostdevs(self):
        pci = self.write("hd-pci.xml", (
            "<hostdev mode='subsystem' type='pci' managed='no'><source>"
            "<address domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>"
            "</source><address type='pci'><zpci uid='0x0010' "
            "fid='0x00000010'/></address></hostdev>\n"))
        mdev = self.write("hd-mdev.xml", (
            "<hostdev mode='subsystem' type='mdev' model='vfio-ccw'><source>"
            "<address uuid='90c6c135-ad44-41d0-b1b7-bae47de48627'/></source>"
            "<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0009'/>"
            "</hostdev>\n"))
        host_vfio = os.path.exists("/dev/vfio/vfio") and \
            bool(os.listdir("/sys/kernel/iommu_groups")
                 if os.path.isdir("/sys/kernel/iommu_groups") else [])
        for name, path in (("hostdev-pci", pci), ("hostdev-mdev", mdev)):
            rc, out, err = self.virsh("attach-device", DOMAIN, path)
            if host_vfio:
                self.note("%s: the host has VFIO; libvirt said: %s" %
                          (name, err or out))
                continue
            # libvirt checks the host before it asks the emulator anything
            self.result(name + "-refused-without-host-vfio",
                        rc != 0 and "unsupported configuration" in err,
                        [out, err])
            self.note("%s: %s" % (name, err.replace("error: ", "")))

    # ---- 5. libvirt's hostdev on the simulated host ----
    def check_simhost(self):
        """simhost_checks.py: in a private mount namespace (root only)"""
        if os.getuid() != 0:
            self.note("not root: no mount namespace for the simulated "
                      "host's sysfs, libvirt's hostdev on it not tried")
            return
        if not shutil.which("unshare"):
            self.note("no unshare (util-linux): libvirt's hostdev on the "
                      "simulated host not tried")
            return
        simhost_checks.SimHostChecks(self).run()

    # ---- a persistent domain ----
    def check_persistent(self):
        name = "lvt2"
        xml = self.write("persistent.xml", (
            "<domain type='qemu'><name>%s</name><memory unit='MiB'>128"
            "</memory><vcpu>2</vcpu><os><type arch='s390x' "
            "machine='s390-ccw-virtio'>hvm</type></os><devices><emulator>%s"
            "</emulator><console type='pty'><target type='sclp'/></console>"
            "</devices></domain>\n" % (name, self.binary)))
        rc, out, err = self.virsh("define", xml)
        rc2, state, err2 = self.virsh("domstate", name)
        self.result("define", rc == 0 and state == "shut off",
                    [out, err, state, err2])
        rc, out, err = self.virsh("start", name)
        rc2, state, err2 = self.virsh("domstate", name)
        cpus = self.qmp(name, "query-cpus-fast")
        self.result("start", rc == 0 and state == "running" and
                    len(cpus.get("return", [])) == 2,
                    [out, err, state, err2, cpus] + self.log_tail(name))
        # the machine's NMI: a restart interruption of CPU 0, which then
        # operates (on an empty restart PSW: there is no guest program)
        rc, out, err = self.virsh("inject-nmi", name)
        cpus = self.qmp(name, "query-cpus-fast").get("return", [])
        states = [c.get("cpu-state") for c in
                  sorted(cpus, key=lambda c: c.get("cpu-index"))]
        self.result("inject-nmi", rc == 0 and states == ["operating",
                                                         "stopped"],
                    [out, err, cpus])
        rc, out, err = self.virsh(
            "qemu-monitor-command %s '{\"execute\":\"query-status\"}'; "
            "destroy %s" % (name, name))
        rc2, state, err2 = self.virsh("domstate", name)
        self.result("destroy-persistent", rc == 0 and state == "shut off",
                    [out, err, state, err2])
        rc, out, err = self.virsh("undefine", name)
        rc2, names, err2 = self.virsh("list", "--all", "--name")
        self.result("undefine", rc == 0 and name not in names.split(),
                    [out, err, names, err2])

    # ---- the guest agent channel and a virtio console (virtio-serial) ----
    def check_guest_agent(self):
        name = "lvt-ga"
        xml = self.write(name + ".xml", (
            "<domain type='qemu'><name>%s</name><memory unit='MiB'>128"
            "</memory><vcpu>1</vcpu><os><type arch='s390x' "
            "machine='s390-ccw-virtio'>hvm</type></os><devices><emulator>%s"
            "</emulator><channel type='unix'><target type='virtio' "
            "name='org.qemu.guest_agent.0'/></channel><console type='pty'>"
            "<target type='virtio'/></console></devices></domain>\n" %
            (name, self.binary)))
        rc, out, err = self.virsh("domxml-to-native", "qemu-argv", xml)
        want = ["-device virtio-serial-ccw,id=virtio-serial0",
                "-device virtserialport,bus=virtio-serial0.0,nr=1,"
                "chardev=charchannel0,id=channel0,"
                "name=org.qemu.guest_agent.0",
                "-device virtconsole,chardev=charconsole0,id=console0"]
        missing = [w for w in want if w not in out.replace('"', "") and
                   not self.json_device_has(out, w)]
        self.result("guest-agent-argv", rc == 0 and not missing,
                    [err] + ["no %s" % m for m in missing])
        rc, out, err = self.virsh("create", xml)
        if not self.result("guest-agent-start", rc == 0,
                           [out, err] + self.log_tail(name)):
            return
        periph = self.qmp(name, "qom-list", {"path": "/machine/peripheral"})
        kinds = {o.get("name"): o.get("type") for o in periph.get("return", [])}
        chardevs = self.qmp(name, "query-chardev").get("return", [])
        agent = [c for c in chardevs if c.get("label") == "charchannel0"]
        # the guest has not opened the agent's port: not frontend-open
        self.result("guest-agent-devices",
                    kinds.get("virtio-serial0") == "child<virtio-serial-ccw>"
                    and kinds.get("channel0") == "child<virtserialport>" and
                    kinds.get("console0") == "child<virtconsole>" and
                    len(agent) == 1 and not agent[0].get("frontend-open"),
                    [periph, chardevs])
        rc, out, err = self.virsh(
            "qemu-monitor-command %s '{\"execute\":\"query-status\"}'; "
            "destroy %s" % (name, name))
        rc2, names, err2 = self.virsh("list", "--all", "--name")
        self.result("guest-agent-destroy", rc == 0 and
                    name not in names.split(), [out, err, names, err2])

    # ---- bare-metal guest programs (tests/guest) ----
    def guest_elf(self, name):
        """BUILD/tests/guest/NAME.elf (a copy in DIR/bin when DIR is a
        directory of /tmp), or None where the cross compiler was missing"""
        elf = os.path.join(self.build, "tests", "guest", name + ".elf")
        if not os.path.exists(elf):
            return None
        if self.tmp:
            copy = os.path.join(self.dir, "bin", name + ".elf")
            shutil.copy2(elf, copy)
            os.chmod(copy, 0o644)
            return copy
        return elf

    def check_guests(self):
        """A guest answers virsh shutdown (tests/guest/quiesce.c: it reads
        the SCLP's signal quiesce and stops its CPU) and virsh inject-nmi
        (tests/guest/nmi.c: its restart function ends it); libvirt sees
        each end as a shutdown. virsh waits for the lifecycle events in the
        same process (the next one would not hear them): "Shutdown
        Finished" may come before "Stopped Shutdown", or only the latter."""
        for name, action in (("quiesce", "shutdown"), ("nmi", "inject-nmi")):
            elf = self.guest_elf(name)
            if not elf:
                self.note("no tests/guest/%s.elf (gcc-s390x-linux-gnu): "
                          "virsh %s with a guest not run" % (name, action))
                continue
            dom = "lvt-" + name
            xml = self.write(dom + ".xml", (
                "<domain type='qemu'><name>%s</name><memory unit='MiB'>128"
                "</memory><vcpu>1</vcpu><os><type arch='s390x' "
                "machine='s390-ccw-virtio'>hvm</type><kernel>%s</kernel>"
                "</os><devices><emulator>%s</emulator><console type='pty'>"
                "<target type='sclp'/></console></devices></domain>\n" %
                (dom, elf, self.binary)))
            rc, out, err = self.virsh("create", xml)
            if not self.result("guest-%s-start" % name, rc == 0,
                               [out, err] + self.log_tail(dom)):
                continue
            time.sleep(0.5)  # the guest gets ready: a few instructions
            rc, out, err = self.virsh(
                "qemu-monitor-command %s '{\"execute\":\"query-status\"}'"
                "; %s %s; event %s --event lifecycle --timeout 10"
                "; event --event lifecycle --timeout 2" %
                (dom, action, dom, dom))
            rc2, names, err2 = self.virsh("list", "--all", "--name")
            log = self.domain_log(dom)
            # (virsh's status is 1: the last event wait times out)
            self.result("guest-%s" % action,
                        "Stopped Shutdown" in out and
                        dom not in names.split() and
                        "reason=shutdown" in log,
                        [out, err, names, err2] + self.log_tail(dom))

    # ---- the end ----
    def check_destroy(self):
        pid = self.qemu_pid(DOMAIN)
        # a command that waits for the reconnection this virsh process
        # makes first, so that destroy does not race it
        rc, out, err = self.virsh(
            "qemu-monitor-command %s '{\"execute\":\"query-status\"}'; "
            "destroy %s" % (DOMAIN, DOMAIN))
        gone = False
        for _ in range(50):
            if pid is None or not os.path.exists("/proc/%d" % pid):
                gone = True
                break
            time.sleep(0.1)
        rc2, out2, err2 = self.virsh("list", "--all", "--name")
        self.result("destroy", rc == 0 and gone and DOMAIN not in out2,
                    [out, err, "pid %s gone: %s" % (pid, gone), out2, err2] +
                    self.log_tail(DOMAIN))
        log = self.domain_log(DOMAIN)
        errors = [l for l in log.splitlines()
                  if "qemu-system-s390x:" in l and "terminating on signal" not in l]
        self.result("domain-log-clean", "reason=destroyed" in log and
                    not errors, errors + self.log_tail(DOMAIN))

    def cleanup(self):
        rc, out, err = self.virsh("list", "--name")
        for name in out.split():
            self.virsh("qemu-monitor-command %s '{\"execute\":\"query-status\"}'"
                       "; destroy %s" % (name, name))

    def guarded(self, check):
        """@check(); an exception in the script is a failed check, not the
        end of the run (the summary line comes all the same)"""
        try:
            return check()
        except Exception:
            self.result(check.__name__.replace("check_", "") + "-crashed",
                        False, [traceback.format_exc()])
            return False

    def run(self):
        self.setup()
        try:
            self.guarded(self.check_caps)
            if self.guarded(self.check_domain):
                self.guarded(self.check_hotplug)
                self.guarded(self.check_hostdevs)
                self.guarded(self.check_destroy)
            self.guarded(self.check_simhost)
            self.guarded(self.check_persistent)
            self.guarded(self.check_guest_agent)
            self.guarded(self.check_guests)
        finally:
            self.cleanup()
            if self.tmp and not self.failed:
                shutil.rmtree(self.dir, ignore_errors=True)
            elif self.tmp:
                self.note("kept for a look: %s" % self.dir)
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0


def skip(why):
    print("check-libvirt: SKIP: " + why)
    print("0 passed, 0 failed")
    # meson's test runs it with CL_SKIP_STATUS=77 (its "skipped")
    sys.exit(int(os.environ.get("CL_SKIP_STATUS", "0")))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    global VIRSH
    VIRSH = shutil.which("virsh")
    if not VIRSH:
        skip("no virsh (sh scripts/install-deps.sh check-libvirt)")
    if not glob.glob("/usr/lib/*/libvirt/connection-driver/"
                     "libvirt_driver_qemu.so"):
        skip("no libvirt QEMU driver (libvirt-daemon-driver-qemu)")
    tier = Tier(sys.argv[1])
    if not os.access(tier.binary, os.X_OK):
        print("not ok build: no %s" % tier.binary)
        print("0 passed, 1 failed")
        sys.exit(1)
    sys.exit(tier.run())


if __name__ == "__main__":
    main()
