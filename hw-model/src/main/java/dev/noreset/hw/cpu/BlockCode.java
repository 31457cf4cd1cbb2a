package dev.noreset.hw.cpu;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static dev.noreset.hw.cpu.CpuCore.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * The pieces {@link BlockEmitter} builds a block method from: the local-variable layout, operand
 * access (registers in locals, segment bases loaded on entry, memory through the CPU's
 * primitives), the stack, and the lazy-flag record held in locals (see BlockEmitter's comment).
 */
abstract class BlockCode {
    static final String CPU = "dev/noreset/hw/cpu/Cpu";
    static final String BLOCK = "dev/noreset/hw/cpu/Block";
    static final String INSN = "dev/noreset/hw/cpu/Insn";
    static final String TRAP = "dev/noreset/hw/cpu/Trap";
    static final String FLAGS = "dev/noreset/hw/cpu/JitFlags";
    static final String NAME = "dev/noreset/hw/cpu/CompiledBlock";

    // Local variable slots: 0 this, 1 c, 2-3 n, 4-5 end.
    static final int C = 1, END_L = 4, R0 = 6, FOP = 14, FA = 15, FB = 16, FRES = 17, FCIN = 18,
            AT = 19, PC = 20, EIP0 = 21, NEXT = 22, NN = 23, T0 = 25, T1 = 26, T2 = 27, RARR = 28, EX = 29,
            FBITS = 30, SEG0 = 31;

    MethodVisitor mv;
    /**
     * Static flag state: the constant operation of the record held in the locals, F_NONE when
     * the locals hold materialised arithmetic flags (FBITS, after a shift or multiply), or -1
     * when the CPU's fields are current.
     */
    int flagOp = -1;
    /** Set once code that reads the CPU's flag fields ran while they were current (see the loop edge). */
    boolean readsCpuFlags;
    /** Registers some instruction of the block writes: the ones to write back. */
    int dirty;
    /** Segments whose base the block uses. */
    int segsUsed;

    final void storeFlagFields(boolean dynamicOp) {
        cpu();
        if (dynamicOp) {
            mv.visitVarInsn(ILOAD, FOP);
        } else {
            push(flagOp);
        }
        mv.visitFieldInsn(PUTFIELD, CPU, "fOp", "I");
        String[] names = {"fA", "fB", "fRes", "fCin"};
        int[] slots = {FA, FB, FRES, FCIN};
        for (int k = 0; k < 4; k++) {
            cpu();
            mv.visitVarInsn(ILOAD, slots[k]);
            mv.visitFieldInsn(PUTFIELD, CPU, names[k], "I");
        }
    }

    /** c.fl gets the arithmetic flags in FBITS and the lazy record is dropped. */
    final void storeFlagBits() {
        cpu();
        push(F_NONE);
        mv.visitFieldInsn(PUTFIELD, CPU, "fOp", "I");
        cpu();
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU, "fl", "I");
        push(~ARITH);
        mv.visitInsn(IAND);
        mv.visitVarInsn(ILOAD, FBITS);
        mv.visitInsn(IOR);
        mv.visitFieldInsn(PUTFIELD, CPU, "fl", "I");
    }

    /** Moves a flag record held in locals into the CPU fields (code after this reads them there). */
    final void flushFlags() {
        if (flagOp >= 0) {
            if (flagOp == F_NONE) {
                storeFlagBits();
            } else {
                storeFlagFields(false);
            }
            push(-1);
            mv.visitVarInsn(ISTORE, FOP);
            flagOp = -1;
        } else {
            readsCpuFlags = true;
        }
    }

    /** ALU operation {@code kind} on T0 (a) and T1 (b): result in T2 (unmasked), flag record in locals. */
    final void alu(int kind, int size) {
        int op;
        switch (kind) {
            case 0: op = F_ADD; break;
            case 1: case 4: case 6: op = F_LOGIC; break;
            case 2: op = F_ADC; break;
            case 3: op = F_SBB; break;
            default: op = F_SUB; break;
        }
        if (kind == 2 || kind == 3) {
            carryNow();
            mv.visitVarInsn(ISTORE, FCIN);
        }
        mv.visitVarInsn(ILOAD, T0);
        mv.visitVarInsn(ISTORE, FA);
        mv.visitVarInsn(ILOAD, T1);
        mv.visitVarInsn(ISTORE, FB);
        mv.visitVarInsn(ILOAD, T0);
        mv.visitVarInsn(ILOAD, T1);
        switch (kind) {
            case 0: mv.visitInsn(IADD); break;
            case 1: mv.visitInsn(IOR); break;
            case 2: mv.visitInsn(IADD); mv.visitVarInsn(ILOAD, FCIN); mv.visitInsn(IADD); break;
            case 3: mv.visitInsn(ISUB); mv.visitVarInsn(ILOAD, FCIN); mv.visitInsn(ISUB); break;
            case 4: mv.visitInsn(IAND); break;
            case 6: mv.visitInsn(IXOR); break;
            default: mv.visitInsn(ISUB); break;
        }
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, FRES);
        mv.visitVarInsn(ISTORE, T2);
        setFlagOp(op + size);
    }

    final void setFlagOp(int op) {
        push(op);
        mv.visitVarInsn(ISTORE, FOP);
        flagOp = op;
    }

    /** Pushes CF (0 or 1) of the current flag state. */
    final void carryNow() {
        if (flagOp == F_NONE) {
            mv.visitVarInsn(ILOAD, FBITS);
            push(CF);
            mv.visitInsn(IAND);
        } else if (flagOp > 0) {
            push(flagOp);
            mv.visitVarInsn(ILOAD, FA);
            mv.visitVarInsn(ILOAD, FB);
            mv.visitVarInsn(ILOAD, FRES);
            mv.visitVarInsn(ILOAD, FCIN);
            mv.visitMethodInsn(INVOKESTATIC, FLAGS, "cf", "(IIIII)Z", false);
        } else {
            readsCpuFlags = true;
            cpu();
            mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "cf", "()Z", false);
        }
    }

    /** Pushes condition {@code cc} (0 or 1) of the current flag state. */
    final void condition(int cc) {
        if (directCondition(cc)) {
            return;
        }
        if (flagOp == F_NONE) {
            push(cc);
            mv.visitVarInsn(ILOAD, FBITS);
            mv.visitMethodInsn(INVOKESTATIC, FLAGS, "condBits", "(II)Z", false);
        } else if (flagOp > 0) {
            push(flagOp);
            push(cc);
            mv.visitVarInsn(ILOAD, FA);
            mv.visitVarInsn(ILOAD, FB);
            mv.visitVarInsn(ILOAD, FRES);
            mv.visitVarInsn(ILOAD, FCIN);
            mv.visitMethodInsn(INVOKESTATIC, FLAGS, "cond", "(IIIIII)Z", false);
        } else {
            readsCpuFlags = true;
            cpu();
            push(cc);
            mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "condFast", "(I)Z", false);
        }
    }

    /**
     * After a 32-bit CMP/SUB or TEST/AND/OR/XOR held in the locals, most conditions follow from
     * the operands or the result by one comparison (as {@code CpuCore.condFast} does): emits it
     * and returns true, else emits nothing and returns false.
     */
    private boolean directCondition(int cc) {
        int kind = cc >> 1, cmp;
        if (flagOp == F_SUB + 2) {
            switch (kind) {
                case 1: case 3: // B / BE: unsigned a < b, a <= b
                    mv.visitVarInsn(ILOAD, FA);
                    push(Integer.MIN_VALUE);
                    mv.visitInsn(IXOR);
                    mv.visitVarInsn(ILOAD, FB);
                    push(Integer.MIN_VALUE);
                    mv.visitInsn(IXOR);
                    cmp = kind == 1 ? IF_ICMPLT : IF_ICMPLE;
                    break;
                case 2: case 4: // Z / S: result == 0, result < 0
                    mv.visitVarInsn(ILOAD, FRES);
                    push(0);
                    cmp = kind == 2 ? IF_ICMPEQ : IF_ICMPLT;
                    break;
                case 6: case 7: // L / LE: signed a < b, a <= b
                    mv.visitVarInsn(ILOAD, FA);
                    mv.visitVarInsn(ILOAD, FB);
                    cmp = kind == 6 ? IF_ICMPLT : IF_ICMPLE;
                    break;
                default:
                    return false;
            }
        } else if (flagOp == F_LOGIC + 2) {
            // CF = OF = 0: B is never, BE is Z, L is S, LE is result <= 0.
            if (kind == 0 || kind == 1) {
                push((cc & 1) != 0 ? 1 : 0);
                return true;
            }
            if (kind == 5) {
                return false;
            }
            mv.visitVarInsn(ILOAD, FRES);
            push(0);
            cmp = kind == 2 || kind == 3 ? IF_ICMPEQ : kind == 7 ? IF_ICMPLE : IF_ICMPLT;
        } else {
            return false;
        }
        Label yes = new Label(), done = new Label();
        mv.visitJumpInsn(cmp, yes);
        push((cc & 1) != 0 ? 1 : 0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(yes);
        push((cc & 1) != 0 ? 0 : 1);
        mv.visitLabel(done);
        return true;
    }

    final void cpu() {
        mv.visitVarInsn(ALOAD, C);
    }

    final void reg(int n) {
        mv.visitVarInsn(ILOAD, R0 + n);
    }

    final void setReg(int n) {
        mv.visitVarInsn(ISTORE, R0 + n);
        dirty |= 1 << n;
    }

    final void reg8(int n) {
        if (n < 4) {
            reg(n);
        } else {
            reg(n - 4);
            push(8);
            mv.visitInsn(IUSHR);
        }
        push(0xFF);
        mv.visitInsn(IAND);
    }

    /** Sets byte register {@code n} to the value on the stack. */
    final void setReg8(int n) {
        push(0xFF);
        mv.visitInsn(IAND);
        int full = n & 3;
        if (n >= 4) {
            push(8);
            mv.visitInsn(ISHL);
        }
        reg(full);
        push(n < 4 ? 0xFFFFFF00 : 0xFFFF00FF);
        mv.visitInsn(IAND);
        mv.visitInsn(IOR);
        setReg(full);
    }

    /** Pushes the effective address (32-bit addressing). */
    final void ea(Insn d) {
        push(d.disp);
        if (d.base >= 0) {
            reg(d.base);
            mv.visitInsn(IADD);
        }
        if (d.index >= 0) {
            reg(d.index);
            if (d.scale != 0) {
                push(d.scale);
                mv.visitInsn(ISHL);
            }
            mv.visitInsn(IADD);
        }
    }

    /** Pushes the linear address of the memory operand. */
    final void lin(Insn d, int bytes) {
        segBase(d.seg);
        ea(d);
        mv.visitInsn(IADD);
    }

    /** Pushes the base of segment {@code s} (protected mode, checked usable on entry). */
    final void segBase(int s) {
        segsUsed |= 1 << s;
        mv.visitVarInsn(ILOAD, SEG0 + s);
    }

    /** Pushes T0 on the stack (32-bit, stack32 checked on entry); ESP changes after the write. */
    final void pushT0() {
        cpu();
        segBase(SS);
        reg(ESP);
        push(4);
        mv.visitInsn(ISUB);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, T0);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "wr32", "(II)V", false);
        reg(ESP);
        push(4);
        mv.visitInsn(ISUB);
        setReg(ESP);
    }

    /** Pops 32 bits into local {@code slot}. */
    final void popTo(int slot) {
        cpu();
        segBase(SS);
        reg(ESP);
        mv.visitInsn(IADD);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd32", "(I)I", false);
        mv.visitVarInsn(ISTORE, slot);
        reg(ESP);
        push(4);
        mv.visitInsn(IADD);
        setReg(ESP);
    }

    final void push(int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }
}
