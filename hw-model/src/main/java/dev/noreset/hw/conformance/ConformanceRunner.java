package dev.noreset.hw.conformance;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a folder of MOO single-instruction tests (80286 real mode) against the emulated CPU:
 * load the initial registers and RAM, execute until the HLT the generator placed after the
 * instruction (or its exception handler), then compare registers (flags masked by metadata.json
 * and bits 12-15) and RAM. Skips are only those in {@link SkipRules}.
 */
public final class ConformanceRunner {
    /** Real mode reaches at most FFFF:FFFF = 0x10FFEF. */
    private static final int RAM_SIZE = 0x110000;
    private static final int MAX_STEPS = 64;
    private static final int MAX_FAILURE_DETAILS = 100000;
    private static final int[] REG_TO_CPU = {Cpu.EAX, Cpu.EBX, Cpu.ECX, Cpu.EDX};

    /** One failed test. */
    public record Failure(String file, int index, String name, String detail) { }

    /** Totals of a run. */
    public static final class Result {
        public long passed, failed, skipped;
        public final Map<SkipRules, Long> skips = new EnumMap<>(SkipRules.class);
        public final List<Failure> failures = new ArrayList<>();
        /** Files that could not be read, as "file: what is wrong". */
        public final List<String> errors = new ArrayList<>();

        public String summaryLine() {
            return "conformance: " + passed + " passed, " + failed + " failed, " + skipped + " skipped";
        }
    }

    private final PhysicalMemory ram = new PhysicalMemory(RAM_SIZE);
    private final Cpu cpu = new Cpu(ram, new Mmu(ram), IoSpace.NONE);

    /** Runs every {@code *.MOO.gz} / {@code *.MOO} file in {@code dir} in name order. */
    public Result run(Path dir) {
        Result res = new Result();
        Metadata meta = Metadata.empty();
        Set<String> revoked = new HashSet<>();
        try {
            Path m = dir.resolve("metadata.json");
            if (Files.isRegularFile(m)) {
                meta = Metadata.parse(Files.readString(m, StandardCharsets.UTF_8));
            }
            Path rv = dir.resolve("revocation_list.txt");
            if (Files.isRegularFile(rv)) {
                for (String line : Files.readAllLines(rv, StandardCharsets.UTF_8)) {
                    String t = line.trim().toLowerCase();
                    if (!t.isEmpty() && !t.startsWith("#")) revoked.add(t);
                }
            }
        } catch (MooFormatException e) {
            res.errors.add("metadata.json: " + e.getMessage());
            return res;
        } catch (IOException e) {
            res.errors.add(dir + ": " + e.getMessage());
            return res;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(".MOO.gz") || n.endsWith(".MOO")) files.add(p);
            }
        } catch (IOException e) {
            res.errors.add(dir + ": cannot list: " + e.getMessage());
            return res;
        }
        files.sort(null);
        for (Path f : files) {
            String name = f.getFileName().toString();
            List<MooTest> tests;
            try {
                tests = MooReader.read(f);
            } catch (MooFormatException e) {
                res.errors.add(name + ": " + e.getMessage());
                continue;
            }
            String form = name.substring(0, name.indexOf(".MOO"));
            int flagsMask = meta.flagsMask(form) & 0x0FFF;
            for (MooTest t : tests) {
                if (revoked.contains(t.hash())) {
                    skip(res, SkipRules.REVOKED);
                    continue;
                }
                SkipRules st = staticSkip(t);
                if (st != null) {
                    skip(res, st);
                    continue;
                }
                runOne(res, name, t, flagsMask);
            }
        }
        return res;
    }

    /** Skips decided from the test's encoding alone (forms where the 286 and the 386 differ by definition). */
    static SkipRules staticSkip(MooTest t) {
        byte[] b = t.bytes();
        int i = 0;
        while (i < b.length && isPrefix(b[i] & 0xFF)) i++;
        if (i + 1 < b.length) {
            int op = b[i] & 0xFF, reg = (b[i + 1] >> 3) & 7;
            if ((op == 0x8C || op == 0x8E) && (reg == 4 || reg == 5) && t.exceptionVector() == 6) {
                return SkipRules.FS_GS;
            }
        }
        // The generator appends a HLT (F4) after the instruction.
        if (b.length - 1 > 10 && t.exceptionVector() == 13) {
            return SkipRules.LENGTH_LIMIT;
        }
        return null;
    }

    private static boolean isString(byte[] b) {
        int i = 0;
        while (i < b.length && isPrefix(b[i] & 0xFF)) i++;
        int op = i < b.length ? b[i] & 0xFF : 0;
        return op >= 0xA4 && op <= 0xA7 || op >= 0xAA && op <= 0xAF || op >= 0x6C && op <= 0x6F;
    }

    private static boolean isPrefix(int v) {
        return v == 0x26 || v == 0x2E || v == 0x36 || v == 0x3E || v == 0xF0 || v == 0xF2 || v == 0xF3;
    }

    private static void skip(Result res, SkipRules why) {
        res.skipped++;
        res.skips.merge(why, 1L, Long::sum);
    }

    private void runOne(Result res, String file, MooTest t, int flagsMask) {
        MooState in = t.initial();
        for (int i = 0; i < in.ramAddress().length; i++) {
            ram.write8(in.ramAddress()[i], in.ramValue()[i]);
        }
        cpu.resetRealMode();
        int[] v = in.regs();
        for (int i = 0; i < 4; i++) cpu.setReg(REG_TO_CPU[i], v[i]);
        cpu.setReg(Cpu.ESP, v[MooState.SP]);
        cpu.setReg(Cpu.EBP, v[MooState.BP]);
        cpu.setReg(Cpu.ESI, v[MooState.SI]);
        cpu.setReg(Cpu.EDI, v[MooState.DI]);
        cpu.setSegmentReal(Cpu.CS, v[MooState.CS]);
        cpu.setSegmentReal(Cpu.SS, v[MooState.SS]);
        cpu.setSegmentReal(Cpu.DS, v[MooState.DS]);
        cpu.setSegmentReal(Cpu.ES, v[MooState.ES]);
        cpu.setSegmentReal(Cpu.FS, 0);
        cpu.setSegmentReal(Cpu.GS, 0);
        cpu.setEip(v[MooState.IP]);
        cpu.setEflags(v[MooState.FLAGS] & 0x0FFF);
        SkipRules skip = null;
        for (int s = 0; s < MAX_STEPS; s++) {
            Trap tr = cpu.step();
            if (tr != null && tr.kind() == Trap.Kind.EXCEPTION && cpu.lastFaultWasSegmentWrap()) {
                if (tr.vector() != t.exceptionVector()) {
                    skip = SkipRules.SEGMENT_WRAP;
                    break;
                }
                if (isString(t.bytes())) {
                    skip = SkipRules.STRING_WRAP_FAULT;
                    break;
                }
            }
            if (tr != null && tr.kind() == Trap.Kind.EXCEPTION && cpu.lastFaultWasInvalidLock()) {
                skip = SkipRules.LOCK_PREFIX;
                break;
            }
            if (tr != null && tr.kind() == Trap.Kind.HALT) break;
        }
        String diff = skip != null ? null : compare(t, flagsMask);
        // Clear what this test touched so the next one starts from zeroed RAM.
        for (int a : in.ramAddress()) ram.write8(a, 0);
        for (int a : t.expected().ramAddress()) ram.write8(a, 0);
        if (skip != null) {
            skip(res, skip);
            return;
        }
        if (diff == null) {
            res.passed++;
        } else {
            res.failed++;
            if (res.failures.size() < MAX_FAILURE_DETAILS) {
                res.failures.add(new Failure(file, t.index(), t.name(), diff));
            }
        }
    }

    private String compare(MooTest t, int flagsMask) {
        MooState in = t.initial(), out = t.expected();
        int[] actual = {
            cpu.reg(Cpu.EAX), cpu.reg(Cpu.EBX), cpu.reg(Cpu.ECX), cpu.reg(Cpu.EDX),
            cpu.segment(Cpu.CS), cpu.segment(Cpu.SS), cpu.segment(Cpu.DS), cpu.segment(Cpu.ES),
            cpu.reg(Cpu.ESP), cpu.reg(Cpu.EBP), cpu.reg(Cpu.ESI), cpu.reg(Cpu.EDI), cpu.eip(), cpu.eflags()};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            int want = out.has(i) ? out.regs()[i] : in.regs()[i];
            int got = actual[i] & 0xFFFF;
            int m = i == MooState.FLAGS ? flagsMask : 0xFFFF;
            if (((want ^ got) & m) != 0) {
                sb.append(String.format(" %s=%04x(want %04x)", MooState.REG_NAMES[i], got & m, want & m));
            }
        }
        int[] addr = out.ramAddress();
        // The FLAGS image an exception pushed (FLAGS, CS, IP: so at final SP + 4) is compared under
        // the same mask as FLAGS. EXCP's own address is bus-word aligned, so it is derived here.
        int fa = -1, fa1 = -1;
        if (t.exceptionVector() >= 0) {
            int ss = (out.has(MooState.SS) ? out.regs()[MooState.SS] : in.regs()[MooState.SS]) << 4;
            int sp = out.has(MooState.SP) ? out.regs()[MooState.SP] : in.regs()[MooState.SP];
            fa = ss + ((sp + 4) & 0xFFFF);
            fa1 = ss + ((sp + 5) & 0xFFFF);
        }
        for (int i = 0; i < addr.length; i++) {
            int got = ram.read8(addr[i]);
            int want = out.ramValue()[i] & 0xFF;
            int m = addr[i] == fa ? flagsMask & 0xFF : addr[i] == fa1 ? flagsMask >>> 8 : 0xFF;
            if (((got ^ want) & m) != 0) {
                sb.append(String.format(" [%05x]=%02x(want %02x)", addr[i], got, want));
            }
        }
        if (sb.length() == 0) return null;
        StringBuilder bytes = new StringBuilder();
        for (byte b : t.bytes()) bytes.append(String.format("%02x", b & 0xFF));
        return "bytes " + bytes + (t.exceptionVector() >= 0 ? " exc " + t.exceptionVector() : "") + ":" + sb;
    }

    /** The report: failures (first few), the skip list with counts and reasons, and the summary line last. */
    public static String format(Result r) {
        StringBuilder sb = new StringBuilder();
        for (Failure f : r.failures) {
            sb.append("FAIL ").append(f.file()).append(" #").append(f.index()).append(' ').append(f.name())
                    .append(": ").append(f.detail()).append('\n');
        }
        if (r.failed > r.failures.size()) {
            sb.append("(").append(r.failed - r.failures.size()).append(" more failures not shown)\n");
        }
        sb.append("skip list:\n");
        for (SkipRules s : SkipRules.values()) {
            sb.append(String.format("  %-18s %6d  %s%n", s.name(), r.skips.getOrDefault(s, 0L), s.reason()));
        }
        sb.append(r.summaryLine());
        return sb.toString();
    }
}
