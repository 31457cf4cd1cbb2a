package dev.noreset.hw.cpu;

/**
 * A compiled block (see {@link BlockCompiler}): a run of cached instructions of one physical
 * code page along its likely path (through direct jumps, calls and predicted branches), turned
 * into one JVM method that leaves at the first unpredicted branch side. Kept beside the page's decoded
 * instructions in {@link CodeCache} and dropped with them.
 */
abstract class Block {
    /** Marks an entry point that cannot be compiled; its count never fits a budget. */
    static final Block NONE = new Block(Integer.MAX_VALUE, new Insn[0]) {
        @Override
        long run(Cpu c, long n, long end) {
            return -1;
        }
    };

    /** Instructions one pass through the block retires when it runs to its end. */
    final int count;
    /** The instructions, for those the block hands to the generic semantics. */
    final Insn[] insns;

    Block(int count, Insn[] insns) {
        this.count = count;
        this.insns = insns;
    }

    /**
     * Runs the block from CS:EIP (the entry it was compiled for) with {@code n} instructions
     * retired, never going beyond {@code end}; the caller checked that one pass fits. Returns
     * the new retired count with EIP, registers and flags committed (after INT n also
     * {@code c.blockTrap}, EIP past the INT), or -1 (nothing done) if
     * the block cannot run in the current mode. A fault leaves the state exactly as the
     * interpreter would (EIP of the faulting instruction, {@code retired} set) and is rethrown.
     */
    abstract long run(Cpu c, long n, long end);
}
