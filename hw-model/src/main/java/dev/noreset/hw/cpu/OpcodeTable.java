package dev.noreset.hw.cpu;

/**
 * The one table that drives decoding: for each of the 512 opcodes (one-byte map, then 0F xx) it
 * says whether a ModRM byte follows, which immediate follows, whether the LOCK prefix is allowed
 * and whether the opcode exists at all. {@link Decoder} reads only this table; tests can walk it.
 */
final class OpcodeTable {
    private OpcodeTable() { }

    // Immediate kinds (low 4 bits).
    static final int I_NONE = 0, I_B = 1, I_W = 2, I_Z = 3, I_WB = 4, I_AP = 5, I_MO = 6, I_GRP3 = 7;
    static final int IMM_MASK = 0xF;
    static final int MODRM = 0x10;
    /** Not an instruction of the modelled CPU: #UD. */
    static final int UD = 0x20;
    /** LOCK allowed when the destination is memory (groups: see {@link #lockAllowed}). */
    static final int LOCKABLE = 0x40;
    static final int PREFIX = 0x80;

    static final int[] ATTR = new int[512];

    private static void set(int attr, int... ops) {
        for (int op : ops) {
            ATTR[op] = attr;
        }
    }

    private static void range(int attr, int from, int to) {
        for (int op = from; op <= to; op++) {
            ATTR[op] = attr;
        }
    }

    static {
        // Everything in the 0F map is undefined unless listed below.
        range(UD, 0x100, 0x1FF);
        for (int alu = 0; alu < 8; alu++) {
            int b = alu << 3;
            int lk = alu == 7 ? 0 : LOCKABLE;
            set(MODRM | lk, b, b + 1);
            set(MODRM, b + 2, b + 3);
            set(I_B, b + 4);
            set(I_Z, b + 5);
        }
        set(PREFIX, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65, 0x66, 0x67, 0xF0, 0xF2, 0xF3);
        set(MODRM, 0x62, 0x63, 0x84, 0x85, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F, 0xC4, 0xC5,
                0xD0, 0xD1, 0xD2, 0xD3);
        range(MODRM, 0xD8, 0xDF);
        set(MODRM | LOCKABLE, 0x86, 0x87, 0xFE, 0xFF);
        set(MODRM | I_Z, 0x69, 0xC7);
        set(MODRM | I_B, 0x6B, 0xC0, 0xC1, 0xC6);
        set(MODRM | LOCKABLE | I_B, 0x80, 0x82, 0x83);
        set(MODRM | LOCKABLE | I_Z, 0x81);
        set(MODRM | LOCKABLE | I_GRP3, 0xF6, 0xF7);
        set(I_Z, 0x68, 0xA9, 0xE8, 0xE9);
        set(I_B, 0x6A, 0xA8, 0xCD, 0xD4, 0xD5, 0xE0, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xEB);
        range(I_B, 0x70, 0x7F);
        range(I_B, 0xB0, 0xB7);
        range(I_Z, 0xB8, 0xBF);
        set(I_W, 0xC2, 0xCA);
        set(I_WB, 0xC8);
        set(I_AP, 0x9A, 0xEA);
        range(I_MO, 0xA0, 0xA3);

        // Two-byte map (0x100 + second byte).
        set(MODRM, 0x100, 0x101, 0x102, 0x103, 0x120, 0x121, 0x122, 0x123, 0x1A3, 0x1A5, 0x1AD, 0x1AF,
                0x1B2, 0x1B4, 0x1B5, 0x1B6, 0x1B7, 0x1BC, 0x1BD, 0x1BE, 0x1BF);
        range(MODRM, 0x118, 0x11F);  // hint NOPs (0F 1F /0 is gcc's multi-byte NOP)
        range(MODRM, 0x140, 0x14F);  // CMOVcc
        range(MODRM, 0x190, 0x19F);  // SETcc
        range(I_Z, 0x180, 0x18F);    // Jcc rel16/32
        set(MODRM | I_B, 0x1A4, 0x1AC);
        set(MODRM | LOCKABLE, 0x1AB, 0x1B0, 0x1B1, 0x1B3, 0x1BB, 0x1C0, 0x1C1, 0x1C7);
        set(MODRM | LOCKABLE | I_B, 0x1BA);
        set(I_NONE, 0x106, 0x108, 0x109, 0x10B, 0x130, 0x131, 0x132, 0x133, 0x1A0, 0x1A1, 0x1A2, 0x1A8, 0x1A9);
        range(I_NONE, 0x1C8, 0x1CF); // BSWAP
        ATTR[0x10B] = UD;            // UD2 is defined as undefined
    }

    /** Whether LOCK is allowed for this opcode with this ModRM reg field and a memory destination. */
    static boolean lockAllowed(int op, int reg) {
        if ((ATTR[op] & LOCKABLE) == 0) {
            return false;
        }
        switch (op) {
            case 0x80: case 0x81: case 0x82: case 0x83: return reg != 7;
            case 0xF6: case 0xF7: return reg == 2 || reg == 3;
            case 0xFE: case 0xFF: return reg <= 1;
            case 0x1BA: return reg >= 5;
            case 0x1C7: return reg == 1;
            default: return true;
        }
    }
}
