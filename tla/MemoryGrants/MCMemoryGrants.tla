-------------------------- MODULE MCMemoryGrants ---------------------------
(* Model values for TLC. *)
EXTENDS MemoryGrants

MCProcs3  == {1, 2, 3}
MCFrames2 == {1, 2}
MCPages2  == 0..1
MCGrants1 == {1}
\* A chain 1 -> 2 -> 3, so indirect grants have a second link.
MCChain   == {<<1, 2>>, <<2, 3>>}
\* ... plus a shortcut 1 -> 3.
MCChainShortcut == {<<1, 2>>, <<2, 3>>, <<1, 3>>}
=============================================================================
