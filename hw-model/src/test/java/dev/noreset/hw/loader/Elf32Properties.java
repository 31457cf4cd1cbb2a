package dev.noreset.hw.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random damage to a valid ELF file never makes the parser fail with anything but its own error. */
class Elf32Properties {

    /** One change to the image: overwrite a byte or a 32-bit field, or cut the file short. */
    record Mutation(int kind, int position, int value) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        int len = ElfImages.valid().length;
        Arbitrary<Integer> pos = Arbitraries.oneOf(Arbitraries.integers().between(0, 52 + 3 * 32 - 1),
                Arbitraries.integers().between(0, len - 1));
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.integers(),
                Arbitraries.of(0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFFF000, 0x1000, len, len + 1, 3));
        return Combinators.combine(Arbitraries.integers().between(0, 2), pos, value).as(Mutation::new);
    }

    @Property(tries = 3000)
    void mutatedImagesParseOrFailCleanly(@ForAll @Size(min = 1, max = 6) List<@From("mutations") Mutation> ms) {
        byte[] img = ElfImages.valid();
        for (Mutation m : ms) {
            img = apply(img, m);
        }
        try {
            Elf32 elf = Elf32.parse(img);
            for (Elf32.Segment s : elf.segments()) {
                assertTrue(Integer.toUnsignedLong(s.memSize()) >= s.fileSize());
                assertTrue(s.end() <= 1L << 32);
            }
        } catch (ElfFormatException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Property(tries = 500)
    void everyTruncationFailsCleanly(@ForAll @IntRange(min = 0, max = 255) int cut) {
        byte[] full = ElfImages.valid();
        byte[] img = Arrays.copyOf(full, Math.min(cut, full.length - 1));
        assertThrows(ElfFormatException.class, () -> Elf32.parse(img));
    }

    private static byte[] apply(byte[] img, Mutation m) {
        if (img.length == 0) {
            return img;
        }
        int p = m.position() % img.length;
        switch (m.kind()) {
            case 0 -> img[p] = (byte) m.value();
            case 1 -> {
                for (int i = 0; i < 4 && p + i < img.length; i++) {
                    img[p + i] = (byte) (m.value() >>> (8 * i));
                }
            }
            default -> img = Arrays.copyOf(img, p);
        }
        return img;
    }
}
