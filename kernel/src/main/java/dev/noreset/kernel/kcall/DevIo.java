package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_DEVIO: one port read or write on behalf of a driver, allowed only inside the caller's
 * I/O ranges (the core's {@code checkIo} covers every byte of the access). Ports the kernel
 * drives itself (PIC, PIT) are refused to everyone, whatever a boot image says.
 */
final class DevIo implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int req = m.get(Abi.DIO_REQ);
        int port = m.get(Abi.DIO_PORT);
        if (req < Abi.DIO_INB || req > Abi.DIO_OUTL) {
            return Abi.EINVAL;
        }
        int size = switch (req) {
            case Abi.DIO_INB, Abi.DIO_OUTB -> 1;
            case Abi.DIO_INW, Abi.DIO_OUTW -> 2;
            default -> 4;
        };
        if (port < 0 || port + size - 1 > 0xFFFF) {
            return Abi.EINVAL;
        }
        if (kernelPort(port, size)) {
            return Abi.EPERM;
        }
        int rc = k.core.checkIo(caller, port, size);
        if (rc != Abi.OK) {
            return rc;
        }
        if (req >= Abi.DIO_OUTB) {
            k.io.out(port, size, m.get(Abi.DIO_VALUE));
        } else {
            m.set(Abi.DIO_VALUE, k.io.in(port, size));
        }
        return Abi.OK;
    }

    /** The PIC pair (0x20-0x21, 0xA0-0xA1) and the PIT (0x40-0x43) belong to the kernel. */
    static boolean kernelPort(int port, int size) {
        for (int p = port; p < port + size; p++) {
            if (p == 0x20 || p == 0x21 || p == 0xA0 || p == 0xA1 || p >= 0x40 && p <= 0x43) {
                return true;
            }
        }
        return false;
    }
}
