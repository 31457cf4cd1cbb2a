package dev.noreset.kernel.trap;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.core.Memory;

/**
 * Checks that the glue's state agrees with the core's and with the hardware: what the hostile-
 * caller test and the guest tests assert after a run. Returns null, or the first disagreement.
 */
public final class Invariants {
    private Invariants() { }

    public static String check(KernelGlue k) {
        int owned = 0;
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            boolean live = k.core.isLive(s);
            if (live && k.core.isRunnable(s) != (k.core.flags(s) == 0)) {
                return "slot " + s + ": runnable " + k.core.isRunnable(s) + " but flags " + k.core.flags(s);
            }
            int pd = k.spaces.pageDir(s);
            if (!live) {
                if (pd != 0) {
                    return "dead slot " + s + " still has a page directory";
                }
                continue;
            }
            if (pd == 0) {
                return "live slot " + s + " has no page directory";
            }
            String[] bad = {null};
            int slot = s;
            int[] pages = {0};
            k.spaces.tables().forEachMapping(pd, (vaddr, frame, writable) -> {
                pages[0]++;
                int f = frame >>> 12;
                if (bad[0] == null && (k.memory.frameOwner(f) != slot || k.memory.frameKind(f) != Memory.USER)) {
                    bad[0] = String.format("slot %d maps 0x%x to frame %d it does not own as user memory", slot, vaddr, f);
                } else if (bad[0] == null && k.memory.lookup(slot, vaddr >>> 12) != f) {
                    bad[0] = String.format("slot %d: page table maps 0x%x to frame %d, the core says %d", slot, vaddr,
                            f, k.memory.lookup(slot, vaddr >>> 12));
                } else if (bad[0] == null && k.memory.isWritable(slot, vaddr >>> 12) != writable) {
                    bad[0] = String.format("slot %d: page 0x%x writable %b in RAM but not in the core", slot, vaddr,
                            writable);
                }
            });
            if (bad[0] != null) {
                return bad[0];
            }
            owned += pages[0];
        }
        int total = k.ram.size() >>> 12;
        int used = 0;
        for (int f = 0; f < total; f++) {
            if (k.memory.frameKind(f) == Memory.USER) {
                used++;
            }
        }
        if (used != owned) {
            return "user frames in use " + used + " but mapped " + owned + " (a frame leaked or is shared)";
        }
        return null;
    }
}
