package dev.noreset.kernel.core;

/** Layout probe: one process's flags as fields of one object (see ProbeO2). */
final class ProbeSlot {
    boolean used;
    boolean sending;
    boolean receiving;
    boolean stopped;
    boolean runq;
    boolean gotmsg;
    boolean ready;
    boolean reply;
    int res;
}
