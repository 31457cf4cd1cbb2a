package dev.noreset.hw.cpu;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static dev.noreset.hw.cpu.CpuCore.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Emits the JVM class of one block: {@code long run(Cpu c, long n, long end)}.
 *
 * <p>State: the eight registers live in JVM locals from entry to every exit (written back to
 * {@code c.r} at exits, before generic instructions and on faults). The lazy-flag record of the
 * last flag writer lives in locals too (its operation is a compile-time constant); it reaches
 * the CPU's fields only at exits, faults and before code that reads them there. Dead records
 * and the CMP+Jcc pairing are left to the JVM's optimiser, which sees constants.
 *
 * <p>Precision: before each instruction that can fault the locals {@code at} (instructions done
 * in this pass) and {@code pc} (its EIP) are set; the fault handler commits registers and the
 * flag record, sets EIP and {@code retired} and rethrows. After any store the block leaves if
 * {@code irqCheck} is set (a write to a code page drops the page, and this block with it).
 *
 * <p>Instructions with a specialised form here ({@link #nativeForm}) are inlined; the other
 * compilable ones call the interpreter's semantics on the cached {@link Insn}.
 */
final class BlockEmitter extends BlockForms {
    private final Insn[] insns;
    private final int[] delta;
    private final int endDelta;
    private final Label loop = new Label(), exit = new Label();
    /** Segments whose base the prologue loads (a first pass finds them). */
    private final int segsLoaded;

    BlockEmitter(Insn[] insns, int[] delta, int endDelta) {
        this(insns, delta, endDelta, 0x3F);
    }

    private BlockEmitter(Insn[] insns, int[] delta, int endDelta, int segsLoaded) {
        this.insns = insns;
        this.delta = delta;
        this.endDelta = endDelta;
        this.segsLoaded = segsLoaded;
    }

    byte[] emit() {
        BlockEmitter probe = new BlockEmitter(insns, delta, endDelta, 0x3F);
        probe.build();
        return new BlockEmitter(insns, delta, endDelta, probe.segsUsed).build();
    }

    private byte[] build() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, BLOCK, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "(I[L" + INSN + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ILOAD, 1);
        init.visitVarInsn(ALOAD, 2);
        init.visitMethodInsn(INVOKESPECIAL, BLOCK, "<init>", "(I[L" + INSN + ";)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        mv = cw.visitMethod(0, "run", "(L" + CPU + ";JJ)J", null, null);
        mv.visitCode();
        prologue();
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, "dev/noreset/hw/cpu/CpuFault");
        mv.visitLabel(tryStart);
        mv.visitLabel(loop);
        for (int i = 0; i < insns.length; i++) {
            instruction(i);
        }
        if (BlockCompiler.role(insns[insns.length - 1]) != BlockCompiler.END) {
            // The block stops before an instruction it cannot hold, or at a page or length limit.
            leave(insns.length, () -> nextEip(endDelta));
        }
        mv.visitLabel(tryEnd);
        mv.visitLabel(exit);
        commit();
        cpu();
        mv.visitVarInsn(ILOAD, NEXT);
        mv.visitFieldInsn(PUTFIELD, CPU, "eip", "I");
        mv.visitVarInsn(LLOAD, NN);
        mv.visitVarInsn(ILOAD, AT);
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
        mv.visitInsn(LRETURN);
        mv.visitLabel(handler);
        mv.visitVarInsn(ASTORE, EX);
        commit();
        cpu();
        mv.visitVarInsn(ILOAD, PC);
        mv.visitFieldInsn(PUTFIELD, CPU, "eip", "I");
        cpu();
        mv.visitVarInsn(LLOAD, NN);
        mv.visitVarInsn(ILOAD, AT);
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
        mv.visitFieldInsn(PUTFIELD, CPU, "retired", "J");
        mv.visitVarInsn(ALOAD, EX);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Checks the mode the block was compiled for (32-bit stack, usable segments: otherwise the
     * interpreter runs the code and raises what it must) and loads the state into locals.
     * Segment bases cannot change inside a block (no segment load is compilable).
     */
    private void prologue() {
        Label ok = new Label(), bail = new Label();
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU, "stack32", "Z");
        mv.visitJumpInsn(IFEQ, bail);
        for (int s = 0; s < 6; s++) {
            if ((segsLoaded & (1 << s)) != 0) {
                cpu();
                mv.visitFieldInsn(GETFIELD, CPU, "segUsable", "[Z");
                push(s);
                mv.visitInsn(BALOAD);
                mv.visitJumpInsn(IFEQ, bail);
                cpu();
                mv.visitFieldInsn(GETFIELD, CPU, "base", "[I");
                push(s);
                mv.visitInsn(IALOAD);
                mv.visitVarInsn(ISTORE, SEG0 + s);
            } else {
                push(0);
                mv.visitVarInsn(ISTORE, SEG0 + s);
            }
        }
        mv.visitJumpInsn(GOTO, ok);
        mv.visitLabel(bail);
        mv.visitLdcInsn(-1L);
        mv.visitInsn(LRETURN);
        mv.visitLabel(ok);
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU, "r", "[I");
        mv.visitVarInsn(ASTORE, RARR);
        for (int i = 0; i < 8; i++) {
            mv.visitVarInsn(ALOAD, RARR);
            push(i);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ISTORE, R0 + i);
        }
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU, "eip", "I");
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, EIP0);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, PC);
        mv.visitVarInsn(ISTORE, NEXT);
        mv.visitVarInsn(LLOAD, 2);
        mv.visitVarInsn(LSTORE, NN);
        for (int v : new int[] {FA, FB, FRES, FCIN, AT, T0, T1, T2, FBITS}) {
            push(0);
            mv.visitVarInsn(ISTORE, v);
        }
        push(-1);
        mv.visitVarInsn(ISTORE, FOP);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, EX);
    }

    /** Writes dirty registers and a flag record held in locals back to the CPU. */
    private void commit() {
        for (int i = 0; i < 8; i++) {
            if ((dirty & (1 << i)) != 0) {
                mv.visitVarInsn(ALOAD, RARR);
                push(i);
                mv.visitVarInsn(ILOAD, R0 + i);
                mv.visitInsn(IASTORE);
            }
        }
        Label none = new Label(), bits = new Label();
        mv.visitVarInsn(ILOAD, FOP);
        mv.visitJumpInsn(IFLT, none);
        mv.visitVarInsn(ILOAD, FOP);
        mv.visitJumpInsn(IFEQ, bits);
        storeFlagFields(true);
        mv.visitJumpInsn(GOTO, none);
        mv.visitLabel(bits);
        storeFlagBits();
        mv.visitLabel(none);
    }

    // ---- one instruction ------------------------------------------------------------------------

    private void instruction(int i) {
        Insn d = insns[i];
        if (!nativeForm(i, d)) {
            generic(i, d);
        }
    }

    /** Marks instruction {@code i} as the one a fault would be reported for. */
    @Override
    void faultPoint(int i) {
        push(i);
        mv.visitVarInsn(ISTORE, AT);
        eipOf(delta[i]);
        mv.visitVarInsn(ISTORE, PC);
    }

    private void eipOf(int dlt) {
        mv.visitVarInsn(ILOAD, EIP0);
        if (dlt != 0) {
            push(dlt);
            mv.visitInsn(IADD);
        }
    }

    private void nextEip(int dlt) {
        eipOf(dlt);
        mv.visitVarInsn(ISTORE, NEXT);
    }

    /** Leaves the block with {@code done} instructions of this pass retired; {@code setNext} sets NEXT. */
    private void leave(int done, Runnable setNext) {
        setNext.run();
        push(done);
        mv.visitVarInsn(ISTORE, AT);
        mv.visitJumpInsn(GOTO, exit);
    }

    /** After a store: leave before instruction {@code i + 1} if the store hit a code page (or asked for a check). */
    @Override
    void storeCheck(int i) {
        Label go = new Label();
        cpu();
        mv.visitFieldInsn(GETFIELD, CPU, "irqCheck", "Z");
        mv.visitJumpInsn(IFEQ, go);
        leave(i + 1, () -> nextEip(nextDelta(i)));
        mv.visitLabel(go);
    }

    /** EIP (relative to the entry) after instruction {@code i}: where the block goes on, or after its last. */
    private int nextDelta(int i) {
        return i + 1 < insns.length ? delta[i + 1] : delta[i] + insns[i].len;
    }

    /** True when instruction {@code i}, a branch, continues the block (see BlockCompiler.continuation). */
    private boolean through(int i) {
        return i + 1 < insns.length;
    }

    /** Ends the pass with a branch to {@code targetDelta}: loops back to the top if that is the entry. */
    private void branchTo(int i, int targetDelta, boolean o32) {
        if (targetDelta == 0 && o32) {
            Label out = new Label();
            // A side exit may run before code further down that reads the CPU's flag fields:
            // the next pass must find them current.
            if (readsCpuFlags || through(i)) {
                flushFlags();
            }
            // Loop only if this pass (i + 1 instructions) and a whole next one fit the budget.
            mv.visitVarInsn(LLOAD, NN);
            mv.visitLdcInsn((long) (i + 1) + insns.length);
            mv.visitInsn(LADD);
            mv.visitVarInsn(LLOAD, END_L);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFGT, out);
            cpu();
            mv.visitFieldInsn(GETFIELD, CPU, "irqCheck", "Z");
            mv.visitJumpInsn(IFNE, out);
            mv.visitVarInsn(LLOAD, NN);
            mv.visitLdcInsn((long) (i + 1));
            mv.visitInsn(LADD);
            mv.visitVarInsn(LSTORE, NN);
            mv.visitJumpInsn(GOTO, loop);
            mv.visitLabel(out);
        }
        leave(i + 1, () -> {
            eipOf(targetDelta);
            if (!o32) {
                push(0xFFFF);
                mv.visitInsn(IAND);
            }
            mv.visitVarInsn(ISTORE, NEXT);
        });
    }

    private void generic(int i, Insn d) {
        for (int r = 0; r < 8; r++) {
            mv.visitVarInsn(ALOAD, RARR);
            push(r);
            mv.visitVarInsn(ILOAD, R0 + r);
            mv.visitInsn(IASTORE);
        }
        flushFlags();
        faultPoint(i);
        cpu();
        mv.visitVarInsn(ILOAD, PC);
        mv.visitFieldInsn(PUTFIELD, CPU, "eip", "I");
        cpu();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, BLOCK, "insns", "[L" + INSN + ";");
        push(i);
        mv.visitInsn(AALOAD);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "execGeneric", "(L" + INSN + ";)L" + TRAP + ";", false);
        if (BlockCompiler.role(d) == BlockCompiler.END) {
            // INT n returns its trap (the other branches null): runBlock hands it on.
            cpu();
            mv.visitInsn(SWAP);
            mv.visitFieldInsn(PUTFIELD, CPU, "blockTrap", "L" + TRAP + ";");
        } else {
            mv.visitInsn(POP);
        }
        for (int r = 0; r < 8; r++) {
            mv.visitVarInsn(ALOAD, RARR);
            push(r);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ISTORE, R0 + r);
        }
        if (BlockCompiler.role(d) == BlockCompiler.END) {
            leave(i + 1, () -> {
                cpu();
                mv.visitFieldInsn(GETFIELD, CPU, "eip", "I");
                mv.visitVarInsn(ISTORE, NEXT);
            });
        } else {
            storeCheck(i);
        }
    }

    /** Emits a specialised form of instruction {@code i}; false if it has none. */
    private boolean nativeForm(int i, Insn d) {
        if (!d.o32 || d.mem && !d.a32 || d.lock || d.rep != 0) {
            return false;
        }
        int op = d.op;
        if (op < 0x40 && (op & 7) < 6) {
            return aluForm(i, d, op);
        }
        if (op >= 0x70 && op <= 0x7F || op >= 0x180 && op <= 0x18F) {
            int target = delta[i] + d.len + (op < 0x100 ? (byte) d.imm : d.imm);
            condition(op & 0xF);
            if (through(i)) {
                // Go on along the side the block continues with; leave on the other.
                boolean taken = delta[i + 1] != delta[i] + d.len;
                Label on = new Label();
                mv.visitJumpInsn(taken ? IFNE : IFEQ, on);
                int keep = flagOp;
                branchTo(i, taken ? delta[i] + d.len : target, true);
                flagOp = keep; // the exit path's flush happened on that path only
                mv.visitLabel(on);
                return true;
            }
            Label notTaken = new Label();
            mv.visitJumpInsn(IFEQ, notTaken);
            branchTo(i, target, true);
            mv.visitLabel(notTaken);
            branchTo(i, delta[i] + d.len, true);
            return true;
        }
        if (op >= 0x40 && op <= 0x4F) {
            int n = op & 7;
            carryNow();
            mv.visitVarInsn(ISTORE, FCIN);
            reg(n);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, FA);
            push(1);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, FB);
            mv.visitInsn(op < 0x48 ? IADD : ISUB);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, FRES);
            setReg(n);
            setFlagOp((op < 0x48 ? F_INC : F_DEC) + 2);
            return true;
        }
        if (op >= 0x50 && op <= 0x57) {
            reg(op & 7);
            mv.visitVarInsn(ISTORE, T0);
            faultPoint(i);
            pushT0();
            storeCheck(i);
            return true;
        }
        if (op >= 0x58 && op <= 0x5F) {
            faultPoint(i);
            popTo(T0);
            mv.visitVarInsn(ILOAD, T0);
            setReg(op & 7);
            return true;
        }
        if (op >= 0xB8 && op <= 0xBF) {
            push(d.imm);
            setReg(op & 7);
            return true;
        }
        switch (op) {
            case 0xC1: case 0xD1: {
                int n = (op == 0xD1 ? 1 : d.imm) & 0x1F;
                if (d.mem || d.reg < 4) return false; // ROL/ROR/RCL/RCR keep some flags: generic
                if (n == 0) {
                    return true; // no change at all, flags included
                }
                reg(d.rm);
                mv.visitInsn(DUP);
                mv.visitVarInsn(ISTORE, T0);
                push(n);
                mv.visitInsn(d.reg == 5 ? IUSHR : d.reg == 7 ? ISHR : ISHL);
                setReg(d.rm);
                push(d.reg);
                mv.visitVarInsn(ILOAD, T0);
                push(n);
                mv.visitMethodInsn(INVOKESTATIC, FLAGS, "shiftFlags", "(III)I", false);
                mv.visitVarInsn(ISTORE, FBITS);
                setFlagOp(F_NONE);
                return true;
            }
            case 0x69: case 0x6B: case 0x1AF: {
                if (d.mem) {
                    faultPoint(i);
                    cpu();
                    lin(d, 4);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd32", "(I)I", false);
                } else {
                    reg(d.rm);
                }
                mv.visitInsn(I2L);
                if (op == 0x1AF) {
                    reg(d.reg);
                } else {
                    push(op == 0x6B ? (byte) d.imm : d.imm);
                }
                mv.visitInsn(I2L);
                mv.visitInsn(LMUL);
                mv.visitInsn(DUP2);
                mv.visitInsn(L2I);
                setReg(d.reg);
                mv.visitMethodInsn(INVOKESTATIC, FLAGS, "imulFlags", "(J)I", false);
                mv.visitVarInsn(ISTORE, FBITS);
                setFlagOp(F_NONE);
                return true;
            }
            case 0x81: case 0x83: {
                if (d.mem) return false;
                int imm = op == 0x83 ? (byte) d.imm : d.imm;
                reg(d.rm);
                mv.visitVarInsn(ISTORE, T0);
                push(imm);
                mv.visitVarInsn(ISTORE, T1);
                alu(d.reg, 2);
                if (d.reg != 7) {
                    mv.visitVarInsn(ILOAD, T2);
                    setReg(d.rm);
                }
                return true;
            }
            case 0x80:
                if (!d.mem || d.reg != 7) return false;
                faultPoint(i);
                cpu();
                lin(d, 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd8", "(I)I", false);
                mv.visitVarInsn(ISTORE, T0);
                push(d.imm);
                mv.visitVarInsn(ISTORE, T1);
                alu(7, 0);
                return true;
            case 0x85:
                if (d.mem) return false;
                reg(d.rm);
                mv.visitVarInsn(ISTORE, T0);
                reg(d.reg);
                mv.visitVarInsn(ISTORE, T1);
                alu(4, 2);
                return true;
            case 0xA9:
                reg(EAX);
                mv.visitVarInsn(ISTORE, T0);
                push(d.imm);
                mv.visitVarInsn(ISTORE, T1);
                alu(4, 2);
                return true;
            case 0x89: case 0x8B:
                if (!d.mem) {
                    reg(op == 0x89 ? d.reg : d.rm);
                    setReg(op == 0x89 ? d.rm : d.reg);
                    return true;
                }
                faultPoint(i);
                if (op == 0x8B) {
                    cpu();
                    lin(d, 4);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd32", "(I)I", false);
                    setReg(d.reg);
                } else {
                    cpu();
                    lin(d, 4);
                    reg(d.reg);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "wr32", "(II)V", false);
                    storeCheck(i);
                }
                return true;
            case 0x8A:
                if (!d.mem) return false;
                faultPoint(i);
                cpu();
                lin(d, 1);
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd8", "(I)I", false);
                setReg8(d.reg);
                return true;
            case 0x88: case 0xC6:
                if (!d.mem || op == 0xC6 && d.reg != 0) return false;
                faultPoint(i);
                cpu();
                lin(d, 1);
                if (op == 0x88) reg8(d.reg); else push(d.imm);
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "wr8", "(II)V", false);
                storeCheck(i);
                return true;
            case 0xC7:
                if (!d.mem || d.reg != 0) return false;
                faultPoint(i);
                cpu();
                lin(d, 4);
                push(d.imm);
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "wr32", "(II)V", false);
                storeCheck(i);
                return true;
            case 0x8D:
                if (!d.mem) return false;
                ea(d);
                setReg(d.reg);
                return true;
            case 0x1B6:
                if (d.mem) {
                    faultPoint(i);
                    cpu();
                    lin(d, 1);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd8", "(I)I", false);
                } else {
                    reg8(d.rm);
                }
                setReg(d.reg);
                return true;
            case 0xE8: {
                eipOf(delta[i] + d.len);
                mv.visitVarInsn(ISTORE, T0);
                faultPoint(i);
                pushT0();
                if (through(i)) {
                    storeCheck(i); // the block goes on at the target
                    return true;
                }
                int target = delta[i] + d.len + d.imm;
                leave(i + 1, () -> {
                    eipOf(target);
                    mv.visitVarInsn(ISTORE, NEXT);
                });
                return true;
            }
            case 0xCC: case 0xCD:
                // INT3 / INT n in protected mode: the trap is the whole delivery (Cpu.deliver).
                cpu();
                push(op == 0xCC ? 3 : d.imm);
                mv.visitMethodInsn(INVOKESTATIC, CPU, "softIntTrap", "(I)L" + TRAP + ";", false);
                mv.visitFieldInsn(PUTFIELD, CPU, "blockTrap", "L" + TRAP + ";");
                cpu();
                push(0);
                mv.visitFieldInsn(PUTFIELD, CPU, "repContinues", "Z");
                leave(i + 1, () -> nextEip(delta[i] + d.len));
                return true;
            case 0xFF:
                if (!d.mem || d.reg > 1) return false;
                incDecMemory(i, d, d.reg == 0);
                return true;
            case 0xC3:
                faultPoint(i);
                popTo(NEXT);
                leave(i + 1, () -> { });
                return true;
            case 0xEB: case 0xE9:
                if (through(i)) {
                    return true; // the next instruction of the block is the target
                }
                branchTo(i, delta[i] + d.len + (op == 0xEB ? (byte) d.imm : d.imm), true);
                return true;
            default:
                return false;
        }
    }
}
