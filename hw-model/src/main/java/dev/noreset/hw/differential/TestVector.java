package dev.noreset.hw.differential;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One differential test case: an instruction placed in the code page, the initial registers and
 * status flags, and the seed of the data pages' contents.
 *
 * @param repeat     keep stepping while EIP stays at the instruction (REP string instructions)
 * @param codeOffset where the instruction starts in the code page
 * @param code       the bytes placed there (may be cut short by the page end on purpose)
 * @param regs       EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI
 * @param eflags     initial EFLAGS; only CF PF AF ZF SF DF OF are used
 * @param memSeed    seed of the read-write data pages
 * @param mnemonic   the generator's name for the instruction (reports only)
 * @param rule       which undefined-flags rule applies ({@link FlagRule})
 * @param ruleArg    the rule's parameter (the masked shift count)
 * @param width      operand width in bits (8, 16, 32)
 * @param destReg    register operand the rule may leave undefined, or -1
 */
public record TestVector(boolean repeat, int codeOffset, byte[] code, int[] regs, int eflags, int memSeed,
                         String mnemonic, FlagRule rule, int ruleArg, int width, int destReg) {

    public int start() {
        return Layout.CODE_BASE + codeOffset;
    }

    public String hex() {
        StringBuilder b = new StringBuilder();
        for (byte x : code) {
            b.append(String.format("%02x", x & 0xFF));
        }
        return b.toString();
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(mnemonic).append(" [").append(hex()).append("] at ").append(String.format("%08x", start()));
        String[] n = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
        for (int i = 0; i < 8; i++) {
            b.append(' ').append(n[i]).append('=').append(String.format("%08x", regs[i]));
        }
        b.append(String.format(" efl=%08x seed=%08x%s", eflags, memSeed, repeat ? " rep" : ""));
        return b.toString();
    }

    void write(DataOutput out) throws IOException {
        out.writeBoolean(repeat);
        out.writeShort(codeOffset);
        out.writeByte(code.length);
        out.write(code);
        for (int r : regs) {
            out.writeInt(r);
        }
        out.writeInt(eflags);
        out.writeInt(memSeed);
        out.writeUTF(mnemonic);
        out.writeUTF(rule.name());
        out.writeInt(ruleArg);
        out.writeByte(width);
        out.writeByte(destReg);
    }

    static TestVector read(DataInput in) throws IOException {
        boolean repeat = in.readBoolean();
        int off = in.readUnsignedShort();
        int len = in.readUnsignedByte();
        if (len > Layout.MAX_CODE || off + len > Layout.PAGE) {
            throw new IOException("bad vector: code length " + len + " at offset " + off);
        }
        byte[] code = new byte[len];
        in.readFully(code);
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = in.readInt();
        }
        int efl = in.readInt(), seed = in.readInt();
        String m = in.readUTF();
        String ruleName = in.readUTF();
        FlagRule rule;
        try {
            rule = FlagRule.valueOf(ruleName);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad vector: unknown flag rule " + ruleName);
        }
        return new TestVector(repeat, off, code, regs, efl, seed, m, rule, in.readInt(),
                in.readUnsignedByte(), in.readByte());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestVector v && v.describe().equals(describe()) && v.rule == rule && v.ruleArg == ruleArg
                && v.width == width && v.destReg == destReg;
    }

    @Override
    public int hashCode() {
        return describe().hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    int[] regsCopy() {
        return Arrays.copyOf(regs, 8);
    }
}
