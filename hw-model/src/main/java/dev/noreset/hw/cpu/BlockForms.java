package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Specialised forms of the ALU instructions and of INC/DEC on memory, for {@link BlockEmitter}
 * (kept apart so each file stays readable). Every form does all accesses that can fault before it
 * changes registers or the flag record in the locals, so a fault leaves the state exactly as the
 * interpreter would.
 */
abstract class BlockForms extends BlockCode {
    /** Marks instruction {@code i} as the one a fault would be reported for. */
    abstract void faultPoint(int i);

    /** After a store: leave before instruction {@code i + 1} if the store hit a code page. */
    abstract void storeCheck(int i);

    /**
     * INC/DEC dword [mem], in the interpreter's order: the write is probed first (so a fault
     * reports a write), then read, write; the flag record changes only after the write.
     */
    final void incDecMemory(int i, Insn d, boolean inc) {
        faultPoint(i);
        cpu();
        lin(d, 4);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, T1);
        push(4);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "probeWrite", "(II)V", false);
        cpu();
        mv.visitVarInsn(ILOAD, T1);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd32", "(I)I", false);
        mv.visitVarInsn(ISTORE, T0);
        carryNow(); // INC and DEC keep CF
        mv.visitVarInsn(ISTORE, T2);
        cpu();
        mv.visitVarInsn(ILOAD, T1);
        mv.visitVarInsn(ILOAD, T0);
        push(1);
        mv.visitInsn(inc ? IADD : ISUB);
        mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "wr32", "(II)V", false);
        mv.visitVarInsn(ILOAD, T2);
        mv.visitVarInsn(ISTORE, FCIN);
        mv.visitVarInsn(ILOAD, T0);
        mv.visitVarInsn(ISTORE, FA);
        push(1);
        mv.visitVarInsn(ISTORE, FB);
        mv.visitVarInsn(ILOAD, T0);
        push(1);
        mv.visitInsn(inc ? IADD : ISUB);
        mv.visitVarInsn(ISTORE, FRES);
        setFlagOp((inc ? F_INC : F_DEC) + 2);
        storeCheck(i);
    }

    /** Opcodes 00-3D with a 32-bit operand (and AL, imm8). */
    final boolean aluForm(int i, Insn d, int op) {
        int kind = op >> 3;
        switch (op & 7) {
            case 1: case 3: {
                if (d.mem && (op & 7) == 1) return false; // read-modify-write: generic
                int dst = (op & 2) == 0 ? d.rm : d.reg, src = (op & 2) == 0 ? d.reg : d.rm;
                if (d.mem) {
                    faultPoint(i);
                    reg(d.reg);
                    mv.visitVarInsn(ISTORE, T0);
                    cpu();
                    lin(d, 4);
                    mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "rd32", "(I)I", false);
                    mv.visitVarInsn(ISTORE, T1);
                    dst = d.reg;
                } else {
                    reg(dst);
                    mv.visitVarInsn(ISTORE, T0);
                    reg(src);
                    mv.visitVarInsn(ISTORE, T1);
                }
                alu(kind, 2);
                if (kind != 7) {
                    mv.visitVarInsn(ILOAD, T2);
                    setReg(dst);
                }
                return true;
            }
            case 0: case 2: {
                if (d.mem) return false;
                int dst = (op & 2) == 0 ? d.rm : d.reg, src = (op & 2) == 0 ? d.reg : d.rm;
                reg8(dst);
                mv.visitVarInsn(ISTORE, T0);
                reg8(src);
                mv.visitVarInsn(ISTORE, T1);
                alu(kind, 0);
                if (kind != 7) {
                    mv.visitVarInsn(ILOAD, T2);
                    setReg8(dst);
                }
                return true;
            }
            case 4: case 5: {
                int size = (op & 7) == 4 ? 0 : 2;
                reg(EAX);
                mv.visitVarInsn(ISTORE, T0);
                push(d.imm);
                mv.visitVarInsn(ISTORE, T1);
                alu(kind, size);
                if (kind != 7) {
                    mv.visitVarInsn(ILOAD, T2);
                    if (size == 0) setReg8(EAX); else setReg(EAX);
                }
                return true;
            }
            default:
                return false;
        }
    }
}
