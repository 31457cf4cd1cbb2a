------------------------ MODULE MessagePassingTrace ------------------------
(***************************************************************************)
(* Trace validation (Cirstea, Kuppe, Loillier, Merz 2024): is a kernel      *)
(* event log a behaviour of MessagePassing?  TraceData (generated from the  *)
(* ND-JSON log by dev.noreset.tla.TraceLog, format in ../trace-format.md)   *)
(* defines TraceLog and the constants sized from the log (TraceSlots,       *)
(* TraceServer, TraceMaxGen, TraceMaxMsgs).                                *)
(*                                                                         *)
(* No process is assumed to play a role: each event must be the model's    *)
(* client action it names, taken by the logged actor (slot and generation) *)
(* on the logged peer, and leave the actor with the logged result.  The     *)
(* model's server slot (TraceServer) is one no event names, so its loop    *)
(* never runs.  The behaviour starts from an empty process table: the       *)
(* kernel logs every process it starts, boot processes included, as Spawn. *)
(*                                                                         *)
(* The log is accepted when a behaviour matches all of it: TLC prints       *)
(* MatchedMark and ends with no error.  A log that no behaviour matches     *)
(* ends the search with no error and no mark; as each event leaves at most *)
(* one successor, the depth (1 + matched events + kernel wake-ups) says    *)
(* how far it matched.  Every MessagePassing invariant is checked in every  *)
(* state of the match; a violation is a rejection too.                      *)
(***************************************************************************)
EXTENDS MessagePassing, TraceData, TLC

VARIABLE l   \* index of the next event of TraceLog to match

TraceVars == <<vars, l>>

\* The model calls a call that blocked NONE; the log says BLOCKED.
Logged(r) == IF r = "NONE" THEN "BLOCKED" ELSE r

\* The action a kernel event stands for; p is the actor's slot, e the peer.
Step(ev, p, e) ==
    \/ ev = "Send" /\ Send(p, e)
    \/ ev = "SendRec" /\ SendRec(p, e)
    \/ ev = "SendNB" /\ SendNB(p, e)
    \/ ev = "SendA" /\ SendA(p, e)
    \/ ev = "Notify" /\ Notify(p, e)
    \/ ev = "Receive" /\ Receive(p, e)
    \/ ev = "Die" /\ Die(p)
    \/ ev = "Spawn" /\ Spawn(p)

\* A process table with no process in it.
EmptyProc == [gen |-> 0, alive |-> FALSE, sendTo |-> NoEp, recvFrom |-> NoEp,
              replyPending |-> FALSE, outMsg |-> 0, result |-> "NONE", got |-> NoGot]

TraceInit ==
    /\ proc = [s \in Slots |-> EmptyProc]
    /\ queue = [s \in Slots |-> <<>>]
    /\ notifyBits = [s \in Slots |-> {}]
    /\ asyncQ = [s \in Slots |-> <<>>]
    /\ runq = {}
    /\ nextId = 1
    /\ fate = [i \in MsgIds |-> "unsent"]
    /\ stray = FALSE
    /\ l = 1

\* The logged event l as a step of the model.
MatchEvent ==
    LET ev == TraceLog[l]
        p  == ev.actor[1]
    IN
    /\ p \in Slots /\ ev.actor[2] = proc[p].gen
    /\ Step(ev.event, p, ev.peer)
    /\ ev.event \in {"Die", "Spawn"} \/ Logged(proc'[p].result) = ev.result
    /\ l' = l + 1

(***************************************************************************)
(* Notifications from the kernel (HARDWARE, CLOCK, SYSTEM) are not in the   *)
(* model, and the kernel logs neither them nor the wake-up they cause.  A  *)
(* process the log shows blocked in RECEIVE(ANY) (not inside SENDREC) that *)
(* acts next must have been woken by one: KernelWake is that wake-up, the  *)
(* only step the trace spec adds to the model.  It matches no event, and   *)
(* it wakes only the actor of the next event.                              *)
(***************************************************************************)
KernelWake ==
    LET p == TraceLog[l].actor[1] IN
    /\ TraceLog[l].event \notin {"Die", "Spawn"}
    /\ p \in Slots /\ proc[p].alive /\ p \notin runq
    /\ proc[p].recvFrom = AnyEp /\ ~proc[p].replyPending
    /\ proc' = [proc EXCEPT ![p] = Woken(@, NoEp, "notify")]
    /\ runq' = runq \cup {p}
    /\ UNCHANGED <<queue, notifyBits, asyncQ, nextId, fate, stray, l>>

\* When a behaviour has matched the last event, TLC prints MatchedMark (once
\* per such state; dev.noreset.tla.TraceCheck looks for it in TLC's output).
MatchedMark == "noreset-trace: all events matched"

TraceNext ==
    /\ l <= Len(TraceLog)
    /\ MatchEvent \/ KernelWake
    /\ l' = Len(TraceLog) + 1 => PrintT(MatchedMark)

\* Violated exactly when the whole log has been matched: add it to a cfg's
\* invariants to have TLC print the matching behaviour.
NotYetMatched == l <= Len(TraceLog)

=============================================================================
