package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import dev.noreset.hw.machine.Machine;
import dev.noreset.hw.machine.MachineConfig;
import dev.noreset.hw.machine.MachineConfigException;
import dev.noreset.kernel.boot.Boot;
import dev.noreset.kernel.boot.BootEntry;
import dev.noreset.kernel.boot.BootImage;
import dev.noreset.kernel.boot.BootImageException;
import dev.noreset.kernel.boot.TinyElf;
import dev.noreset.kernel.core.Abi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Hostile callers: an unprivileged process (no kernel calls, IPC only to one peer) makes random
 * IPC and kernel-call traps with random registers and random message contents, straight into
 * the kernel's trap entry. Every call must end with OK or a negative code of spec/abi/errors.tsv
 * in the caller's EAX, no Java exception, and every checked invariant intact: the caller and
 * the other processes alive, the core's runnable flags consistent, the core's mappings equal
 * to the page tables in RAM, every mapped frame owned by its process, no frame lost, and a
 * bystander's memory untouched. A peer process wakes the caller whenever it blocks.
 */
public final class HostileCaller {
    private static final int CODE = 0x400000, DATA = 0x401000, DATA_PAGES = 2;
    private static final int PEER = 1, BYSTANDER = 2;
    /** Privileged mode: the ports and IRQ lines the hostile process may use. */
    private static final List<int[]> PORTS = List.of(new int[] {0x80, 0x80}, new int[] {0x3F8, 0x3FF});
    private static final int IRQS = 1 << 3 | 1 << 4;

    private final Random rnd;
    private final Machine machine;
    private final TrapEntry entry;
    private final KernelGlue k;
    private final Map<String, Long> results = new TreeMap<>();
    private final long bystanderHash;
    private final boolean privileged;
    private final Elf32 elf;
    /** Slot of the hostile process (privileged mode respawns it in whatever slot is free). */
    private int hostile = 0;
    private final int hostilePriv;
    private long respawns;
    private long calls;
    private String failure;
    private java.util.function.Function<dev.noreset.kernel.core.Kernel, String> extraCheck = x -> null;

    public HostileCaller(long seed) throws MachineConfigException, BootImageException, ElfFormatException {
        this(seed, false);
    }

    /**
     * With {@code privileged}, the caller may use every kernel call, every IPC target, two
     * port ranges and two IRQ lines: it may then legitimately kill, fork, exec and unmap, so
     * only the result codes and the invariants are checked, and the harness ends and restarts
     * processes as needed (a killed or blocked caller is replaced by a fresh one).
     */
    public HostileCaller(long seed, boolean privileged)
            throws MachineConfigException, BootImageException, ElfFormatException {
        this.privileged = privileged;
        rnd = new Random(seed);
        machine = Machine.create(MachineConfig.defaults().withRamBytes(8 << 20));
        byte[] loop = {(byte) 0xEB, (byte) 0xFE};
        elf = Elf32.parse(TinyElf.build(CODE, loop, DATA, DATA_PAGES));
        int none = 0;
        BootEntry first = privileged
                ? new BootEntry("hostile", Path.of("hostile"), null, null, (1 << Abi.NR_SYS_CALLS) - 1, PORTS, IRQS, 0,
                        1000, List.of())
                : entry("hostile", List.of("peer"), none, 0);
        BootImage image = BootImage.of(List.of(first,
                entry("peer", null, none, 1),
                entry("bystander", List.of(), none, 2)));
        Boot.Hardware hw = new Boot.Hardware(machine.cpu(), machine.mmu(), machine.ram(), machine.io(), machine::now);
        entry = Boot.boot(hw, image, List.of(elf, elf, elf), KernelObserver.NONE, s -> { });
        k = entry.kernel();
        hostilePriv = k.core.privOf(0);
        fill(BYSTANDER, 0x5A);
        bystanderHash = hash(BYSTANDER);
    }

    private static BootEntry entry(String name, List<String> ipc, int kcalls, int prio) {
        return new BootEntry(name, Path.of(name), null, ipc, kcalls, List.of(), 0, prio, 1000, List.of());
    }

    /** Adds a check of the core's own invariants (null = intact), run with the glue's checks. */
    public void setCoreCheck(java.util.function.Function<dev.noreset.kernel.core.Kernel, String> check) {
        extraCheck = check == null ? x -> null : check;
    }

    /**
     * The core's executable mirror of its JML invariants, {@code dev.noreset.kernel.core.CoreInvariants}
     * (a package-private class of the core's tests, so it is reached by reflection and needs the
     * kernel's test classes on the class path); null when they hold.
     */
    public static String coreInvariants(dev.noreset.kernel.core.Kernel state) {
        try {
            java.lang.reflect.Method m = Class.forName("dev.noreset.kernel.core.CoreInvariants")
                    .getDeclaredMethod("check", dev.noreset.kernel.core.Kernel.class);
            m.setAccessible(true);
            m.invoke(null, state);
            return null;
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "core invariant: " + e.getCause().getMessage();
        } catch (ReflectiveOperationException e) {
            return "cannot run the core's invariant check (kernel test classes on the class path?): " + e;
        }
    }

    /** Makes {@code n} random calls; returns null, or the first broken invariant. */
    public String run(long n) {
        for (long i = 0; i < n && failure == null; i++) {
            oneCall();
            if (failure == null && (i % 64 == 0 || i == n - 1)) {
                checkInvariants();
            }
        }
        return failure;
    }

    public long calls() {
        return calls;
    }

    /** Result counts by operation and code, e.g. "SENDREC ECALLDENIED" -> 1234. */
    public Map<String, Long> results() {
        return results;
    }

    private void oneCall() {
        if (privileged) {
            ensureHostileRuns();
        } else {
            wakeHostile();
        }
        if (failure != null) {
            return;
        }
        if (k.current() != hostile) {
            failure = "hostile process not on the CPU (current " + k.current() + ")";
            return;
        }
        int op = pickOp();
        int ep = pickEndpoint();
        if (op == Abi.RECEIVE && ep == k.core.endpointOf(BYSTANDER)) {
            ep = Abi.ANY; // the bystander never sends: such a receive could only be ended by killing
        }
        int addr = pickAddress();
        int count = rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(Abi.SENDA_MAX + 3) - 1;
        writeRandomMessage(addr, op);
        int[] type = {-1};
        String callName = op == Abi.KERNEL_CALL && k.copy.readInt(k.spaces.pageDir(hostile), addr + Abi.M_TYPE, type)
                == Abi.OK ? " " + dev.noreset.kernel.boot.BootImage.kcallName(type[0]) : "";
        Cpu cpu = k.cpu;
        for (int r = 0; r < 8; r++) {
            if (r != Cpu.ESP) {
                cpu.setReg(r, rnd.nextInt());
            }
        }
        cpu.setReg(Cpu.EAX, op);
        cpu.setReg(Cpu.EBX, ep);
        cpu.setReg(Cpu.ECX, addr);
        cpu.setReg(Cpu.EDX, count);
        entry.handle(new Trap(Trap.Kind.SOFTWARE_INTERRUPT, Abi.IPC_VECTOR, -1, 0));
        calls++;
        if (entry.internalError() != null) {
            failure = "kernel internal error: " + entry.internalError();
            return;
        }
        if (!k.core.isLive(hostile)) {
            if (!privileged) {
                failure = "the unprivileged caller died from op " + op;
            } else {
                results.merge(opName(op) + " (caller ended)", 1L, Long::sum);
            }
            return;
        }
        String opName = opName(op) + (callName.startsWith(" SYS_") && !callName.matches(" SYS_-?\\d+") ? callName : "");
        if (k.core.isRunnable(hostile) && !k.core.resultReady(hostile)) {
            int eax = k.ctx.reg(hostile, Cpu.EAX);
            if (eax > 0 || eax < 0 && dev.noreset.kernel.trace.ErrorNames.name(eax).matches("-?\\d+")) {
                failure = opName + " returned " + eax + ", not OK or an error code";
                return;
            }
            results.merge(opName + " " + dev.noreset.kernel.trace.ErrorNames.name(eax), 1L, Long::sum);
        } else {
            results.merge(opName + " (blocked or pending)", 1L, Long::sum);
        }
    }

    private static String opName(int op) {
        return switch (op) {
            case Abi.SEND -> "SEND";
            case Abi.RECEIVE -> "RECEIVE";
            case Abi.SENDREC -> "SENDREC";
            case Abi.NOTIFY -> "NOTIFY";
            case Abi.SENDNB -> "SENDNB";
            case Abi.KERNEL_CALL -> "KERNEL_CALL";
            case Abi.SENDA -> "SENDA";
            default -> "BADOP";
        };
    }

    /**
     * While the hostile process is blocked, the peer (next on the CPU) does what frees it; a
     * receive from a kernel source is ended with a notification from that source.
     */
    private void wakeHostile() {
        int[] kernelSources = {Abi.SYSTEM, Abi.HARDWARE, Abi.CLOCK};
        for (int tries = 0; tries < 8 && k.current() != hostile; tries++) {
            if (tries >= 4) {
                k.core.notifyFromKernel(hostile, kernelSources[tries - 4 < 3 ? tries - 4 : 0]);
                entry.schedule();
                continue;
            }
            if (k.current() != PEER) {
                failure = "neither hostile nor peer on the CPU (current " + k.current() + ")";
                return;
            }
            int op;
            if (k.core.isSending(hostile)) {
                op = Abi.RECEIVE;
            } else {
                op = tries == 0 && rnd.nextBoolean() ? Abi.NOTIFY : Abi.SENDNB;
            }
            Cpu cpu = k.cpu;
            cpu.setReg(Cpu.EAX, op);
            cpu.setReg(Cpu.EBX, op == Abi.RECEIVE ? Abi.ANY : k.core.endpointOf(hostile));
            cpu.setReg(Cpu.ECX, DATA);
            entry.handle(new Trap(Trap.Kind.SOFTWARE_INTERRUPT, Abi.IPC_VECTOR, -1, 0));
        }
        if (k.current() != hostile && failure == null) {
            failure = "peer could not wake the hostile process (flags " + k.core.flags(hostile) + ", receiving from slot " + k.core.recvSource(hostile) + ", sending to slot " + k.core.sendTarget(hostile) + ")";
        }
    }

    /**
     * Privileged mode: makes a live hostile process the one on the CPU, ending whatever else
     * runs (forked children, a blocked or dead caller is replaced by a fresh one).
     */
    private void ensureHostileRuns() {
        for (int tries = 0; tries < 3 * Abi.NR_PROCS && failure == null; tries++) {
            int cur = k.current();
            if (cur == hostile && k.core.isLive(hostile)) {
                return;
            }
            if (k.core.isLive(hostile) && !k.core.isRunnable(hostile)) {
                k.kill(hostile, Abi.DEATH_KILLED, 9);
            } else if (!k.core.isLive(hostile)) {
                respawn();
            } else if (cur >= 0) {
                k.kill(cur, Abi.DEATH_KILLED, 9);
            }
            entry.schedule();
        }
        if (failure == null && k.current() != hostile) {
            failure = "cannot put a hostile process on the CPU";
        }
    }

    private void respawn() {
        int slot = k.core.freeSlot();
        int ep = slot < 0 ? slot : k.core.spawn(slot, hostilePriv);
        if (ep < 0) {
            failure = "cannot respawn the hostile process: " + ep;
            return;
        }
        int rc = dev.noreset.kernel.boot.ProcessImage.build(k, slot, elf, "hostile", List.of());
        if (rc != Abi.OK) {
            failure = "cannot load the respawned hostile process: " + rc;
            return;
        }
        k.info.setName(slot, "hostile");
        hostile = slot;
        respawns++;
    }

    /** Processes the harness started again after they ended (privileged mode). */
    public long respawns() {
        return respawns;
    }

    private int pickOp() {
        int[] ops = {Abi.SEND, Abi.RECEIVE, Abi.SENDREC, Abi.NOTIFY, Abi.SENDNB, Abi.KERNEL_CALL, Abi.SENDA};
        return switch (rnd.nextInt(10)) {
            case 0 -> rnd.nextInt();
            case 1 -> rnd.nextInt(40) - 5;
            default -> ops[rnd.nextInt(ops.length)];
        };
    }

    private int pickEndpoint() {
        return switch (rnd.nextInt(10)) {
            case 0 -> rnd.nextInt();
            case 1 -> Abi.ANY;
            case 2 -> Abi.SELF;
            case 3 -> Abi.SYSTEM;
            case 4 -> k.core.endpointOf(BYSTANDER);
            case 5 -> k.core.endpointOf(PEER) + (1 << Abi.ENDPOINT_SLOT_BITS);
            case 6 -> rnd.nextInt(Abi.NR_PROCS + 2);
            case 7 -> Abi.HARDWARE;
            default -> k.core.endpointOf(PEER);
        };
    }

    private int pickAddress() {
        return switch (rnd.nextInt(10)) {
            case 0 -> rnd.nextInt();
            case 1 -> DATA + DATA_PAGES * 0x1000 - rnd.nextInt(80);
            case 2 -> CODE + rnd.nextInt(0x1000);
            case 3 -> rnd.nextInt(0x400000);
            case 4 -> -rnd.nextInt(0x1000);
            default -> DATA + rnd.nextInt(DATA_PAGES * 0x1000 - 64);
        };
    }

    /** Random bytes in the caller's buffer, with m_type often a real kernel-call number. */
    private void writeRandomMessage(int addr, int op) {
        int pd = k.spaces.pageDir(hostile);
        byte[] m = new byte[Abi.ASYN_SIZE * 2];
        rnd.nextBytes(m);
        if (rnd.nextBoolean()) {
            int type = rnd.nextInt(Abi.NR_SYS_CALLS + 2) - 1;
            m[Abi.M_TYPE] = (byte) type;
            m[Abi.M_TYPE + 1] = m[Abi.M_TYPE + 2] = m[Abi.M_TYPE + 3] = (byte) (type >> 31);
        }
        if (privileged && rnd.nextBoolean()) {
            // Plausible arguments reach deeper into the handlers than random bits.
            int[] good = {Abi.SELF, k.core.endpointOf(PEER), k.core.endpointOf(BYSTANDER), k.core.endpointOf(hostile),
                DATA, DATA + 0x100, DATA + 0x1000, 0x10000000, 0, 1, 2, 3, 4, 9, 16, 64, 0x1000, 0x3F8, 0x80};
            for (int off = Abi.M_PAYLOAD; off + 4 <= Abi.MESSAGE_SIZE; off += 4) {
                if (rnd.nextBoolean()) {
                    int v = good[rnd.nextInt(good.length)];
                    m[off] = (byte) v;
                    m[off + 1] = (byte) (v >> 8);
                    m[off + 2] = (byte) (v >> 16);
                    m[off + 3] = (byte) (v >> 24);
                }
            }
            if (rnd.nextInt(50) == 0) {
                // Now and then a real executable where SYS_EXEC arguments may point.
                byte[] image = TinyElf.build(0x500000, new byte[] {(byte) 0xEB, (byte) 0xFE}, 0x501000, 1);
                k.copy.copyOut(pd, image, 0, DATA + 0x100, Math.min(image.length, DATA_PAGES * 0x1000 - 0x100));
            }
        }
        for (int i = 0; i < m.length; i++) {
            if (!k.copy.walker().accessible(pd, addr + i, 1, true)) {
                break;
            }
            k.copy.copyOut(pd, m, i, addr + i, 1);
        }
    }

    private void fill(int slot, int value) {
        int pd = k.spaces.pageDir(slot);
        byte[] page = new byte[DATA_PAGES * 0x1000];
        java.util.Arrays.fill(page, (byte) value);
        k.copy.copyOut(pd, page, 0, DATA, page.length);
    }

    private long hash(int slot) {
        byte[] page = new byte[DATA_PAGES * 0x1000];
        k.copy.copyIn(k.spaces.pageDir(slot), DATA, page, 0, page.length);
        return java.util.Arrays.hashCode(page);
    }

    private void checkInvariants() {
        String s = Invariants.check(k);
        if (s == null) {
            s = extraCheck.apply(k.core.state());
        }
        if (s != null) {
            failure = "after " + calls + " calls: " + s;
        } else if (privileged) {
            return;
        } else if (!k.core.isLive(PEER) || !k.core.isLive(BYSTANDER)) {
            failure = "after " + calls + " calls: a bystander process died";
        } else if (hash(BYSTANDER) != bystanderHash) {
            failure = "after " + calls + " calls: the bystander's memory changed";
        }
    }

    /**
     * {@code HostileCaller [calls] [seed] [--core-invariants] [--privileged]}: prints the result table; exit
     * status 1 on a failure, 2 on bad arguments.
     */
    public static int runCli(String[] args) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(args));
        boolean core = a.remove("--core-invariants");
        boolean privileged = a.remove("--privileged");
        long n, seed;
        try {
            n = a.size() > 0 ? Long.parseLong(a.get(0).replace("_", "")) : 1_000_000;
            seed = a.size() > 1 ? Long.parseLong(a.get(1)) : 1;
        } catch (NumberFormatException e) {
            System.out.println("hostile: usage: HostileCaller [calls] [seed] [--core-invariants] [--privileged]");
            return 2;
        }
        try {
            HostileCaller h = new HostileCaller(seed, privileged);
            if (core) {
                h.setCoreCheck(HostileCaller::coreInvariants);
            }
            long t0 = System.nanoTime();
            String fail = h.run(n);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            h.results().forEach((key, v) -> System.out.printf("  %-36s %,d%n", key, v));
            if (fail != null) {
                System.out.println("hostile: FAILED after " + h.calls() + " calls (seed " + seed + "): " + fail);
                return 1;
            }
            System.out.printf("hostile: %,d random calls from %s process, all answered with a result code,"
                    + " glue%s invariants intact (seed %d, %,d ms%s)%n", h.calls(),
                    privileged ? "a privileged" : "an unprivileged", core ? " and core" : "", seed, ms,
                    privileged ? ", " + h.respawns() + " callers replaced" : "");
            return 0;
        } catch (MachineConfigException | BootImageException | ElfFormatException e) {
            System.out.println("hostile: cannot set up: " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(runCli(args));
    }
}
