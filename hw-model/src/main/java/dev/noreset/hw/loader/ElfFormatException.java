package dev.noreset.hw.loader;

/** A file that is not a loadable i386 ELF executable; the message is one line saying why. */
public final class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ElfFormatException(String message) {
        super(message);
    }
}
