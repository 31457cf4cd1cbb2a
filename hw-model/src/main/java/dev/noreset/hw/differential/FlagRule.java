package dev.noreset.hw.differential;

/**
 * Which EFLAGS bits (and, for BSF/BSR, which result) the Intel SDM leaves undefined after an
 * instruction. The differential comparison ignores exactly these; everything else must match the
 * host CPU bit for bit. Each rule cites the "Flags Affected" (or "Operation") section of the
 * instruction's page in the Intel 64 and IA-32 Architectures Software Developer's Manual, Vol. 2.
 */
public enum FlagRule {
    /** Every flag the instruction touches is defined (MOV, ADD, SUB, INC, NEG, CMPXCHG, XADD, ...). */
    NONE("all affected flags defined", 0),
    /** AND, OR, XOR, TEST: "OF and CF cleared; SF, ZF, PF set by result; AF undefined". */
    LOGIC("SDM Vol.2 AND/OR/XOR/TEST, Flags Affected: AF is undefined", Flags.AF),
    /** MUL, IMUL (all forms): "SF, ZF, AF and PF are undefined". */
    MUL("SDM Vol.2 MUL/IMUL, Flags Affected: SF, ZF, AF, PF undefined", Flags.SF | Flags.ZF | Flags.AF | Flags.PF),
    /** DIV, IDIV: "CF, OF, SF, ZF, AF and PF are undefined". */
    DIV("SDM Vol.2 DIV/IDIV, Flags Affected: CF, OF, SF, ZF, AF, PF undefined", Flags.STATUS),
    /** SAL/SHL/SHR/SAR (arg = count after masking to 5 bits). */
    SHIFT("SDM Vol.2 SAL/SAR/SHL/SHR, Flags Affected: count 0 affects no flags; AF undefined for a non-zero "
            + "count; OF undefined unless the count is 1; CF undefined for SHL/SHR when the count >= operand size", 0),
    /** SAR only: as SHIFT but CF stays defined for large counts (the SDM's CF caveat names SHL and SHR). */
    SAR("SDM Vol.2 SAL/SAR/SHL/SHR, Flags Affected (the CF caveat names only SHL and SHR)", 0),
    /** ROL/ROR/RCL/RCR (arg = count after masking to 5 bits). */
    ROTATE("SDM Vol.2 RCL/RCR/ROL/ROR, Flags Affected: OF defined only for 1-bit rotates, undefined otherwise; "
            + "a zero-bit rotate affects no flags", 0),
    /** SHLD/SHRD (arg = count after masking to 5 bits; the generator keeps 16-bit counts <= 16). */
    DOUBLE_SHIFT("SDM Vol.2 SHLD/SHRD, Flags Affected: count 0 affects no flags; AF undefined; OF undefined "
            + "unless the count is 1", 0),
    /** BT, BTS, BTR, BTC: "CF = selected bit; ZF unaffected; OF, SF, AF, PF undefined". */
    BIT_TEST("SDM Vol.2 BT/BTC/BTR/BTS, Flags Affected: OF, SF, AF, PF undefined",
            Flags.OF | Flags.SF | Flags.AF | Flags.PF),
    /** BSF, BSR: ZF defined; "CF, OF, SF, AF, PF undefined"; destination undefined when the source is 0. */
    BIT_SCAN("SDM Vol.2 BSF/BSR, Flags Affected: CF, OF, SF, AF, PF undefined; Operation: destination "
            + "undefined if the source is 0", Flags.CF | Flags.OF | Flags.SF | Flags.AF | Flags.PF),
    /** AAA, AAS: "OF, SF, ZF and PF are undefined". */
    ASCII_ADJUST("SDM Vol.2 AAA/AAS, Flags Affected: OF, SF, ZF, PF undefined",
            Flags.OF | Flags.SF | Flags.ZF | Flags.PF),
    /** AAM, AAD: "OF, AF and CF are undefined". */
    ASCII_MULDIV("SDM Vol.2 AAM/AAD, Flags Affected: OF, AF, CF undefined", Flags.OF | Flags.AF | Flags.CF),
    /** DAA, DAS: "OF is undefined". */
    DECIMAL_ADJUST("SDM Vol.2 DAA/DAS, Flags Affected: OF undefined", Flags.OF),
    /** POPF: all flags defined (kept apart so reports can tell it from the rest). */
    POPF("SDM Vol.2 POPF: at CPL 3 with IOPL 0 IF and IOPL keep their values, the other flags are loaded", 0),
    /**
     * POPA: on a #PF part-way through, the host CPU has already loaded the registers popped before
     * the faulting access; the model keeps every register (restartable faults, DESIGN.md section 3).
     * Re-executing POPA gives the same result either way, so only ESP and EIP are compared then.
     */
    POPA("SDM Vol.3 6.6 (faults are restartable) vs observed host behaviour: registers popped before a "
            + "faulting access may already be written", 0),
    /**
     * ENTER: when a later access faults (reading an outer frame pointer for a nesting level, or
     * the final stack pointer check), the host CPU has already written the new frame (EBP, the
     * copied frame pointers, the new frame pointer) below ESP; the model writes nothing.
     * Re-execution writes the same bytes, so on a fault the 4*(level+1) bytes below ESP are not
     * compared.
     */
    ENTER("SDM Vol.3 6.6 (faults are restartable) vs observed host behaviour: ENTER's push of EBP may be "
            + "written before a later access faults", 0),
    /**
     * PUSHA: when a later push faults, the host CPU has already stored the earlier registers below
     * ESP; the model writes nothing. Re-execution stores the same values, so on a fault the 32
     * (16 with 0x66) bytes below ESP are not compared.
     */
    PUSHA("SDM Vol.3 6.6 (faults are restartable) vs observed host behaviour: PUSHA's first stores may be "
            + "written before a later store faults", 0),
    /** PUSHF: the host runs the instruction with TF set (single-step), so the pushed image differs in bit 8. */
    PUSHF("harness: the host executes with TF=1 to stop after one instruction; PUSHF stores it (bit 8)", 0);

    private final String citation;
    private final int fixed;

    FlagRule(String citation, int fixed) {
        this.citation = citation;
        this.fixed = fixed;
    }

    public String citation() {
        return citation;
    }

    /** The undefined EFLAGS bits for this rule, given the rule argument and the operand width. */
    public int undefinedFlags(int arg, int width) {
        switch (this) {
            case SHIFT:
            case SAR: {
                if (arg == 0) {
                    return 0;
                }
                int m = Flags.AF | (arg == 1 ? 0 : Flags.OF);
                if (this == SHIFT && arg >= width) {
                    m |= Flags.CF;
                }
                return m;
            }
            case ROTATE:
                return arg == 0 || arg == 1 ? 0 : Flags.OF;
            case DOUBLE_SHIFT:
                return arg == 0 ? 0 : Flags.AF | (arg == 1 ? 0 : Flags.OF);
            default:
                return fixed;
        }
    }

    /** EFLAGS bit masks. */
    public static final class Flags {
        public static final int CF = 1, PF = 4, AF = 0x10, ZF = 0x40, SF = 0x80, TF = 0x100, IF = 0x200,
                DF = 0x400, OF = 0x800, NT = 0x4000, RF = 0x10000, AC = 0x40000, ID = 0x200000;
        public static final int STATUS = CF | PF | AF | ZF | SF | OF;

        private Flags() {
        }
    }
}
