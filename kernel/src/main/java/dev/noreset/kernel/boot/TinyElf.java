package dev.noreset.kernel.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a minimal i386 ELF executable: a read-only code segment and a zero-filled writable data
 * segment. For kernel tests and tools that need a process without a C compiler.
 */
public final class TinyElf {
    private static final int EHDR = 52, PHDR = 32;

    private TinyElf() { }

    /** Code at {@code codeVaddr} (also the entry), {@code dataPages} writable pages at {@code dataVaddr}. */
    public static byte[] build(int codeVaddr, byte[] code, int dataVaddr, int dataPages) {
        int codeOff = 0x1000;
        ByteBuffer b = ByteBuffer.allocate(codeOff + code.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 3).putInt(1).putInt(codeVaddr).putInt(EHDR).putInt(0).putInt(0)
                .putShort((short) EHDR).putShort((short) PHDR).putShort((short) 2).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0);
        // PT_LOAD code: R+X
        b.putInt(1).putInt(codeOff).putInt(codeVaddr).putInt(codeVaddr).putInt(code.length).putInt(code.length)
                .putInt(5).putInt(0x1000);
        // PT_LOAD data: R+W, no file bytes
        b.putInt(1).putInt(codeOff).putInt(dataVaddr).putInt(dataVaddr).putInt(0).putInt(dataPages * 0x1000)
                .putInt(6).putInt(0x1000);
        b.position(codeOff);
        b.put(code);
        return b.array();
    }
}
