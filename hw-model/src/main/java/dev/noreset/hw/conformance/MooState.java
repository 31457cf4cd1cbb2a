package dev.noreset.hw.conformance;

/**
 * A CPU state in a MOO test: the registers present (bit i of {@code mask} set means
 * {@code regs[i]} is given; order ax bx cx dx cs ss ds es sp bp si di ip flags) and RAM bytes.
 */
public record MooState(int mask, int[] regs, int[] ramAddress, byte[] ramValue) {
    public static final String[] REG_NAMES = {"ax", "bx", "cx", "dx", "cs", "ss", "ds", "es", "sp", "bp", "si", "di", "ip", "flags"};
    public static final int AX = 0, BX = 1, CX = 2, DX = 3, CS = 4, SS = 5, DS = 6, ES = 7, SP = 8, BP = 9,
            SI = 10, DI = 11, IP = 12, FLAGS = 13;

    public boolean has(int reg) {
        return (mask & (1 << reg)) != 0;
    }
}
