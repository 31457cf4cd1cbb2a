package dev.noreset.kernel.boot;

/** A boot image or one of its programs is malformed; the message is one line, with the place. */
public final class BootImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public BootImageException(String message) {
        super(message);
    }
}
