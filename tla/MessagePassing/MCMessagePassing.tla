------------------------- MODULE MCMessagePassing --------------------------
(* Model values for TLC: slot 1 is the server, the others are clients. *)
EXTENDS MessagePassing

MCSlots3 == {1, 2, 3}
=============================================================================
