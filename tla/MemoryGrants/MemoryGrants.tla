---------------------------- MODULE MemoryGrants ----------------------------
(***************************************************************************)
(* Memory protection in the noreset kernel core: a frame allocator, one     *)
(* page table per process, and MINIX-style memory grants.  A direct grant   *)
(* lets the grantee reach `len` pages of the granter's address space from   *)
(* page `base`; an indirect grant passes on part of a grant the granter     *)
(* itself received.  SafeCopy resolves a grant the way the kernel does      *)
(* (walk the chain, check grantee, rights and bounds at each link); the     *)
(* invariant compares every access it allows with a separate definition of *)
(* authority.  Addresses are whole pages; copies touch one page.            *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Procs,             \* processes (positive naturals)
    Frames,            \* physical frames (positive naturals)
    Pages,             \* virtual page numbers of every address space: 0..n
    GrantIds,          \* grant table slots per process
    MayGrant,          \* pairs <<p, q>>: p may create grants for q (bounds the model)
    BugNoRightsCheck,  \* TRUE: rights are checked on the first link only
    BugNoBoundsCheck   \* TRUE: the offset is not checked against the grant length

ASSUME Procs \subseteq (Nat \ {0}) /\ Frames \subseteq (Nat \ {0})
ASSUME Pages = 0..(Cardinality(Pages) - 1)
ASSUME MayGrant \subseteq Procs \X Procs
ASSUME {BugNoRightsCheck, BugNoBoundsCheck} \subseteq BOOLEAN

NoProc  == 0
NoFrame == 0
Ops     == {"R", "W"}
Rights  == (SUBSET Ops) \ {{}}
MaxLen  == Cardinality(Pages)
Grants  == [used : BOOLEAN, grantee : Procs \cup {NoProc}, indirect : BOOLEAN,
            base : Pages, len : 1..MaxLen, rights : SUBSET Ops,
            from : Procs \cup {NoProc}, gid : GrantIds]
NoGrant == [used |-> FALSE, grantee |-> NoProc, indirect |-> FALSE, base |-> 0,
            len |-> 1, rights |-> {}, from |-> NoProc, gid |-> CHOOSE g \in GrantIds : TRUE]

VARIABLES
    owner,     \* owner[f]: the process that owns frame f, or NoProc
    pt,        \* pt[p][v]: the frame page v of p maps, or NoFrame
    grants,    \* grants[p][g]: entry g of p's grant table
    bad        \* TRUE once SafeCopy allowed an access without authority (history)

vars == <<owner, pt, grants, bad>>

TypeOK ==
    /\ owner \in [Frames -> Procs \cup {NoProc}]
    /\ pt \in [Procs -> [Pages -> Frames \cup {NoFrame}]]
    /\ grants \in [Procs -> [GrantIds -> Grants]]
    /\ bad \in BOOLEAN

Init ==
    /\ owner = [f \in Frames |-> NoProc]
    /\ pt = [p \in Procs |-> [v \in Pages |-> NoFrame]]
    /\ grants = [p \in Procs |-> [g \in GrantIds |-> NoGrant]]
    /\ bad = FALSE

-----------------------------------------------------------------------------
(* Authority: what p may do to frame f.  p owns f, or some q that may do op *)
(* to f granted p op over a range that covers f.  Covers is positional:     *)
(* the frame at offset off of grant g of q.                                 *)

RECURSIVE FrameAt(_, _, _, _)
FrameAt(q, g, off, n) ==
    LET e == grants[q][g] IN
    IF n = 0 \/ ~e.used \/ off >= e.len THEN NoFrame
    ELSE IF ~e.indirect THEN (IF e.base + off \in Pages THEN pt[q][e.base + off] ELSE NoFrame)
    ELSE FrameAt(e.from, e.gid, e.base + off, n - 1)

RECURSIVE Auth(_, _, _, _)
Auth(p, f, op, n) ==
    \/ owner[f] = p
    \/ /\ n > 0
       /\ \E q \in Procs \ {p}, g \in GrantIds :
             LET e == grants[q][g] IN
             /\ e.used /\ e.grantee = p /\ op \in e.rights
             /\ \E off \in 0..(e.len - 1) : FrameAt(q, g, off, Cardinality(Procs)) = f
             /\ Auth(q, f, op, n - 1)

Authorized(p, f, op) == Auth(p, f, op, Cardinality(Procs))

-----------------------------------------------------------------------------
(* The kernel's check (MINIX safecopy): resolve grant g of q for caller p   *)
(* at offset off, following indirect grants; NoFrame means refused.         *)

RECURSIVE Resolve(_, _, _, _, _, _)
Resolve(p, q, g, off, op, n) ==
    LET e == grants[q][g] IN
    IF n = 0 \/ ~e.used \/ e.grantee # p THEN NoFrame
    ELSE IF op \notin e.rights /\ (n = Cardinality(Procs) \/ ~BugNoRightsCheck) THEN NoFrame
    ELSE IF off >= e.len /\ ~BugNoBoundsCheck THEN NoFrame
    ELSE IF ~e.indirect THEN
         (IF e.base + off \in Pages /\ pt[q][e.base + off] # NoFrame
             /\ owner[pt[q][e.base + off]] = q
          THEN pt[q][e.base + off] ELSE NoFrame)
    ELSE Resolve(q, e.from, e.gid, e.base + off, op, n - 1)

-----------------------------------------------------------------------------
(* Actions *)

Alloc(p, v, f) ==
    /\ owner[f] = NoProc /\ pt[p][v] = NoFrame
    /\ owner' = [owner EXCEPT ![f] = p]
    /\ pt' = [pt EXCEPT ![p][v] = f]
    /\ UNCHANGED <<grants, bad>>

Free(p, v) ==
    /\ pt[p][v] # NoFrame
    /\ owner' = [owner EXCEPT ![pt[p][v]] = NoProc]
    /\ pt' = [pt EXCEPT ![p][v] = NoFrame]
    /\ UNCHANGED <<grants, bad>>

GrantDirect(p, g, to, base, len, r) ==
    /\ ~grants[p][g].used /\ base + len - 1 \in Pages
    /\ grants' = [grants EXCEPT ![p][g] = [NoGrant EXCEPT !.used = TRUE, !.grantee = to,
                                              !.base = base, !.len = len, !.rights = r]]
    /\ UNCHANGED <<owner, pt, bad>>

\* Pass on part of grant h that q gave to p.  The rights are not checked
\* here (MINIX checks them when the grant is used).
GrantIndirect(p, g, to, q, h, base, len, r) ==
    /\ ~grants[p][g].used /\ grants[q][h].used /\ grants[q][h].grantee = p
    /\ grants' = [grants EXCEPT ![p][g] = [used |-> TRUE, grantee |-> to, indirect |-> TRUE,
                                             base |-> base, len |-> len, rights |-> r,
                                             from |-> q, gid |-> h]]
    /\ UNCHANGED <<owner, pt, bad>>

Revoke(p, g) ==
    /\ grants[p][g].used
    /\ grants' = [grants EXCEPT ![p][g] = NoGrant]
    /\ UNCHANGED <<owner, pt, bad>>

\* p copies one page to or from grant g of q at page offset off.
SafeCopy(p, q, g, off, op) ==
    LET f == Resolve(p, q, g, off, op, Cardinality(Procs)) IN
    /\ f # NoFrame
    /\ bad' = (bad \/ ~Authorized(p, f, op))
    /\ UNCHANGED <<owner, pt, grants>>

Next ==
    \/ \E p \in Procs, v \in Pages, f \in Frames : Alloc(p, v, f)
    \/ \E p \in Procs, v \in Pages : Free(p, v)
    \/ \E p \in Procs, g \in GrantIds :
          \/ Revoke(p, g)
          \/ \E to \in {x \in Procs : <<p, x>> \in MayGrant}, base \in Pages, len \in 1..MaxLen, r \in Rights :
                \/ GrantDirect(p, g, to, base, len, r)
                \/ \E q \in Procs \ {p}, h \in GrantIds : GrantIndirect(p, g, to, q, h, base, len, r)
    \/ \E p \in Procs : \E q \in Procs \ {p}, g \in GrantIds, off \in Pages, op \in Ops :
          SafeCopy(p, q, g, off, op)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
(* Safety *)

\* A process reads or writes only frames it owns or is granted with those rights.
AccessOnlyGranted == ~bad

\* Page tables map only frames their process owns.
MapsOwnFrames ==
    \A p \in Procs, v \in Pages : pt[p][v] # NoFrame => owner[pt[p][v]] = p

=============================================================================
