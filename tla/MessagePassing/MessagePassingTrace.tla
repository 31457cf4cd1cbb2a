------------------------ MODULE MessagePassingTrace ------------------------
(***************************************************************************)
(* Trace validation (Cirstea, Kuppe, Loillier, Merz 2024): is a kernel      *)
(* event log a behaviour of MessagePassing?  TraceData (generated from the  *)
(* ND-JSON log by dev.noreset.tla.TraceLog, format in ../trace-format.md)   *)
(* defines TraceLog.  Each event must be the named action with the logged   *)
(* actor and peer, leave the actor with the logged result, and leave every *)
(* MessagePassing invariant true.  The log is accepted when a behaviour     *)
(* matches all of it: TLC then reports NotYetMatched violated.  A log that  *)
(* no behaviour matches ends the search with no error.                      *)
(***************************************************************************)
EXTENDS MessagePassing, TraceData

VARIABLE l   \* index of the next event of TraceLog to match

TraceSlots == {1, 2, 3}

TraceVars == <<vars, l>>

\* The model calls a call that blocked NONE; the log says BLOCKED.
Logged(r) == IF r = "NONE" THEN "BLOCKED" ELSE r

\* The action a kernel event stands for.  The server slot's RECEIVE(ANY) and
\* SENDNB are the steps of its loop.
Step(ev, p, e) ==
    \/ ev = "Send" /\ Send(p, e)
    \/ ev = "SendRec" /\ SendRec(p, e)
    \/ ev = "SendNB" /\ p # Server /\ SendNB(p, e)
    \/ ev = "SendNB" /\ p = Server /\ e = proc[Server].got.src /\ ServerReply
    \/ ev = "SendA" /\ SendA(p, e)
    \/ ev = "Notify" /\ Notify(p, e)
    \/ ev = "Receive" /\ p # Server /\ Receive(p, e)
    \/ ev = "Receive" /\ p = Server /\ e = AnyEp /\ ServerReceive
    \/ ev = "Die" /\ Die(p)
    \/ ev = "Spawn" /\ Spawn(p)

TraceInit == Init /\ l = 1

TraceNext ==
    LET ev == TraceLog[l]
        p  == ev.actor[1]
    IN
    /\ l <= Len(TraceLog)
    /\ p \in Slots /\ ev.actor[2] = proc[p].gen
    /\ Step(ev.event, p, ev.peer)
    /\ ev.event \in {"Die", "Spawn"} \/ Logged(proc'[p].result) = ev.result
    /\ l' = l + 1

\* Violated exactly when the whole log has been matched.
NotYetMatched == l <= Len(TraceLog)

=============================================================================
