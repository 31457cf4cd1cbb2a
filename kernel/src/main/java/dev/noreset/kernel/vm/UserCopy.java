package dev.noreset.kernel.vm;

import dev.noreset.hw.mem.PhysicalMemory;
import dev.noreset.kernel.core.Abi;

/**
 * Copies between kernel buffers and user memory, and between two user address spaces, through
 * {@link PageWalker}. Every copy first checks the whole user range, then copies: a bad buffer
 * gives {@code EFAULT} and leaves both sides untouched (no partial copy into user memory).
 */
public final class UserCopy {
    private final PhysicalMemory ram;
    private final PageWalker walker;

    public UserCopy(PhysicalMemory ram) {
        this.ram = ram;
        this.walker = new PageWalker(ram);
    }

    public PageWalker walker() {
        return walker;
    }

    /** Copies {@code len} bytes from user {@code src} into {@code dst[off..]}: OK or EFAULT. */
    public int copyIn(int pageDir, int src, byte[] dst, int off, int len) {
        if (!walker.accessible(pageDir, src, len, false)) {
            return Abi.EFAULT;
        }
        int done = 0;
        while (done < len) {
            int linear = src + done;
            int chunk = Math.min(len - done, 0x1000 - (linear & 0xFFF));
            int pa = (int) walker.translate(pageDir, linear, false);
            ram.copyOut(pa, dst, off + done, chunk);
            done += chunk;
        }
        return Abi.OK;
    }

    /** Copies {@code len} bytes from {@code src[off..]} to user {@code dst}: OK or EFAULT. */
    public int copyOut(int pageDir, byte[] src, int off, int dst, int len) {
        if (!walker.accessible(pageDir, dst, len, true)) {
            return Abi.EFAULT;
        }
        int done = 0;
        while (done < len) {
            int linear = dst + done;
            int chunk = Math.min(len - done, 0x1000 - (linear & 0xFFF));
            int pa = (int) walker.translate(pageDir, linear, true);
            ram.load(pa, src, off + done, chunk);
            done += chunk;
        }
        return Abi.OK;
    }

    /**
     * Copies {@code len} bytes between two address spaces (safecopy): OK or EFAULT, checking
     * both ranges before the first byte moves.
     */
    public int copyBetween(int srcDir, int src, int dstDir, int dst, int len) {
        if (!walker.accessible(srcDir, src, len, false) || !walker.accessible(dstDir, dst, len, true)) {
            return Abi.EFAULT;
        }
        byte[] buf = new byte[Math.min(len, 0x1000)];
        int done = 0;
        while (done < len) {
            int n = Math.min(len - done, buf.length);
            copyIn(srcDir, src + done, buf, 0, n);
            copyOut(dstDir, buf, 0, dst + done, n);
            done += n;
        }
        return Abi.OK;
    }

    /** Reads a user int32 into {@code out[0]}: OK or EFAULT. */
    public int readInt(int pageDir, int addr, int[] out) {
        if (!walker.accessible(pageDir, addr, 4, false)) {
            return Abi.EFAULT;
        }
        out[0] = (int) (read8(pageDir, addr) | read8(pageDir, addr + 1) << 8
                | read8(pageDir, addr + 2) << 16 | (long) read8(pageDir, addr + 3) << 24);
        return Abi.OK;
    }

    private int read8(int pageDir, int addr) {
        return ram.read8((int) walker.translate(pageDir, addr, false));
    }

    /** Writes a user int32: OK or EFAULT. */
    public int writeInt(int pageDir, int addr, int value) {
        if (!walker.accessible(pageDir, addr, 4, true)) {
            return Abi.EFAULT;
        }
        for (int i = 0; i < 4; i++) {
            ram.write8((int) walker.translate(pageDir, addr + i, true), value >>> (8 * i));
        }
        return Abi.OK;
    }
}
