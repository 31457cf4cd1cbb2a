package dev.noreset.hw.machine;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.mmu.Mmu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A test stand-in for the noreset kernel: sets up identity paging and the PC interrupt hardware
 * through ports, runs one CPL 3 program and services its INT 0x80 requests. Console output is
 * interrupt driven, as a real driver must do it: bytes queue in the kernel, the 16-byte transmit
 * FIFO is refilled on each THRE interrupt (IRQ 4), and exit waits until the queue has drained
 * (the program spins meanwhile). System calls:
 * EAX=1 putc(EBX) to COM1; EAX=2 exit(EBX); EAX=3 read disk sector EBX into 0x180004 and set
 * the dword at 0x180000 when done (the disk interrupt completes it, as a blocking driver would);
 * EAX=4 getc: the next COM1 byte in EAX, or -1 if none has arrived.
 */
final class TinyKernel implements TrapSink {
    static final int CODE = 0x100000, STACK = 0x200000, DISK_BUF = 0x180000;
    static final int PIT_COUNT = 11932;       // ~100 Hz

    final List<Long> timerTicks = new ArrayList<>();
    final List<Long> diskIrqs = new ArrayList<>();
    int consoleIrqs;
    final List<String> log = new ArrayList<>();
    Integer exitCode;
    String error;
    long diskCommandAt = -1;
    private final ArrayDeque<Integer> txQueue = new ArrayDeque<>();
    private boolean exiting;

    /** Writes page tables, programs PIC, PIT and UART, loads the program and enters user mode. */
    static void boot(Machine m, byte[] program) {
        m.ram().load(CODE, program, 0, program.length);
        boot(m, CODE);
    }

    /** As {@link #boot(Machine, byte[])} for a program already in RAM, entered at {@code entry}. */
    static void boot(Machine m, int entry) {
        var ram = m.ram();
        int pd = 0x1000, pt = 0x2000;
        ram.write32(pd, pt | Mmu.PTE_P | Mmu.PTE_RW | Mmu.PTE_US);
        for (int i = 0; i < 1024; i++) {
            ram.write32(pt + 4 * i, i << 12 | Mmu.PTE_P | Mmu.PTE_RW | Mmu.PTE_US);
        }
        var io = m.io();
        io.out(0x20, 1, 0x11);
        io.out(0xA0, 1, 0x11);
        io.out(0x21, 1, 0x20);
        io.out(0xA1, 1, 0x28);
        io.out(0x21, 1, 0x04);
        io.out(0xA1, 1, 0x02);
        io.out(0x21, 1, 0x01);
        io.out(0xA1, 1, 0x01);
        io.out(0x21, 1, 0xEA);                  // unmask IRQ 0, the cascade and IRQ 4
        io.out(0xA1, 1, 0xBF);                  // unmask IRQ 14
        io.out(0x43, 1, 0x34);                  // counter 0, LSB/MSB, mode 2
        io.out(0x40, 1, PIT_COUNT & 0xFF);
        io.out(0x40, 1, PIT_COUNT >> 8);
        io.out(0x3FB, 1, 0x80);
        io.out(0x3F8, 1, 1);
        io.out(0x3F9, 1, 0);
        io.out(0x3FB, 1, 0x03);
        io.out(0x3FA, 1, 0x07);                 // FIFOs on and cleared
        io.out(0x3FC, 1, 0x08);                 // OUT2: connect the UART to IRQ 4
        Cpu cpu = m.cpu();
        m.mmu().setCr3(pd);
        cpu.enterUserMode();
        m.mmu().setCr0(m.mmu().cr0() | Mmu.CR0_PG);
        cpu.setEip(entry);
        cpu.setReg(Cpu.ESP, STACK);
        cpu.setEflags(0x202);
    }

    @Override
    public void onTrap(Machine m, Trap t) {
        Cpu cpu = m.cpu();
        if (t.kind() == Trap.Kind.INTERRUPT && t.vector() == 0x20) {
            timerTicks.add(m.now());
            m.io().out(0x20, 1, 0x20);
        } else if (t.kind() == Trap.Kind.INTERRUPT && t.vector() == 0x24) {
            consoleIrqs++;
            m.io().in(0x3FA, 1);                // IIR: acknowledges THRE
            pumpConsole(m);
            m.io().out(0x20, 1, 0x20);
        } else if (t.kind() == Trap.Kind.INTERRUPT && t.vector() == 0x2E) {
            diskIrqs.add(m.now());
            diskDone(m);
            m.io().out(0xA0, 1, 0x20);
            m.io().out(0x20, 1, 0x20);
        } else if (t.kind() == Trap.Kind.SOFTWARE_INTERRUPT && t.vector() == 0x80) {
            int ebx = cpu.reg(Cpu.EBX);
            switch (cpu.reg(Cpu.EAX)) {
                case 1 -> {
                    log.add("putc " + (char) ebx + " @" + m.now());
                    txQueue.add(ebx & 0xFF);
                    pumpConsole(m);
                }
                case 2 -> {
                    exitCode = ebx;
                    exiting = true;
                    pumpConsole(m);
                }
                case 3 -> {
                    diskCommandAt = m.now();
                    m.io().out(0x1F6, 1, 0xE0);
                    m.io().out(0x1F2, 1, 1);
                    m.io().out(0x1F3, 1, ebx & 0xFF);
                    m.io().out(0x1F4, 1, ebx >> 8 & 0xFF);
                    m.io().out(0x1F5, 1, ebx >> 16 & 0xFF);
                    m.io().out(0x1F7, 1, 0x20);
                }
                case 4 -> {
                    boolean ready = (m.io().in(0x3FD, 1) & 1) != 0;
                    cpu.setReg(Cpu.EAX, ready ? m.io().in(0x3F8, 1) : -1);
                    if (ready) {
                        log.add("getc " + cpu.reg(Cpu.EAX) + " @" + m.now());
                    }
                }
                default -> fail(m, "bad system call " + cpu.reg(Cpu.EAX));
            }
        } else {
            fail(m, "unexpected " + t + " at eip " + Integer.toHexString(cpu.eip()));
        }
    }

    /** Refills the transmit FIFO when it is empty; asks for THRE interrupts while bytes wait. */
    private void pumpConsole(Machine m) {
        boolean empty = (m.io().in(0x3FD, 1) & 0x20) != 0;
        if (empty) {
            for (int i = 0; i < 16 && !txQueue.isEmpty(); i++) {
                m.io().out(0x3F8, 1, txQueue.poll());
            }
            empty = txQueue.isEmpty() && (m.io().in(0x3FD, 1) & 0x20) != 0;
        }
        m.io().out(0x3F9, 1, empty ? 0x00 : 0x02);
        if (exiting && empty) {
            m.requestStop();                    // every byte has reached the line
        }
    }

    private void diskDone(Machine m) {
        int status = m.io().in(0x1F7, 1);
        if ((status & 0x09) != 0x08) {
            fail(m, "disk status " + Integer.toHexString(status));
            return;
        }
        for (int i = 0; i < 256; i++) {
            m.ram().write16(DISK_BUF + 4 + 2 * i, m.io().in(0x1F0, 2));
        }
        m.ram().write32(DISK_BUF, 1);
    }

    private void fail(Machine m, String why) {
        error = why;
        m.requestStop();
    }
}
