package dev.noreset.kernel.boot;

import dev.noreset.kernel.core.Abi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootImageTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("t.image");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void parsesEveryColumn() throws Exception {
        BootImage img = BootImage.read(write("# comment\n"
                + "rs\trs.elf\t-\t*\t*\t-\t-\t3\t5\n"
                + "tty\tdrivers/tty.elf\trs\trs\tSYS_DEVIO,SYS_IRQCTL\t0x3f8-0x3ff,0x80\t4\t2\t8\t-v  fast\n"));
        assertEquals(2, img.entries().size());
        BootEntry rs = img.entries().get(0);
        assertNull(rs.ipcTargets());
        assertEquals((1 << Abi.NR_SYS_CALLS) - 1, rs.kcallMask());
        BootEntry tty = img.entries().get(1);
        assertEquals("rs", tty.sigmgr());
        assertEquals(dir.resolve("drivers/tty.elf"), tty.elf());
        assertEquals(1 << Abi.SYS_DEVIO | 1 << Abi.SYS_IRQCTL, tty.kcallMask());
        assertTrue(tty.allowsPort(0x3FD) && tty.allowsPort(0x80) && !tty.allowsPort(0x81));
        assertEquals(1 << 4, tty.irqMask());
        assertEquals(java.util.List.of("-v", "fast"), tty.args());
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        String[][] cases = {
            {"a\ta.elf\t-\t-\tSYS_NOPE\t-\t-\t1\t1\n", ":1: unknown kernel call 'SYS_NOPE'"},
            {"a\ta.elf\t-\t-\t-\t0x10000\t-\t1\t1\n", ":1: port 0x10000 out of range"},
            {"a\ta.elf\t-\t-\t-\t-\t16\t1\t1\n", ":1: IRQ line 16 out of range"},
            {"a\ta.elf\t-\t-\t-\t-\t-\t99\t1\n", ":1: priority 99 out of range"},
            {"a\ta.elf\tnobody\t-\t-\t-\t-\t1\t1\n", "signal manager 'nobody' is not in the image"},
            {"a\ta.elf\n", ":1: expected 9 or 10 tab-separated columns, found 2"},
            {"a\ta.elf\t-\t-\t-\t-\t-\t1\t1\na\ta.elf\t-\t-\t-\t-\t-\t1\t1\n", ":2: duplicate process name 'a'"},
            {"# nothing\n", "boot image has no programs"},
            {"waytoolongname_x\ta.elf\t-\t-\t-\t-\t-\t1\t1\n", ":1: bad process name"},
        };
        for (String[] c : cases) {
            BootImageException e = assertThrows(BootImageException.class, () -> BootImage.read(write(c[0])));
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " should contain " + c[1]);
            assertTrue(e.getMessage().startsWith(dir.resolve("t.image").toString()), e.getMessage());
        }
    }

    @Test
    void missingFileIsOneLine() {
        BootImageException e = assertThrows(BootImageException.class, () -> BootImage.read(dir.resolve("none")));
        assertTrue(e.getMessage().contains("cannot read boot image"));
    }

    @Test
    void kcallNamesComeFromTheAbi() {
        assertEquals("SYS_DEVIO", BootImage.kcallName(Abi.SYS_DEVIO));
    }
}
