package dev.noreset.kernel.kcall;

import dev.noreset.kernel.core.Abi;
import dev.noreset.kernel.trap.KernelGlue;

/**
 * SYS_SETGRANT: installs the caller's grant table (SG_COUNT entries of the GRANT_* layout at
 * SG_ADDR) into the core's kernel-side copy; entries past SG_COUNT are revoked. The whole
 * table is read first, so a bad address changes nothing.
 */
final class SetGrant implements KernelCall {
    @Override
    public int call(KernelGlue k, int caller, Message m) {
        int count = m.get(Abi.SG_COUNT);
        int addr = m.get(Abi.SG_ADDR);
        if (count < 0 || count > Abi.NR_GRANTS) {
            return count < 0 ? Abi.EINVAL : Abi.E2BIG;
        }
        byte[] table = new byte[count * Abi.GRANT_SIZE];
        if (count > 0 && k.copy.copyIn(k.spaces.pageDir(caller), addr, table, 0, table.length) != Abi.OK) {
            return Abi.EFAULT;
        }
        int result = Abi.OK;
        for (int i = 0; i < Abi.NR_GRANTS; i++) {
            int rc = i < count ? install(k, caller, i, table, i * Abi.GRANT_SIZE) : k.core.revokeGrant(caller, i);
            if (rc != Abi.OK && result == Abi.OK) {
                result = rc;
            }
        }
        return result;
    }

    private static int install(KernelGlue k, int caller, int i, byte[] t, int off) {
        int flags = word(t, off + Abi.GRANT_FLAGS);
        if ((flags & Abi.GRANT_VALID) == 0) {
            return k.core.revokeGrant(caller, i);
        }
        boolean read = (flags & Abi.GRANT_READ) != 0;
        boolean write = (flags & Abi.GRANT_WRITE) != 0;
        int grantee = word(t, off + Abi.GRANT_GRANTEE);
        int seq = word(t, off + Abi.GRANT_SEQ);
        int addr = word(t, off + Abi.GRANT_ADDR);
        if ((flags & Abi.GRANT_INDIRECT) != 0) {
            return k.core.setIndirectGrant(caller, i, seq, read, write, grantee, word(t, off + Abi.GRANT_FROM), addr);
        }
        return k.core.setDirectGrant(caller, i, seq, read, write, grantee, addr, word(t, off + Abi.GRANT_BYTES));
    }

    private static int word(byte[] b, int off) {
        return b[off] & 0xFF | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
    }
}
