package dev.noreset.hw.cpu;

/**
 * Why the CPU stopped running guest code and handed control to the kernel: a value, never a Java
 * exception. For faults ({@link Kind#EXCEPTION}) the registers are as before the faulting
 * instruction; for {@link Kind#SOFTWARE_INTERRUPT} EIP points after the INT instruction.
 *
 * @param kind      what happened
 * @param vector    interrupt vector (0..255): exception number, INT operand, or the IRQ's vector
 * @param errorCode the exception's error code, or -1 when the vector pushes none
 * @param cr2       for #PF (vector 14): the faulting linear address; otherwise 0
 */
public record Trap(Kind kind, int vector, int errorCode, int cr2) {

    public enum Kind { SOFTWARE_INTERRUPT, EXCEPTION, INTERRUPT, HALT }

    public static final int DE = 0, DB = 1, BP = 3, OF = 4, BR = 5, UD = 6, NM = 7, DF = 8,
            TS = 10, NP = 11, SS = 12, GP = 13, PF = 14;
}
