# The command-line options of qemu-system-s390x.
#
# scripts/hxtool.py turns this file into the option table and the -h text
# (build/scripts/qemu-options.def).  Format:
#   HEADING <text>             a section of the -h output
#   DEF <name> <flags> <enum>  option -<name>; flags 0 or HAS_ARG, plus
#                              |UNSUPPORTED for QEMU options that this
#                              program knows but refuses; <enum> gives
#                              QEMU_OPTION_<enum> (aliases share one)
#   | <text>                   -h text for the options just defined
#   IF / IFNOT <MACRO> ... ENDIF   conditional entries (config-host.h)
# Options without "|" lines do not appear in -h.

HEADING Standard options:

DEF h 0 h
DEF help 0 h
| -h or -help     print this help text and exit

DEF version 0 version
| -version        print the version and exit

DEF machine HAS_ARG machine
DEF M HAS_ARG machine
| -machine [type=]name[,prop[=value][,...]]
|                 select the machine type ('-machine help' lists the types)
|                 accel=accel1[:accel2[:...]] selects the accelerator
|                 (use -accel for accelerator properties)
|                 s390-map-css=on|off is accepted by s390-ccw-virtio
| -M              same as -machine

DEF cpu HAS_ARG cpu
| -cpu model[,feature=on|off[,...]]
|                 select the CPU model ('-cpu help' lists the models and
|                 the features this CPU has); feature=off takes a facility
|                 out of the STFL/STFLE list

DEF accel HAS_ARG accel
| -accel [accel=]accelerator[,prop[=value][,...]]
|                 select an accelerator ('-accel help' lists them);
|                 tcg (the default) runs guest code in the interpreter,
|                 qtest lets a test program act as the guest CPU

DEF smp HAS_ARG smp
| -smp [[cpus=]n][,maxcpus=maxcpus][,sockets=sockets][,dies=dies]
|                [,clusters=clusters][,cores=cores][,threads=threads]
|                 set the number of initial CPUs to 'n' and the CPU
|                 topology of the guest (missing values are computed)

DEF m HAS_ARG m
| -m [size=]megs[,slots=n,maxmem=size]
|                 set the initial guest RAM size; a plain number is in
|                 MiB, suffixes K, M, G, T select other units (default
|                 128M); slots and maxmem are for hotplug memory

DEF name HAS_ARG name
| -name string1[,process=string2][,debug-threads=on|off]
|                 give the guest a name ('string1'); process= names the
|                 process (shown by 'ps'); debug-threads= names threads

DEF uuid HAS_ARG uuid
| -uuid %08x-%04x-%04x-%04x-%012x
|                 set the system UUID

DEF rtc HAS_ARG rtc
| -rtc [base=utc|localtime|date][,clock=host|rt|vm][,driftfix=none|slew]
|                 date is 2006-06-17T16:01:21 or 2006-06-17; accepted and
|                 checked for compatibility: the s390x TOD clock follows
|                 the host clock whatever the base

DEF audiodev HAS_ARG audiodev
| -audiodev none,id=id[,timer-period=us][,in|out.PROP=value,...]
| -audiodev '{"id":"id","driver":"none",...}'
|                 an audio back end; this program has no sound device,
|                 'none' is the only driver ('-audiodev help'); in. and
|                 out. take mixing-engine, fixed-settings, frequency,
|                 channels, voices, format, buffer-length

HEADING Network options:

DEF netdev HAS_ARG netdev
| -netdev socket,id=str[,fd=h][,listen=[host]:port][,connect=host:port]
| -netdev socket,id=str[,fd=h][,udp=host:port][,localaddr=host:port]
|                 a back end whose frames travel over a socket: a TCP
|                 stream (each frame after its 4-byte length) or UDP
|                 datagrams (one frame each); mcast= is not implemented
| -netdev stream,id=str,server=on|off,addr.type=inet,addr.host=h,addr.port=p
|         (or addr.type=unix,addr.path=p)
|                 the same over a listening or connecting stream socket
| -netdev dgram,id=str,local.type=inet|unix,local.host=h,local.port=p
|         [,remote.type=...,remote.host=h,remote.port=p|remote.path=p]
|                 a back end over a datagram socket (one frame each)
| -netdev tap,id=str[,ifname=name][,fd=h][,script=no][,downscript=no]
|         [,vhost=off][,vnet_hdr=on|off]
|                 a Linux tap interface, opened on /dev/net/tun or passed
|                 in (fd=); interface scripts are not run, no vhost
IF CONFIG_SLIRP
| -netdev user,id=str[,ipv4=on|off][,ipv6=on|off][,net=addr[/mask]]
|         [,host=addr][,dhcpstart=addr][,dns=addr][,hostname=h]
|         [,restrict=on|off][,hostfwd=[tcp|udp]:[haddr]:hport-[gaddr]:gport]
|                 the user-mode network stack of libslirp
ENDIF
| -netdev '{"type":"tap","id":"str",...}'
|                 the JSON form of the same; the other back end types
|                 of QEMU are not built in
|                 ('-netdev help' lists the types); -nic and -net are
|                 not implemented: use -netdev with -device virtio-net-*

HEADING Device options:

DEF device HAS_ARG device
| -device driver[,prop[=value][,...]]
|                 add the device 'driver' and set its properties
|                 prop=value,... (a ',' in a value is written ',,')
|                 -device '{"driver":"...",...}' takes the same in JSON
|                 use '-device help' to list the available drivers
|                 use '-device driver,help' to list a driver's properties

DEF global HAS_ARG global
| -global driver.property=value
| -global driver=driver,property=property,value=value
|                 set a default value for a driver property

DEF object HAS_ARG object
| -object TYPENAME[,PROP1=VALUE1,...]
|                 create an object of type TYPENAME with the given
|                 properties; -object '{"qom-type":"...",...}' takes the
|                 same in JSON; use '-object help' to list the types and
|                 '-object TYPENAME,help' to list a type's properties

DEF nodefaults 0 nodefaults
| -nodefaults     do not create the default devices

HEADING Boot options:

DEF kernel HAS_ARG kernel
| -kernel file    IPL from 'file': an s390x ELF file (its segments at
|                 their physical addresses, its entry point started) or
|                 a raw image at address 0; a Linux image starts at
|                 0x10000 with the -append line at 0x10480

DEF append HAS_ARG append
| -append cmdline the kernel command line for a Linux image

DEF initrd HAS_ARG initrd
| -initrd file    load 'file' as the initial RAM disk (at 8 MiB or the
|                 next MiB above the kernel), start and size at 0x10408

DEF boot HAS_ARG boot
| -boot [order=drives][,once=drives][,menu=on|off][,splash=file]
|       [,splash-time=ms][,reboot-timeout=ms][,strict=on|off]
|                 checked for compatibility (drives are letters a..p);
|                 no effect: the machine starts what -kernel loads;
|                 once= is refused, and menu=on without a device with
|                 a bootindex is reported, as by QEMU for s390x

DEF no-reboot 0 no_reboot
| -no-reboot      exit instead of rebooting
DEF watchdog-action HAS_ARG watchdog_action
| -watchdog-action reset|shutdown|poweroff|inject-nmi|pause|debug|none
|                 action when the watchdog (-device diag288) fires
HEADING Block device options:

DEF drive HAS_ARG drive
| -drive file=file,if=none,id=name[,format=raw][,readonly=on|off]
|                 open a raw image (a file or host block device) as the
|                 back end 'name' of a -device virtio-blk-ccw,drive=name
DEF blockdev HAS_ARG blockdev
| -blockdev driver=file|host_device,node-name=N,filename=F[,read-only=on|off]
| -blockdev driver=raw,node-name=N,file=NODE[,read-only=on|off]
|                 the same as a named block node; also in JSON form

HEADING Display options:

DEF display HAS_ARG display
| -display none
|                 select the display backend; this program has no
|                 graphical display, 'none' is the only choice

DEF nographic 0 nographic
| -nographic      no graphical output: the default console (serial0) and
|                 the default monitor go to stdio, multiplexed (Ctrl-A h
|                 lists the keys, Ctrl-A c switches, Ctrl-A x exits)

HEADING Character device options:

DEF chardev HAS_ARG chardev
| -chardev help
| -chardev stdio,id=id[,signal=on|off]
| -chardev null,id=id
| -chardev socket,id=id,path=path[,server=on|off][,wait=on|off]
| -chardev socket,id=id,fd=h[,server=on|off][,wait=on|off]
| -chardev file,id=id,path=path[,append=on|off]
| -chardev pty,id=id
| -chardev pipe,id=id,path=path
| -chardev vc,id=id
|                 create a character device backend with identifier 'id';
|                 pty: a pseudo-terminal whose slave (/dev/pts/N) is printed
|                 and shown by query-chardev as "pty:/dev/pts/N";
|                 mux=on lets a monitor and consoles share it (Ctrl-A c);
|                 vc takes output and drops it (there is no display);
|                 logfile=, abstract=on, telnet, websocket, TLS and TCP
|                 sockets are refused as not supported

DEF serial HAS_ARG serial
| -serial dev     redirect the next console to the character device 'dev'
|                 (the first: sclpconsole, the second: sclplmconsole):
|                 stdio, null, none, vc, pty, file:path, pipe:path,
|                 unix:path[,server=on][,wait=off], chardev:id, or
|                 mon:dev (dev shared with a monitor); default: vc, or
|                 with -nographic stdio

HEADING Debug/Expert options:

DEF monitor HAS_ARG monitor
| -monitor dev    a human monitor ("(qemu) " prompt) on 'dev' (the syntax
|                 of -serial, or none); default: vc, or with -nographic
|                 stdio shared with the console

DEF mon HAS_ARG mon
| -mon [chardev=]name[,mode=readline|control][,pretty=on|off]
|                 a monitor on the character device 'name': readline (the
|                 default) is the human monitor, control serves QMP

DEF qmp HAS_ARG qmp
| -qmp dev        serve QMP on 'dev', e.g. unix:PATH,server=on,wait=off
|                 or stdio; may be repeated

DEF qmp-pretty HAS_ARG qmp_pretty
| -qmp-pretty dev like -qmp, with indented JSON replies

DEF add-fd HAS_ARG add_fd
| -add-fd fd=fd,set=set[,opaque=opaque]
|                 add the inherited descriptor 'fd' to fd set 'set'; a
|                 file name /dev/fdset/set opens it (file chardevs, file
|                 and host_device block nodes)

DEF overcommit HAS_ARG overcommit
| -overcommit [mem-lock=on|off][,cpu-pm=on|off]
|                 mem-lock=on locks all of the process's memory (guest
|                 RAM included) with mlockall(); cpu-pm has no effect
|                 on s390x

DEF qtest HAS_ARG qtest
| -qtest dev      serve the qtest protocol on 'dev' (unix:PATH, stdio,
|                 or chardev:id)

DEF qtest-log HAS_ARG qtest_log
| -qtest-log file write a log of the qtest protocol to 'file'
|                 (/dev/fd/2 for standard error)

DEF S 0 S
| -S              do not start the guest CPU at start-up
|                 (use 'cont' on the monitor to start it)

DEF no-shutdown 0 no_shutdown
| -no-shutdown    when the guest shuts down, stop it instead of exiting

DEF no-user-config 0 no_user_config
| -no-user-config do not load the default user configuration files

DEF msg HAS_ARG msg
| -msg [timestamp=on|off][,guest-name=on|off]
|                 control error messages: timestamp=on prefixes each with
|                 the time, guest-name=on with the guest name

DEF d HAS_ARG d
| -d item1,...    enable logging of the given items ('-d help' lists them)

DEF D HAS_ARG D
| -D logfile      write the log to 'logfile' instead of standard error

DEF trace HAS_ARG trace
| -trace [[enable=]pattern][,events=file][,file=file]
|                 enable the trace events matching 'pattern'
|                 ('-trace help' lists the events)

DEF pidfile HAS_ARG pidfile
| -pidfile file   write the process id to 'file'

DEF daemonize 0 daemonize
| -daemonize      daemonize the process after initialisation: the
|                 command returns once the monitors listen (exit 0), or
|                 exits 1 with the error when start-up fails

IF CONFIG_SECCOMP
DEF sandbox HAS_ARG sandbox
| -sandbox on[,obsolete=allow|deny][,elevateprivileges=allow|deny|children]
|          [,spawn=allow|deny][,resourcecontrol=allow|deny]
|                 filter the system calls this process may use
ENDIF

# Options of QEMU 7.2 that this program knows but does not implement:
# vl.c refuses them with a message saying so.
IFNOT CONFIG_SECCOMP
DEF sandbox HAS_ARG|UNSUPPORTED sandbox
ENDIF
DEF hda HAS_ARG|UNSUPPORTED hda
DEF hdb HAS_ARG|UNSUPPORTED hdb
DEF cdrom HAS_ARG|UNSUPPORTED cdrom
DEF snapshot 0|UNSUPPORTED snapshot
DEF fsdev HAS_ARG|UNSUPPORTED fsdev
DEF virtfs HAS_ARG|UNSUPPORTED virtfs
DEF nic HAS_ARG|UNSUPPORTED nic
DEF net HAS_ARG|UNSUPPORTED net
DEF bios HAS_ARG|UNSUPPORTED bios
DEF L HAS_ARG|UNSUPPORTED L
DEF enable-kvm 0|UNSUPPORTED enable_kvm
DEF action HAS_ARG|UNSUPPORTED action
DEF vnc HAS_ARG|UNSUPPORTED vnc
DEF spice HAS_ARG|UNSUPPORTED spice
DEF vga HAS_ARG|UNSUPPORTED vga
DEF k HAS_ARG|UNSUPPORTED k
DEF full-screen 0|UNSUPPORTED full_screen
DEF usb 0|UNSUPPORTED usb
DEF usbdevice HAS_ARG|UNSUPPORTED usbdevice
DEF parallel HAS_ARG|UNSUPPORTED parallel
DEF debugcon HAS_ARG|UNSUPPORTED debugcon
DEF gdb HAS_ARG|UNSUPPORTED gdb
DEF s 0|UNSUPPORTED s
DEF numa HAS_ARG|UNSUPPORTED numa
DEF mem-path HAS_ARG|UNSUPPORTED mem_path
DEF mem-prealloc 0|UNSUPPORTED mem_prealloc
DEF icount HAS_ARG|UNSUPPORTED icount
DEF incoming HAS_ARG|UNSUPPORTED incoming
DEF loadvm HAS_ARG|UNSUPPORTED loadvm
DEF readconfig HAS_ARG|UNSUPPORTED readconfig
DEF writeconfig HAS_ARG|UNSUPPORTED writeconfig
DEF set HAS_ARG|UNSUPPORTED set
DEF fw_cfg HAS_ARG|UNSUPPORTED fw_cfg
DEF runas HAS_ARG|UNSUPPORTED runas
DEF chroot HAS_ARG|UNSUPPORTED chroot
DEF plugin HAS_ARG|UNSUPPORTED plugin
DEF enable-fips 0|UNSUPPORTED enable_fips
DEF iscsi HAS_ARG|UNSUPPORTED iscsi
DEF tpmdev HAS_ARG|UNSUPPORTED tpmdev
DEF semihosting 0|UNSUPPORTED semihosting
DEF semihosting-config HAS_ARG|UNSUPPORTED semihosting_config
DEF compat HAS_ARG|UNSUPPORTED compat
DEF preconfig 0|UNSUPPORTED preconfig
