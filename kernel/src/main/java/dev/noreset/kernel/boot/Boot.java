package dev.noreset.kernel.boot;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.kernel.trap.KernelObserver;
import dev.noreset.kernel.trap.TrapEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Starts the system: sets up the PIC, paging and user mode, then creates one process per boot
 * image entry, in order (entry i gets slot i), with its privilege record, its ELF image, stack
 * and arguments, and its signal manager. Nothing runs until the first {@link TrapEntry#schedule}.
 */
public final class Boot {
    /** Clock interrupts per virtual second (PIT channel 0). */
    public static final int HZ = 100;

    private Boot() { }

    /** The emulated hardware the kernel drives. */
    public record Hardware(Cpu cpu, Mmu mmu, PhysicalMemory ram, IoSpace io, LongSupplier clock) { }

    /**
     * Boots {@code image}; returns the trap entry with the first process loaded on the CPU.
     * A program that cannot be read, parsed or loaded fails the boot with a one-line message.
     */
    public static TrapEntry boot(Hardware hw, BootImage image, KernelObserver observer, Consumer<String> log)
            throws BootImageException {
        java.util.List<Elf32> elves = new java.util.ArrayList<>();
        for (BootEntry e : image.entries()) {
            elves.add(read(e));
        }
        return boot(hw, image, elves, observer, log);
    }

    /** Boots {@code image} with its programs already parsed ({@code elves.get(i)} for entry i). */
    public static TrapEntry boot(Hardware hw, BootImage image, java.util.List<Elf32> elves, KernelObserver observer,
                                 Consumer<String> log) throws BootImageException {
        KernelGlue k = new KernelGlue(hw.cpu(), hw.mmu(), hw.ram(), hw.io(), hw.clock());
        k.setObserver(observer);
        k.setLog(log);
        k.irqs.initPic();
        startTimer(hw.io());
        hw.cpu().enterUserMode();
        hw.mmu().setCr0(hw.mmu().cr0() | Mmu.CR0_PG | Mmu.CR0_WP | Mmu.CR0_PE);
        for (int slot = 0; slot < image.entries().size(); slot++) {
            start(k, slot, image.entries().get(slot), elves.get(slot), image);
        }
        for (int s = 0; s < image.entries().size(); s++) {
            String mgr = image.entries().get(s).sigmgr();
            if (mgr != null) {
                k.info.setSigmgr(s, k.core.endpointOf(indexOf(image, mgr)));
            }
        }
        TrapEntry entry = new TrapEntry(k);
        entry.schedule();
        return entry;
    }

    /** PIT channel 0, mode 2 (rate generator) at HZ: the clock interrupt on IRQ 0. */
    private static void startTimer(dev.noreset.hw.cpu.IoSpace io) {
        int divisor = (int) Math.round(1_193_182.0 / HZ);
        io.out(0x43, 1, 0x34);
        io.out(0x40, 1, divisor & 0xFF);
        io.out(0x40, 1, divisor >>> 8);
    }

    private static int indexOf(BootImage image, String name) {
        for (int i = 0; i < image.entries().size(); i++) {
            if (image.entries().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Elf32 read(BootEntry e) throws BootImageException {
        try {
            return Elf32.parse(Files.readAllBytes(e.elf()));
        } catch (IOException ex) {
            String why = ex instanceof java.nio.file.NoSuchFileException ? "no such file" : ex.getMessage();
            throw new BootImageException(e.name() + ": cannot read " + e.elf() + ": " + why);
        } catch (ElfFormatException ex) {
            throw new BootImageException(e.name() + ": " + e.elf() + ": " + ex.getMessage());
        }
    }

    private static void start(KernelGlue k, int slot, BootEntry e, Elf32 elf, BootImage image)
            throws BootImageException {
        int priv = k.privs.fresh(k);
        if (priv < 0) {
            throw new BootImageException(e.name() + ": no privilege record left");
        }
        for (int nr = 0; nr < Abi.NR_SYS_CALLS; nr++) {
            if ((e.kcallMask() & 1 << nr) != 0) {
                k.core.allowCall(priv, nr, true);
            }
        }
        for (int[] r : e.ioRanges()) {
            check(e, "I/O range", k.core.addIoRange(priv, r[0], r[1]));
        }
        for (int irq = 0; irq < 16; irq++) {
            if ((e.irqMask() & 1 << irq) != 0) {
                check(e, "IRQ", k.core.allowIrq(priv, irq, true));
            }
        }
        // IPC targets are slots: entry order is slot order.
        for (int t = 0; t < Abi.NR_PROCS; t++) {
            boolean allowed = e.ipcTargets() == null ? t != slot
                    : t < image.entries().size() && e.ipcTargets().contains(image.entries().get(t).name());
            if (allowed) {
                k.core.allowIpc(priv, t, true);
            }
        }
        k.core.allowGrants(priv, true);
        check(e, "scheduling limits", k.core.setSchedLimits(priv, e.priority(), e.quantum()));
        int ep = k.core.spawn(slot, priv);
        if (ep < 0) {
            throw new BootImageException(e.name() + ": cannot create process (error " + ep + ")");
        }
        k.core.stop(slot);
        k.info.setName(slot, e.name());
        int rc = ProcessImage.build(k, slot, elf, e.name(), e.args());
        if (rc != Abi.OK) {
            throw new BootImageException(e.name() + ": " + e.elf() + ": cannot load (error " + rc + ")");
        }
        k.core.resume(slot);
        k.observer().spawned(slot, ep, e.name());
        k.log("boot: " + e.name() + " started as endpoint " + ep);
    }

    static void check(BootEntry e, String what, int rc) throws BootImageException {
        if (rc != Abi.OK) {
            throw new BootImageException(e.name() + ": bad " + what + " (error " + rc + ")");
        }
    }
}
