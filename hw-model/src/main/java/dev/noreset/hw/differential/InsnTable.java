package dev.noreset.hw.differential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The instructions the differential generator draws from: the i386 integer instruction set as it
 * runs at CPL 3 (plus the 486/P6 additions gcc emits for -march=i686: CMOVcc, CMPXCHG, XADD,
 * BSWAP, CMPXCHG8B, NOPL), one line per encoding:
 * {@code name | opcode | modrm | immediate | width | flag rule | attributes | weight}.
 *
 * <p>modrm: "-" none, "r" any reg field, "/n" fixed reg field; suffix "m" memory only, "R"
 * register only. Opcode suffix "+r" or "+cc" adds a random 3- or 4-bit value. Immediate: b, w, z
 * (16/32 by operand size), wb (ENTER), o (memory offset, by address size). Width: b, v (16/32 by
 * operand size), w, d. Attributes: L lockable, S string, C shift count, T bit offset register,
 * X XLAT, E uses EBP (ENTER/LEAVE), N no 0x66 prefix, 8 eight-byte operand, B two operands
 * (BOUND), D destination is the reg field, I INT n, U expected #UD, F PUSHF.
 *
 * <p>Excluded, with the reason (the brief allows only these):
 * <ul>
 * <li>segment register loads, stores, pushes and pops, far CALL/JMP/RET, IRET, LDS/LES/LSS/LFS/LGS,
 *     FS/GS overrides, CS-override writes: their results depend on the descriptor tables and selector
 *     numbers each OS chooses (Linux: 0x23/0x2B, noreset: 0x1B/0x23);</li>
 * <li>IN, OUT, INS, OUTS, HLT, CLI, STI, LGDT/SGDT-class 0F 00/0F 01, LAR, LSL, CLTS, MOV CRn/DRn,
 *     RDMSR/WRMSR, INVD/WBINVD: privileged or I/O at CPL 3 with IOPL 0 (and UMIP on the host);</li>
 * <li>INT 0x80, SYSENTER, SYSCALL: they are Linux system calls on the host; INT1/ICEBP: the host
 *     kernel treats #DB specially;</li>
 * <li>CPUID, RDTSC: nondeterministic or host-specific;</li>
 * <li>x87 (D8-DF, WAIT), MMX, SSE, AVX and F2/F3 prefixes on non-string opcodes (the host decodes
 *     POPCNT/TZCNT/LZCNT there): not part of the modelled CPU (gcc -mgeneral-regs-only);</li>
 * <li>undocumented encodings: SALC (D6), shift group /6, TEST F6/F7 /1;</li>
 * <li>locked operands (LOCK prefix, XCHG with memory) that cross a 64-byte cache line: the host
 *     kernel's split-lock mitigation throttles the process for each one (the generator redraws);</li>
 * <li>EFLAGS.AC is never set initially: the host kernel enables alignment checking (CR0.AM), which
 *     the i386 model has no equivalent of.</li>
 * </ul>
 */
public final class InsnTable {

    /** One instruction encoding the generator can produce. */
    public record Spec(String name, int[] opcode, int plus, int modrm, char memMode, String imm, char width,
                       FlagRule rule, String attrs, int weight) {
        public boolean has(char attr) {
            return attrs.indexOf(attr) >= 0;
        }
    }

    /** modrm value for "no ModRM byte" and for "any reg field". */
    public static final int NO_MODRM = -2, ANY_REG = -1;

    private static final String[] ALU = {"ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP"};
    private static final String[] SHIFTS = {"ROL", "ROR", "RCL", "RCR", "SHL", "SHR", null, "SAR"};

    private static final List<Spec> SPECS = build();

    private InsnTable() {
    }

    public static List<Spec> specs() {
        return SPECS;
    }

    private static List<Spec> build() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String n = ALU[i], r = i == 1 || i == 4 || i == 6 ? "LOGIC" : "NONE", lk = i == 7 ? "" : "L";
            String b = hex(i * 8);
            l.add(n + " Eb,Gb|" + b + "|r||b|" + r + "|" + lk + "|3");
            l.add(n + " Ev,Gv|" + hex(i * 8 + 1) + "|r||v|" + r + "|" + lk + "|4");
            l.add(n + " Gb,Eb|" + hex(i * 8 + 2) + "|r||b|" + r + "||3");
            l.add(n + " Gv,Ev|" + hex(i * 8 + 3) + "|r||v|" + r + "||4");
            l.add(n + " AL,Ib|" + hex(i * 8 + 4) + "|-|b|b|" + r + "||1");
            l.add(n + " eAX,Iz|" + hex(i * 8 + 5) + "|-|z|v|" + r + "||1");
            l.add(n + " Eb,Ib|80|/" + i + "|b|b|" + r + "|" + lk + "|2");
            l.add(n + " Ev,Iz|81|/" + i + "|z|v|" + r + "|" + lk + "|2");
            l.add(n + " Ev,Ib|83|/" + i + "|b|v|" + r + "|" + lk + "|3");
            l.add(n + " Eb,Ib(82)|82|/" + i + "|b|b|" + r + "|" + lk + "|1");
        }
        for (int d = 0; d < 8; d++) {
            if (SHIFTS[d] == null) {
                continue;
            }
            String n = SHIFTS[d], r = d < 4 ? "ROTATE" : d == 7 ? "SAR" : "SHIFT";
            l.add(n + " Eb,Ib|C0|/" + d + "|b|b|" + r + "|C|2");
            l.add(n + " Ev,Ib|C1|/" + d + "|b|v|" + r + "|C|3");
            l.add(n + " Eb,1|D0|/" + d + "||b|" + r + "|C|1");
            l.add(n + " Ev,1|D1|/" + d + "||v|" + r + "|C|2");
            l.add(n + " Eb,CL|D2|/" + d + "||b|" + r + "|C|2");
            l.add(n + " Ev,CL|D3|/" + d + "||v|" + r + "|C|3");
        }
        Collections.addAll(l,
                "DAA|27|-||b|DECIMAL_ADJUST||1", "DAS|2F|-||b|DECIMAL_ADJUST||1",
                "AAA|37|-||b|ASCII_ADJUST||1", "AAS|3F|-||b|ASCII_ADJUST||1",
                "INC r|40+r|-||v|NONE||2", "DEC r|48+r|-||v|NONE||2",
                "PUSH r|50+r|-||v|NONE||2", "POP r|58+r|-||v|NONE||2",
                "PUSHA|60|-||v|PUSHA||1", "POPA|61|-||v|POPA||1",
                "BOUND|62|rm||v|NONE|B|1", "ARPL|63|r||w|NONE|N|1",
                "PUSH Iz|68|-|z|v|NONE||1", "PUSH Ib|6A|-|b|v|NONE||1",
                "IMUL Gv,Ev,Iz|69|r|z|v|MUL||2", "IMUL Gv,Ev,Ib|6B|r|b|v|MUL||2",
                "Jcc rel8|70+cc|-|b|b|NONE||3",
                "TEST Eb,Gb|84|r||b|LOGIC||2", "TEST Ev,Gv|85|r||v|LOGIC||2",
                "XCHG Eb,Gb|86|r||b|NONE|L|2", "XCHG Ev,Gv|87|r||v|NONE|L|2",
                "MOV Eb,Gb|88|r||b|NONE||3", "MOV Ev,Gv|89|r||v|NONE||4",
                "MOV Gb,Eb|8A|r||b|NONE||3", "MOV Gv,Ev|8B|r||v|NONE||4",
                "LEA Gv,M|8D|rm||v|NONE||3", "LEA reg (#UD)|8D|rR||v|NONE|U|1",
                "POP Ev|8F|/0||v|NONE||1",
                "XCHG eAX,r|90+r|-||v|NONE||2",
                "CBW/CWDE|98|-||v|NONE||1", "CWD/CDQ|99|-||v|NONE||1",
                "PUSHF|9C|-||v|PUSHF|F|1", "POPF|9D|-||v|POPF||2",
                "SAHF|9E|-||b|NONE||1", "LAHF|9F|-||b|NONE||1",
                "MOV AL,moffs|A0|-|o|b|NONE||1", "MOV eAX,moffs|A1|-|o|v|NONE||1",
                "MOV moffs,AL|A2|-|o|b|NONE||1", "MOV moffs,eAX|A3|-|o|v|NONE||1",
                "MOVSB|A4|-||b|NONE|S|2", "MOVS|A5|-||v|NONE|S|2",
                "CMPSB|A6|-||b|NONE|S|2", "CMPS|A7|-||v|NONE|S|2",
                "TEST AL,Ib|A8|-|b|b|LOGIC||1", "TEST eAX,Iz|A9|-|z|v|LOGIC||1",
                "STOSB|AA|-||b|NONE|S|2", "STOS|AB|-||v|NONE|S|2",
                "LODSB|AC|-||b|NONE|S|2", "LODS|AD|-||v|NONE|S|2",
                "SCASB|AE|-||b|NONE|S|2", "SCAS|AF|-||v|NONE|S|2",
                "MOV r8,Ib|B0+r|-|b|b|NONE||1", "MOV r,Iz|B8+r|-|z|v|NONE||2",
                "RET Iw|C2|-|w|v|NONE||1", "RET|C3|-||v|NONE||2",
                "MOV Eb,Ib|C6|/0|b|b|NONE||2", "MOV Ev,Iz|C7|/0|z|v|NONE||2",
                "ENTER|C8|-|wb|v|ENTER|E|1", "LEAVE|C9|-||v|NONE|E|1",
                "INT3|CC|-||b|NONE||1", "INT Ib|CD|-|b|b|NONE|I|1", "INTO|CE|-||b|NONE||1",
                "AAM|D4|-|b|b|ASCII_MULDIV||1", "AAD|D5|-|b|b|ASCII_MULDIV||1",
                "XLAT|D7|-||b|NONE|X|1",
                "LOOPNE|E0|-|b|b|NONE||1", "LOOPE|E1|-|b|b|NONE||1", "LOOP|E2|-|b|b|NONE||1",
                "JECXZ|E3|-|b|b|NONE||1",
                "CALL rel|E8|-|z|v|NONE||2", "JMP rel|E9|-|z|v|NONE||1", "JMP rel8|EB|-|b|b|NONE||1",
                "CMC|F5|-||b|NONE||1", "CLC|F8|-||b|NONE||1", "STC|F9|-||b|NONE||1",
                "CLD|FC|-||b|NONE||1", "STD|FD|-||b|NONE||1",
                "TEST Eb,Ib|F6|/0|b|b|LOGIC||1", "TEST Ev,Iz|F7|/0|z|v|LOGIC||1",
                "NOT Eb|F6|/2||b|NONE|L|1", "NOT Ev|F7|/2||v|NONE|L|1",
                "NEG Eb|F6|/3||b|NONE|L|1", "NEG Ev|F7|/3||v|NONE|L|2",
                "MUL Eb|F6|/4||b|MUL||1", "MUL Ev|F7|/4||v|MUL||2",
                "IMUL Eb|F6|/5||b|MUL||1", "IMUL Ev|F7|/5||v|MUL||2",
                "DIV Eb|F6|/6||b|DIV||2", "DIV Ev|F7|/6||v|DIV||3",
                "IDIV Eb|F6|/7||b|DIV||2", "IDIV Ev|F7|/7||v|DIV||3",
                "INC Eb|FE|/0||b|NONE|L|1", "DEC Eb|FE|/1||b|NONE|L|1",
                "FE /2 (#UD)|FE|/2||b|NONE|U|1",
                "INC Ev|FF|/0||v|NONE|L|1", "DEC Ev|FF|/1||v|NONE|L|1",
                "CALL Ev|FF|/2||v|NONE||1", "JMP Ev|FF|/4||v|NONE||1", "PUSH Ev|FF|/6||v|NONE||1",
                "FF /7 (#UD)|FF|/7||v|NONE|U|1",
                "UD2|0F 0B|-||b|NONE|U|1",
                "NOP Ev|0F 1F|/0||v|NONE||1",
                "CMOVcc|0F 40+cc|r||v|NONE||4",
                "Jcc rel|0F 80+cc|-|z|v|NONE||2",
                "SETcc|0F 90+cc|/0||b|NONE||3",
                "BT Ev,Gv|0F A3|r||v|BIT_TEST|T|2", "BTS Ev,Gv|0F AB|r||v|BIT_TEST|TL|1",
                "BTR Ev,Gv|0F B3|r||v|BIT_TEST|TL|1", "BTC Ev,Gv|0F BB|r||v|BIT_TEST|TL|1",
                "BT Ev,Ib|0F BA|/4|b|v|BIT_TEST||1", "BTS Ev,Ib|0F BA|/5|b|v|BIT_TEST|L|1",
                "BTR Ev,Ib|0F BA|/6|b|v|BIT_TEST|L|1", "BTC Ev,Ib|0F BA|/7|b|v|BIT_TEST|L|1",
                "SHLD Ev,Gv,Ib|0F A4|r|b|v|DOUBLE_SHIFT|C|2", "SHLD Ev,Gv,CL|0F A5|r||v|DOUBLE_SHIFT|C|2",
                "SHRD Ev,Gv,Ib|0F AC|r|b|v|DOUBLE_SHIFT|C|2", "SHRD Ev,Gv,CL|0F AD|r||v|DOUBLE_SHIFT|C|2",
                "IMUL Gv,Ev|0F AF|r||v|MUL||3",
                "CMPXCHG Eb,Gb|0F B0|r||b|NONE|L|2", "CMPXCHG Ev,Gv|0F B1|r||v|NONE|L|2",
                "MOVZX Gv,Eb|0F B6|r||v|NONE||3", "MOVZX Gv,Ew|0F B7|r||v|NONE||2",
                "BSF|0F BC|r||v|BIT_SCAN|D|2", "BSR|0F BD|r||v|BIT_SCAN|D|2",
                "MOVSX Gv,Eb|0F BE|r||v|NONE||3", "MOVSX Gv,Ew|0F BF|r||v|NONE||2",
                "XADD Eb,Gb|0F C0|r||b|NONE|L|1", "XADD Ev,Gv|0F C1|r||v|NONE|L|2",
                "CMPXCHG8B|0F C7|/1m||d|NONE|LN8|1",
                "BSWAP|0F C8+r|-||d|NONE|N|1");
        List<Spec> out = new ArrayList<>();
        for (String line : l) {
            out.add(parse(line));
        }
        return Collections.unmodifiableList(out);
    }

    private static Spec parse(String line) {
        String[] f = line.split("\\|", -1);
        if (f.length != 8) {
            throw new IllegalStateException("bad table line: " + line);
        }
        String op = f[1];
        int plus = 0;
        if (op.endsWith("+r")) {
            plus = 8;
            op = op.substring(0, op.length() - 2);
        } else if (op.endsWith("+cc")) {
            plus = 16;
            op = op.substring(0, op.length() - 3);
        }
        String[] bytes = op.split(" ");
        int[] opcode = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            opcode[i] = Integer.parseInt(bytes[i], 16);
        }
        String m = f[2];
        char memMode = 'A';
        if (m.endsWith("m") || m.endsWith("R")) {
            memMode = m.charAt(m.length() - 1) == 'm' ? 'M' : 'R';
            m = m.substring(0, m.length() - 1);
        }
        int modrm = m.equals("-") ? NO_MODRM : m.equals("r") ? ANY_REG : Integer.parseInt(m.substring(1));
        return new Spec(f[0], opcode, plus, modrm, memMode, f[3], f[4].charAt(0), FlagRule.valueOf(f[5]), f[6],
                Integer.parseInt(f[7]));
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
