package dev.noreset.kernel.trap;

/** Names of the x86 exception vectors, for the kernel's messages. */
public final class Exceptions {
    private static final String[] NAMES = {
        "#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF", "CSO", "#TS", "#NP", "#SS",
        "#GP", "#PF", "15", "#MF", "#AC", "#MC", "#XM",
    };

    private Exceptions() { }

    public static String name(int vector) {
        return vector >= 0 && vector < NAMES.length ? NAMES[vector] : "vector " + vector;
    }
}
