package dev.noreset.hw.machine;

/** A machine configuration that cannot be built (bad RAM size, unusable disk image, ...); one-line message. */
public final class MachineConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public MachineConfigException(String message) {
        super(message);
    }
}
