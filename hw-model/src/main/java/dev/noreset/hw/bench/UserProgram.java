package dev.noreset.hw.bench;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.IoSpace;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.hw.mmu.Mmu;
import java.io.ByteArrayOutputStream;

/**
 * Runs one freestanding Linux-i386-style program (int 0x80 write and exit only) on the emulated
 * CPU at CPL 3 with paging: the ELF segments and a stack are mapped with their permissions, and a
 * tiny ring-0 stand-in handles the system calls the way Linux does (exit = 1, exit_group = 252,
 * write = 4; anything else returns -ENOSYS). Used by the whole-program tests and the CPU benchmark.
 */
public final class UserProgram {
    public static final int STACK_TOP = 0xC0000000, STACK_SIZE = 256 * 1024;
    private static final int PD = 0x1000;
    private static final int ENOSYS = 38, EFAULT = 14, EBADF = 9;

    /**
     * How the run ended.
     *
     * @param exitCode     the status passed to exit, or -1 if the program did not exit
     * @param stdout       bytes written to file descriptor 1
     * @param stderr       bytes written to file descriptor 2
     * @param instructions guest instructions retired
     * @param failure      null after a normal exit, else why the run stopped (one line)
     * @param inBlocks     of the instructions, those retired inside compiled blocks
     */
    public record Result(int exitCode, byte[] stdout, byte[] stderr, long instructions, String failure,
                         long inBlocks) {
    }

    private final PhysicalMemory ram;
    private final Mmu mmu;
    private final Cpu cpu;
    private int nextFrame = 0x2000;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private UserProgram(int ramBytes) {
        ram = new PhysicalMemory(ramBytes);
        mmu = new Mmu(ram);
        cpu = new Cpu(ram, mmu, IoSpace.NONE);
    }

    /** Loads {@code elfImage} into a fresh machine with {@code ramBytes} of RAM and runs it. */
    public static Result run(byte[] elfImage, int ramBytes, long maxInstructions) throws ElfFormatException {
        Elf32 elf = Elf32.parse(elfImage);
        UserProgram p = new UserProgram(ramBytes);
        String loadError = p.load(elf);
        if (loadError != null) {
            return new Result(-1, new byte[0], new byte[0], 0, loadError, 0);
        }
        return p.execute(maxInstructions);
    }

    private String load(Elf32 elf) {
        mmu.setCr3(PD);
        mmu.setCr0(mmu.cr0() | Mmu.CR0_PE | Mmu.CR0_PG);
        for (Elf32.Segment s : elf.segments()) {
            long start = Integer.toUnsignedLong(s.vaddr()) & ~0xFFFL;
            for (long page = start; page < s.end(); page += 4096) {
                if (!map((int) page, s.writable())) {
                    return "program does not fit in " + ram.size() + " bytes of RAM";
                }
            }
            byte[] bytes = s.fileBytes();
            for (int i = 0; i < bytes.length; i++) {
                ram.write8((int) translate(s.vaddr() + i), bytes[i]); // mapped just above, so never -1
            }
        }
        for (int page = STACK_TOP - STACK_SIZE; page != STACK_TOP; page += 4096) {
            if (!map(page, true)) {
                return "stack does not fit in RAM";
            }
        }
        mmu.flushTlb();
        cpu.enterUserMode();
        cpu.setEip(elf.entry());
        // Linux starts a process with argc = 0 and empty argv/envp/auxv vectors at ESP.
        cpu.setReg(Cpu.ESP, STACK_TOP - 64);
        cpu.setEflags(0x202);
        return null;
    }

    /** Maps the page at {@code linear} to a fresh zeroed frame (keeps an existing mapping, widening it). */
    private boolean map(int linear, boolean writable) {
        int pdeAddr = PD + (linear >>> 22) * 4;
        int pde = ram.read32(pdeAddr);
        if ((pde & Mmu.PTE_P) == 0) {
            int pt = allocFrame();
            if (pt < 0) {
                return false;
            }
            pde = pt | Mmu.PTE_P | Mmu.PTE_RW | Mmu.PTE_US;
            ram.write32(pdeAddr, pde);
        }
        int pteAddr = (pde & 0xFFFFF000) + ((linear >>> 12) & 0x3FF) * 4;
        int pte = ram.read32(pteAddr);
        if ((pte & Mmu.PTE_P) == 0) {
            int frame = allocFrame();
            if (frame < 0) {
                return false;
            }
            pte = frame | Mmu.PTE_P | Mmu.PTE_US;
        }
        ram.write32(pteAddr, pte | (writable ? Mmu.PTE_RW : 0));
        return true;
    }

    private int allocFrame() {
        if (nextFrame > ram.size() - 4096) {
            return -1;
        }
        int f = nextFrame;
        nextFrame += 4096;
        return f;
    }

    /** Physical address of {@code linear} by a supervisor walk of the page tables (loading only). */
    private long translate(int linear) {
        return mmu.translate(linear, false, false);
    }

    private Result execute(long maxInstructions) {
        long budget = maxInstructions;
        while (true) {
            long before = cpu.retired();
            Trap t = cpu.run(Math.min(budget, 50_000_000L));
            budget -= cpu.retired() - before;
            if (t == null) {
                if (budget <= 0) {
                    return finish(-1, "instruction limit of " + maxInstructions + " reached");
                }
                continue;
            }
            if (t.kind() == Trap.Kind.SOFTWARE_INTERRUPT && t.vector() == 0x80) {
                int nr = cpu.reg(Cpu.EAX);
                if (nr == 1 || nr == 252) {
                    return finish(cpu.reg(Cpu.EBX), null);
                }
                cpu.setReg(Cpu.EAX, nr == 4 ? write(cpu.reg(Cpu.EBX), cpu.reg(Cpu.ECX), cpu.reg(Cpu.EDX)) : -ENOSYS);
                continue;
            }
            return finish(-1, String.format("stopped by %s vector %d (error code %d, cr2 %08x) at eip %08x",
                    t.kind(), t.vector(), t.errorCode(), t.cr2(), cpu.eip()));
        }
    }

    /** write(2): copies through the user's page tables with user permissions, as a kernel must. */
    private int write(int fd, int buf, int len) {
        if (fd != 1 && fd != 2) {
            return -EBADF;
        }
        if (len < 0) {
            return -EFAULT;
        }
        ByteArrayOutputStream dst = fd == 1 ? out : err;
        for (int i = 0; i < len; i++) {
            long pa = mmu.translate(buf + i, false, true);
            if (pa < 0) {
                return i > 0 ? i : -EFAULT;
            }
            dst.write(ram.read8((int) pa));
        }
        return len;
    }

    private Result finish(int code, String failure) {
        return new Result(code, out.toByteArray(), err.toByteArray(), cpu.retired(), failure, cpu.jitStats()[2]);
    }
}
