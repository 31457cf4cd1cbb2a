package dev.noreset.hw.conformance;

/**
 * Every reason a conformance test may be skipped instead of compared, with its justification.
 * This is the only place skips are defined; the runner prints each with its count.
 */
public enum SkipRules {
    REVOKED("listed in revocation_list.txt (the collection marks the test itself as bad)"),
    SEGMENT_WRAP("a multi-byte access or instruction fetch straddles segment offset 0xFFFF: the 286 wraps"
            + " to offset 0 within the segment, the 386 raises #GP(0) (or #SS(0) for SS) instead"),
    STRING_WRAP_FAULT("a string element straddles segment offset 0xFFFF: both raise #GP(0), but the 286 has"
            + " already advanced SI/DI, while the 386 fault is precise (SI/DI unchanged)"),
    LOCK_PREFIX("LOCK on an instruction that is not a read-modify-write of memory: the 286 ignores the"
            + " prefix, the 386 raises #UD"),
    FS_GS("MOV to or from segment register 4 or 5: the 286 has no FS/GS and raises #UD, the 386 moves FS/GS"),
    LENGTH_LIMIT("instruction longer than 10 bytes (redundant prefixes): the 286 raises #GP(0), the 386"
            + " accepts up to 15 bytes");

    private final String reason;

    SkipRules(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
