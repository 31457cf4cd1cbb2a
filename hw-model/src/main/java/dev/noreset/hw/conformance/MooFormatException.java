package dev.noreset.hw.conformance;

/** A MOO file that is truncated or malformed; the message says what is wrong, in one line. */
public final class MooFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public MooFormatException(String message) {
        super(message);
    }
}
