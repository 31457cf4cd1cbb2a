------------------------- MODULE MCReincarnation ---------------------------
(* Model values for TLC. *)
EXTENDS Reincarnation

MCServices1   == {"disk"}
MCRequests2   == {1, 2}
MCReqService1 == [r \in MCRequests2 |-> "disk"]

MCServices2   == {"disk", "tty"}
MCRequests3   == {1, 2, 3}
MCReqService2 == [r \in MCRequests3 |-> IF r = 3 THEN "tty" ELSE "disk"]
=============================================================================
