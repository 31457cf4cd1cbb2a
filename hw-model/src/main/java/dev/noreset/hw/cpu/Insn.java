package dev.noreset.hw.cpu;

/**
 * One decoded instruction: what {@link Decoder} produces and the semantics consume. It holds no
 * register values, only the encoding, so a decoded instruction can be cached and executed again
 * (a block compiler would consume the same record).
 */
final class Insn {
    /** Opcode: 0..255 for one-byte opcodes, 0x100 + second byte for 0F xx. */
    int op;
    /** Length in bytes, prefixes included. */
    int len;
    boolean o32, a32, lock;
    /** 0, 0xF2 (REPNE) or 0xF3 (REP/REPE). */
    int rep;
    /** Segment register for the memory operand (default or override). */
    int seg;
    /** Segment override prefix, or -1. */
    int segOvr;
    int mod, reg, rm;
    /** Memory operand: base and index registers (-1 for none), scale shift, displacement. */
    boolean mem;
    int base, index, scale, disp;
    int imm, imm2;
    /** {@link FastPath} form, or {@link FastPath#NONE}. */
    int fast;
    /** The instruction after this one starts a block: this one branches or cannot sit in a block. */
    boolean blockEnd;

    Insn copy() {
        Insn c = new Insn();
        c.op = op; c.len = len; c.o32 = o32; c.a32 = a32; c.lock = lock; c.rep = rep; c.seg = seg;
        c.segOvr = segOvr; c.mod = mod; c.reg = reg; c.rm = rm; c.mem = mem; c.base = base;
        c.index = index; c.scale = scale; c.disp = disp; c.imm = imm; c.imm2 = imm2; c.fast = fast;
        c.blockEnd = blockEnd;
        return c;
    }

    /** Operand size index for the full-size forms: 1 (16-bit) or 2 (32-bit). */
    int osz() {
        return o32 ? 2 : 1;
    }
}
