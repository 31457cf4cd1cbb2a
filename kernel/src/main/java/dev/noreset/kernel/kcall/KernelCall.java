package dev.noreset.kernel.kcall;

import dev.noreset.kernel.trap.KernelGlue;

/**
 * One kernel call. The dispatcher has already checked the number and the caller's permission;
 * the handler decodes and checks its arguments, then acts, and returns OK, a negative error,
 * or EDONTREPLY when the caller must not get a reply (it ended or got a new image). Reply
 * fields are written into {@code m}, which goes back to the caller.
 */
@FunctionalInterface
public interface KernelCall {
    int call(KernelGlue k, int caller, Message m);
}
