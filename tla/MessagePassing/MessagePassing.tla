--------------------------- MODULE MessagePassing ---------------------------
(***************************************************************************)
(* MINIX 3 style synchronous message passing, as the noreset kernel core    *)
(* implements it (kernel/.../core, Ipc.java).  Endpoints are <<slot, gen>>; *)
(* the Java kernel packs the same pair as (gen << 15) | slot.               *)
(*                                                                         *)
(* One slot is a server that loops RECEIVE(ANY) / reply with SENDNB and     *)
(* never dies; the other slots are clients that issue any IPC call, die     *)
(* and have their slot reused by a new generation.  Message ids are ghost   *)
(* values that bound the run and let the invariants follow each message.   *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
    Slots,               \* process table slots (positive naturals)
    Server,              \* the slot of the well-behaved server
    MaxGen,              \* a slot can be reused at most MaxGen times
    MaxMsgs,             \* client system calls that create a message
    BugNoDeadlockCheck,  \* TRUE: blocking calls skip the ELOCKED check
    BugNoGenCheck,       \* TRUE: the kernel compares only the slot of an endpoint
    BugNotifyNoWake      \* TRUE: NOTIFY only sets the pending bit, never delivers

ASSUME Slots \subseteq (Nat \ {0}) /\ Server \in Slots
ASSUME MaxGen \in Nat /\ MaxMsgs \in Nat
ASSUME {BugNoDeadlockCheck, BugNoGenCheck, BugNotifyNoWake} \subseteq BOOLEAN

Clients   == Slots \ {Server}
Gens      == 0..MaxGen
Endpoints == Slots \X Gens
NoEp      == <<0, 0>>             \* MINIX NONE
AnyEp     == <<0, 1>>             \* MINIX ANY
MsgIds    == 1..(2 * MaxMsgs)     \* client messages plus one reply for each
Codes     == {"NONE", "OK", "ELOCKED", "EDEADSRCDST", "ENOTREADY"}
Fates     == {"unsent", "pending", "delivered", "failed", "notify", "dup"}
NoGot     == [src |-> NoEp, kind |-> "none"]
Gots      == [src : Endpoints \cup {NoEp}, kind : {"none", "msg", "notify"}]
AsyncMsgs == [src : Endpoints, dst : Endpoints, id : MsgIds]

ProcRecs == [gen : Gens, alive : BOOLEAN,
             sendTo : Endpoints \cup {NoEp},
             recvFrom : Endpoints \cup {NoEp, AnyEp},
             replyPending : BOOLEAN,      \* MINIX MF_REPLY_PEND: inside SENDREC
             outMsg : 0..(2 * MaxMsgs),   \* message of a blocked send
             result : Codes,              \* result of the last call
             got : Gots]                  \* last message received

VARIABLES
    proc,        \* proc[s]: process table entry of slot s (ProcRecs)
    queue,       \* queue[s]: slots blocked sending to s, oldest first
    notifyBits,  \* notifyBits[s]: slots with a pending notification for s
    asyncQ,      \* asyncQ[s]: SENDA messages [src, id] waiting for s, oldest first
    runq,        \* slots on the run queue
    nextId,      \* next message id (history)
    fate,        \* fate[id]: what became of message id (history)
    stray        \* TRUE once a message reached an endpoint it was not addressed to (history)

vars == <<proc, queue, notifyBits, asyncQ, runq, nextId, fate, stray>>

Range(s) == {s[i] : i \in DOMAIN s}
Ep(s)    == <<s, proc[s].gen>>

TypeOK ==
    /\ proc \in [Slots -> ProcRecs]
    /\ queue \in [Slots -> Seq(Slots)]
    /\ notifyBits \in [Slots -> SUBSET Slots]
    /\ asyncQ \in [Slots -> Seq(AsyncMsgs)]
    /\ runq \subseteq Slots
    /\ nextId \in 1..(2 * MaxMsgs + 1)
    /\ fate \in [MsgIds -> Fates]
    /\ stray \in BOOLEAN

Init ==
    /\ proc = [s \in Slots |-> [gen |-> 0, alive |-> TRUE, sendTo |-> NoEp,
                                recvFrom |-> NoEp, replyPending |-> FALSE,
                                outMsg |-> 0, result |-> "NONE", got |-> NoGot]]
    /\ queue = [s \in Slots |-> <<>>]
    /\ notifyBits = [s \in Slots |-> {}]
    /\ asyncQ = [s \in Slots |-> <<>>]
    /\ runq = Slots
    /\ nextId = 1
    /\ fate = [i \in MsgIds |-> "unsent"]
    /\ stray = FALSE

-----------------------------------------------------------------------------
(* Kernel helpers *)

\* The kernel's endpoint check (isokendpt): a live process of that generation.
Live(e) == /\ e[1] \in Slots
           /\ proc[e[1]].alive
           /\ (BugNoGenCheck \/ proc[e[1]].gen = e[2])

\* Slot r is blocked in RECEIVE and would take a message from endpoint e.
Accepts(r, e) == proc[r].recvFrom \in {AnyEp, e}

\* A notification may not complete a SENDREC (MF_REPLY_PEND).
AcceptsNotify(r, e) == Accepts(r, e) /\ ~proc[r].replyPending

\* The endpoint slot q waits for (send target or receive source), or NoEp.
BlockedOn(q) == IF proc[q].sendTo # NoEp THEN proc[q].sendTo
                ELSE IF proc[q].recvFrom \notin {NoEp, AnyEp} THEN proc[q].recvFrom
                ELSE NoEp

\* Following blocked-on links from slot q reaches slot p within n steps.
RECURSIVE Reaches(_, _, _)
Reaches(q, p, n) ==
    IF q = p THEN TRUE
    ELSE IF n = 0 \/ BlockedOn(q) = NoEp THEN FALSE
    ELSE Reaches(BlockedOn(q)[1], p, n - 1)

\* The MINIX deadlock check: p blocking on slot r would close a cycle.
WouldDeadlock(p, r) == ~BugNoDeadlockCheck /\ Reaches(r, p, Cardinality(Slots))

Woken(pr, src, kind) == [pr EXCEPT !.recvFrom = NoEp, !.replyPending = FALSE,
                                   !.result = "OK", !.got = [src |-> src, kind |-> kind]]

\* History of a delivery of message id, addressed to endpoint dst, to endpoint rcv.
Deliver(id, dst, rcv) ==
    /\ fate' = [fate EXCEPT ![id] = IF @ \in {"unsent", "pending"} THEN "delivered" ELSE "dup"]
    /\ stray' = (stray \/ dst # rcv)

-----------------------------------------------------------------------------
(* System calls.  Each takes the message id it creates.  A send call        *)
(* overwrites the caller's message buffer, so got becomes NoGot.            *)

\* The caller's own entry after a call that did not block.
Done(pr, code) == [pr EXCEPT !.result = code, !.got = NoGot]

Fail(p, id, code) ==
    /\ proc' = [proc EXCEPT ![p] = Done(@, code)]
    /\ fate' = [fate EXCEPT ![id] = "failed"]
    /\ UNCHANGED <<queue, notifyBits, asyncQ, runq, stray>>

\* Hand message id from p straight to the receiver r, which is waiting.
Handover(p, r, e, id, pAfter) ==
    /\ proc' = [proc EXCEPT ![r] = Woken(@, Ep(p), "msg"), ![p] = pAfter]
    /\ runq' = IF pAfter.recvFrom = NoEp THEN runq \cup {r} ELSE (runq \cup {r}) \ {p}
    /\ Deliver(id, e, Ep(r))
    /\ UNCHANGED <<queue, notifyBits, asyncQ>>

FromOk(src, e) == src = AnyEp \/ src = e

Min(S) == CHOOSE x \in S : \A y \in S : x <= y

RemoveAt(s, i) == [j \in 1..(Len(s) - 1) |-> IF j < i THEN s[j] ELSE s[j + 1]]

Got(pr, src, kind) == [pr EXCEPT !.result = "OK", !.got = [src |-> src, kind |-> kind]]

\* Index in asyncQ[p] of the SENDA message a RECEIVE from src takes: the lowest
\* sender slot first, then the oldest (the kernel scans sender tables in order).
AsyncPick(p, src) ==
    LET ok == {i \in DOMAIN asyncQ[p] : FromOk(src, asyncQ[p][i].src)}
        low == {i \in ok : \A j \in ok : asyncQ[p][i].src[1] <= asyncQ[p][j].src[1]}
    IN IF ok = {} THEN 0 ELSE Min(low)

\* SENDREC's reply part after its message was handed over to r: the caller
\* receives from e only, without notifications (MF_REPLY_PEND): a SENDA
\* message of r's completes it at once, else the caller blocks.
SendRecHandover(p, r, e, id) ==
    LET i == AsyncPick(p, e)
        m == asyncQ[p][i]
    IN
    IF i = 0 THEN Handover(p, r, e, id, [Done(proc[p], "NONE") EXCEPT !.recvFrom = e,
                                                                 !.replyPending = TRUE])
    ELSE /\ proc' = [proc EXCEPT ![r] = Woken(@, Ep(p), "msg"), ![p] = Got(@, m.src, "msg")]
         /\ runq' = runq \cup {r}
         /\ asyncQ' = [asyncQ EXCEPT ![p] = RemoveAt(@, i)]
         /\ fate' = [fate EXCEPT ![id] = IF @ = "unsent" THEN "delivered" ELSE "dup",
                                  ![m.id] = IF @ = "pending" THEN "delivered" ELSE "dup"]
         /\ stray' = (stray \/ e # Ep(r) \/ m.dst # Ep(p))
         /\ UNCHANGED <<queue, notifyBits>>

\* SEND (isRec = FALSE) and SENDREC (isRec = TRUE): deliver to a waiting
\* receiver, else refuse with ELOCKED, else block in the receiver's queue.
DoSend(p, e, id, isRec) ==
    LET r == e[1] IN
    IF ~Live(e) THEN Fail(p, id, "EDEADSRCDST")
    ELSE IF Accepts(r, Ep(p)) THEN
         IF isRec THEN SendRecHandover(p, r, e, id) ELSE Handover(p, r, e, id, Done(proc[p], "OK"))
    ELSE IF WouldDeadlock(p, r) THEN Fail(p, id, "ELOCKED")
    ELSE /\ proc' = [proc EXCEPT ![p] = [Done(@, "NONE") EXCEPT !.sendTo = e, !.outMsg = id,
                                                            !.replyPending = isRec]]
         /\ queue' = [queue EXCEPT ![r] = Append(@, p)]
         /\ runq' = runq \ {p}
         /\ fate' = [fate EXCEPT ![id] = "pending"]
         /\ UNCHANGED <<notifyBits, asyncQ, stray>>

\* SENDNB: like SEND but returns ENOTREADY instead of blocking.
DoSendNB(p, e, id) ==
    IF ~Live(e) THEN Fail(p, id, "EDEADSRCDST")
    ELSE IF Accepts(e[1], Ep(p)) THEN Handover(p, e[1], e, id, Done(proc[p], "OK"))
    ELSE Fail(p, id, "ENOTREADY")

\* SENDA: never blocks; an undeliverable message waits in the receiver's
\* asynchronous table until a RECEIVE picks it up.
DoSendA(p, e, id) ==
    LET r == e[1] IN
    IF ~Live(e) THEN Fail(p, id, "EDEADSRCDST")
    ELSE IF Accepts(r, Ep(p)) THEN Handover(p, r, e, id, Done(proc[p], "OK"))
    ELSE /\ proc' = [proc EXCEPT ![p] = Done(@, "OK")]
         /\ asyncQ' = [asyncQ EXCEPT ![r] = Append(@, [src |-> Ep(p), dst |-> e, id |-> id])]
         /\ fate' = [fate EXCEPT ![id] = "pending"]
         /\ UNCHANGED <<queue, notifyBits, runq, stray>>

\* NOTIFY: never blocks; at most one pending bit per source slot.
DoNotify(p, e, id) ==
    LET r == e[1] IN
    /\ fate' = [fate EXCEPT ![id] = "notify"]
    /\ UNCHANGED stray
    /\ IF ~Live(e) THEN
            /\ proc' = [proc EXCEPT ![p] = Done(@, "EDEADSRCDST")]
            /\ UNCHANGED <<queue, notifyBits, asyncQ, runq>>
       ELSE IF AcceptsNotify(r, Ep(p)) /\ ~BugNotifyNoWake THEN
            /\ proc' = [proc EXCEPT ![r] = Woken(@, Ep(p), "notify"), ![p] = Done(@, "OK")]
            /\ runq' = runq \cup {r}
            /\ UNCHANGED <<queue, notifyBits, asyncQ>>
       ELSE /\ proc' = [proc EXCEPT ![p] = Done(@, "OK")]
            /\ notifyBits' = [notifyBits EXCEPT ![r] = @ \cup {p}]
            /\ UNCHANGED <<queue, asyncQ, runq>>

\* RECEIVE: pending notifications first (lowest slot), then SENDA messages
\* (AsyncPick), then queued senders (FIFO), else block.  Used by clients and the server.
DoReceive(p, src) ==
    LET bits == {s \in notifyBits[p] : FromOk(src, Ep(s))}
        aIdx == AsyncPick(p, src)
        qIdx == {i \in DOMAIN queue[p] : FromOk(src, Ep(queue[p][i]))}
    IN
    /\ UNCHANGED nextId
    /\ IF src # AnyEp /\ ~Live(src) THEN
            /\ proc' = [proc EXCEPT ![p] = Done(@, "EDEADSRCDST")]
            /\ UNCHANGED <<queue, notifyBits, asyncQ, runq, fate, stray>>
       ELSE IF bits # {} THEN
            /\ proc' = [proc EXCEPT ![p] = Got(@, Ep(Min(bits)), "notify")]
            /\ notifyBits' = [notifyBits EXCEPT ![p] = @ \ {Min(bits)}]
            /\ UNCHANGED <<queue, asyncQ, runq, fate, stray>>
       ELSE IF aIdx # 0 THEN
            LET m == asyncQ[p][aIdx] IN
            /\ proc' = [proc EXCEPT ![p] = Got(@, m.src, "msg")]
            /\ asyncQ' = [asyncQ EXCEPT ![p] = RemoveAt(@, aIdx)]
            /\ Deliver(m.id, m.dst, Ep(p))
            /\ UNCHANGED <<queue, notifyBits, runq>>
       ELSE IF qIdx # {} THEN
            LET q == queue[p][Min(qIdx)] IN
            /\ proc' = [proc EXCEPT
                  ![p] = Got(@, Ep(q), "msg"),
                  ![q] = IF @.replyPending
                         THEN [@ EXCEPT !.sendTo = NoEp, !.outMsg = 0, !.recvFrom = Ep(p)]
                         ELSE [@ EXCEPT !.sendTo = NoEp, !.outMsg = 0, !.result = "OK"]]
            /\ queue' = [queue EXCEPT ![p] = RemoveAt(@, Min(qIdx))]
            /\ runq' = IF proc[q].replyPending THEN runq ELSE runq \cup {q}
            /\ Deliver(proc[q].outMsg, proc[q].sendTo, Ep(p))
            /\ UNCHANGED <<notifyBits, asyncQ>>
       ELSE IF src # AnyEp /\ WouldDeadlock(p, src[1]) THEN
            /\ proc' = [proc EXCEPT ![p] = Done(@, "ELOCKED")]
            /\ UNCHANGED <<queue, notifyBits, asyncQ, runq, fate, stray>>
       ELSE /\ proc' = [proc EXCEPT ![p] = [Done(@, "NONE") EXCEPT !.recvFrom = src]]
            /\ runq' = runq \ {p}
            /\ UNCHANGED <<queue, notifyBits, asyncQ, fate, stray>>

-----------------------------------------------------------------------------
(* Actions *)

\* Targets a client may name: any other slot, current or stale generation.
Targets(p) == {e \in Endpoints : e[1] # p /\ e[2] <= proc[e[1]].gen}

ClientCall(p) == p \in Clients /\ p \in runq /\ nextId <= MaxMsgs /\ nextId' = nextId + 1

Send(p, e)    == ClientCall(p) /\ DoSend(p, e, nextId, FALSE)
SendRec(p, e) == ClientCall(p) /\ DoSend(p, e, nextId, TRUE)
SendNB(p, e)  == ClientCall(p) /\ DoSendNB(p, e, nextId)
SendA(p, e)   == ClientCall(p) /\ DoSendA(p, e, nextId)
Notify(p, e)  == ClientCall(p) /\ DoNotify(p, e, nextId)

Receive(p, src) == p \in Clients /\ p \in runq /\ DoReceive(p, src)

\* The server's loop: RECEIVE(ANY) while its buffer holds no request ...
ServerReceive ==
    /\ Server \in runq /\ proc[Server].got.kind # "msg"
    /\ DoReceive(Server, AnyEp)

\* ... then SENDNB the reply to the request's (kernel-stamped) source.
ServerReply ==
    /\ Server \in runq /\ proc[Server].got.kind = "msg"
    /\ nextId' = nextId + 1
    /\ DoSendNB(Server, proc[Server].got.src, nextId)

\* Process death (exit, crash or kill): everyone blocked on p wakes with
\* EDEADSRCDST; p's own pending send, its SENDA entries and notify bits go;
\* messages waiting for p fail; the slot's generation advances.
Die(p) ==
    LET senders   == Range(queue[p])
        receivers == {q \in Slots : proc[q].recvFrom \notin {NoEp, AnyEp}
                                    /\ proc[q].recvFrom[1] = p}
        woken     == senders \cup receivers
        target    == proc[p].sendTo[1]
        ownAsync  == {m.id : m \in {x \in UNION {Range(asyncQ[q]) : q \in Slots} : x.src[1] = p}}
        failedIds == {proc[q].outMsg : q \in senders}
                     \cup {m.id : m \in Range(asyncQ[p])}
                     \cup ownAsync
                     \cup (IF proc[p].sendTo # NoEp THEN {proc[p].outMsg} ELSE {})
    IN
    /\ p \in Clients /\ proc[p].alive /\ proc[p].gen < MaxGen
    /\ proc' = [q \in Slots |->
                  IF q = p THEN [proc[p] EXCEPT !.gen = @ + 1, !.alive = FALSE,
                                    !.sendTo = NoEp, !.recvFrom = NoEp,
                                    !.replyPending = FALSE, !.outMsg = 0,
                                    !.result = "NONE", !.got = NoGot]
                  ELSE IF q \in woken THEN [proc[q] EXCEPT !.sendTo = NoEp, !.recvFrom = NoEp,
                                    !.replyPending = FALSE, !.outMsg = 0,
                                    !.result = "EDEADSRCDST"]
                  ELSE proc[q]]
    /\ queue' = [q \in Slots |->
                   IF q = p THEN <<>>
                   ELSE IF proc[p].sendTo # NoEp /\ q = target
                        THEN SelectSeq(queue[q], LAMBDA x : x # p)
                   ELSE queue[q]]
    /\ notifyBits' = [q \in Slots |-> IF q = p THEN {} ELSE notifyBits[q] \ {p}]
    /\ asyncQ' = [q \in Slots |-> IF q = p THEN <<>>
                                  ELSE SelectSeq(asyncQ[q], LAMBDA m : m.src[1] # p)]
    /\ runq' = (runq \cup woken) \ {p}
    /\ fate' = [i \in MsgIds |-> IF i \in failedIds THEN "failed" ELSE fate[i]]
    /\ UNCHANGED <<nextId, stray>>

\* A new process takes the free slot (with the advanced generation).
Spawn(p) ==
    /\ p \in Clients /\ ~proc[p].alive
    /\ proc' = [proc EXCEPT ![p].alive = TRUE]
    /\ runq' = runq \cup {p}
    /\ UNCHANGED <<queue, notifyBits, asyncQ, nextId, fate, stray>>

Next ==
    \/ \E p \in Clients :
          \/ \E e \in Targets(p) :
                \/ Send(p, e) \/ SendRec(p, e) \/ SendNB(p, e)
                \/ SendA(p, e) \/ Notify(p, e) \/ Receive(p, e)
          \/ Receive(p, AnyEp)
          \/ Die(p)
          \/ Spawn(p)
    \/ ServerReceive
    \/ ServerReply

Spec == Init /\ [][Next]_vars /\ WF_vars(ServerReceive) /\ WF_vars(ServerReply)

-----------------------------------------------------------------------------
(* Safety *)

\* MINIX: a process is on the run queue exactly when its blocking flags are 0.
RunnableIffNotBlocked ==
    \A p \in Slots :
        p \in runq <=> (proc[p].alive /\ proc[p].sendTo = NoEp /\ proc[p].recvFrom = NoEp)

\* A blocked sender sits in exactly one queue, once, and only there.
SenderInOneQueue ==
    /\ \A p \in Slots : proc[p].sendTo # NoEp =>
          /\ Cardinality({i \in DOMAIN queue[proc[p].sendTo[1]] :
                              queue[proc[p].sendTo[1]][i] = p}) = 1
          /\ \A q \in Slots \ {proc[p].sendTo[1]} : p \notin Range(queue[q])
    /\ \A q \in Slots : \A x \in Range(queue[q]) :
          proc[x].sendTo # NoEp /\ proc[x].sendTo[1] = q

\* No message reaches a generation other than the one its sender addressed.
NoStaleDelivery == ~stray

InFlight(i) ==
    \/ \E p \in Slots : proc[p].sendTo # NoEp /\ proc[p].outMsg = i
    \/ \E p \in Slots : \E k \in DOMAIN asyncQ[p] : asyncQ[p][k].id = i

\* Every message is delivered once, still pending where the kernel keeps it,
\* or failed with the sender told (the failing step sets its result).
NoDupNoLoss ==
    \A i \in MsgIds :
        /\ fate[i] # "dup"
        /\ (fate[i] = "pending") <=> InFlight(i)
        /\ (i < nextId) <=> (fate[i] # "unsent")

\* No cycle of blocked processes (senders or specific receivers) forms.
NoDeadlockCycle ==
    \A p \in Slots : BlockedOn(p) # NoEp => ~Reaches(BlockedOn(p)[1], p, Cardinality(Slots))

\* A SENDREC ends with a real message, or with an error, never a notification.
SendRecEndsWithReply ==
    [][\A p \in Slots :
          (proc[p].replyPending /\ ~proc'[p].replyPending /\ proc'[p].gen = proc[p].gen)
             => (proc'[p].got.kind = "msg" \/ proc'[p].result # "OK")]_vars

-----------------------------------------------------------------------------
(* Liveness (under the weak fairness of the server's loop) *)

\* A receiver blocked on ANY with a pending notification eventually gets it.
NotifyReachesAnyReceiver ==
    \A p \in Slots : \A s \in Clients \ {p} :
        (proc[p].recvFrom = AnyEp /\ s \in notifyBits[p]) ~> (s \notin notifyBits[p])

\* A SENDREC to the server (which is alive and always replies) returns.
SendRecToServerReturns ==
    \A p \in Clients :
        (proc[p].replyPending /\ BlockedOn(p)[1] = Server) ~> ~proc[p].replyPending

=============================================================================
