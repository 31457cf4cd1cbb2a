package dev.noreset.hw.differential;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * What one instruction did, in a form both sides produce: the event ({@link #COMPLETED} or an
 * exception vector, as delivered to a Linux process), the registers and flags afterwards (before,
 * for a fault), the error code and CR2 where the vector defines them, and every byte of the
 * read-write data pages that differs from its seed fill.
 *
 * @param event  {@link #COMPLETED}, or the vector (0 #DE, 3 #BP, 4 #OF, 6 #UD, 13 #GP, 14 #PF, ...)
 * @param err    error code for #GP and #PF, otherwise 0
 * @param cr2    faulting address for #PF, otherwise 0
 * @param memory sorted (offset &lt;&lt; 8 | byte) entries of the changed data bytes
 */
public record Outcome(int event, int eip, int err, int cr2, int[] regs, int eflags, int[] memory) {
    public static final int COMPLETED = -1;

    public String eventName() {
        return switch (event) {
            case COMPLETED -> "completed";
            case 0 -> "#DE";
            case 1 -> "#DB";
            case 3 -> "#BP";
            case 4 -> "#OF";
            case 5 -> "#BR";
            case 6 -> "#UD";
            case 12 -> "#SS";
            case 13 -> String.format("#GP(%x)", err);
            case 14 -> String.format("#PF(err=%x,cr2=%08x)", err, cr2);
            case 17 -> "#AC";
            default -> "vector " + event;
        };
    }

    public String describe() {
        StringBuilder b = new StringBuilder(eventName());
        b.append(String.format(" eip=%08x", eip));
        String[] n = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
        for (int i = 0; i < 8; i++) {
            b.append(' ').append(n[i]).append('=').append(String.format("%08x", regs[i]));
        }
        b.append(String.format(" efl=%08x mem:", eflags));
        for (int i = 0; i < Math.min(memory.length, 12); i++) {
            b.append(String.format(" %04x=%02x", memory[i] >>> 8, memory[i] & 0xFF));
        }
        if (memory.length > 12) {
            b.append(" ...(").append(memory.length).append(" bytes)");
        }
        return b.toString();
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(event);
        out.writeInt(eip);
        out.writeInt(err);
        out.writeInt(cr2);
        for (int r : regs) {
            out.writeInt(r);
        }
        out.writeInt(eflags);
        out.writeInt(memory.length);
        for (int m : memory) {
            out.writeInt(m);
        }
    }

    static Outcome read(DataInput in) throws IOException {
        int ev = in.readInt(), eip = in.readInt(), err = in.readInt(), cr2 = in.readInt();
        int[] regs = new int[8];
        for (int i = 0; i < 8; i++) {
            regs[i] = in.readInt();
        }
        int efl = in.readInt(), n = in.readInt();
        if (n < 0 || n > Layout.RW_PAGES * Layout.PAGE) {
            throw new IOException("bad outcome: " + n + " changed bytes");
        }
        int[] mem = new int[n];
        for (int i = 0; i < n; i++) {
            mem[i] = in.readInt();
        }
        return new Outcome(ev, eip, err, cr2, regs, efl, mem);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome x && x.event == event && x.eip == eip && x.err == err && x.cr2 == cr2
                && Arrays.equals(x.regs, regs) && x.eflags == eflags && Arrays.equals(x.memory, memory);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(regs) * 31 + eip;
    }

    @Override
    public String toString() {
        return describe();
    }
}
