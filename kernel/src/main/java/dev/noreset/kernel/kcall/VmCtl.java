package dev.noreset.kernel.kcall;

import dev.noreset.kernel.boot.ProgramLoader;
import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_VMCTL: maps fresh zeroed pages into, or unmaps pages from, an address space (a VM
 * server's tool). The range must be page-aligned user space; every page is checked before the
 * first changes, so a request either applies whole or not at all.
 */
final class VmCtl implements KernelCall {
    /** Most pages in one request (4 MiB). */
    static final int MAX_PAGES = 1024;

    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int req = m.get(Abi.VM_REQ);
        int target = k.slotOf(caller, m.get(Abi.VM_ENDPT));
        int addr = m.get(Abi.VM_ADDR);
        int pages = m.get(Abi.VM_PAGES);
        if (req != Abi.VMCTL_MAP && req != Abi.VMCTL_UNMAP) {
            return Abi.EINVAL;
        }
        if (target < 0) {
            return Abi.ESRCH;
        }
        long start = Integer.toUnsignedLong(addr);
        if ((addr & 0xFFF) != 0 || pages < 1 || pages > MAX_PAGES || start < ProgramLoader.USER_BASE
                || start + (long) pages * 0x1000 > Integer.toUnsignedLong(ProgramLoader.USER_LIMIT)) {
            return Abi.EINVAL;
        }
        boolean map = req == Abi.VMCTL_MAP;
        for (int p = 0; p < pages; p++) {
            boolean mapped = k.spaces.frameAt(target, addr + p * 0x1000) >= 0;
            if (map == mapped) {
                return map ? Abi.EBUSY : Abi.EINVAL;
            }
        }
        if (map && k.memory.freeFrames() < pages + pages / 1024 + 2) {
            return Abi.ENOMEM;
        }
        boolean writable = m.get(Abi.VM_WRITE) != 0;
        for (int p = 0; p < pages; p++) {
            int va = addr + p * 0x1000;
            int rc = map ? k.spaces.mapFresh(target, va, writable) : k.spaces.unmapAndFree(target, va);
            if (rc < 0) {
                return rc;
            }
        }
        return Abi.OK;
    }
}
