package dev.noreset.hw.cpu;

import dev.noreset.hw.mem.PhysicalMemory;

import java.util.Arrays;

/**
 * Decoded instructions by physical address, one lazily allocated table per 4 KiB page. A page's
 * table is dropped on the first write to that page (self-modifying code, program loading, DMA),
 * which {@link PhysicalMemory} reports through its code watcher. Instructions that cross a page
 * boundary are never cached, so a cached instruction's bytes all lie in one page.
 *
 * <p>Beside each table: the page's compiled {@link Block}s by entry offset and an entry counter
 * per offset that decides when to compile; both are dropped with the table.
 */
final class CodeCache implements PhysicalMemory.CodeWatcher {
    private final PhysicalMemory ram;
    private final Insn[][] pages;
    private final Block[][] blocks;
    private final byte[][] heat;
    /** Block entries seen on pages without block arrays yet: pages run only a little never get them. */
    private final int[] warm;
    private static final int WARM = 8;
    /** Told (through irqCheck) whenever a table is dropped, so a fast loop holding it stops. */
    private final CpuCore cpu;

    CodeCache(PhysicalMemory ram, CpuCore cpu) {
        this.ram = ram;
        this.cpu = cpu;
        this.pages = new Insn[ram.size() >>> 12][];
        this.blocks = new Block[pages.length][];
        this.heat = new byte[pages.length][];
        this.warm = new int[pages.length];
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

    /**
     * The compiled blocks of the page holding {@code pa}, or null without a table; allocated
     * (with the entry counters) once the page has seen {@link #WARM} block entries.
     */
    Block[] warmBlocks(int pa) {
        int p = pa >>> 12;
        if (p >= pages.length || pages[p] == null) {
            return null;
        }
        Block[] b = blocks[p];
        if (b == null && ++warm[p] >= WARM) {
            b = new Block[0x1000];
            blocks[p] = b;
            heat[p] = new byte[0x1000];
        }
        return b;
    }

    /** Entry counters of the page holding {@code pa}; valid after {@link #warmBlocks} returned non-null. */
    byte[] heat(int pa) {
        return heat[pa >>> 12];
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
            blocks[page] = null;
            heat[page] = null;
            warm[page] = 0;
            cpu.irqCheck = true;
        }
    }

    void invalidate(int pa, int len) {
        long end = (pa & 0xFFFFFFFFL) + Math.max(len, 1) - 1;
        for (long p = (pa & 0xFFFFFFFFL) >>> 12; p <= end >>> 12 && p < pages.length; p++) {
            pages[(int) p] = null;
            blocks[(int) p] = null;
            heat[(int) p] = null;
            warm[(int) p] = 0;
        }
        cpu.irqCheck = true;
    }

    void clear() {
        Arrays.fill(pages, null);
        Arrays.fill(blocks, null);
        Arrays.fill(heat, null);
        Arrays.fill(warm, 0);
        cpu.irqCheck = true;
    }
}
