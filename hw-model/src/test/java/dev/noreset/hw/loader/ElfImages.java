package dev.noreset.hw.loader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds small, valid i386 ELF executables for parser tests (two PT_LOAD segments and a note). */
final class ElfImages {
    static final int TEXT_VADDR = 0x08048000, DATA_VADDR = 0x0804A000, ENTRY = TEXT_VADDR + 0x80;
    static final int TEXT_OFF = 0x80, TEXT_SIZE = 0x40, DATA_OFF = 0xC0, DATA_SIZE = 0x20, DATA_MEM = 0x100;
    static final int PHOFF = 52, PHNUM = 3;

    private ElfImages() {
    }

    static byte[] valid() {
        ByteBuffer b = ByteBuffer.allocate(DATA_OFF + DATA_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', 1, 1, 1, 0});
        b.position(16);
        b.putShort((short) 2).putShort((short) 3).putInt(1).putInt(ENTRY).putInt(PHOFF).putInt(0).putInt(0);
        b.putShort((short) 52).putShort((short) 32).putShort((short) PHNUM).putShort((short) 40)
                .putShort((short) 0).putShort((short) 0);
        phdr(b, 1, TEXT_OFF, TEXT_VADDR + TEXT_OFF - TEXT_OFF, TEXT_OFF + TEXT_SIZE, TEXT_OFF + TEXT_SIZE, 5);
        phdr(b, 1, DATA_OFF, DATA_VADDR, DATA_SIZE, DATA_MEM, 6);
        phdr(b, 4, 0, 0, 0, 0, 4); // PT_NOTE: ignored by the loader
        for (int i = TEXT_OFF; i < DATA_OFF + DATA_SIZE; i++) {
            b.put(i, (byte) (i * 7 + 1));
        }
        return b.array();
    }

    /** Program header {@code i}'s file offset. */
    static int ph(int i) {
        return PHOFF + 32 * i;
    }

    private static void phdr(ByteBuffer b, int type, int off, int vaddr, int filesz, int memsz, int flags) {
        // The text segment maps the file from offset 0 (headers included), as ld does.
        int fileOff = type == 1 && flags == 5 ? 0 : off;
        b.putInt(type).putInt(fileOff).putInt(vaddr).putInt(vaddr).putInt(filesz).putInt(memsz).putInt(flags)
                .putInt(0x1000);
    }

    static void putInt(byte[] img, int at, int v) {
        ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }

    static void putShort(byte[] img, int at, int v) {
        ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
    }
}
