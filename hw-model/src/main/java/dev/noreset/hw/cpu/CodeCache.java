package dev.noreset.hw.cpu;

import dev.noreset.hw.mem.PhysicalMemory;

import java.util.Arrays;

/**
 * Decoded instructions by physical address, one lazily allocated table per 4 KiB page. A page's
 * table is dropped on the first write to that page (self-modifying code, program loading, DMA),
 * which {@link PhysicalMemory} reports through its code watcher. Instructions that cross a page
 * boundary are never cached, so a cached instruction's bytes all lie in one page.
 */
final class CodeCache implements PhysicalMemory.CodeWatcher {
    private final PhysicalMemory ram;
    private final Insn[][] pages;
    /** Told (through irqCheck) whenever a table is dropped, so a fast loop holding it stops. */
    private final CpuCore cpu;

    CodeCache(PhysicalMemory ram, CpuCore cpu) {
        this.ram = ram;
        this.cpu = cpu;
        this.pages = new Insn[ram.size() >>> 12][];
        ram.setCodeWatcher(this);
    }

    Insn get(int pa) {
        int p = pa >>> 12;
        if (p >= pages.length) {
            return null;
        }
        Insn[] t = pages[p];
        return t == null ? null : t[pa & 0xFFF];
    }

    /** The table of the page holding {@code pa}, or null. */
    Insn[] table(int pa) {
        int p = pa >>> 12;
        return p < pages.length ? pages[p] : null;
    }

    void put(int pa, Insn d) {
        int p = pa >>> 12;
        if (p >= pages.length || (pa & 0xFFF) + d.len > 0x1000) {
            return;
        }
        Insn[] t = pages[p];
        if (t == null) {
            t = new Insn[0x1000];
            pages[p] = t;
            ram.markCodePage(pa);
        }
        t[pa & 0xFFF] = d.copy();
    }

    @Override
    public void codeWritten(int page) {
        if (page < pages.length) {
            pages[page] = null;
            cpu.irqCheck = true;
        }
    }

    void invalidate(int pa, int len) {
        long end = (pa & 0xFFFFFFFFL) + Math.max(len, 1) - 1;
        for (long p = (pa & 0xFFFFFFFFL) >>> 12; p <= end >>> 12 && p < pages.length; p++) {
            pages[(int) p] = null;
        }
        cpu.irqCheck = true;
    }

    void clear() {
        Arrays.fill(pages, null);
        cpu.irqCheck = true;
    }
}
