------------------------ MODULE MBTMessagePassing --------------------------
(***************************************************************************)
(* MessagePassing with a label naming each step's action and arguments, so *)
(* that random walks over the model (dev.noreset.tla.mbt) can be replayed   *)
(* against the Java kernel core.  The actions are those of MessagePassing; *)
(* only the label is added.                                                *)
(***************************************************************************)
EXTENDS MessagePassing

VARIABLE label   \* <<action name, acting slot, endpoint argument>> of the last step

MBTSlots == {1, 2, 3}

InitL == Init /\ label = <<"Init", 0, NoEp>>

L(name, p, e) == label' = <<name, p, e>>

NextL ==
    \/ \E p \in Clients :
          \/ \E e \in Targets(p) :
                \/ Send(p, e) /\ L("Send", p, e)
                \/ SendRec(p, e) /\ L("SendRec", p, e)
                \/ SendNB(p, e) /\ L("SendNB", p, e)
                \/ SendA(p, e) /\ L("SendA", p, e)
                \/ Notify(p, e) /\ L("Notify", p, e)
                \/ Receive(p, e) /\ L("Receive", p, e)
          \/ Receive(p, AnyEp) /\ L("Receive", p, AnyEp)
          \/ Die(p) /\ L("Die", p, NoEp)
          \/ Spawn(p) /\ L("Spawn", p, NoEp)
    \/ ServerReceive /\ L("ServerReceive", Server, AnyEp)
    \/ ServerReply /\ L("ServerReply", Server, proc[Server].got.src)
=============================================================================
