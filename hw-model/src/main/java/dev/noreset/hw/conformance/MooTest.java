package dev.noreset.hw.conformance;

/**
 * One hardware-generated single-instruction test from a MOO file.
 *
 * @param index     test number in its file
 * @param name      disassembly of the instruction
 * @param bytes     the instruction bytes (followed in RAM by a HLT the generator placed)
 * @param initial   state before the instruction
 * @param expected  registers that changed, and RAM bytes, after it
 * @param exceptionVector the exception the instruction raised, or -1
 * @param flagsAddress    where the exception pushed FLAGS (physical), or -1
 * @param hash      the test's hash as lowercase hex (matches revocation_list.txt)
 */
public record MooTest(int index, String name, byte[] bytes, MooState initial, MooState expected,
                      int exceptionVector, int flagsAddress, String hash) {
}
