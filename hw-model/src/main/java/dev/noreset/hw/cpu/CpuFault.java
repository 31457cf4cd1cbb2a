package dev.noreset.hw.cpu;

/**
 * Internal signal that the current instruction faulted. It never leaves the CPU: {@link Cpu#step}
 * catches it at the instruction boundary and turns it into a {@link Trap} value. It carries no
 * stack trace and is preallocated, so raising it costs no allocation. Semantics perform every
 * access that can fault before changing architectural state, which is what makes faults precise.
 */
final class CpuFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    int vector;
    int errorCode;
    int cr2;

    CpuFault() {
        super(null, null, false, false);
    }

    CpuFault set(int v, int code, int address) {
        vector = v;
        errorCode = code;
        cr2 = address;
        return this;
    }
}
