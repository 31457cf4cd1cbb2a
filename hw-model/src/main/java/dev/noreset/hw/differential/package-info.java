/**
 * Differential testing of the emulated CPU against real x86 silicon.
 *
 * <p>{@link dev.noreset.hw.differential.Generator} draws single instructions from
 * {@link dev.noreset.hw.differential.InsnTable} (which also lists what is excluded and why);
 * {@link dev.noreset.hw.differential.NativeRunner} executes them on the host CPU through the
 * freestanding i386 program {@code hw-model/src/test/native/differential/runner.c} (built with
 * {@code gcc -m32}, no 32-bit libc needed); {@link dev.noreset.hw.differential.EmulatorRunner}
 * executes them on {@link dev.noreset.hw.cpu.Cpu} in user mode with the same page layout
 * ({@link dev.noreset.hw.differential.Layout}); {@link dev.noreset.hw.differential.Compare}
 * compares registers, EFLAGS (minus what {@link dev.noreset.hw.differential.FlagRule} says the SDM
 * leaves undefined), the data pages byte by byte, and the fault (vector, error code, CR2).
 *
 * <p>How to run:
 * <ul>
 * <li>{@code mvn verify}: {@code DifferentialTest} runs 50,000 vectors (fixed seed; skipped with a
 *     printed reason where the host cannot run i386 code) and {@code RecordedVectorsTest} replays
 *     5,000 vectors recorded on silicon (runs everywhere);</li>
 * <li>one million vectors: {@code ./noreset diff --count 1000000 --seed 1}, or
 *     {@code mvn -pl hw-model test -Dtest=DifferentialTest -Dnoreset.diff.count=1000000 -Dnoreset.diff.seed=1
 *     -Dsurefire.failIfNoSpecifiedTests=false};</li>
 * <li>re-record the replay file: {@code ./noreset diff --count 5000 --seed 5 --record
 *     hw-model/src/test/resources/differential/recorded-5000.bin.gz}.</li>
 * </ul>
 */
package dev.noreset.hw.differential;
