package dev.noreset.kernel.trap;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.core.Kernel;
import dev.noreset.kernel.core.Memory;
import dev.noreset.kernel.kcall.Message;
import dev.noreset.kernel.vm.AddressSpaces;
import dev.noreset.kernel.vm.UserCopy;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The kernel as the glue sees it: the emulated hardware it drives (CPU registers, MMU, RAM, the
 * I/O ports of the PIC and PIT), the verified core (process table, IPC, scheduler, privileges,
 * frames, grants) and the glue's own per-process state. The trap layer, the kernel-call
 * handlers and the boot loader all work through this object; it holds no policy of its own
 * beyond the death protocol in {@link #kill}.
 */
public final class KernelGlue {
    /** Quantum (clock ticks) of processes created at run time (fork). */
    public static final int DEFAULT_QUANTUM = 8;
    public final Cpu cpu;
    public final Mmu mmu;
    public final PhysicalMemory ram;
    public final IoSpace io;
    public final CorePort core;
    public final Memory memory;
    public final Contexts ctx = new Contexts();
    public final ProcInfo info = new ProcInfo();
    public final AddressSpaces spaces;
    public final UserCopy copy;
    public final IrqTable irqs;
    public final PrivRecords privs = new PrivRecords();
    private final LongSupplier clock;
    private KernelObserver observer = KernelObserver.NONE;
    private Consumer<String> log = s -> { };
    /** Clock ticks (timer interrupts) since boot: the unit of quanta and alarms. */
    private long ticks;
    /** Slot whose context is on the CPU, or -1 when the CPU idles. */
    int current = -1;
    /** Set when an address space was torn down: the next restore reloads CR3 regardless. */
    boolean forceCr3;
    /** True while the CPU runs the idle context. */
    boolean idling;
    /** Processes ended so far ({@link #kill}): the trap entry re-asks its stop condition only when this moves. */
    long deaths;
    /** Scratch message for deliveries (one kernel runs on one thread). */
    final Message completionBuffer = new Message();
    /** Scratch words of one message for the copies between user memory and the core. */
    final int[] wordBuffer = new int[Abi.MESSAGE_SIZE / 4];

    public KernelGlue(Cpu cpu, Mmu mmu, PhysicalMemory ram, IoSpace io, LongSupplier clock) {
        this.cpu = cpu;
        this.mmu = mmu;
        this.ram = ram;
        this.io = io;
        this.clock = clock;
        this.core = new CorePort(new Kernel());
        // Record 0 is the shared record of ordinary processes: default scheduling, nothing else.
        core.setSchedLimits(0, Abi.NR_PRIORITIES - 1, DEFAULT_QUANTUM);
        this.memory = new Memory(ram.size() >>> 12, FIRST_USER_FRAME);
        this.spaces = new AddressSpaces(ram, memory, mmu);
        this.copy = new UserCopy(ram);
        this.irqs = new IrqTable(io);
        IdleContext.build(ram);
    }

    /** Kernel frames (idle address space) below this; process frames start here. */
    public static final int FIRST_USER_FRAME = IdleContext.KERNEL_FRAMES;

    public KernelObserver observer() {
        return observer;
    }

    public void setObserver(KernelObserver o) {
        observer = o == null ? KernelObserver.NONE : o;
        observer.attach(this);
    }

    /** Where the kernel's own console lines go (deaths, boot messages). */
    public void setLog(Consumer<String> sink) {
        log = sink == null ? s -> { } : sink;
    }

    public void log(String line) {
        log.accept(line);
    }

    /** Virtual time (retired instructions plus skipped idle time). */
    public long now() {
        return clock.getAsLong();
    }

    public long ticks() {
        return ticks;
    }

    void addTick() {
        ticks++;
    }

    /** Slot on the CPU, or -1. */
    public int current() {
        return current;
    }

    /** The slot {@code endpoint} names for {@code caller} (SELF = the caller), or -1 if not live. */
    public int slotOf(int caller, int endpoint) {
        return endpoint == Abi.SELF ? caller : core.slotOf(endpoint);
    }

    /** Copies the caller's user message at {@code addr} into {@code m}: OK or EFAULT. */
    public int messageIn(int slot, int addr, Message m) {
        return copy.copyIn(spaces.pageDir(slot), addr, m.bytes(), 0, Abi.MESSAGE_SIZE);
    }

    /** Copies {@code m} to the user message at {@code addr}: OK or EFAULT. */
    public int messageOut(int slot, Message m, int addr) {
        int pd = spaces.pageDir(slot);
        if ((addr & 0xFFF) <= 0x1000 - Abi.MESSAGE_SIZE) {
            long pa = copy.walker().translate(pd, addr, true);
            if (pa < 0) {
                return Abi.EFAULT;
            }
            ram.load((int) pa, m.bytes(), 0, Abi.MESSAGE_SIZE);
            return Abi.OK;
        }
        return copy.copyOut(pd, m.bytes(), 0, addr, Abi.MESSAGE_SIZE);
    }

    /**
     * Copies the sixteen words {@code words} (a message, word 0 at byte 0) to the user message
     * at {@code addr} of {@code slot}: OK or EFAULT (nothing written). The same as
     * {@link #messageOut} of a {@link Message} holding those words; the common case, a buffer
     * inside one page, takes one page walk and no staging; a buffer that straddles two pages is
     * staged in {@link #completionBuffer}.
     */
    int wordsOut(int slot, int[] words, int addr) {
        if ((addr & 0xFFF) <= 0x1000 - Abi.MESSAGE_SIZE) {
            long pa = copy.walker().translate(spaces.pageDir(slot), addr, true);
            if (pa < 0) {
                return Abi.EFAULT;
            }
            ram.write32s((int) pa, words, 16);
            return Abi.OK;
        }
        for (int w = 0; w < 16; w++) {
            completionBuffer.set(4 * w, words[w]);
        }
        return messageOut(slot, completionBuffer, addr);
    }

    /**
     * Copies the user message at {@code addr} of {@code slot} into the core's message buffer of
     * {@code slot}: OK or EFAULT (nothing copied). With {@code alsoWritable} the buffer must be
     * writable too (SENDREC gets its reply there). The common case, a message inside one page,
     * takes one page walk and sixteen word reads.
     */
    public int messageToCore(int slot, int addr, boolean alsoWritable, Message scratch) {
        int pd = spaces.pageDir(slot);
        if ((addr & 0xFFF) <= 0x1000 - Abi.MESSAGE_SIZE) {
            long pa = copy.walker().translate(pd, addr, alsoWritable);
            if (pa < 0) {
                return Abi.EFAULT;
            }
            int[] words = wordBuffer;
            ram.read32s((int) pa, words, 16);
            for (int w = 0; w < 16; w++) {
                core.setMsgWord(slot, w, words[w]);
            }
            return Abi.OK;
        }
        if (messageIn(slot, addr, scratch) != Abi.OK || alsoWritable && !messageWritable(slot, addr)) {
            return Abi.EFAULT;
        }
        for (int w = 0; w < 16; w++) {
            core.setMsgWord(slot, w, scratch.get(4 * w));
        }
        return Abi.OK;
    }

    /** True if a 64-byte message at {@code addr} can be written by the kernel for {@code slot}. */
    public boolean messageWritable(int slot, int addr) {
        int pd = spaces.pageDir(slot);
        if ((addr & 0xFFF) <= 0x1000 - Abi.MESSAGE_SIZE) {
            return copy.walker().translate(pd, addr, true) >= 0;
        }
        return copy.walker().accessible(pd, addr, Abi.MESSAGE_SIZE, true);
    }

    /**
     * Ends the process in {@code slot}: the core wakes everyone blocked on it (EDEADSRCDST) and
     * drops its messages; its memory, IRQ lines and alarm are released; its signal manager
     * (if still alive) gets the death queued and a notification from SYSTEM.
     */
    public void kill(int slot, int cause, int status) {
        if (!core.isLive(slot)) {
            return;
        }
        int ep = core.endpointOf(slot);
        String name = info.name(slot);
        int mgrEp = info.sigmgr(slot);
        core.exit(slot);
        deaths++;
        spaces.release(slot);
        irqs.releaseAll(ep);
        info.clear(slot);
        if (slot == current) {
            current = -1;
        }
        forceCr3 = true;
        observer.died(slot, ep, cause, status);
        log("kernel: " + name + " (endpoint " + ep + ") " + describe(cause, status));
        int mgr = mgrEp == Abi.NONE ? -1 : core.slotOf(mgrEp);
        if (mgr >= 0) {
            info.addDeath(mgr, new ProcInfo.Death(ep, cause, status));
            core.notifyFromKernel(mgr, Abi.SYSTEM);
        }
    }

    private static String describe(int cause, int status) {
        if (cause == Abi.DEATH_EXIT) {
            return "exited with status " + status;
        }
        if (cause == Abi.DEATH_KILLED) {
            return "killed by signal " + status;
        }
        return "killed by exception " + Exceptions.name(cause)
                + (cause == dev.noreset.hw.cpu.Trap.PF ? String.format(" at 0x%08x", status) : "");
    }
}
