package dev.noreset.hw.differential;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generator is deterministic, covers its table, and keeps every vector's addresses safe. */
class GeneratorTest {

    @Test
    void sameSeedSameVectors() {
        assertEquals(new Generator(99).next(500), new Generator(99).next(500));
        assertNotEquals(new Generator(99).next(50), new Generator(100).next(50));
    }

    @Test
    void everyTableEntryIsGenerated() {
        Set<String> seen = new HashSet<>();
        for (TestVector v : new Generator(3).next(60_000)) {
            seen.add(v.mnemonic().replaceAll("^(o16 |a16 )+", ""));
        }
        Set<String> missing = new HashSet<>();
        for (InsnTable.Spec s : InsnTable.specs()) {
            if (!seen.contains(s.name())) {
                missing.add(s.name());
            }
        }
        assertTrue(missing.isEmpty(), () -> "never generated: " + missing);
    }

    @Test
    void vectorsAreWellFormedAndSteered() {
        for (TestVector v : new Generator(11).next(20_000)) {
            assertTrue(v.code().length >= 1 && v.code().length <= 15, v::describe);
            assertTrue(v.codeOffset() + v.code().length <= Layout.PAGE, v::describe);
            assertTrue(Layout.safeRange(v.regs()[4] - 64, 128), () -> "stack not steered: " + v.describe());
            assertEquals(0, v.eflags() & ~0x0CD5, v::describe);
        }
    }

    @Test
    void vectorsSurviveTheFileFormat() throws IOException {
        List<TestVector> vs = new Generator(5).next(200);
        EmulatorRunner emu = new EmulatorRunner();
        List<Outcome> os = emu.run(vs);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        VectorFile.write(buf, "test", vs, os);
        VectorFile.Recording r = VectorFile.read(new ByteArrayInputStream(buf.toByteArray()));
        assertEquals(vs, r.vectors());
        assertEquals(os, r.outcomes());
        assertEquals("test", r.origin());
    }

    @Test
    void corruptFileIsRejectedWithIoException() throws IOException {
        IOException e = assertThrows(IOException.class,
                () -> VectorFile.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
        assertTrue(e.getMessage().startsWith("not a recorded vector file"), e.getMessage());
        List<TestVector> vs = new Generator(8).next(20);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        VectorFile.write(buf, "t", vs, new EmulatorRunner().run(vs));
        byte[] whole = buf.toByteArray();
        for (int cut = 0; cut < whole.length; cut += 7) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            IOException t = assertThrows(IOException.class, () -> VectorFile.read(new ByteArrayInputStream(part)));
            assertFalse(t.getMessage().contains("\n"));
        }
    }

    @Test
    void comparisonBites() {
        TestVector v = new Generator(1).next();
        Outcome o = new EmulatorRunner().run(v);
        assertNull(Compare.difference(v, o, o));
        int[] regs = o.regs().clone();
        regs[0] ^= 1;
        Outcome changed = new Outcome(o.event(), o.eip(), o.err(), o.cr2(), regs, o.eflags(), o.memory());
        assertNotNull(Compare.difference(v, o, changed));
        Outcome flags = new Outcome(o.event(), o.eip(), o.err(), o.cr2(), o.regs(), o.eflags() ^ FlagRule.Flags.DF,
                o.memory());
        assertNotNull(Compare.difference(v, o, flags));
        Outcome mem = new Outcome(o.event(), o.eip(), o.err(), o.cr2(), o.regs(), o.eflags(), new int[] {0x1234});
        assertEquals(o.memory().length == 1 && o.memory()[0] == 0x1234, Compare.difference(v, o, mem) == null);
    }

    @Test
    void undefinedFlagRulesFollowTheSdm() {
        assertEquals(0, FlagRule.SHIFT.undefinedFlags(0, 32));
        assertEquals(FlagRule.Flags.AF, FlagRule.SHIFT.undefinedFlags(1, 32));
        assertEquals(FlagRule.Flags.AF | FlagRule.Flags.OF, FlagRule.SHIFT.undefinedFlags(5, 32));
        assertEquals(FlagRule.Flags.AF | FlagRule.Flags.OF | FlagRule.Flags.CF, FlagRule.SHIFT.undefinedFlags(9, 8));
        assertEquals(FlagRule.Flags.AF | FlagRule.Flags.OF, FlagRule.SAR.undefinedFlags(9, 8));
        assertEquals(FlagRule.Flags.OF, FlagRule.ROTATE.undefinedFlags(2, 32));
        assertEquals(0, FlagRule.ROTATE.undefinedFlags(1, 32));
        assertEquals(FlagRule.Flags.STATUS, FlagRule.DIV.undefinedFlags(0, 32));
        for (FlagRule r : FlagRule.values()) {
            assertFalse(r.citation().isBlank());
        }
    }
}
