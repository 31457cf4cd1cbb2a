package dev.noreset.kernel.kcall;

import dev.noreset.hw.cpu.Cpu;
import dev.noreset.hw.cpu.Trap;
import dev.noreset.kernel.boot.BootEntry;
import dev.noreset.kernel.boot.TestBoot;
import dev.noreset.kernel.boot.TinyElf;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.Invariants;
import dev.noreset.kernel.trap.KernelGlue;
import dev.noreset.kernel.trap.TrapEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kernel calls through the real trap entry, dispatcher and core, with traps injected as if the
 * process had executed {@code int 0x80}: a system process "sys" (every call but SYS_KILL) and
 * an ordinary process "target".
 */
class KernelCallsTest {
    static final int CODE = TestBoot.CODE, DATA = TestBoot.DATA, DATA_PAGES = 8;
    static final int SYS = 0, TARGET = 1;

    TrapEntry entry;
    KernelGlue k;

    @BeforeEach
    void boot() throws Exception {
        int all = (1 << Abi.NR_SYS_CALLS) - 1;
        entry = TestBoot.boot(DATA_PAGES,
                new BootEntry("sys", Path.of("sys"), null, null, all & ~(1 << Abi.SYS_KILL), List.of(), 0, 0, 100,
                        List.of()),
                new BootEntry("target", Path.of("target"), "sys", List.of(), 0, List.of(), 0, 1, 100, List.of()));
        k = entry.kernel();
        assertEquals(SYS, k.current());
    }

    /** sys makes kernel call {@code m} (its message at DATA); returns EAX, reply in {@code m}. */
    int call(Message m) {
        assertEquals(SYS, k.current(), "sys must be on the CPU");
        assertEquals(Abi.OK, k.messageOut(SYS, m, DATA));
        k.cpu.setReg(Cpu.EAX, Abi.KERNEL_CALL);
        k.cpu.setReg(Cpu.EBX, Abi.SYSTEM);
        k.cpu.setReg(Cpu.ECX, DATA);
        entry.handle(new Trap(Trap.Kind.SOFTWARE_INTERRUPT, Abi.IPC_VECTOR, -1, 0));
        assertNull(entry.internalError());
        k.messageIn(SYS, DATA, m);
        return k.ctx.reg(SYS, Cpu.EAX);
    }

    static Message msg(int type, int... fieldsAndValues) {
        Message m = new Message();
        m.set(Abi.M_TYPE, type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            m.set(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void dispatcherChecksNumberThenPrivilege() {
        assertEquals(Abi.ENOSYS, call(msg(Abi.NR_SYS_CALLS)));
        assertEquals(Abi.ENOSYS, call(msg(-1)));
        assertEquals(Abi.ECALLDENIED, call(msg(Abi.SYS_KILL, Abi.KILL_ENDPT, k.core.endpointOf(TARGET),
                Abi.KILL_SIG, 9)));
        assertTrue(k.core.isLive(TARGET), "a refused call changes nothing");
        Message t = msg(Abi.SYS_TIMES);
        assertEquals(Abi.OK, call(t));
        assertEquals(Abi.SYSTEM, t.source(), "replies come from SYSTEM");
        assertEquals(Abi.OK, t.type(), "the reply's m_type is the result");
    }

    @Test
    void execGivesANewImageAfterCheckingEverything() {
        int newCode = 0x500000;
        byte[] image = TinyElf.build(newCode, new byte[] {(byte) 0x90, (byte) 0xEB, (byte) 0xFE}, 0x501000, 1);
        int at = DATA + 0x1000;
        assertEquals(Abi.OK, k.copy.copyOut(k.spaces.pageDir(SYS), image, 0, at, image.length));
        int target = k.core.endpointOf(TARGET);
        int free = k.memory.freeFrames();
        assertEquals(Abi.ENOEXEC, call(msg(Abi.SYS_EXEC, Abi.EXEC_ENDPT, target, Abi.EXEC_IMAGE, DATA + 4,
                Abi.EXEC_LEN, image.length)), "not an ELF file");
        assertEquals(Abi.EFAULT, call(msg(Abi.SYS_EXEC, Abi.EXEC_ENDPT, target, Abi.EXEC_IMAGE, 0x10,
                Abi.EXEC_LEN, image.length)), "image address not mapped");
        assertEquals(Abi.E2BIG, call(msg(Abi.SYS_EXEC, Abi.EXEC_ENDPT, target, Abi.EXEC_IMAGE, at,
                Abi.EXEC_LEN, 2 << 20)));
        assertEquals(Abi.ESRCH, call(msg(Abi.SYS_EXEC, Abi.EXEC_ENDPT, target + (1 << 15), Abi.EXEC_IMAGE, at,
                Abi.EXEC_LEN, image.length)), "stale endpoint");
        assertEquals(free, k.memory.freeFrames(), "failed execs keep the old image");
        assertTrue(k.spaces.frameAt(TARGET, CODE) >= 0);

        assertEquals(Abi.OK, call(msg(Abi.SYS_EXEC, Abi.EXEC_ENDPT, target, Abi.EXEC_IMAGE, at,
                Abi.EXEC_LEN, image.length)));
        assertEquals(newCode, k.ctx.eip(TARGET));
        assertEquals(-1, k.spaces.frameAt(TARGET, CODE), "the old image is gone");
        assertTrue(k.spaces.frameAt(TARGET, newCode) >= 0);
        assertNull(Invariants.check(k));
    }

    @Test
    void forkCopiesMemoryAndTellsTheChildApart() {
        int[] marker = {0};
        assertEquals(Abi.OK, k.copy.writeInt(k.spaces.pageDir(SYS), DATA + 0x2000, 0x600DF00D));
        Message m = msg(Abi.SYS_FORK, Abi.FORK_PARENT, Abi.SELF);
        assertEquals(Abi.OK, call(m));
        int child = k.core.slotOf(m.get(Abi.FORK_CHILD));
        assertTrue(child >= 2, "the child has a new slot");
        assertEquals(Abi.OK, k.copy.readInt(k.spaces.pageDir(child), DATA + 0x2000, marker));
        assertEquals(0x600DF00D, marker[0], "memory is copied");
        assertTrue(k.spaces.frameAt(child, DATA) != k.spaces.frameAt(SYS, DATA), "into frames of its own");
        Message childView = new Message();
        k.messageIn(child, DATA, childView);
        assertEquals(Abi.NONE, childView.get(Abi.FORK_CHILD), "the child sees FORK_CHILD = NONE");
        assertEquals(Abi.OK, k.ctx.reg(child, Cpu.EAX));
        assertEquals(k.ctx.eip(SYS), k.ctx.eip(child));
        assertNull(Invariants.check(k));
    }

    @Test
    void exitOfAManagedProcessIsReportedToItsManager() {
        int target = k.core.endpointOf(TARGET);
        assertEquals(Abi.OK, call(msg(Abi.SYS_EXIT, Abi.EXIT_ENDPT, target, Abi.EXIT_STATUS, 3)));
        assertTrue(!k.core.isLive(TARGET));
        Message ksig = msg(Abi.SYS_GETINFO, Abi.GI_REQ, Abi.GET_KSIG);
        assertEquals(Abi.OK, call(ksig));
        assertEquals(target, ksig.get(Abi.GI_ENDPT));
        assertEquals(Abi.DEATH_EXIT, ksig.get(Abi.GI_VALUE));
        assertEquals(3, ksig.get(Abi.GI_LEN));
        assertEquals(Abi.ESRCH, call(msg(Abi.SYS_GETINFO, Abi.GI_REQ, Abi.GET_KSIG)), "reported once");
        assertEquals(Abi.ESRCH, call(msg(Abi.SYS_EXIT, Abi.EXIT_ENDPT, target)), "already dead");
        assertNull(Invariants.check(k));
    }

    @Test
    void devioIsCheckedAgainstTheCallersRangesAndKernelPorts() {
        assertEquals(Abi.EPERM, call(msg(Abi.SYS_DEVIO, Abi.DIO_REQ, Abi.DIO_INB, Abi.DIO_PORT, 0x3F8)),
                "sys has no I/O ranges");
        assertEquals(Abi.EPERM, call(msg(Abi.SYS_DEVIO, Abi.DIO_REQ, Abi.DIO_OUTB, Abi.DIO_PORT, 0x21)),
                "the PIC is the kernel's");
        assertEquals(Abi.EINVAL, call(msg(Abi.SYS_DEVIO, Abi.DIO_REQ, Abi.DIO_OUTL, Abi.DIO_PORT, 0xFFFE)),
                "a 4-byte access past port 0xFFFF");
    }
}
