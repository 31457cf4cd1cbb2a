package dev.noreset.kernel.vm;

/** Where page-table frames come from: the core's frame allocator (physical 4 KiB frames). */
public interface FrameSource {
    /** A free frame's physical address (4 KiB aligned), now owned by the kernel, or -1 if none. */
    int allocate();

    /** Returns a frame obtained from {@link #allocate}. */
    void free(int physAddr);
}
