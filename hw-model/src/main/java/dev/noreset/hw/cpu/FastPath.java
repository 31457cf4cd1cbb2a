package dev.noreset.hw.cpu;

import static dev.noreset.hw.cpu.CpuCore.*;

/**
 * Specialised semantics for the most frequent 32-bit instruction forms (measured on the CRC-32 /
 * sieve / quicksort workload): the decoder tags an {@link Insn} with a form number and these
 * handlers run it without the generic operand-size and operand-kind dispatch. Every form has
 * exactly the semantics of the generic path in {@link Executor} (same flag records, same access
 * order), which the property tests and conformance runs exercise through both paths.
 */
final class FastPath {
    private FastPath() { }

    static final int NONE = 0, ALU_RR = 1, ALU_EAX_IMM = 2, GRP1_R_IMM = 3, JCC8 = 4, JCC32 = 5, MOV_RR = 6,
            MOV_R_M = 7, MOV_M_R = 8, MOV_M8_IMM = 9, MOV_M_IMM = 10, GRP1_M8_IMM = 11, INC_R = 12, DEC_R = 13,
            LEA = 14, PUSH_R = 15, POP_R = 16, MOVZX_R_M8 = 17, CALL_REL = 18, RET = 19, JMP8 = 20, JMP32 = 21,
            TEST_RR = 22, MOV_R_IMM = 23, ALU_R_M = 24, MOV_R8_M = 25, MOV_M8_R8 = 26,
            // ALU forms split by operation, so the hottest ones need no second dispatch.
            ADD_RR = 27, SUB_RR = 28, CMP_RR = 29, XOR_RR = 30, ADD_R_IMM = 31, SUB_R_IMM = 32, CMP_R_IMM = 33,
            AND_R_IMM = 34, CMP_EAX_IMM = 35;

    /** The form of a decoded instruction, or NONE for the generic path. Depends on the encoding only. */
    static int classify(Insn d) {
        int op = d.op;
        boolean o32 = d.o32;
        if (op < 0x40 && (op & 7) < 6) {
            int form = op & 7;
            if (!o32 && (form & 1) == 1) return NONE;
            int kind = op >> 3;
            if ((form == 1 || form == 3) && !d.mem) {
                switch (kind) {
                    case 0: return ADD_RR;
                    case 5: return SUB_RR;
                    case 6: return XOR_RR;
                    case 7: return CMP_RR;
                    default: return ALU_RR;
                }
            }
            if (form == 3) return ALU_R_M;
            if (form == 5) return kind == 7 ? CMP_EAX_IMM : ALU_EAX_IMM;
            return NONE;
        }
        if (op >= 0x70 && op <= 0x7F) return JCC8;
        if (op >= 0x180 && op <= 0x18F) return o32 ? JCC32 : NONE;
        if (op >= 0x40 && op <= 0x4F) return o32 ? (op < 0x48 ? INC_R : DEC_R) : NONE;
        if (op >= 0x50 && op <= 0x57) return o32 ? PUSH_R : NONE;
        if (op >= 0x58 && op <= 0x5F) return o32 ? POP_R : NONE;
        if (op >= 0xB8 && op <= 0xBF) return o32 ? MOV_R_IMM : NONE;
        switch (op) {
            case 0x81: case 0x83:
                if (!o32 || d.mem) return NONE;
                switch (d.reg) {
                    case 0: return ADD_R_IMM;
                    case 4: return AND_R_IMM;
                    case 5: return SUB_R_IMM;
                    case 7: return CMP_R_IMM;
                    default: return GRP1_R_IMM;
                }
            case 0x80: return d.mem && d.reg == 7 ? GRP1_M8_IMM : NONE;
            case 0x85: return o32 && !d.mem ? TEST_RR : NONE;
            case 0x89: return !o32 ? NONE : d.mem ? MOV_M_R : MOV_RR;
            case 0x8B: return !o32 ? NONE : d.mem ? MOV_R_M : MOV_RR;
            case 0x8A: return d.mem ? MOV_R8_M : NONE;
            case 0x88: return d.mem ? MOV_M8_R8 : NONE;
            case 0xC6: return d.mem && d.reg == 0 ? MOV_M8_IMM : NONE;
            case 0xC7: return o32 && d.mem && d.reg == 0 ? MOV_M_IMM : NONE;
            case 0x8D: return o32 && d.mem ? LEA : NONE;
            case 0x1B6: return o32 && d.mem ? MOVZX_R_M8 : NONE;
            case 0xE8: return o32 ? CALL_REL : NONE;
            case 0xC3: return o32 ? RET : NONE;
            case 0xEB: return JMP8;
            case 0xE9: return o32 ? JMP32 : NONE;
            default: return NONE;
        }
    }

    /** Executes a tagged instruction; returns false (having done nothing) for an untagged one. */
    static boolean exec(CpuOperands c, Insn d) {
        int[] r = c.r;
        switch (d.fast) {
            case ALU_RR: {
                int kind = d.op >> 3;
                if ((d.op & 2) == 0) {
                    int res = AluOps.alu(c, kind, 2, r[d.rm], r[d.reg]);
                    if (kind != 7) r[d.rm] = res;
                } else {
                    int res = AluOps.alu(c, kind, 2, r[d.reg], r[d.rm]);
                    if (kind != 7) r[d.reg] = res;
                }
                break;
            }
            case ADD_RR: case SUB_RR: case CMP_RR: case XOR_RR: {
                int dst = (d.op & 2) == 0 ? d.rm : d.reg, src = (d.op & 2) == 0 ? d.reg : d.rm;
                int a = r[dst], b = r[src];
                switch (d.fast) {
                    case ADD_RR: r[dst] = a + b; c.lazy(F_ADD, 2, a, b, a + b); break;
                    case SUB_RR: r[dst] = a - b; c.lazy(F_SUB, 2, a, b, a - b); break;
                    case CMP_RR: c.lazy(F_SUB, 2, a, b, a - b); break;
                    default: r[dst] = a ^ b; c.lazy(F_LOGIC, 2, a, b, a ^ b); break;
                }
                break;
            }
            case ADD_R_IMM: {
                int a = r[d.rm], b = d.op == 0x83 ? (byte) d.imm : d.imm;
                r[d.rm] = a + b;
                c.lazy(F_ADD, 2, a, b, a + b);
                break;
            }
            case SUB_R_IMM: {
                int a = r[d.rm], b = d.op == 0x83 ? (byte) d.imm : d.imm;
                r[d.rm] = a - b;
                c.lazy(F_SUB, 2, a, b, a - b);
                break;
            }
            case CMP_R_IMM: {
                int a = r[d.rm], b = d.op == 0x83 ? (byte) d.imm : d.imm;
                c.lazy(F_SUB, 2, a, b, a - b);
                break;
            }
            case AND_R_IMM: {
                int a = r[d.rm], b = d.op == 0x83 ? (byte) d.imm : d.imm;
                r[d.rm] = a & b;
                c.lazy(F_LOGIC, 2, a, b, a & b);
                break;
            }
            case CMP_EAX_IMM: {
                int a = r[EAX], b = d.imm;
                c.lazy(F_SUB, 2, a, b, a - b);
                break;
            }
            case ALU_R_M: {
                int kind = d.op >> 3;
                int res = AluOps.alu(c, kind, 2, r[d.reg], c.rd32(c.opLin(d, 0, 4)));
                if (kind != 7) r[d.reg] = res;
                break;
            }
            case ALU_EAX_IMM: {
                int kind = d.op >> 3;
                if ((d.op & 1) == 0) { // AL, imm8
                    int res = AluOps.alu(c, kind, 0, r[EAX], d.imm);
                    if (kind != 7) c.setReg8(EAX, res);
                } else {
                    int res = AluOps.alu(c, kind, 2, r[EAX], d.imm);
                    if (kind != 7) r[EAX] = res;
                }
                break;
            }
            case GRP1_R_IMM: {
                int imm = d.op == 0x83 ? (byte) d.imm : d.imm;
                int res = AluOps.alu(c, d.reg, 2, r[d.rm], imm);
                if (d.reg != 7) r[d.rm] = res;
                break;
            }
            case GRP1_M8_IMM:
                AluOps.alu(c, 7, 0, c.rd8(c.opLin(d, 0, 1)), d.imm);
                break;
            case TEST_RR:
                c.lazy(F_LOGIC, 2, r[d.rm], r[d.reg], r[d.rm] & r[d.reg]);
                break;
            case JCC8:
                if (c.condFast(d.op & 0xF)) {
                    c.jumpTo(c.eip + d.len + (byte) d.imm, d.o32);
                    return true;
                }
                break;
            case JCC32:
                if (c.condFast(d.op & 0xF)) {
                    c.eip = c.eip + d.len + d.imm;
                    return true;
                }
                break;
            case JMP8:
                c.jumpTo(c.eip + d.len + (byte) d.imm, d.o32);
                return true;
            case JMP32:
                c.eip = c.eip + d.len + d.imm;
                return true;
            case MOV_RR:
                if (d.op == 0x89) r[d.rm] = r[d.reg]; else r[d.reg] = r[d.rm];
                break;
            case MOV_R_IMM:
                r[d.op & 7] = d.imm;
                break;
            case MOV_R_M:
                r[d.reg] = c.rd32(c.opLin(d, 0, 4));
                break;
            case MOV_M_R:
                c.wr32(c.opLin(d, 0, 4), r[d.reg]);
                break;
            case MOV_R8_M:
                c.setReg8(d.reg, c.rd8(c.opLin(d, 0, 1)));
                break;
            case MOV_M8_R8:
                c.wr8(c.opLin(d, 0, 1), c.reg8(d.reg));
                break;
            case MOV_M8_IMM:
                c.wr8(c.opLin(d, 0, 1), d.imm);
                break;
            case MOV_M_IMM:
                c.wr32(c.opLin(d, 0, 4), d.imm);
                break;
            case MOVZX_R_M8:
                r[d.reg] = c.rd8(c.opLin(d, 0, 1));
                break;
            case LEA:
                r[d.reg] = c.ea(d);
                break;
            case INC_R: {
                int n = d.op & 7;
                r[n] = AluOps.inc(c, 2, r[n]);
                break;
            }
            case DEC_R: {
                int n = d.op & 7;
                r[n] = AluOps.dec(c, 2, r[n]);
                break;
            }
            case PUSH_R:
                c.push(r[d.op & 7], true);
                break;
            case POP_R: {
                int v = c.peek(0, true);
                c.drop(4);
                r[d.op & 7] = v;
                break;
            }
            case CALL_REL: {
                int next = c.eip + d.len;
                c.push(next, true);
                c.eip = next + d.imm;
                return true;
            }
            case RET: {
                int v = c.peek(0, true);
                c.drop(4);
                c.eip = v;
                return true;
            }
            default:
                return false;
        }
        c.eip += d.len;
        return true;
    }
}
