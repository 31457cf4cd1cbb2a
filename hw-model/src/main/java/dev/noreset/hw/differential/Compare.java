package dev.noreset.hw.differential;

import dev.noreset.hw.differential.FlagRule.Flags;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Decides whether the emulator's outcome matches the host's, ignoring only what the SDM leaves undefined. */
public final class Compare {
    /**
     * EFLAGS bits compared: everything software can observe at CPL 3 except TF (the host runs with
     * it set to single-step) and RF (the host's debug machinery sets it on faults).
     */
    public static final int COMPARED_FLAGS = 0x003FFFFF & ~(Flags.TF | Flags.RF | 0x180000);

    private Compare() {
    }

    /** Null when the outcomes agree, else a one-line list of the differences. */
    public static String difference(TestVector v, Outcome host, Outcome emu) {
        List<String> d = new ArrayList<>();
        if (host.event() != emu.event()) {
            d.add("event " + host.eventName() + " vs " + emu.eventName());
        } else if (host.err() != emu.err() || host.cr2() != emu.cr2()) {
            d.add("fault detail " + host.eventName() + " vs " + emu.eventName());
        }
        if (host.eip() != emu.eip()) {
            d.add(String.format("eip %08x vs %08x", host.eip(), emu.eip()));
        }
        boolean executed = host.event() == Outcome.COMPLETED || host.event() == 3 || host.event() == 4;
        int undefined = executed ? v.rule().undefinedFlags(v.ruleArg(), v.width()) : 0;
        int mask = COMPARED_FLAGS & ~undefined;
        if ((host.eflags() & mask) != (emu.eflags() & mask)) {
            d.add(String.format("eflags %08x vs %08x (differ %08x)", host.eflags() & mask, emu.eflags() & mask,
                    (host.eflags() ^ emu.eflags()) & mask));
        }
        String[] names = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
        for (int i = 0; i < 8; i++) {
            boolean undefinedDest = executed && v.rule() == FlagRule.BIT_SCAN && i == v.destReg()
                    && (host.eflags() & Flags.ZF) != 0;
            // BSF/BSR with a zero source: the destination (its low 16 bits for 16-bit operands) is undefined.
            int m = !undefinedDest ? -1 : v.width() == 16 ? 0xFFFF0000 : 0;
            if (v.rule() == FlagRule.POPA && host.event() == 14 && i != 4) {
                m = 0;
            }
            if ((host.regs()[i] & m) != (emu.regs()[i] & m)) {
                d.add(String.format("%s %08x vs %08x", names[i], host.regs()[i], emu.regs()[i]));
            }
        }
        String mem = memoryDifference(v, host, emu);
        if (mem != null) {
            d.add(mem);
        }
        return d.isEmpty() ? null : String.join("; ", d);
    }

    private static String memoryDifference(TestVector v, Outcome host, Outcome emu) {
        TreeMap<Integer, Integer> h = toMap(host.memory()), e = toMap(emu.memory());
        if (v.rule() == FlagRule.PUSHF && host.event() == Outcome.COMPLETED) {
            // The host pushed its EFLAGS image with TF (bit 8) set; clear it where it was stored.
            int at = host.regs()[4] - Layout.DATA_BASE + 1;
            if (at >= 0 && at < Layout.RW_PAGES * Layout.PAGE) {
                int seedByte = Layout.fill(v.memSeed(), (at + 4) & ~3)[at] & 0xFF;
                int fixed = h.getOrDefault(at, seedByte) & ~1;
                if (fixed == seedByte) {
                    h.remove(at);
                } else {
                    h.put(at, fixed);
                }
            }
        }
        if (v.rule() == FlagRule.ENTER && host.event() != Outcome.COMPLETED) {
            // The host may have written the new frame (EBP, the outer frame pointers, the new frame
            // pointer) before faulting on a later access (see FlagRule.ENTER).
            int level = v.code()[v.code().length - 1] & 31;
            int esp = host.regs()[4] - Layout.DATA_BASE, low = esp - 4 * (level + 1);
            h.keySet().removeIf(off -> off >= low && off < esp);
            e.keySet().removeIf(off -> off >= low && off < esp);
        }
        if (v.rule() == FlagRule.PUSHA && host.event() != Outcome.COMPLETED) {
            int esp = host.regs()[4] - Layout.DATA_BASE, low = esp - 4 * v.width();
            h.keySet().removeIf(off -> off >= low && off < esp);
            e.keySet().removeIf(off -> off >= low && off < esp);
        }
        if (h.equals(e)) {
            return null;
        }
        StringBuilder b = new StringBuilder("memory:");
        int shown = 0;
        TreeMap<Integer, Integer> all = new TreeMap<>(h);
        all.putAll(e);
        for (int off : all.keySet()) {
            Integer x = h.get(off), y = e.get(off);
            if (x == null ? y != null : !x.equals(y)) {
                b.append(String.format(" %08x:%s/%s", Layout.DATA_BASE + off, x == null ? "--" : String.format("%02x", x),
                        y == null ? "--" : String.format("%02x", y)));
                if (++shown == 8) {
                    b.append(" ...");
                    break;
                }
            }
        }
        return b.toString();
    }

    private static TreeMap<Integer, Integer> toMap(int[] mem) {
        TreeMap<Integer, Integer> m = new TreeMap<>();
        for (int x : mem) {
            m.put(x >>> 8, x & 0xFF);
        }
        return m;
    }
}
