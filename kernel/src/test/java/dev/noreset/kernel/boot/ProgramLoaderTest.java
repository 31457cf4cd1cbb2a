package dev.noreset.kernel.boot;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.kernel.core.Abi;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramLoaderTest {
    /** A mapper over plain RAM: page -> frame, with the writable bit remembered. */
    static final class MapMapper implements ProgramLoader.Mapper {
        final Map<Integer, Integer> frames = new HashMap<>();
        final Map<Integer, Boolean> writable = new HashMap<>();
        int next = 0x10000;
        final int limit;

        MapMapper(int limitFrames) {
            limit = limitFrames;
        }

        @Override public int mapFresh(int vaddr, boolean w) {
            if (frames.size() >= limit) {
                return -1;
            }
            frames.put(vaddr, next);
            writable.put(vaddr, w);
            next += 0x1000;
            return next - 0x1000;
        }

        @Override public int frameAt(int vaddr) {
            return frames.getOrDefault(vaddr, -1);
        }

        @Override public void makeWritable(int vaddr) {
            writable.put(vaddr, true);
        }
    }

    @Test
    void loadsSegmentsStackAndArguments() throws Exception {
        PhysicalMemory ram = new PhysicalMemory(1 << 20);
        byte[] code = {(byte) 0x90, (byte) 0xEB, (byte) 0xFE};
        Elf32 elf = Elf32.parse(TinyElf.build(0x400000, code, 0x401000, 2));
        MapMapper m = new MapMapper(100);
        ProgramLoader.Result r = new ProgramLoader(ram).load(elf, "prog", List.of("one", "two"), m);
        assertEquals(Abi.OK, r.error());
        assertEquals(0x400000, r.entry());
        assertFalse(m.writable.get(0x400000), "code is read-only");
        assertTrue(m.writable.get(0x401000) && m.writable.get(0x402000), "data is writable");
        assertEquals(0x90, ram.read8(m.frameAt(0x400000)));
        assertEquals(1 + 2 + ProgramLoader.STACK_PAGES, m.frames.size(), "one code page, two data pages, the stack");
        int esp = r.esp();
        assertTrue(esp > ProgramLoader.STACK_BOTTOM && Integer.compareUnsigned(esp, ProgramLoader.USER_LIMIT) < 0 && (esp & 3) == 0);
        assertEquals(3, read32(ram, m, esp), "argc");
        assertEquals("prog", string(ram, m, read32(ram, m, esp + 4)));
        assertEquals("one", string(ram, m, read32(ram, m, esp + 8)));
        assertEquals("two", string(ram, m, read32(ram, m, esp + 12)));
        assertEquals(0, read32(ram, m, esp + 16), "argv ends with NULL");
    }

    @Test
    void refusesImagesOutsideUserSpaceAndReportsNoMemory() throws Exception {
        PhysicalMemory ram = new PhysicalMemory(1 << 20);
        byte[] code = {(byte) 0xEB, (byte) 0xFE};
        Elf32 low = Elf32.parse(TinyElf.build(0x1000, code, 0x401000, 1));
        assertEquals(Abi.ENOEXEC, ProgramLoader.check(low), "page 0..4 MiB is never mapped");
        Elf32 high = Elf32.parse(TinyElf.build(0x400000, code, ProgramLoader.STACK_BOTTOM, 1));
        assertEquals(Abi.ENOEXEC, ProgramLoader.check(high), "data may not overlap the stack");
        Elf32 ok = Elf32.parse(TinyElf.build(0x400000, code, 0x401000, 1));
        assertEquals(Abi.ENOMEM, new ProgramLoader(ram).load(ok, "p", List.of(), new MapMapper(3)).error());
        String big = "x".repeat(5000);
        assertEquals(Abi.E2BIG, new ProgramLoader(ram).load(ok, "p", List.of(big), new MapMapper(100)).error());
    }

    private static int read32(PhysicalMemory ram, MapMapper m, int va) {
        return ram.read32(m.frameAt(va & ~0xFFF) + (va & 0xFFF));
    }

    private static String string(PhysicalMemory ram, MapMapper m, int va) {
        StringBuilder b = new StringBuilder();
        for (int c; (c = ram.read8(m.frameAt((va & ~0xFFF)) + (va & 0xFFF))) != 0; va++) {
            b.append((char) c);
        }
        return b.toString();
    }
}
