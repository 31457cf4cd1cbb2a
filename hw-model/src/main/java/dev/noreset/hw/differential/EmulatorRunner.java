package dev.noreset.hw.differential;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs vectors on the emulated CPU in 32-bit user mode with paging, mapping exactly the pages the
 * host runner maps, alternately through {@code Cpu.step()} and {@code Cpu.run(1)}, and reports
 * outcomes in the host's terms: INT n is delivered as a Linux
 * process sees it (vectors 3 and 4 have user-callable gates, every other INT n raises #GP with
 * error code n*8+2 at the instruction, since the kernel's gates have DPL 0).
 */
public final class EmulatorRunner {
    private static final int PD = 0x1000, PT_CODE = 0x2000, PT_DATA = 0x3000;
    private static final int CODE_PA = 0x4000, DATA_PA = 0x5000, RO_PA = DATA_PA + Layout.RW_PAGES * Layout.PAGE;
    private static final int REPEAT_LIMIT = 200_000;

    private final PhysicalMemory ram = new PhysicalMemory(64 * 1024);
    private final Mmu mmu = new Mmu(ram);
    private final Cpu cpu = new Cpu(ram, mmu, IoSpace.NONE);
    private final byte[] codeFill = new byte[Layout.PAGE];
    private final byte[] roPage = Layout.fill(Layout.RO_SEED, Layout.PAGE);
    private final byte[] scratch = new byte[Layout.RW_PAGES * Layout.PAGE];
    private long vectorsRun;

    public EmulatorRunner() {
        Arrays.fill(codeFill, Layout.CODE_FILL);
        int user = Mmu.PTE_P | Mmu.PTE_US;
        ram.write32(PD + (Layout.CODE_BASE >>> 22) * 4, PT_CODE | user | Mmu.PTE_RW);
        ram.write32(PD + (Layout.DATA_BASE >>> 22) * 4, PT_DATA | user | Mmu.PTE_RW);
        ram.write32(PT_CODE + ((Layout.CODE_BASE >>> 12) & 0x3FF) * 4, CODE_PA | user | Mmu.PTE_RW);
        int first = (Layout.DATA_BASE >>> 12) & 0x3FF;
        for (int i = 0; i < Layout.RW_PAGES; i++) {
            ram.write32(PT_DATA + (first + i) * 4, (DATA_PA + i * Layout.PAGE) | user | Mmu.PTE_RW);
        }
        ram.write32(PT_DATA + (first + Layout.RW_PAGES) * 4, RO_PA | user);
        ram.load(RO_PA, roPage, 0, Layout.PAGE);
        mmu.setCr3(PD);
        mmu.setCr0(mmu.cr0() | Mmu.CR0_PE | Mmu.CR0_PG);
        cpu.enterUserMode();
    }

    public List<Outcome> run(List<TestVector> batch) {
        List<Outcome> out = new ArrayList<>(batch.size());
        for (TestVector v : batch) {
            out.add(run(v));
        }
        return out;
    }

    public Outcome run(TestVector v) {
        ram.load(CODE_PA, codeFill, 0, Layout.PAGE);
        ram.load(CODE_PA + v.codeOffset(), v.code(), 0, v.code().length);
        byte[] seedFill = Layout.fill(v.memSeed(), Layout.RW_PAGES * Layout.PAGE);
        ram.load(DATA_PA, seedFill, 0, seedFill.length);
        cpu.enterUserMode();
        for (int i = 0; i < 8; i++) {
            cpu.setReg(i, v.regs()[i]);
        }
        cpu.setEflags((v.eflags() & 0x0CD5) | 0x0202);
        cpu.setEip(v.start());
        mmu.flushTlb();
        Trap t;
        int steps = 0;
        // Alternate between step() and run(1): run() has its own fast path for hot forms.
        boolean viaRun = (vectorsRun++ & 1) == 1;
        do {
            t = viaRun ? cpu.run(1) : cpu.step();
            steps++;
        } while (t == null && v.repeat() && cpu.eip() == v.start() && steps < REPEAT_LIMIT);
        int event = Outcome.COMPLETED, err = 0, cr2 = 0, eip = cpu.eip();
        if (t != null) {
            switch (t.kind()) {
                case SOFTWARE_INTERRUPT -> {
                    if (t.vector() == 3 || t.vector() == 4) {
                        event = t.vector();
                    } else {
                        event = Trap.GP;
                        err = t.vector() * 8 + 2;
                        eip = v.start();
                    }
                }
                case EXCEPTION -> {
                    event = t.vector();
                    err = t.vector() == Trap.GP ? t.errorCode() : t.vector() == Trap.PF ? t.errorCode() & 7 : 0;
                    cr2 = t.vector() == Trap.PF ? t.cr2() : 0;
                }
                default -> event = 1000 + t.kind().ordinal(); // HALT or INTERRUPT: never expected in user mode
            }
        }
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = cpu.reg(i);
        }
        ram.copyOut(DATA_PA, scratch, 0, scratch.length);
        int n = 0;
        for (int i = 0; i < scratch.length; i++) {
            if (scratch[i] != seedFill[i]) {
                n++;
            }
        }
        int[] mem = new int[n];
        n = 0;
        for (int i = 0; i < scratch.length; i++) {
            if (scratch[i] != seedFill[i]) {
                mem[n++] = i << 8 | (scratch[i] & 0xFF);
            }
        }
        byte[] ro = new byte[Layout.PAGE];
        ram.copyOut(RO_PA, ro, 0, ro.length);
        if (!Arrays.equals(ro, roPage)) {
            event = 2000; // the read-only page changed: reported as a mismatch by any comparison
            ram.load(RO_PA, roPage, 0, Layout.PAGE);
        }
        return new Outcome(event, eip, err, cr2, regs, cpu.eflags(), mem);
    }
}
