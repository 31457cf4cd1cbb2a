package dev.noreset.hw.mmu;

import dev.noreset.hw.Snapshottable;
import dev.noreset.hw.mem.PhysicalMemory;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The i386 paging unit: CR0/CR2/CR3, two-level 4 KiB page tables in RAM, and a TLB.
 *
 * <p>Only this class turns linear addresses into physical ones. The TLB is direct-mapped and, as
 * on hardware, is not snooped: a page-table change in RAM is seen only after a CR3 load,
 * {@link #invlpg} or {@link #flushTlb}, or once the entry is evicted by another page with the
 * same index. Permission rules (Intel SDM vol. 3, 4.6 for the 386 two-level scheme): a user
 * access needs U/S=1 in both the PDE and PTE, a user write needs R/W=1 in both, a supervisor
 * write to a read-only page faults only when CR0.WP=1. Accessed bits are set on every walk,
 * the dirty bit on the first write through a TLB entry.
 *
 * <p>Two shortcuts are invisible to software. A flush clears only the entries filled since the
 * last one. And a CR3 load puts the live entries aside (they stay in their {@link TlbSet}) and
 * makes the set kept for the new directory live, if there is one: a process switch then costs
 * no page walks and no copying. That is the same as a flush because an entry comes back only
 * while the page-directory and page-table pages it was walked from are unchanged: every walk
 * marks those pages in RAM ({@link PhysicalMemory#markTablePage}), and the first write to a
 * marked page, by anyone, drops every kept set and stops the live entries from being kept at
 * the next CR3 load. A fresh walk of an unchanged table gives the same entry, and its
 * accessed/dirty bits are already set (only a write could have cleared them). The live TLB
 * itself is still never snooped.
 *
 * <p>Additions to the published API: {@link #CR0_PG}, {@link #CR0_WP}, {@link #CR0_PE}.
 */
public final class Mmu implements Snapshottable {

    public static final int CR0_PE = 1, CR0_WP = 1 << 16, CR0_PG = 1 << 31;
    public static final int PTE_P = 1, PTE_RW = 2, PTE_US = 4, PTE_A = 0x20, PTE_D = 0x40;
    public static final int PF_P = 1, PF_W = 2, PF_U = 4;

    private static final int TLB_MASK = TlbSet.MASK;
    /** Address spaces whose entries are kept at once (the live one included). */
    static final int SETS = 8;
    /** Entry rights bits (combined from PDE and PTE). */
    private static final int E_USER = 1, E_WRITE = 2, E_DIRTY = 4;

    private final PhysicalMemory ram;
    private int cr0, cr2, cr3;
    private boolean paging;
    /** Created on demand; sets[0] always exists. */
    private final TlbSet[] sets = new TlbSet[SETS];
    private TlbSet live;
    /** The set the last CR3 load put aside (kept or not), checked first by the next load. */
    private TlbSet previous;
    private int victim;
    // The live set's arrays, read on every access: a hit is then a single compare.
    private int[] tlbTag, tlbFrame, hitUserRead, hitUserWrite, hitSupRead, hitSupWrite;
    /** False once a marked page-table page was written while the live entries were in use. */
    private boolean liveClean = true;
    private int faultCode, faultAddr;

    public Mmu(PhysicalMemory ram) {
        this.ram = ram;
        sets[0] = new TlbSet();
        activate(sets[0]);
        ram.addTableWatcher(page -> tableWritten());
    }

    public int cr0() { return cr0; }

    public void setCr0(int v) {
        if (((v ^ cr0) & (CR0_PG | CR0_WP | CR0_PE)) != 0) {
            flushTlb();
        }
        cr0 = v;
        paging = (v & CR0_PG) != 0 && (v & CR0_PE) != 0;
    }

    public int cr2() { return cr2; }

    public void setCr2(int v) { cr2 = v; }

    public int cr3() { return cr3; }

    /** Loads the page-directory base; like a MOV to CR3, this flushes the whole TLB. */
    public void setCr3(int v) {
        TlbSet old = live;
        old.dir = cr3;
        old.kept = liveClean;
        // At most one set is kept per directory (a set is put aside only for the directory that
        // was live, and loading a directory takes its kept set back), so when the set put aside
        // by the last load is kept for v, it is the one the search below would find: a switch
        // back and forth between two processes needs no search.
        TlbSet next = null;
        TlbSet back = previous;
        if (back != null && back.kept && back.dir == v) {
            next = back;
        } else {
            for (TlbSet t : sets) {
                if (t != null && t.kept && t.dir == v) {
                    next = t;
                    break;
                }
            }
        }
        previous = old;
        if (next == null) {
            next = spareSet(old);
            next.clear();
        }
        next.kept = false;
        cr3 = v;
        liveClean = true;
        activate(next);
    }

    /** A set to reuse for a new directory: one kept for nothing, else the oldest choice (never {@code old} if it is kept). */
    private TlbSet spareSet(TlbSet old) {
        for (int s = 0; s < SETS; s++) {
            if (sets[s] == null) {
                sets[s] = new TlbSet();
                return sets[s];
            }
            if (!sets[s].kept) {
                return sets[s];
            }
        }
        victim = (victim + 1) % SETS;
        if (sets[victim] == old) {
            victim = (victim + 1) % SETS;
        }
        return sets[victim];
    }

    private void activate(TlbSet t) {
        live = t;
        tlbTag = t.tag;
        tlbFrame = t.frame;
        hitUserRead = t.userRead;
        hitUserWrite = t.userWrite;
        hitSupRead = t.supRead;
        hitSupWrite = t.supWrite;
    }

    /** A marked page-table page was written: nothing put aside may come back. */
    private void tableWritten() {
        dropKept();
        liveClean = false;
    }

    private void dropKept() {
        for (TlbSet t : sets) {
            if (t != null) {
                t.kept = false;
            }
        }
    }

    public boolean pagingEnabled() { return paging; }

    /** Empties the whole TLB (and forgets what was put aside at CR3 loads). */
    public void flushTlb() {
        live.clear();
        dropKept();
        liveClean = true;
    }

    /** Drops the TLB entry for the page holding {@code linear}, if any. */
    public void invlpg(int linear) {
        int page = linear >>> 12;
        int i = page & TLB_MASK;
        if (tlbTag[i] == page) {
            live.drop(i);
        }
    }

    public int faultErrorCode() { return faultCode; }

    public int faultAddress() { return faultAddr; }

    /**
     * Translates {@code linear} for a read or write by user (CPL 3) or supervisor code.
     * Returns the physical address, or -1 after recording the #PF error code and address.
     */
    public long translate(int linear, boolean write, boolean user) {
        if (!paging) {
            return linear & 0xFFFFFFFFL;
        }
        int page = linear >>> 12;
        int i = page & TLB_MASK;
        int[] hit = user ? (write ? hitUserWrite : hitUserRead) : (write ? hitSupWrite : hitSupRead);
        if (hit[i] == page) {
            return (tlbFrame[i] | (linear & 0xFFF)) & 0xFFFFFFFFL;
        }
        // A miss, a permission miss or a first write: walk again, as hardware does before faulting.
        return walk(linear, write, user);
    }

    private boolean allowedWrite(int rights, boolean user) {
        if ((rights & E_WRITE) != 0) {
            return true;
        }
        return !user && (cr0 & CR0_WP) == 0;
    }

    private long walk(int linear, boolean write, boolean user) {
        int pdeAddr = (cr3 & 0xFFFFF000) + ((linear >>> 22) << 2);
        int pde = ram.read32(pdeAddr);
        if ((pde & PTE_P) == 0) {
            return fault(linear, 0, write, user);
        }
        int pteAddr = (pde & 0xFFFFF000) + (((linear >>> 12) & 0x3FF) << 2);
        int pte = ram.read32(pteAddr);
        if ((pte & PTE_P) == 0) {
            return fault(linear, 0, write, user);
        }
        int rights = 0;
        if ((pde & pte & PTE_US) != 0) {
            rights |= E_USER;
        }
        if ((pde & pte & PTE_RW) != 0) {
            rights |= E_WRITE;
        }
        if (user && (rights & E_USER) == 0 || write && !allowedWrite(rights, user)) {
            return fault(linear, PF_P, write, user);
        }
        if ((pde & PTE_A) == 0) {
            ram.write32(pdeAddr, pde | PTE_A);
        }
        int newPte = pte | PTE_A | (write ? PTE_D : 0);
        if (newPte != pte) {
            ram.write32(pteAddr, newPte);
        }
        if ((newPte & PTE_D) != 0) {
            rights |= E_DIRTY;
        }
        // Marked after the accessed/dirty writes above, so the walk does not report itself.
        ram.markTablePage(pdeAddr);
        ram.markTablePage(pteAddr);
        int page = linear >>> 12;
        int i = page & TLB_MASK;
        live.filling(i);
        tlbTag[i] = page;
        tlbFrame[i] = pte & 0xFFFFF000;
        boolean dirty = (rights & E_DIRTY) != 0;
        hitUserRead[i] = (rights & E_USER) != 0 ? page : -1;
        hitUserWrite[i] = (rights & E_USER) != 0 && allowedWrite(rights, true) && dirty ? page : -1;
        hitSupRead[i] = page;
        hitSupWrite[i] = allowedWrite(rights, false) && dirty ? page : -1;
        return ((pte & 0xFFFFF000) | (linear & 0xFFF)) & 0xFFFFFFFFL;
    }

    private long fault(int linear, int p, boolean write, boolean user) {
        faultAddr = linear;
        faultCode = p | (write ? PF_W : 0) | (user ? PF_U : 0);
        return -1;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        out.writeInt(cr0);
        out.writeInt(cr2);
        out.writeInt(cr3);
    }

    /** Restores CR0/CR2/CR3; the TLB is not part of the snapshot and is flushed. */
    @Override
    public void loadState(DataInput in) throws IOException {
        int c0 = in.readInt();
        cr2 = in.readInt();
        cr3 = in.readInt();
        cr0 = ~c0;
        setCr0(c0);
        flushTlb();
    }
}
