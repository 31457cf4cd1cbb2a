package dev.noreset.hw.machine;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.bus.IoBus;
import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.dev.AtaDisk;
import dev.noreset.hw.dev.CmosRtc;
import dev.noreset.hw.dev.DiskImage;
import dev.noreset.hw.dev.DiskImageException;
import dev.noreset.hw.dev.PicPair;
import dev.noreset.hw.dev.Pit8254;
import dev.noreset.hw.dev.TimedDevice;
import dev.noreset.hw.dev.Uart16550;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulated PC: RAM, MMU, CPU and the devices on the I/O bus (PIC pair, PIT, COM1 UART, the
 * primary ATA disk when configured, CMOS RTC), with one virtual clock.
 *
 * <p>Virtual time ({@link #now}) is the number of retired instructions plus the time skipped
 * while idle; every device derives its timing from it, so a run depends only on the
 * configuration, the disk image and the scripted input. {@link #run} runs the CPU in slices that
 * end exactly at the next device event, so a timer edge is seen at the instruction boundary where
 * it falls; the devices are also brought up to date before every port access and every time the
 * CPU samples INTR.
 *
 * <p>Guest execution stops for traps ({@link Trap}); the {@link TrapSink} (the kernel) handles
 * each and returns, and the machine resumes whatever context the CPU then holds.
 */
public final class Machine implements Snapshottable, Closeable {
    private static final int SNAPSHOT_MAGIC = 0x4E52534E;   // "NRSN"
    private static final int SNAPSHOT_VERSION = 1;
    /** With live console input and nothing else scheduled, look for host bytes this often. */
    private static final long LIVE_POLL_TICKS = 10_000;

    /** Why {@link #run} returned. */
    public enum Stop {
        /** The virtual-time budget was used up. */
        BUDGET,
        /** The sink called {@link #requestStop}. */
        REQUESTED,
        /** The CPU is halted and no interrupt can ever wake it (no device event is scheduled). */
        IDLE_FOREVER,
        /**
         * {@link #STUCK_TRAPS} traps in a row passed without virtual time moving: the sink keeps
         * resuming a context that traps at once (say a fault it never fixes).
         */
        STUCK
    }

    /** Consecutive traps without progress after which {@link #run} gives up with {@link Stop#STUCK}. */
    public static final int STUCK_TRAPS = 100_000;

    private final MachineConfig config;
    private final PhysicalMemory ram;
    private final Mmu mmu;
    private final Cpu cpu;
    private final IoBus bus = new IoBus();
    private final PicPair pic = new PicPair();
    private final Pit8254 pit;
    private final Uart16550 uart;
    private final AtaDisk ata;
    private final CmosRtc rtc;
    private final List<TimedDevice> timed = new ArrayList<>();

    private long idleTicks;
    private long nextDeadline;
    private boolean scheduleDirty = true;
    private boolean stopRequested;
    private boolean idleRequested;

    private Machine(MachineConfig config, DiskImage image) {
        this.config = config;
        ram = new PhysicalMemory(config.ramBytes());
        mmu = new Mmu(ram);
        cpu = new Cpu(ram, mmu, bus);
        cpu.setInterruptLine(pic);
        pic.attach(bus);
        pit = new Pit8254(this::now, pic.line(0), config.instructionsPerPitTick());
        pit.attach(bus);
        uart = new Uart16550(Uart16550.COM1, this::now, pic.line(Uart16550.COM1_IRQ), config.ticksPerSecond(),
                config.serialOutput(), config.serialInput());
        uart.attach(bus);
        rtc = new CmosRtc(this::now, pic.line(CmosRtc.IRQ), config.ticksPerSecond(), config.rtcEpochSeconds());
        rtc.attach(bus);
        recordMemorySize(config.ramBytes());
        timed.add(pit);
        timed.add(uart);
        timed.add(rtc);
        if (image != null) {
            ata = new AtaDisk(image, this::now, pic.line(AtaDisk.IRQ), config.ataLatency());
            ata.attach(bus);
            timed.add(ata);
        } else {
            ata = null;
        }
        bus.setBeforeAccess(() -> {
            sync();
            scheduleDirty = true;       // the access may reprogram a device
        });
        pic.setBeforePoll(this::sync);
    }

    /** CMOS bytes a PC BIOS fills in: 640 KiB base memory and the KiB above 1 MiB (capped at 0xFFFF). */
    private void recordMemorySize(int ramBytes) {
        int ext = Math.min(0xFFFF, Math.max(0, (ramBytes - (1 << 20)) >> 10));
        rtc.setCmosByte(0x15, 640 & 0xFF);
        rtc.setCmosByte(0x16, 640 >> 8);
        rtc.setCmosByte(0x17, ext & 0xFF);
        rtc.setCmosByte(0x18, ext >> 8);
        rtc.setCmosByte(0x30, ext & 0xFF);
        rtc.setCmosByte(0x31, ext >> 8);
    }

    /** Builds a machine; a bad configuration or disk image gives a one-line error. */
    public static Machine create(MachineConfig config) throws MachineConfigException {
        if (config == null) {
            throw new MachineConfigException("no machine configuration");
        }
        config.validate();
        DiskImage image = null;
        if (config.diskImage() != null) {
            try {
                image = DiskImage.open(config.diskImage(), config.diskReadOnly());
            } catch (DiskImageException e) {
                throw new MachineConfigException(e.getMessage());
            }
        }
        try {
            return new Machine(config, image);
        } catch (OutOfMemoryError e) {
            closeQuietly(image);
            throw new MachineConfigException("not enough host memory for " + (config.ramBytes() >> 20)
                    + " MiB of guest RAM (raise the JVM heap with -Xmx)");
        }
    }

    private static void closeQuietly(DiskImage image) {
        if (image != null) {
            try {
                image.close();
            } catch (IOException ignored) {
                // Already reporting the real problem.
            }
        }
    }

    public MachineConfig config() { return config; }
    public PhysicalMemory ram() { return ram; }
    public Mmu mmu() { return mmu; }
    public Cpu cpu() { return cpu; }
    public IoBus io() { return bus; }
    public PicPair pic() { return pic; }
    public Pit8254 pit() { return pit; }
    public Uart16550 uart() { return uart; }
    public CmosRtc rtc() { return rtc; }
    /** The primary-channel disk, or null when the configuration has none. */
    public AtaDisk ata() { return ata; }

    /** Virtual time in ticks: retired instructions plus idle time. */
    public long now() {
        return cpu.retired() + idleTicks;
    }

    /** Makes {@link #run} return {@link Stop#REQUESTED} once the current trap is handled. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * For the kernel when no process is runnable (call it from the sink, or before {@link #run}):
     * instead of resuming guest code, the machine lets virtual time pass until an unmasked
     * interrupt is pending, performs the INTA cycle and hands it to the sink as a
     * {@link Trap.Kind#INTERRUPT} trap, leaving the CPU state untouched. The sink may ask again.
     */
    public void requestIdle() {
        idleRequested = true;
    }

    /** Brings every device up to the current virtual time and recomputes the next event. */
    private void sync() {
        long now = now();
        if (now < nextDeadline && !scheduleDirty) {
            return;
        }
        scheduleDirty = false;
        long next = Long.MAX_VALUE;
        for (TimedDevice d : timed) {
            d.advanceTo(now);
        }
        for (TimedDevice d : timed) {
            next = Math.min(next, d.nextEventTime());
        }
        if (config.serialInput().live()) {
            next = Math.min(next, now + LIVE_POLL_TICKS);
        }
        nextDeadline = Math.max(next, now + 1);
    }

    /**
     * Runs guest code for up to {@code maxTicks} of virtual time, handing every trap to
     * {@code sink}. A HALT the sink leaves in place idles the machine until an interrupt.
     */
    public Stop run(TrapSink sink, long maxTicks) {
        long end = saturatedAdd(now(), Math.max(0, maxTicks));
        stopRequested = false;
        long lastProgress = now();
        int idleTraps = 0;
        // Devices change schedule only as time passes, on a port access (the bus marks the
        // schedule dirty) or while idling (idle() does): so after a trap that did neither, the
        // deadline computed before it still holds and the sync below is one comparison. Work
        // done on the devices between two run() calls is covered by this first mark.
        scheduleDirty = true;
        while (true) {
            sync();
            long now = now();
            if (now >= end) {
                return Stop.BUDGET;
            }
            Trap t;
            if (idleRequested) {
                if (!idle(end, false)) {
                    if (now() >= end) {
                        return Stop.BUDGET;         // still idle: the next run continues idling
                    }
                    idleRequested = false;
                    return Stop.IDLE_FOREVER;
                }
                idleRequested = false;
                t = new Trap(Trap.Kind.INTERRUPT, pic.acknowledge(), -1, 0);
            } else {
                t = cpu.run(Math.min(end, nextDeadline) - now);
                if (t == null) {
                    continue;
                }
            }
            sink.onTrap(this, t);
            if (stopRequested) {
                return Stop.REQUESTED;
            }
            if (now() != lastProgress) {
                lastProgress = now();
                idleTraps = 0;
            } else if (++idleTraps >= STUCK_TRAPS) {
                return Stop.STUCK;
            }
            if (t.kind() == Trap.Kind.HALT && cpu.halted() && !idleRequested && !idle(end, true)) {
                if (now() >= end) {
                    return Stop.BUDGET;
                }
                return Stop.IDLE_FOREVER;
            }
        }
    }

    /**
     * For the kernel when nothing is runnable: advances virtual time to the next device event,
     * repeatedly, until an unmasked interrupt is pending at the PIC or {@code maxTicks} have
     * passed. Returns true when an interrupt is pending (resume a context with IF=1 to take it,
     * or call {@link #acknowledgeInterrupt}); false when the limit was reached or no device event
     * is scheduled at all, so no interrupt can ever come. With live console input, idle time
     * passes no faster than host time.
     */
    public boolean idleUntilInterrupt(long maxTicks) {
        return idle(saturatedAdd(now(), Math.max(0, maxTicks)), false);
    }

    /** The INTA cycle on behalf of ring-0 software that takes an interrupt outside guest code. */
    public int acknowledgeInterrupt() {
        return pic.acknowledge();
    }

    private boolean idle(long limit, boolean needIf) {
        while (true) {
            scheduleDirty = true;
            boolean interruptsOn = !needIf || (cpu.eflags() & 0x200) != 0;
            if (pic.pending() && interruptsOn) {
                return true;
            }
            long now = now();
            long next = nextDeadline;
            if (!interruptsOn || next == Long.MAX_VALUE) {
                return false;
            }
            if (next > limit) {
                idleTicks += Math.max(0, limit - now);
                return false;
            }
            if (config.serialInput().live()) {
                // Interactive: let idle virtual time pass no faster than host time, so an idle
                // system waits for the keyboard instead of spinning through timer ticks.
                long ms = Math.min(100, (next - now) * 1000 / config.ticksPerSecond());
                if (ms > 0) {
                    config.serialInput().awaitInput(ms);
                }
            }
            idleTicks += next - now;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < a ? Long.MAX_VALUE : r;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        out.writeInt(config.ramBytes());
        out.writeInt(config.instructionsPerPitTick());
        out.writeBoolean(ata != null);
        out.writeLong(idleTicks);
        out.writeBoolean(idleRequested);
        cpu.saveState(out);
        mmu.saveState(out);
        ram.saveState(out);
        pic.saveState(out);
        pit.saveState(out);
        uart.saveState(out);
        rtc.saveState(out);
        if (ata != null) {
            ata.saveState(out);
        }
    }

    /**
     * Restores a snapshot taken by {@link #saveState} on a machine with the same configuration and
     * disk image. All or nothing: if the stream is malformed or belongs to another machine, the
     * IOException says why and the machine keeps the state it had.
     */
    @Override
    public void loadState(DataInput in) throws IOException {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        saveState(new DataOutputStream(backup));
        try {
            loadUnchecked(in);
        } catch (IOException | RuntimeException e) {
            loadUnchecked(new DataInputStream(new ByteArrayInputStream(backup.toByteArray())));
            throw e instanceof IOException io ? io : new IOException("corrupt snapshot: " + e.getMessage());
        }
    }

    private void loadUnchecked(DataInput in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not a noreset machine snapshot");
        }
        int version = in.readInt();
        if (version != SNAPSHOT_VERSION) {
            throw new IOException("snapshot version " + version + ", this build reads " + SNAPSHOT_VERSION);
        }
        int ramBytes = in.readInt();
        int rate = in.readInt();
        boolean disk = in.readBoolean();
        if (ramBytes != config.ramBytes() || rate != config.instructionsPerPitTick() || disk != (ata != null)) {
            throw new IOException("snapshot is of another machine: RAM " + ramBytes + ", " + rate
                    + " instructions per PIT tick, disk " + (disk ? "present" : "absent"));
        }
        idleTicks = in.readLong();
        idleRequested = in.readBoolean();
        cpu.loadState(in);
        mmu.loadState(in);
        ram.loadState(in);
        pic.loadState(in);
        pit.loadState(in);
        uart.loadState(in);
        rtc.loadState(in);
        if (ata != null) {
            ata.loadState(in);
        }
        scheduleDirty = true;
        nextDeadline = 0;
    }

    /** The snapshot as bytes. */
    public byte[] snapshot() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            saveState(new DataOutputStream(b));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory snapshot failed", e);
        }
        return b.toByteArray();
    }

    /** SHA-256 of the snapshot: equal digests mean equal machine states. */
    public String stateDigest() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(snapshot());
            StringBuilder s = new StringBuilder();
            for (byte x : d) {
                s.append(String.format("%02x", x));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Closes the disk image. */
    @Override
    public void close() throws IOException {
        if (ata != null) {
            ata.image().close();
        }
    }
}
