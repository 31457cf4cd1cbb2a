package dev.noreset.hw.cpu;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The emulated i386 (integer instruction set of the 486, plus CMOVcc, CPUID, RDTSC, CMPXCHG8B),
 * in real-address mode and in 32-bit flat protected mode at CPL 3.
 *
 * <p>Protected mode: every INT n, exception and hardware interrupt ends {@link #step}/{@link #run}
 * with a {@link Trap}; the ring-0 software (a Java TrapSink) handles it and resumes. Faults leave
 * registers and memory as before the instruction (EIP at the faulting instruction). Trap-class
 * events raised by an instruction (INT n, INT3, INTO, INT1/ICEBP) come as
 * {@link Trap.Kind#SOFTWARE_INTERRUPT} with EIP after the instruction; a single-step trap (TF) is an
 * {@link Trap.Kind#EXCEPTION} with vector 1 and EIP after the instruction.
 *
 * <p>Real mode: exceptions, INT n and interrupts are delivered through the IVT at 0 as the
 * hardware does; {@link #step} returns a Trap describing the delivery, {@link #run} continues.
 * HLT returns {@link Trap.Kind#HALT}; the CPU stays halted until an interrupt is taken.
 *
 * <p>Undefined flags (the SDM leaves them open) are produced as documented in {@code AluOps}.
 *
 * <p>Structure: {@code Decoder} (driven by {@code OpcodeTable}) turns bytes into an {@code Insn};
 * {@code Executor} and the *Ops classes hold the semantics; {@code FastPath} has specialised
 * versions of the hottest 32-bit forms (property-tested against the generic ones). In protected
 * mode decoded instructions are cached per physical page ({@code CodeCache}, dropped on writes
 * to the page) and {@link #run} executes cached instructions of a page in a tight loop; block
 * entries that get hot are compiled to JVM code ({@code BlockCompiler}, kept and dropped with the
 * page's decoded instructions) with the same precise faults, budget and code-invalidation rules.
 *
 * <p>Additions to the published API: {@link #setIo} (control registers live in
 * {@link Mmu}); {@link #segmentBase}, {@link #halted}, {@link #setProtectedFlat} (CPL 0 or 3
 * flat protected mode for tests), {@link #halt}, {@link #lastFaultWasSegmentWrap}, {@link #lastFaultWasInvalidLock}, {@link #setRetired}.
 */
public final class Cpu extends CpuOperands implements Snapshottable {
    public static final int EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;
    public static final int KERNEL_CS = 0x08, KERNEL_DS = 0x10, USER_CS = 0x1B, USER_DS = 0x23;
    /** Virtual time: RDTSC advances by this many ticks per retired instruction. */
    public static final int TSC_PER_INSTRUCTION = 1;

    private final Decoder decoder;
    private final Executor exec;
    private final Insn insn = new Insn();
    private final CodeCache cache;
    InterruptLine irq = InterruptLine.NONE;
    long retired;
    boolean halted;
    /** Interrupts are not taken after STI, MOV SS and POP SS until one more instruction ran. */
    boolean irqShadow;
    /** Tests turn this off to check FastPath against the generic semantics (it also turns off the block compiler). */
    boolean fastPath = true;
    /**
     * The block compiler; tests turn it off to compare against the interpreter. The default can
     * be set with the system property {@code noreset.cpu.jit=false} (for benchmarks).
     */
    boolean jit = JIT_DEFAULT;
    private static final boolean JIT_DEFAULT = !"false".equals(System.getProperty("noreset.cpu.jit"));
    /** Entries into a block start after which it is compiled. */
    static final int HOT = 32;
    private final BlockCompiler compiler = new BlockCompiler();
    private long blockRetired;
    /** The trap of an INT n that ended a compiled block (set by the block, taken by runBlock). */
    Trap blockTrap;

    public Cpu(PhysicalMemory ram, Mmu mmu, IoSpace io) {
        super(ram, mmu, io);
        decoder = new Decoder(this);
        exec = new Executor(this);
        cache = new CodeCache(ram, this);
        resetRealMode();
    }

    public void setInterruptLine(InterruptLine l) {
        irq = l == null ? InterruptLine.NONE : l;
    }

    public void setIo(IoSpace io) {
        this.io = io == null ? IoSpace.NONE : io;
    }

    public int reg(int n) { return r[n]; }

    public void setReg(int n, int v) { r[n] = v; }

    public int eip() { return eip; }

    public void setEip(int v) {
        eip = v;
        halted = false;
        repContinues = false;
    }

    public int eflags() { return flags(); }

    /** Sets EFLAGS as a kernel would (all bits it names; reserved bit 1 always reads as 1). */
    public void setEflags(int v) {
        fOp = F_NONE;
        fl = (v | 2) & ~(0x8 | 0x20 | 0x8000) & 0x3F7FFF;
    }

    public int segment(int s) { return sel[s]; }

    public int segmentBase(int s) { return base[s]; }

    public boolean realMode() { return real; }

    public int cpl() { return cpl; }

    public boolean halted() { return halted; }

    public long retired() { return retired; }

    /**
     * Puts the CPU into the halt state, as HLT does at CPL 0: {@link #step} and {@link #run} return
     * {@link Trap.Kind#HALT} until an interrupt is taken (IF=1 and the line pending), for ring-0
     * software that has nothing to run. {@link #setEip} also leaves the halt state.
     */
    public void halt() { halted = true; }

    public void setRetired(long n) { retired = n; }

    public long tsc() { return retired * TSC_PER_INSTRUCTION; }

    /** True when the last fault came from a multi-byte access or fetch straddling offset 0xFFFF in real mode. */
    public boolean lastFaultWasSegmentWrap() { return wrapFault; }

    /** True when the last step raised #UD because of a LOCK prefix the instruction does not allow. */
    public boolean lastFaultWasInvalidLock() { return lockFault; }

    /** Real-address mode, 16-bit code and stack, all segment bases 0, CR0.PE=0; the caller sets CS:IP etc. */
    public void resetRealMode() {
        real = true;
        cpl = 0;
        code32 = false;
        stack32 = false;
        for (int s = 0; s < 6; s++) {
            sel[s] = 0;
            base[s] = 0;
            segUsable[s] = true;
        }
        mmu.setCr0(mmu.cr0() & ~(Mmu.CR0_PE | Mmu.CR0_PG));
        fOp = F_NONE;
        fl = 2;
        halted = false;
        irqShadow = false;
        decoder.reset();
        if (cache != null) {
            cache.clear();
        }
    }

    /** Loads a segment register the real-mode way: base = selector &lt;&lt; 4. */
    public void setSegmentReal(int s, int selector) {
        sel[s] = selector & 0xFFFF;
        base[s] = (selector & 0xFFFF) << 4;
        segUsable[s] = true;
    }

    /** 32-bit protected mode, CPL 3, flat USER_CS/USER_DS, IOPL 0, CR0.PE=1 (paging as the MMU has it). */
    public void enterUserMode() {
        setProtectedFlat(3);
    }

    /** Flat 32-bit protected mode at CPL 0 or 3 with the fixed descriptor table's selectors. */
    public void setProtectedFlat(int level) {
        real = false;
        cpl = level == 0 ? 0 : 3;
        code32 = true;
        stack32 = true;
        int cs = cpl == 0 ? KERNEL_CS : USER_CS, ds = cpl == 0 ? KERNEL_DS : USER_DS;
        for (int s = 0; s < 6; s++) {
            sel[s] = s == CS ? cs : ds;
            base[s] = 0;
            segUsable[s] = true;
        }
        // EM=1: the x87 is not present, so escape opcodes raise #NM.
        mmu.setCr0(mmu.cr0() | Mmu.CR0_PE | 4);
        materialize();
        fl &= ~IOPL;
        halted = false;
        decoder.reset();
        cache.clear();
    }

    /**
     * Drops decoded instructions of the pages holding [physAddr, physAddr+len). Writes to RAM do
     * this automatically (PhysicalMemory reports them); this is for anything that bypasses RAM.
     */
    public void invalidateCode(int physAddr, int len) {
        decoder.reset();
        cache.invalidate(physAddr, len);
    }

    /** Executes one instruction, or takes one pending interrupt. Returns what trapped, or null. */
    public Trap step() {
        if (!irqShadow && (fl & IF) != 0 && irq.pending()) {
            halted = false;
            return interrupt(irq.acknowledge() & 0xFF);
        }
        irqShadow = false;
        if (halted) {
            return new Trap(Trap.Kind.HALT, 0, -1, 0);
        }
        int start = eip;
        wrapFault = false;
        lockFault = false;
        try {
            boolean tf = (fl & TF) != 0;
            Insn d;
            if (real) {
                decoder.decode(d = insn);
            } else {
                // Protected mode: decoded instructions are cached by physical address.
                int pc = pa(base[CS] + eip, false);
                d = cache.get(pc);
                if (d == null) {
                    decoder.decode(d = insn);
                    cache.put(pc, d);
                }
            }
            Trap t = fastPath && d.fast != FastPath.NONE && FastPath.exec(this, d) ? null : exec.execute(d);
            retired++;
            if (t != null) {
                return t;
            }
            if (tf) {
                return deliver(Trap.Kind.EXCEPTION, Trap.DB, -1, 0, eip);
            }
            return null;
        } catch (CpuFault f) {
            eip = start;
            return deliver(Trap.Kind.EXCEPTION, f.vector, errorCodeFor(f.vector, f.errorCode), f.cr2, start);
        }
    }

    /** Runs until something traps (returned) or {@code maxInstructions} instructions retired (null). */
    public Trap run(long maxInstructions) {
        long end = retired + maxInstructions;
        while (retired < end) {
            Trap t;
            if (real || halted || (fl & TF) != 0) {
                t = step();
            } else {
                t = runBlock(end);
            }
            if (t != null && (!real || t.kind() == Trap.Kind.HALT)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The protected-mode fast path: executes cached instructions of one code page back to back,
     * and compiled blocks ({@link BlockCompiler}) at block entries that were entered
     * {@link #HOT} times. Interrupts are checked once on entry and again after any instruction
     * that sets irqCheck (the only ways a request can become deliverable while the CPU runs,
     * since devices advance between run() calls). Leaves on a trap, a page change to an unmapped
     * or uncached page, an uncached instruction, TF, or a code-cache invalidation; step()
     * handles those cases. A block runs only when all of it fits the instruction budget.
     */
    private Trap runBlock(long end) {
        // Whatever the fast loop does not cover (an interrupt to take, the instruction after
        // STI/MOV SS, a fetch fault, code not yet decoded) goes through step().
        if (irqShadow || (fl & IF) != 0 && irq.pending()) {
            return step();
        }
        wrapFault = false;
        lockFault = false;
        int lin = base[CS] + eip;
        boolean user = cpl == 3;
        long p = mmu.translate(lin, false, user);
        if (p < 0) {
            return step(); // raises the fetch fault
        }
        Insn[] table = cache.table((int) p);
        if (table == null) {
            return step();
        }
        boolean useJit = jit && fastPath;
        int phys = (int) p;
        Block[] blocks = null;
        int page = lin & 0xFFFFF000;
        int csBase = base[CS]; // far transfers in protected mode keep the flat base 0
        long n = retired, n0 = n;
        int start = eip;
        boolean entry = true, inBlock = false;
        irqCheck = false;
        try {
            while (n < end) {
                lin = csBase + eip;
                // irqCheck also stops the loop for POPF/IRET (TF) and code-cache invalidation.
                if (irqCheck) {
                    break;
                }
                if ((lin & 0xFFFFF000) != page) {
                    // Control moved to another page: follow it if that page is mapped and cached.
                    p = mmu.translate(lin, false, user);
                    if (p < 0) {
                        break;
                    }
                    table = cache.table((int) p);
                    if (table == null) {
                        break;
                    }
                    phys = (int) p;
                    blocks = null;
                    page = lin & 0xFFFFF000;
                }
                int off = lin & 0xFFF;
                if (entry && useJit && (blocks != null || (blocks = cache.warmBlocks(phys)) != null)) {
                    Block b = blocks[off];
                    if (b == null && ++cache.heat(phys)[off] == HOT) {
                        b = compiler.compile(table, off);
                        blocks[off] = b;
                    }
                    if (b != null && b.count <= end - n) {
                        inBlock = true;
                        long m = b.run(this, n, end);
                        inBlock = false;
                        if (m >= 0) {
                            blockRetired += m - n;
                            n = m;
                            if (blockTrap != null) {
                                // The block ended with INT n: EIP is past it and it is counted.
                                Trap t = blockTrap;
                                blockTrap = null;
                                retired = n;
                                return t;
                            }
                            continue;
                        }
                    }
                }
                Insn d = table[off];
                if (d == null) {
                    break;
                }
                start = eip;
                if (d.fast == FastPath.NONE || !FastPath.exec(this, d)) {
                    Trap t = exec.execute(d);
                    if (t != null) {
                        retired = n + 1;
                        return t;
                    }
                }
                n++;
                entry = d.blockEnd;
            }
        } catch (CpuFault f) {
            if (!inBlock) {
                // A compiled block has already committed EIP and the retired count of its fault.
                retired = n;
                eip = start;
            }
            return deliver(Trap.Kind.EXCEPTION, f.vector, errorCodeFor(f.vector, f.errorCode), f.cr2, eip);
        }
        if (n == n0) {
            return step(); // nothing here ran (no decoded instruction at EIP): interpret one
        }
        retired = n;
        return null;
    }

    /** The generic semantics of one instruction, for compiled blocks; EIP must be the instruction's. */
    Trap execGeneric(Insn d) {
        return exec.execute(d);
    }

    /** Why the JVM last refused a generated block (a compiler bug), or null. */
    Throwable compilerErrorForTests() {
        return compiler.lastError;
    }

    /**
     * Statistics of the block compiler: blocks compiled, entry points not compilable, and
     * instructions retired inside compiled blocks (faulting passes not counted).
     */
    public long[] jitStats() {
        return new long[] {compiler.compiled, compiler.rejected, blockRetired};
    }

    private static int errorCodeFor(int vector, int code) {
        switch (vector) {
            case Trap.DF: case Trap.TS: case Trap.NP: case Trap.SS: case Trap.GP: case Trap.PF: case 17:
                return code;
            default:
                return -1;
        }
    }

    /** INT n traps are values: one shared instance per vector instead of one per system call. */
    private static final Trap[] SOFT_INT = new Trap[256];

    static {
        for (int v = 0; v < 256; v++) {
            SOFT_INT[v] = new Trap(Trap.Kind.SOFTWARE_INTERRUPT, v, -1, 0);
        }
    }

    static Trap softIntTrap(int vector) {
        return (vector & ~0xFF) == 0 ? SOFT_INT[vector] : new Trap(Trap.Kind.SOFTWARE_INTERRUPT, vector, -1, 0);
    }

    private Trap interrupt(int vector) {
        return deliver(Trap.Kind.INTERRUPT, vector, -1, 0, eip);
    }

    /**
     * Reports an event. In protected mode the Trap is the whole delivery (the kernel does the
     * rest). In real mode the CPU pushes FLAGS, CS and IP ({@code returnIp}) and jumps through the
     * IVT; if those pushes fault the processor would shut down, which we report as a HALT trap.
     */
    Trap deliver(Trap.Kind kind, int vector, int errorCode, int cr2, int returnIp) {
        if (vector == Trap.PF) {
            mmu.setCr2(cr2);
        }
        Trap t = kind == Trap.Kind.SOFTWARE_INTERRUPT && errorCode == -1 ? softIntTrap(vector)
                : new Trap(kind, vector, errorCode, vector == Trap.PF ? cr2 : 0);
        repContinues = false;
        if (!real) {
            eip = returnIp;
            return t;
        }
        try {
            int f = flags();
            int off = stackOff(sp() - 6);
            int a = lin(SS, stackOff(sp() - 2), 2);
            int b = lin(SS, stackOff(sp() - 4), 2);
            int c = lin(SS, off, 2);
            int newIp = rd16(vector * 4);
            int newCs = rd16(vector * 4 + 2);
            probeWrite(a, 2);
            probeWrite(b, 2);
            probeWrite(c, 2);
            wr16(a, f);
            wr16(b, sel[CS]);
            wr16(c, returnIp);
            setSp(off);
            fl &= ~(IF | TF | AC);
            setSegmentReal(CS, newCs);
            eip = newIp;
            return t;
        } catch (CpuFault f) {
            halted = true;
            return new Trap(Trap.Kind.HALT, f.vector, -1, 0);
        }
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        for (int v : r) out.writeInt(v);
        out.writeInt(eip);
        out.writeInt(flags());
        for (int s = 0; s < 6; s++) {
            out.writeInt(sel[s]);
            out.writeInt(base[s]);
            out.writeBoolean(segUsable[s]);
        }
        out.writeBoolean(real);
        out.writeInt(cpl);
        out.writeBoolean(code32);
        out.writeBoolean(stack32);
        out.writeLong(retired);
        out.writeBoolean(halted);
        out.writeBoolean(irqShadow);
    }

    @Override
    public void loadState(DataInput in) throws IOException {
        for (int i = 0; i < 8; i++) r[i] = in.readInt();
        eip = in.readInt();
        setEflags(in.readInt());
        for (int s = 0; s < 6; s++) {
            sel[s] = in.readInt();
            base[s] = in.readInt();
            segUsable[s] = in.readBoolean();
        }
        real = in.readBoolean();
        int c = in.readInt();
        if (c != 0 && c != 3) {
            throw new IOException("CPU snapshot: bad CPL " + c);
        }
        cpl = c;
        code32 = in.readBoolean();
        stack32 = in.readBoolean();
        retired = in.readLong();
        halted = in.readBoolean();
        irqShadow = in.readBoolean();
        repContinues = false;
        decoder.reset();
        cache.clear();
    }
}
