package dev.noreset.hw.cpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Compiled blocks against the interpreter: a random loop body of compilable instructions (the
 * specialised forms and the generic ones a block may hold, forward branches a block leaves by,
 * jumps and calls it follows, INC/DEC of memory, INT n it ends with) runs 100 times, so its blocks become
 * hot and compiled, on a machine with the block compiler and on one without. With any
 * instruction budget, a #PF raised by a load in a later pass (the page is mapped after the
 * trap, as a kernel would) and a store that hits its own code page in one later pass (patching
 * the next instruction of the same block), both must reach the same traps, registers, flags, EIP, retired counts and memory.
 */
class BlockCompilerPropertyTest {
    /** The program sits high enough that EBP-scaled stores around it stay in mapped RAM. */
    private static final int CODE = 0x200000, TOP = CODE + 5, PASSES = 100;
    /** A page that is not mapped until the first #PF on it. */
    private static final int FAULT_PAGE = 0x50000;
    /** The vector of INT n in loop bodies: the test resumes after it, as a kernel would. */
    private static final int SYSCALL = 0x30;
    private static final int[] REGS = {Cpu.EAX, Cpu.ECX, Cpu.EDX, Cpu.EBX, Cpu.ESI, Cpu.EDI};
    /** Every pass stores the six registers here (and EFLAGS after them, if asked), indexed by EBP. */
    private static final int LOG = 0x60000, LOG_STRIDE = 4 * PASSES;

    @Property(tries = 250)
    void compiledLoopsMatchTheInterpreter(@ForAll @Size(min = 1, max = 36) List<Integer> body,
                                          @ForAll @Size(8) int[] regs, @ForAll int flags,
                                          @ForAll @IntRange(min = 1, max = 4000) int budget,
                                          @ForAll boolean logFlags) {
        check(body, regs, flags, budget, logFlags);
    }

    /** One to three instructions per pass with the flags logged after them: every flag result is seen. */
    @Property(tries = 1000)
    void flagsOfShortCompiledBodiesMatch(@ForAll @Size(min = 1, max = 3) List<Integer> body,
                                         @ForAll @Size(8) int[] regs, @ForAll int flags) {
        check(body, regs, flags, 100_000, true);
    }

    private static void check(List<Integer> body, int[] regs, int flags, int budget, boolean logFlags) {
        byte[] code = program(body, logFlags);
        TestMachine a = machine(code, regs, flags), b = machine(code, regs, flags);
        b.cpu.jit = false;
        int legs = 0;
        boolean done = false;
        while (!done) {
            assertTrue(++legs < 40 + 40 * PASSES, "the loop ends");
            long max = legs == 1 ? budget : 100_000;
            Trap ta = a.run((int) max), tb = b.run((int) max);
            assertEquals(tb, ta, "trap in leg " + legs);
            assertSameState(a, b);
            if (ta == null) {
                continue;
            }
            if (ta.kind() == Trap.Kind.SOFTWARE_INTERRUPT && ta.vector() == SYSCALL) {
                continue; // the "kernel" returns at once
            }
            if (ta.kind() == Trap.Kind.EXCEPTION && ta.vector() == Trap.PF) {
                assertEquals(FAULT_PAGE, ta.cr2() & ~0xFFF, "only the fault page faults");
                a.mapPage(FAULT_PAGE, FAULT_PAGE | 7);
                b.mapPage(FAULT_PAGE, FAULT_PAGE | 7);
                continue;
            }
            assertEquals(Trap.Kind.SOFTWARE_INTERRUPT, ta.kind(), "ends at the INT3");
            assertEquals(3, ta.vector());
            done = true;
        }
        assertNull(a.cpu.compilerErrorForTests(), "the JVM accepted every block");
        assertTrue(a.cpu.jitStats()[0] > 0, "the loop was compiled");
        assertEquals(0, b.cpu.jitStats()[0], "the reference did not compile");
    }

    private static void assertSameState(TestMachine a, TestMachine b) {
        assertEquals(b.cpu.retired(), a.cpu.retired(), "retired");
        assertEquals(Integer.toHexString(b.cpu.eip()), Integer.toHexString(a.cpu.eip()), "eip");
        assertEquals(Integer.toHexString(b.cpu.eflags()), Integer.toHexString(a.cpu.eflags()), "eflags");
        for (int i = 0; i < 8; i++) {
            assertEquals(Integer.toHexString(b.cpu.reg(i)), Integer.toHexString(a.cpu.reg(i)), "reg " + i);
        }
        byte[] ma = new byte[0x1000], mb = new byte[0x1000];
        for (int page : new int[] {TestMachine.DATA, FAULT_PAGE, LOG, LOG + 0x1000, TestMachine.STACK - 0x3000,
                TestMachine.STACK - 0x2000, TestMachine.STACK - 0x1000, TestMachine.STACK}) {
            a.ram.copyOut(page, ma, 0, ma.length);
            b.ram.copyOut(page, mb, 0, mb.length);
            assertArrayEquals(mb, ma, "memory at " + Integer.toHexString(page));
        }
        byte[] sa = new byte[0xC0000], sb = new byte[0xC0000];
        a.ram.copyOut(CODE - 0x60000, sa, 0, sa.length);
        b.ram.copyOut(CODE - 0x60000, sb, 0, sb.length);
        assertArrayEquals(sb, sa, "code and the pages the code-patching stores hit");
    }

    private static TestMachine machine(byte[] code, int[] regs, int flags) {
        TestMachine m = new TestMachine().enablePaging();
        m.ram.load(CODE, code, 0, code.length);
        m.cpu.setEip(CODE);
        m.mapPage(FAULT_PAGE, 0);
        for (int i = 0; i < 8; i++) {
            m.cpu.setReg(i, regs[i]);
        }
        m.cpu.setReg(Cpu.ESP, TestMachine.STACK);
        m.cpu.setReg(Cpu.EBP, 0);
        m.cpu.setEflags((flags & 0xCD5) | 0x202);
        return m;
    }

    /**
     * mov ebp, 0 / top: mov esi, imm32 / body / registers (and flags) to the log / inc ebp / cmp ebp, PASSES /
     * jne top / int3 (cmp ebp, 100).
     */
    static byte[] program(List<Integer> body, boolean logFlags) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        emit(o, 0xBD, 0, 0, 0, 0);
        emit(o, 0xBE, 0x78, 0x56, 0x34, 0x12);
        for (int i = 0; i < body.size(); i++) {
            int v = mix(body.get(i));
            if ((v & 0xFF) % 41 == 40 && i + 1 < body.size()) {
                // A forward Jcc over the next instruction: the loop then has several blocks.
                byte[] next = template(mix(body.get(++i)), CODE + o.size() + 2);
                emit(o, 0x70 | (v >>> 8 & 0xF), next.length);
                o.write(next, 0, next.length);
            } else {
                byte[] t = template(v, CODE + o.size());
                o.write(t, 0, t.length);
            }
        }
        // The pass's registers (and flags: PUSHFD ends the block, so the loop is no longer one block).
        for (int k = 0; k < REGS.length; k++) {
            emit(o, 0x89, 0x04 | REGS[k] << 3, 0xAD);
            le(o, LOG + k * LOG_STRIDE);
        }
        if (logFlags) {
            emit(o, 0x9C, 0x58 | Cpu.EDX, 0x89, 0x04 | Cpu.EDX << 3, 0xAD);
            le(o, LOG + REGS.length * LOG_STRIDE);
        }
        emit(o, 0x45);
        emit(o, 0x81, 0xFD, PASSES, 0, 0, 0);
        int rel = TOP - (CODE + o.size() + 6);
        emit(o, 0x0F, 0x85, rel & 0xFF, rel >>> 8 & 0xFF, rel >>> 16 & 0xFF, rel >>> 24 & 0xFF);
        emit(o, 0xCC);
        return o.toByteArray();
    }

    /** Spreads the bits of generated values (jqwik favours small numbers) over all fields. */
    private static int mix(int v) {
        int h = v * 0x9E3779B1;
        return h ^ h >>> 16;
    }

    private static void emit(ByteArrayOutputStream o, int... bytes) {
        for (int b : bytes) o.write(b);
    }

    /** One instruction (two for the code patch) at {@code at} from the bits of {@code v}: bits 0-7 choose the form. */
    static byte[] template(int v, int at) {
        int form = (v & 0xFF) % 44;
        int r = REGS[(v >>> 8 & 0xFF) % 6], s = REGS[(v >>> 16 & 0xFF) % 6];
        int kind = v >>> 12 & 7, r8 = v >>> 20 & 7, cc = v >>> 24 & 0xF;
        int imm = v * 0x9E3779B1;
        int dataOff = TestMachine.DATA + (v >>> 18 & 0x3F8);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        switch (form) {
            case 0: emit(o, kind * 8 + 1, 0xC0 | s << 3 | r); break;             // alu r, s
            case 1: emit(o, kind * 8 + 3, 0xC0 | r << 3 | s); break;             // alu r, s (other direction)
            case 2: emit(o, 0x83, 0xC0 | kind << 3 | r, imm & 0xFF); break;     // alu r, imm8
            case 3: emit(o, 0x81, 0xC0 | kind << 3 | r); le(o, imm); break;     // alu r, imm32
            case 4: emit(o, kind * 8 + 5); le(o, imm); break;                   // alu eax, imm32
            case 5: emit(o, kind * 8 + 4, imm & 0xFF); break;                   // alu al, imm8
            case 6: emit(o, kind * 8 + (v >>> 27 & 2), 0xC0 | r8 << 3 | (v >>> 4 & 7)); break; // alu r8, r8
            case 7: emit(o, 0x40 | r); break;                                   // inc
            case 8: emit(o, 0x48 | r); break;                                   // dec
            case 9: emit(o, 0xB8 | r); le(o, imm); break;                       // mov r, imm32
            case 10: emit(o, 0x89, 0xC0 | s << 3 | r); break;                   // mov r, s
            case 11: emit(o, 0x85, 0xC0 | s << 3 | r); break;                   // test r, s
            case 12: emit(o, 0xA9); le(o, imm); break;                          // test eax, imm32
            case 13: emit(o, 0x8D, 0x44 | r << 3, (v >>> 30) << 6 | s << 3 | r, imm & 0xFF); break; // lea
            case 14: emit(o, 0x8B, 0x05 | r << 3); le(o, dataOff); break;       // mov r, [abs]
            case 15: emit(o, 0x89, 0x05 | r << 3); le(o, dataOff); break;       // mov [abs], r
            case 16: emit(o, 0x88, 0x05 | r8 << 3); le(o, dataOff + 1); break;  // mov [abs], r8
            case 17: emit(o, 0x8A, 0x05 | r8 << 3); le(o, dataOff + 2); break;  // mov r8, [abs]
            case 18: emit(o, 0x0F, 0xB6, 0x05 | r << 3); le(o, dataOff + 3); break; // movzx r, byte [abs]
            case 19: emit(o, 0xC7, 0x05); le(o, dataOff); le(o, imm); break;    // mov dword [abs], imm32
            case 20: emit(o, 0xC6, 0x05); le(o, dataOff + 5); emit(o, imm & 0xFF); break; // mov byte [abs], imm8
            case 21: emit(o, 0x80, 0x3D); le(o, dataOff + 1); emit(o, imm & 0xFF); break; // cmp byte [abs], imm8
            case 22: emit(o, kind * 8 + 3, 0x05 | r << 3); le(o, dataOff); break; // alu r, [abs]
            case 23: emit(o, kind * 8 + 1, 0x05 | r << 3); le(o, dataOff + 4); break; // alu [abs], r (generic)
            case 24: emit(o, 0x50 | r); break;                                  // push r
            case 25: emit(o, 0x58 | r); break;                                  // pop r
            case 26: emit(o, 0xC1, 0xC0 | (v >>> 12 & 7) << 3 | r, imm & 0x3F); break; // shift r, imm8
            case 27: emit(o, (v & 0x8000) != 0 ? 0xD3 : 0xD1, 0xC0 | (v >>> 12 & 7) << 3 | r); break; // shift r, cl / 1
            case 28: // imul r, s, imm32 / imm8
                if ((v & 0x8000) != 0) emit(o, 0x6B, 0xC0 | r << 3 | s, imm & 0xFF); else { emit(o, 0x69, 0xC0 | r << 3 | s); le(o, imm); }
                break;
            case 29: emit(o, 0x0F, 0xAF, 0xC0 | r << 3 | s); break;            // imul r, s
            case 30: emit(o, 0x0F, 0xB6 | (v >>> 4 & 8), 0xC0 | r << 3 | r8); break; // movzx/movsx r, r8
            case 31: emit(o, 0x0F, 0x90 | cc, 0xC0 | r8); break;                // setcc r8
            case 32: emit(o, 0x0F, 0x40 | cc, 0xC0 | r << 3 | s); break;        // cmovcc r, s
            case 33: emit(o, (v & 0x100) != 0 ? 0x99 : 0x98); break;            // cdq / cwde
            case 34: emit(o, 0x87, 0xC0 | s << 3 | r); break;                   // xchg r, s
            case 35: emit(o, 0xF7, 0xC0 | (2 + (v >>> 12 & 3)) << 3 | r); break; // not/neg/mul/imul r
            case 36: // a load that faults once EBP reaches 45..72 (the fault page is unmapped at first)
                emit(o, 0x8B, 0x04 | r << 3, 0xAD); le(o, FAULT_PAGE - 4 * (45 + (v >>> 8 & 0x1B)));
                break;
            case 37: { // in pass k only, EAX patches the immediate of the "mov s, imm32" that follows
                int k = 45 + (v >>> 24 & 0x3F) % 40;
                emit(o, 0x89, 0xE8 | r);                  // mov r, ebp
                emit(o, 0xC1, 0xE0 | r, 12);              // shl r, 12
                emit(o, 0x89, 0x80 | r);                  // mov [r + disp32], eax
                le(o, at + 12 - k * 4096);
                emit(o, 0xB8 | s);                        // mov s, imm32 (at + 11)
                le(o, imm);
                break;
            }
            case 38:
                if ((v & 0x8000) != 0) {
                    emit(o, 0x66, kind * 8 + 1, 0xC0 | s << 3 | r);     // 16-bit alu (generic)
                } else {
                    // pushfd / pop r / mov [ebp*4 + slot], r: the flags here in every pass (ends the block)
                    emit(o, 0x9C, 0x58 | r, 0x89, 0x04 | r << 3, 0xAD);
                    le(o, LOG + 0x1000 + (at % 10) * LOG_STRIDE);
                }
                break;
            case 39: emit(o, 0xEB, 0x01, 0xCC); break;                          // jmp over an int3 (blocks go on)
            case 40: // call over an int3, then drop the return address (blocks go on at the target)
                emit(o, 0xE8, 0x01, 0x00, 0x00, 0x00, 0xCC, 0x83, 0xC4, 0x04);
                break;
            case 41: // inc / dec dword [abs], or on the fault page from EBP = 45.. on (a write fault)
                if ((v & 0x4000) != 0) {
                    emit(o, 0xFF, 0x04 | (v >>> 9 & 1) << 3, 0xAD); le(o, FAULT_PAGE - 4 * (45 + (v >>> 8 & 0x1B)));
                } else {
                    emit(o, 0xFF, 0x05 | (v >>> 9 & 1) << 3); le(o, dataOff);
                }
                break;
            case 42: emit(o, 0xCD, SYSCALL); break;                             // int 0x30: a system call, resumed
            default: emit(o, 0x8B, 0x80 | r << 3 | Cpu.EBP); le(o, TestMachine.DATA); break; // mov r, [ebp + DATA]
        }
        return o.toByteArray();
    }

    private static void le(ByteArrayOutputStream o, int v) {
        emit(o, v & 0xFF, v >>> 8 & 0xFF, v >>> 16 & 0xFF, v >>> 24 & 0xFF);
    }
}
