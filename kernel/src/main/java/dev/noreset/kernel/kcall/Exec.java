package dev.noreset.kernel.kcall;

import dev.noreset.hw.loader.Elf32;
import dev.noreset.hw.loader.ElfFormatException;
import dev.noreset.kernel.boot.ProcessImage;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

import java.util.List;

/**
 * SYS_EXEC: replaces the memory image of EXEC_ENDPT with the ELF32 executable the caller holds
 * at EXEC_IMAGE (EXEC_LEN bytes). Everything is checked before the old image is dropped: the
 * copy, the ELF format, the address range and the frames needed. The new image starts at its
 * entry point with argv = {name}. A new image for the caller itself gets no reply.
 */
final class Exec implements KernelCall {
    /** Largest executable accepted: 1 MiB. */
    static final int MAX_IMAGE = 1 << 20;

    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int target = k.slotOf(caller, m.get(Abi.EXEC_ENDPT));
        if (target < 0) {
            return Abi.ESRCH;
        }
        int len = m.get(Abi.EXEC_LEN);
        if (len <= 0 || len > MAX_IMAGE) {
            return len <= 0 ? Abi.EINVAL : Abi.E2BIG;
        }
        byte[] image = new byte[len];
        if (k.copy.copyIn(k.spaces.pageDir(caller), m.get(Abi.EXEC_IMAGE), image, 0, len) != Abi.OK) {
            return Abi.EFAULT;
        }
        Elf32 elf;
        try {
            elf = Elf32.parse(image);
        } catch (ElfFormatException e) {
            return Abi.ENOEXEC;
        }
        int rc = dev.noreset.kernel.boot.ProgramLoader.check(elf);
        if (rc != Abi.OK) {
            return rc;
        }
        // The old image's frames come back when it is dropped.
        if (k.memory.freeFrames() + k.spaces.mappedPages(target) < ProcessImage.framesNeeded(elf)) {
            return Abi.ENOMEM;
        }
        rc = ProcessImage.build(k, target, elf, k.info.name(target), List.of());
        if (rc != Abi.OK) {
            // Past the point of no return: the old image is gone.
            k.kill(target, Abi.DEATH_KILLED, 0);
            return target == caller ? Abi.EDONTREPLY : rc;
        }
        return target == caller ? Abi.EDONTREPLY : Abi.OK;
    }
}
