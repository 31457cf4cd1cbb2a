package dev.noreset.kernel.core;

/**
 * Physical frames and per-process address spaces (virtual page -> frame, with write right).
 * Invariants: a frame is mapped into at most one address space unless explicitly shared;
 * page-table frames and frames below firstUser (kernel memory) are never mapped to user
 * space; a (process, page) has at most one mapping. The glue writes the page tables from
 * this record (it allocates their frames here as PAGETABLE) and moves bytes only through the
 * MMU. TLA+: none (memory is checked by proof and tests only).
 */
public final class Memory {
    public static final int FREE = 0;
    public static final int USER = 1;
    public static final int PAGETABLE = 2;
    public static final int KERNEL = 3;
    /** 4 GiB / 4 KiB pages of a 32-bit address space. */
    public static final int NR_VPAGES = 1 << 20;
    public static final int MAX_FRAMES = 1 << 20;

    /*@ spec_public @*/ final int nrFrames;
    /*@ spec_public @*/ final int firstUser;
    /*@ spec_public @*/ final int maxMaps;
    /** Per frame: kind, owner slot (-1 none). */
    /*@ spec_public @*/ final int[] kind;
    /*@ spec_public @*/ final int[] owner;
    /*@ spec_public @*/ final boolean[] shared;
    /** Mapping table: entry i maps (mProc[i], mPage[i]) to mFrame[i] when mUsed[i]. */
    /*@ spec_public @*/ final int[] mProc;
    /*@ spec_public @*/ final int[] mPage;
    /*@ spec_public @*/ final int[] mFrame;
    /*@ spec_public @*/ final boolean[] mUsed;
    /*@ spec_public @*/ final boolean[] mWrite;

    /*@ public invariant 1 <= nrFrames && nrFrames <= MAX_FRAMES && 0 <= firstUser && firstUser <= nrFrames
      @   && 1 <= maxMaps && maxMaps <= MAX_FRAMES;
      @ public invariant kind != null && kind.length == nrFrames && owner != null && owner.length == nrFrames
      @   && shared != null && shared.length == nrFrames && mProc != null && mProc.length == maxMaps
      @   && mPage != null && mPage.length == maxMaps && mFrame != null && mFrame.length == maxMaps
      @   && mUsed != null && mUsed.length == maxMaps && mWrite != null && mWrite.length == maxMaps;
      @ public invariant kind != owner && kind != mProc && kind != mPage && kind != mFrame && owner != mProc
      @   && owner != mPage && owner != mFrame && mProc != mPage && mProc != mFrame && mPage != mFrame
      @   && shared != mUsed && shared != mWrite && mUsed != mWrite;
      @*/
    /**
     * Memory safety invariants: kernel frames stay kernel frames; every mapping is a user frame
     * of a valid process and page (so page tables and kernel memory never reach user space);
     * a frame is in at most one address space unless shared; one mapping per (process, page);
     * an unshared mapped frame belongs to the process that maps it (so releasing a process
     * never frees a frame another space still maps). A model predicate for the same reason as
     * Kernel.wellFormed, split into conjuncts with their own footprints so that an operation
     * re-proves only the conjuncts whose arrays it writes. The footprint is in KeY's order for
     * a union of locations, as Kernel.wellFormed's is.
     */
    /*@ public model_behavior
      @ accessible this.firstUser, this.kind, kind[*], this.mFrame, mFrame[*], this.mPage, mPage[*],
      @   this.mProc, mProc[*],
      @   this.mUsed, mUsed[*], this.maxMaps, this.nrFrames, this.owner, owner[*], this.shared, shared[*];
      @ public model boolean wellFormed() {
      @   return memFrames() && memMaps() && memExcl() && memUniq() && memOwner();
      @ }
      @*/

    /** Frames below firstUser are kernel frames; the others free, user or page-table frames. */
    /*@ public model_behavior
      @ accessible this.nrFrames, this.firstUser, this.kind, kind[*];
      @ public helper model boolean memFrames() {
      @   return (\forall int f; 0 <= f && f < firstUser; kind[f] == KERNEL)
      @   && (\forall int f; firstUser <= f && f < nrFrames; kind[f] == FREE || kind[f] == USER
      @       || kind[f] == PAGETABLE);
      @ }
      @*/

    /** Every mapping maps a valid (process, page) to a user frame. */
    /*@ public model_behavior
      @ accessible this.nrFrames, this.firstUser, this.maxMaps, this.kind, this.mUsed, this.mProc, this.mPage,
      @   this.mFrame, kind[*], mUsed[*], mProc[*], mPage[*], mFrame[*];
      @ public helper model boolean memMaps() {
      @   return (\forall int i; 0 <= i && i < maxMaps; mUsed[i] ==> 0 <= mProc[i] && mProc[i] < Abi.NR_PROCS
      @       && 0 <= mPage[i] && mPage[i] < NR_VPAGES && firstUser <= mFrame[i] && mFrame[i] < nrFrames
      @       && kind[mFrame[i]] == USER);
      @ }
      @*/

    /** A frame is in at most one mapping unless shared. */
    /*@ public model_behavior
      @ accessible this.maxMaps, this.mUsed, this.mFrame, this.shared, mUsed[*], mFrame[*], shared[*];
      @ public helper model boolean memExcl() {
      @   return (\forall int i; 0 <= i && i < maxMaps; (\forall int j; 0 <= j && j < maxMaps;
      @       mUsed[i] && mUsed[j] && i != j ==> mFrame[i] != mFrame[j] || shared[mFrame[i]]));
      @ }
      @*/

    /** At most one mapping per (process, page). */
    /*@ public model_behavior
      @ accessible this.maxMaps, this.mUsed, this.mProc, this.mPage, mUsed[*], mProc[*], mPage[*];
      @ public helper model boolean memUniq() {
      @   return (\forall int i; 0 <= i && i < maxMaps; (\forall int j; 0 <= j && j < maxMaps;
      @       mUsed[i] && mUsed[j] && i != j ==> mProc[i] != mProc[j] || mPage[i] != mPage[j]));
      @ }
      @*/

    /** An unshared mapped frame is owned by the process that maps it. */
    /*@ public model_behavior
      @ accessible this.maxMaps, this.mUsed, this.mProc, this.mFrame, this.shared, this.owner, mUsed[*],
      @   mProc[*],
      @   mFrame[*], shared[*], owner[*];
      @ public helper model boolean memOwner() {
      @   return (\forall int i; 0 <= i && i < maxMaps; mUsed[i] && !shared[mFrame[i]] ==> owner[mFrame[i]] == mProc[i]);
      @ }
      @*/

    /*@ public normal_behavior
      @ requires 1 <= frames && frames <= MAX_FRAMES && 0 <= firstUserFrame && firstUserFrame <= frames;
      @ ensures nrFrames == frames && firstUser == firstUserFrame && maxMaps == frames;
      @ ensures wellFormed();
      @ assignable \nothing;
      @*/
    public Memory(int frames, int firstUserFrame) {
        // Allocations first, then the field stores (as in Kernel()).
        int[] kind0 = Fresh.ints(frames);
        int[] owner0 = Fresh.opaqueInts(frames);
        boolean[] shared0 = Fresh.opaqueFlags(frames);
        int[] mProc0 = Fresh.opaqueInts(frames);
        int[] mPage0 = Fresh.opaqueInts(frames);
        int[] mFrame0 = Fresh.opaqueInts(frames);
        boolean[] mUsed0 = Fresh.flags(frames);
        boolean[] mWrite0 = Fresh.opaqueFlags(frames);
        markKernelFrames(kind0, firstUserFrame);
        nrFrames = frames;
        firstUser = firstUserFrame;
        maxMaps = frames;
        kind = kind0;
        owner = owner0;
        shared = shared0;
        mProc = mProc0;
        mPage = mPage0;
        mFrame = mFrame0;
        mUsed = mUsed0;
        mWrite = mWrite0;
    }

    /**
     * Frames below firstUserFrame of a fresh (all FREE) kind table become KERNEL frames. Its own
     * method so that both constructor cases apply this contract instead of re-proving the loop.
     */
    /*@ private normal_behavior
      @ requires kind != null && 0 <= firstUserFrame && firstUserFrame <= kind.length
      @   && (\forall int g; 0 <= g && g < kind.length; kind[g] == FREE);
      @ ensures (\forall int g; 0 <= g && g < firstUserFrame; kind[g] == KERNEL)
      @   && (\forall int g; firstUserFrame <= g && g < kind.length; kind[g] == FREE);
      @ assignable kind[0 .. firstUserFrame - 1];
      @*/
    private static void markKernelFrames(int[] kind, int firstUserFrame) {
        /*@ loop_invariant 0 <= f && f <= firstUserFrame && (\forall int g; 0 <= g && g < f; kind[g] == KERNEL)
          @   && (\forall int g; f <= g && g < kind.length; kind[g] == FREE);
          @ assignable kind[0 .. firstUserFrame - 1];
          @ decreases firstUserFrame - f;
          @*/
        for (int f = 0; f < firstUserFrame; f++) {
            kind[f] = KERNEL;
        }
    }

    // Preservation of wellFormed(), one case per conjunct. The new frame was FREE, so by memMaps no
    // mapping names it: that is why the memExcl and memOwner cases also require memMaps().
    /*@ public normal_behavior
      @ requires k == USER || k == PAGETABLE;
      @ requires 0 <= slot && slot < Abi.NR_PROCS;
      @ ensures \result == Abi.ENOMEM || firstUser <= \result && \result < nrFrames
      @   && \old(kind[\result]) == FREE && kind[\result] == k && owner[\result] == slot;
      @ assignable kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires k != USER && k != PAGETABLE || slot < 0 || slot >= Abi.NR_PROCS;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires memFrames();
      @ ensures memFrames();
      @ assignable kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memMaps();
      @ ensures memMaps();
      @ assignable kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memMaps() && memExcl();
      @ ensures memExcl();
      @ assignable kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memUniq();
      @ ensures memUniq();
      @ assignable kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memMaps() && memOwner();
      @ ensures memOwner();
      @ assignable kind[*], owner[*], shared[*];
      @*/
    public int allocFrame(int slot, int k) {
        if (!validAlloc(slot, k)) {
            return Abi.EINVAL;
        }
        int f = firstFree();
        if (f < 0) {
            return Abi.ENOMEM;
        }
        kind[f] = k;
        owner[f] = slot;
        shared[f] = false;
        return f;
    }

    // The guards of allocFrame, freeFrame, share and map are queries with contracts, so that each
    // operation's proofs take one branch per guard instead of one per comparison (proofs/README).
    /*@ public normal_behavior
      @ ensures \result == ((k == USER || k == PAGETABLE) && 0 <= slot && slot < Abi.NR_PROCS);
      @ assignable \strictly_nothing;
      @*/
    public static boolean validAlloc(int slot, int k) {
        return (k == USER || k == PAGETABLE) && 0 <= slot && slot < Abi.NR_PROCS;
    }

    /** Frame f is a user-memory frame in use (user or page table). */
    /*@ public normal_behavior
      @ ensures \result == (firstUser <= f && f < nrFrames && kind[f] != FREE);
      @ assignable \strictly_nothing;
      @*/
    public boolean isAllocated(int f) {
        return firstUser <= f && f < nrFrames && kind[f] != FREE;
    }

    /** Frame f is a user frame. */
    /*@ public normal_behavior
      @ ensures \result == (firstUser <= f && f < nrFrames && kind[f] == USER);
      @ assignable \strictly_nothing;
      @*/
    public boolean isUserFrame(int f) {
        return firstUser <= f && f < nrFrames && kind[f] == USER;
    }

    /*@ public normal_behavior
      @ ensures \result == -1 || firstUser <= \result && \result < nrFrames && kind[\result] == FREE;
      @ ensures \result == -1 <==> (\forall int g; firstUser <= g && g < nrFrames; kind[g] != FREE);
      @ assignable \nothing;
      @*/
    public int firstFree() {
        /*@ loop_invariant firstUser <= f && f <= nrFrames && (\forall int g; firstUser <= g && g < f; kind[g] != FREE);
          @ assignable \strictly_nothing;
          @ decreases nrFrames - f;
          @*/
        for (int f = firstUser; f < nrFrames; f++) {
            if (kind[f] == FREE) {
                return f;
            }
        }
        return -1;
    }

    /** True when some mapping uses frame f. */
    /*@ public normal_behavior
      @ ensures \result == (\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mFrame[i] == f);
      @ assignable \nothing;
      @*/
    public boolean isMapped(int f) {
        /*@ loop_invariant 0 <= i && i <= maxMaps && !(\exists int j; 0 <= j && j < i; mUsed[j] && mFrame[j] == f);
          @ assignable \strictly_nothing;
          @ decreases maxMaps - i;
          @*/
        for (int i = 0; i < maxMaps; i++) {
            if (mUsed[i] && mFrame[i] == f) {
                return true;
            }
        }
        return false;
    }

    // Preservation of wellFormed() is stated per conjunct: one case each, requiring only that
    // conjunct (proofs/README, "How the proofs are shaped").
    /*@ public normal_behavior
      @ requires firstUser <= f && f < nrFrames && kind[f] != FREE;
      @ requires !(\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mFrame[i] == f);
      @ ensures \result == Abi.OK && kind[f] == FREE;
      @ assignable kind[f], owner[f], shared[f];
      @ also public normal_behavior
      @ requires f < firstUser || f >= nrFrames || kind[f] == FREE;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires firstUser <= f && f < nrFrames && kind[f] != FREE;
      @ requires (\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mFrame[i] == f);
      @ ensures \result == Abi.EBUSY;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires memFrames();
      @ ensures memFrames();
      @ assignable kind[f], owner[f], shared[f];
      @ also public normal_behavior
      @ requires memMaps();
      @ ensures memMaps();
      @ assignable kind[f], owner[f], shared[f];
      @ also public normal_behavior
      @ requires memExcl();
      @ ensures memExcl();
      @ assignable kind[f], owner[f], shared[f];
      @ also public normal_behavior
      @ requires memUniq();
      @ ensures memUniq();
      @ assignable kind[f], owner[f], shared[f];
      @ also public normal_behavior
      @ requires memOwner();
      @ ensures memOwner();
      @ assignable kind[f], owner[f], shared[f];
      @*/
    public int freeFrame(int f) {
        if (!isAllocated(f)) {
            return Abi.EINVAL;
        }
        if (isMapped(f)) {
            return Abi.EBUSY;
        }
        kind[f] = FREE;
        owner[f] = -1;
        shared[f] = false;
        return Abi.OK;
    }

    /*@ public normal_behavior
      @ requires firstUser <= f && f < nrFrames && kind[f] == USER;
      @ ensures \result == Abi.OK && shared[f];
      @ assignable shared[f];
      @ also public normal_behavior
      @ requires f < firstUser || f >= nrFrames || kind[f] != USER;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires wellFormed();
      @ ensures wellFormed();
      @ assignable shared[f];
      @*/
    public int share(int f) {
        if (!isUserFrame(f)) {
            return Abi.EINVAL;
        }
        shared[f] = true;
        return Abi.OK;
    }

    /** Index of the mapping of (slot, vpage), or -1. */
    /*@ public normal_behavior
      @ ensures \result >= -1 && \result < maxMaps;
      @ ensures \result >= 0 ==> mUsed[\result] && mProc[\result] == slot && mPage[\result] == vpage;
      @ ensures \result == -1 <==> !(\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mProc[i] == slot && mPage[i] == vpage);
      @ assignable \nothing;
      @*/
    public int find(int slot, int vpage) {
        /*@ loop_invariant 0 <= i && i <= maxMaps
          @   && !(\exists int j; 0 <= j && j < i; mUsed[j] && mProc[j] == slot && mPage[j] == vpage);
          @ assignable \strictly_nothing;
          @ decreases maxMaps - i;
          @*/
        for (int i = 0; i < maxMaps; i++) {
            if (mUsed[i] && mProc[i] == slot && mPage[i] == vpage) {
                return i;
            }
        }
        return -1;
    }

    /*@ public normal_behavior
      @ ensures \result == -1 || firstUser <= \result && \result < nrFrames && kind[\result] == USER;
      @ assignable \nothing;
      @*/
    public int lookup(int slot, int vpage) {
        int i = find(slot, vpage);
        if (i < 0) {
            return -1;
        }
        // wellFormed() makes every mapped frame a user frame; checking it here keeps the result
        // safe for the MMU glue even without that premise.
        int f = mFrame[i];
        return firstUser <= f && f < nrFrames && kind[f] == USER ? f : -1;
    }

    /*@ public normal_behavior
      @ assignable \nothing;
      @*/
    public boolean isWritable(int slot, int vpage) {
        int i = find(slot, vpage);
        return i >= 0 && mWrite[i];
    }

    // Preservation of wellFormed() is stated per conjunct, as for freeFrame.
    /*@ public normal_behavior
      @ requires 0 <= slot && slot < Abi.NR_PROCS && 0 <= vpage && vpage < NR_VPAGES;
      @ requires firstUser <= f && f < nrFrames && kind[f] == USER;
      @ requires owner[f] == slot || shared[f];
      @ ensures \result == Abi.OK || \result == Abi.EBUSY || \result == Abi.ENOMEM;
      @ ensures \result == Abi.OK ==> (\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mProc[i] == slot
      @   && mPage[i] == vpage && mFrame[i] == f && mWrite[i] == writable);
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @ also public normal_behavior
      @ requires slot < 0 || slot >= Abi.NR_PROCS || vpage < 0 || vpage >= NR_VPAGES;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires 0 <= slot && slot < Abi.NR_PROCS && 0 <= vpage && vpage < NR_VPAGES;
      @ requires f < firstUser || f >= nrFrames || kind[f] != USER || owner[f] != slot && !shared[f];
      @ ensures \result == Abi.EPERM;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires memFrames();
      @ ensures memFrames();
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @ also public normal_behavior
      @ requires memMaps();
      @ ensures memMaps();
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @ also public normal_behavior
      @ requires memExcl();
      @ ensures memExcl();
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @ also public normal_behavior
      @ requires memUniq();
      @ ensures memUniq();
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @ also public normal_behavior
      @ requires memOwner();
      @ ensures memOwner();
      @ assignable mUsed[*], mProc[*], mPage[*], mFrame[*], mWrite[*];
      @*/
    public int map(int slot, int vpage, int f, boolean writable) {
        if (!validPage(slot, vpage)) {
            return Abi.EINVAL;
        }
        if (!mayMap(slot, f)) {
            return Abi.EPERM;
        }
        if (find(slot, vpage) >= 0) {
            return Abi.EBUSY;
        }
        if (!shared[f] && isMapped(f)) {
            return Abi.EBUSY;
        }
        int free = freeEntry();
        if (free < 0) {
            return Abi.ENOMEM;
        }
        mUsed[free] = true;
        mProc[free] = slot;
        mPage[free] = vpage;
        mFrame[free] = f;
        mWrite[free] = writable;
        return Abi.OK;
    }

    /** A valid (process, virtual page) for map. */
    /*@ public normal_behavior
      @ ensures \result == (0 <= slot && slot < Abi.NR_PROCS && 0 <= vpage && vpage < NR_VPAGES);
      @ assignable \strictly_nothing;
      @*/
    public static boolean validPage(int slot, int vpage) {
        return 0 <= slot && slot < Abi.NR_PROCS && 0 <= vpage && vpage < NR_VPAGES;
    }

    /** Frame f is a user frame that slot owns, or a shared one. */
    /*@ public normal_behavior
      @ ensures \result == (firstUser <= f && f < nrFrames && kind[f] == USER && (owner[f] == slot || shared[f]));
      @ assignable \strictly_nothing;
      @*/
    public boolean mayMap(int slot, int f) {
        return isUserFrame(f) && (owner[f] == slot || shared[f]);
    }

    /*@ public normal_behavior
      @ ensures \result >= -1 && \result < maxMaps;
      @ ensures \result >= 0 ==> !mUsed[\result];
      @ ensures \result == -1 <==> (\forall int i; 0 <= i && i < maxMaps; mUsed[i]);
      @ assignable \nothing;
      @*/
    public int freeEntry() {
        /*@ loop_invariant 0 <= i && i <= maxMaps && (\forall int j; 0 <= j && j < i; mUsed[j]);
          @ assignable \strictly_nothing;
          @ decreases maxMaps - i;
          @*/
        for (int i = 0; i < maxMaps; i++) {
            if (!mUsed[i]) {
                return i;
            }
        }
        return -1;
    }

    // Preservation of wellFormed() is stated per conjunct, as for freeFrame.
    /*@ public normal_behavior
      @ ensures \result == Abi.OK ==> !(\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mProc[i] == slot && mPage[i] == vpage);
      @ ensures \result == Abi.OK || \result == Abi.EINVAL;
      @ assignable mUsed[*];
      @ also public normal_behavior
      @ requires memFrames();
      @ ensures memFrames();
      @ assignable mUsed[*];
      @ also public normal_behavior
      @ requires memMaps();
      @ ensures memMaps();
      @ assignable mUsed[*];
      @ also public normal_behavior
      @ requires memExcl();
      @ ensures memExcl();
      @ assignable mUsed[*];
      @ also public normal_behavior
      @ requires memUniq();
      @ ensures memUniq();
      @ assignable mUsed[*];
      @ also public normal_behavior
      @ requires memOwner();
      @ ensures memOwner();
      @ assignable mUsed[*];
      @*/
    public int unmap(int slot, int vpage) {
        // Clears every entry for (slot, vpage): wellFormed() allows at most one, and clearing
        // them all makes the postcondition hold without that premise.
        int r = Abi.EINVAL;
        /*@ loop_invariant 0 <= i && i <= maxMaps && (r == Abi.OK || r == Abi.EINVAL)
          @   && (\forall int j; 0 <= j && j < i; !mUsed[j] || mProc[j] != slot || mPage[j] != vpage)
          @   && (\forall int j; 0 <= j && j < maxMaps; mUsed[j] ==> \old(mUsed[j]));
          @ assignable mUsed[0 .. maxMaps - 1];
          @ decreases maxMaps - i;
          @*/
        for (int i = 0; i < maxMaps; i++) {
            if (mUsed[i] && mProc[i] == slot && mPage[i] == vpage) {
                mUsed[i] = false;
                r = Abi.OK;
            }
        }
        return r;
    }

    // Preservation of wellFormed() is stated per conjunct, as for freeFrame. memMaps also needs
    // memOwner: a frame freed here was owned by slot and unshared, so by memOwner only slot's own
    // mappings (all removed first) could name it.
    /*@ public normal_behavior
      @ requires 0 <= slot && slot < Abi.NR_PROCS;
      @ ensures \result == Abi.OK;
      @ ensures !(\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mProc[i] == slot);
      @ ensures (\forall int f; firstUser <= f && f < nrFrames; \old(kind[f]) != FREE && \old(owner[f]) == slot
      @   && !\old(shared[f]) ==> kind[f] == FREE);
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires slot < 0 || slot >= Abi.NR_PROCS;
      @ ensures \result == Abi.EINVAL;
      @ assignable \nothing;
      @ also public normal_behavior
      @ requires memFrames();
      @ ensures memFrames();
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memMaps() && memOwner();
      @ ensures memMaps();
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memExcl();
      @ ensures memExcl();
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memUniq();
      @ ensures memUniq();
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @ also public normal_behavior
      @ requires memOwner();
      @ ensures memOwner();
      @ assignable mUsed[*], kind[*], owner[*], shared[*];
      @*/
    public int releaseProcess(int slot) {
        if (slot < 0 || slot >= Abi.NR_PROCS) {
            return Abi.EINVAL;
        }
        unmapAll(slot);
        releaseFrames(slot);
        return Abi.OK;
    }

    /*@ private normal_behavior
      @ ensures !(\exists int i; 0 <= i && i < maxMaps; mUsed[i] && mProc[i] == slot);
      @ ensures (\forall int j; 0 <= j && j < maxMaps; mUsed[j] ==> \old(mUsed[j]));
      @ assignable mUsed[0 .. maxMaps - 1];
      @*/
    private void unmapAll(int slot) {
        /*@ loop_invariant 0 <= i && i <= maxMaps && (\forall int j; 0 <= j && j < i; !mUsed[j] || mProc[j] != slot)
          @   && (\forall int j; 0 <= j && j < maxMaps; mUsed[j] ==> \old(mUsed[j]));
          @ assignable mUsed[0 .. maxMaps - 1];
          @ decreases maxMaps - i;
          @*/
        for (int i = 0; i < maxMaps; i++) {
            if (mUsed[i] && mProc[i] == slot) {
                mUsed[i] = false;
            }
        }
    }

    /*@ private normal_behavior
      @ ensures (\forall int g; firstUser <= g && g < nrFrames; \old(kind[g]) != FREE && \old(owner[g]) == slot
      @   && !\old(shared[g]) ==> kind[g] == FREE);
      @ ensures (\forall int g; firstUser <= g && g < nrFrames; owner[g] == \old(owner[g])
      @   || \old(owner[g]) == slot && owner[g] == -1);
      @ ensures (\forall int g; firstUser <= g && g < nrFrames; kind[g] == \old(kind[g])
      @   || \old(owner[g]) == slot && !\old(shared[g]) && kind[g] == FREE);
      @ assignable kind[firstUser .. nrFrames - 1], owner[firstUser .. nrFrames - 1];
      @*/
    private void releaseFrames(int slot) {
        // Its private frames and page tables are free again; a shared frame stays (other spaces may map
        // it) but loses its owner, so the slot's next occupant cannot claim it.
        /*@ loop_invariant firstUser <= f && f <= nrFrames
          @   && (\forall int g; firstUser <= g && g < f; \old(kind[g]) != FREE && \old(owner[g]) == slot
          @        && !\old(shared[g]) ==> kind[g] == FREE)
          @   && (\forall int g; f <= g && g < nrFrames; kind[g] == \old(kind[g]) && owner[g] == \old(owner[g]))
          @   && (\forall int g; firstUser <= g && g < f; owner[g] == \old(owner[g])
          @        || \old(owner[g]) == slot && owner[g] == -1)
          @   && (\forall int g; firstUser <= g && g < f; kind[g] == \old(kind[g])
          @        || \old(owner[g]) == slot && !\old(shared[g]) && kind[g] == FREE);
          @ assignable kind[firstUser .. nrFrames - 1], owner[firstUser .. nrFrames - 1];
          @ decreases nrFrames - f;
          @*/
        for (int f = firstUser; f < nrFrames; f++) {
            if (kind[f] != FREE && owner[f] == slot) {
                if (!shared[f]) {
                    kind[f] = FREE;
                }
                owner[f] = -1;
            }
        }
    }

    /*@ public normal_behavior
      @ ensures 0 <= \result && \result <= nrFrames;
      @ assignable \nothing;
      @*/
    public int freeFrames() {
        int n = 0;
        /*@ loop_invariant firstUser <= f && f <= nrFrames && 0 <= n && n <= f - firstUser;
          @ assignable \strictly_nothing;
          @ decreases nrFrames - f;
          @*/
        for (int f = firstUser; f < nrFrames; f++) {
            if (kind[f] == FREE) {
                n++;
            }
        }
        return n;
    }

    /*@ public normal_behavior
      @ ensures \result == (0 <= f && f < nrFrames ? kind[f] : -1);
      @ assignable \nothing;
      @*/
    public int frameKind(int f) {
        return 0 <= f && f < nrFrames ? kind[f] : -1;
    }

    /*@ public normal_behavior
      @ ensures \result == (0 <= f && f < nrFrames ? owner[f] : -1);
      @ assignable \nothing;
      @*/
    public int frameOwner(int f) {
        return 0 <= f && f < nrFrames ? owner[f] : -1;
    }
}
