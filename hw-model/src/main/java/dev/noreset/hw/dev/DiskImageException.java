package dev.noreset.hw.dev;

/** A disk image that cannot back an ATA disk; the message is one line saying what is wrong. */
public final class DiskImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public DiskImageException(String message) {
        super(message);
    }
}
