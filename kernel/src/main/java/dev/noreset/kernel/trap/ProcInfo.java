package dev.noreset.kernel.trap;

import dev.noreset.kernel.core.Abi;

import java.util.ArrayDeque;

/**
 * What the glue keeps per process beside the core's state: its name, its signal manager, the
 * deaths reported to it and not yet collected (GET_KSIG), its alarm, its SENDA table address and
 * accounting. Indexed by slot; {@link #clear} runs when a slot is (re)used.
 */
public final class ProcInfo {
    /** One death reported to a signal manager. */
    public record Death(int endpoint, int cause, int status) { }

    /** Most uncollected deaths kept per manager; older ones are dropped (the manager is told). */
    public static final int MAX_PENDING_DEATHS = 64;

    private final String[] name = new String[Abi.NR_PROCS];
    /** Endpoint of the signal manager (not the slot: a restarted manager must not inherit). */
    private final int[] sigmgr = new int[Abi.NR_PROCS];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Death>[] deaths = new ArrayDeque[Abi.NR_PROCS];
    private final long[] alarmAt = new long[Abi.NR_PROCS];
    private final int[] sendaTable = new int[Abi.NR_PROCS];
    private final int[] sendaCount = new int[Abi.NR_PROCS];
    private final long[] ticks = new long[Abi.NR_PROCS];
    private final long[] kcalls = new long[Abi.NR_PROCS];

    public ProcInfo() {
        for (int s = 0; s < Abi.NR_PROCS; s++) {
            deaths[s] = new ArrayDeque<>();
            clear(s);
        }
    }

    public void clear(int slot) {
        name[slot] = "";
        sigmgr[slot] = Abi.NONE;
        deaths[slot].clear();
        alarmAt[slot] = 0;
        sendaTable[slot] = 0;
        sendaCount[slot] = 0;
        ticks[slot] = 0;
        kcalls[slot] = 0;
    }

    public String name(int slot) {
        return name[slot];
    }

    public void setName(int slot, String n) {
        name[slot] = n;
    }

    public int sigmgr(int slot) {
        return sigmgr[slot];
    }

    public void setSigmgr(int slot, int endpoint) {
        sigmgr[slot] = endpoint;
    }

    /** Queues a death for manager {@code slot}; false if the queue was full and the oldest dropped. */
    public boolean addDeath(int slot, Death d) {
        boolean room = deaths[slot].size() < MAX_PENDING_DEATHS;
        if (!room) {
            deaths[slot].removeFirst();
        }
        deaths[slot].addLast(d);
        return room;
    }

    /** The oldest uncollected death for manager {@code slot}, or null. */
    public Death takeDeath(int slot) {
        return deaths[slot].pollFirst();
    }

    public long alarmAt(int slot) {
        return alarmAt[slot];
    }

    public void setAlarmAt(int slot, long tick) {
        alarmAt[slot] = tick;
    }

    public int sendaTable(int slot) {
        return sendaTable[slot];
    }

    public int sendaCount(int slot) {
        return sendaCount[slot];
    }

    public void setSenda(int slot, int table, int count) {
        sendaTable[slot] = table;
        sendaCount[slot] = count;
    }

    public long ticks(int slot) {
        return ticks[slot];
    }

    public void addTick(int slot) {
        ticks[slot]++;
    }

    public long kcalls(int slot) {
        return kcalls[slot];
    }

    public void addKcall(int slot) {
        kcalls[slot]++;
    }
}
