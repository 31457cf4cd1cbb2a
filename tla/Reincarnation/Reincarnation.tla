--------------------------- MODULE Reincarnation ---------------------------
(***************************************************************************)
(* The reincarnation server (RS) keeps driver services alive: it notices    *)
(* crashes (the kernel tells it) and hangs (missed heartbeats), kills a     *)
(* hung instance, waits a backoff that doubles up to MaxBackoff, starts a   *)
(* new instance and publishes its endpoint in the data store (DS).  A       *)
(* client (VFS) that learns the new endpoint re-issues its outstanding      *)
(* requests to the new instance.  Instances of a service are numbered; the *)
(* number plays the role of the endpoint generation.                       *)
(***************************************************************************)
EXTENDS Naturals, FiniteSets

CONSTANTS
    Services,           \* driver services kept alive by RS
    Requests,           \* the VFS requests (each issued once)
    ReqService,         \* ReqService[r]: the service request r is for
    MaxFaults,          \* crashes plus hangs in a behaviour
    MaxMissed,          \* missed heartbeats before RS declares a hang
    MaxBackoff,         \* longest restart delay, in RS ticks
    BugRestartForgets,  \* TRUE: VFS does not re-issue requests after a restart
    BugNoGenCheck,      \* TRUE: replies are matched by request only, not by instance
    BugNoKill           \* TRUE: RS restarts a hung service without killing it

ASSUME ReqService \in [Requests -> Services]
ASSUME MaxFaults \in Nat /\ MaxMissed \in Nat \ {0} /\ MaxBackoff \in Nat \ {0}
ASSUME {BugRestartForgets, BugNoGenCheck, BugNoKill} \subseteq BOOLEAN

Instances == 1..(MaxFaults + 1)
Msgs == [kind : {"req", "rep"}, r : Requests, inst : Instances]

VARIABLES
    live,      \* live[s]: instances of s that exist (running or hung)
    hung,      \* hung[s]: live instances of s that stopped responding
    cur,       \* cur[s]: the instance RS last started
    rs,        \* rs[s]: "up" (watching cur[s]) or "backoff" (waiting to restart)
    missed,    \* missed[s]: heartbeats cur[s] has missed
    delay,     \* delay[s]: RS ticks left before the restart
    backoff,   \* backoff[s]: the delay of the next restart
    ds,        \* ds[s]: the instance DS publishes for s
    known,     \* known[s]: the instance VFS believes is s
    req,       \* req[r]: [st |-> "new" | "sent" | "done", to |-> instance]
    net,       \* messages in the kernel (requests queued, replies sent)
    faults,    \* faults injected so far
    answers,   \* answers[r]: replies VFS accepted for r (history)
    accepted   \* [r, from, to, fromLive] of each accepted reply (history)

vars == <<live, hung, cur, rs, missed, delay, backoff, ds, known, req, net,
          faults, answers, accepted>>

TypeOK ==
    /\ live \in [Services -> SUBSET Instances]
    /\ hung \in [Services -> SUBSET Instances]
    /\ cur \in [Services -> Instances]
    /\ rs \in [Services -> {"up", "backoff"}]
    /\ missed \in [Services -> 0..MaxMissed]
    /\ delay \in [Services -> 0..MaxBackoff]
    /\ backoff \in [Services -> 1..MaxBackoff]
    /\ ds \in [Services -> Instances]
    /\ known \in [Services -> Instances]
    /\ req \in [Requests -> [st : {"new", "sent", "done"}, to : 0..(MaxFaults + 1)]]
    /\ net \subseteq Msgs
    /\ faults \in 0..MaxFaults
    /\ answers \in [Requests -> Nat]
    /\ accepted \subseteq [r : Requests, from : Instances, to : Instances, fromLive : BOOLEAN]

Init ==
    /\ live = [s \in Services |-> {1}]
    /\ hung = [s \in Services |-> {}]
    /\ cur = [s \in Services |-> 1]
    /\ rs = [s \in Services |-> "up"]
    /\ missed = [s \in Services |-> 0]
    /\ delay = [s \in Services |-> 0]
    /\ backoff = [s \in Services |-> 1]
    /\ ds = [s \in Services |-> 1]
    /\ known = [s \in Services |-> 1]
    /\ req = [r \in Requests |-> [st |-> "new", to |-> 0]]
    /\ net = {}
    /\ faults = 0
    /\ answers = [r \in Requests |-> 0]
    /\ accepted = {}

-----------------------------------------------------------------------------
(* Helpers *)

\* The kernel drops the queued messages of a dead instance: requests to it
\* and, because its endpoint is now stale, replies from it.
AfterDeath(s, i) ==
    {m \in net : ~(ReqService[m.r] = s /\ m.inst = i
                   /\ (m.kind = "req" \/ ~BugNoGenCheck))}

\* A send to an instance succeeds only while it lives (EDEADSRCDST otherwise).
SendReq(s, r, i) == IF i \in live[s] THEN {[kind |-> "req", r |-> r, inst |-> i]} ELSE {}

Responsive(s) == cur[s] \in live[s] \ hung[s]

-----------------------------------------------------------------------------
(* Client (VFS) *)

VfsSend(r) ==
    LET s == ReqService[r] IN
    /\ req[r].st = "new"
    /\ req' = [req EXCEPT ![r] = [st |-> "sent", to |-> known[s]]]
    /\ net' = net \cup SendReq(s, r, known[s])
    /\ UNCHANGED <<live, hung, cur, rs, missed, delay, backoff, ds, known, faults,
                   answers, accepted>>

\* A reply counts only if it comes from the instance the request went to.
VfsReceive(m) ==
    /\ m \in net /\ m.kind = "rep"
    /\ net' = net \ {m}
    /\ IF req[m.r].st = "sent" /\ (BugNoGenCheck \/ m.inst = req[m.r].to)
       THEN /\ req' = [req EXCEPT ![m.r].st = "done"]
            /\ answers' = [answers EXCEPT ![m.r] = @ + 1]
            /\ accepted' = accepted \cup
                 {[r |-> m.r, from |-> m.inst, to |-> req[m.r].to,
                   fromLive |-> m.inst \in live[ReqService[m.r]]]}
       ELSE UNCHANGED <<req, answers, accepted>>
    /\ UNCHANGED <<live, hung, cur, rs, missed, delay, backoff, ds, known, faults>>

\* DS tells VFS about a new endpoint; VFS re-issues what the old one owed.
VfsLearn(s) ==
    LET redo == {r \in Requests : ReqService[r] = s /\ req[r].st = "sent"
                                  /\ req[r].to # ds[s] /\ ~BugRestartForgets}
    IN
    /\ known[s] # ds[s]
    /\ known' = [known EXCEPT ![s] = ds[s]]
    /\ req' = [r \in Requests |-> IF r \in redo THEN [st |-> "sent", to |-> ds[s]] ELSE req[r]]
    /\ net' = net \cup UNION {SendReq(s, r, ds[s]) : r \in redo}
    /\ UNCHANGED <<live, hung, cur, rs, missed, delay, backoff, ds, faults, answers, accepted>>

-----------------------------------------------------------------------------
(* Drivers and faults *)

Serve(s, m) ==
    /\ m \in net /\ m.kind = "req" /\ ReqService[m.r] = s
    /\ m.inst \in live[s] \ hung[s]
    /\ net' = (net \ {m}) \cup {[m EXCEPT !.kind = "rep"]}
    /\ UNCHANGED <<live, hung, cur, rs, missed, delay, backoff, ds, known, req, faults,
                   answers, accepted>>

Crash(s) ==
    /\ faults < MaxFaults /\ cur[s] \in live[s]
    /\ faults' = faults + 1
    /\ live' = [live EXCEPT ![s] = @ \ {cur[s]}]
    /\ hung' = [hung EXCEPT ![s] = @ \ {cur[s]}]
    /\ net' = AfterDeath(s, cur[s])
    /\ UNCHANGED <<cur, rs, missed, delay, backoff, ds, known, req, answers, accepted>>

Hang(s) ==
    /\ faults < MaxFaults /\ Responsive(s)
    /\ faults' = faults + 1
    /\ hung' = [hung EXCEPT ![s] = @ \cup {cur[s]}]
    /\ UNCHANGED <<live, cur, rs, missed, delay, backoff, ds, known, req, net, answers, accepted>>

-----------------------------------------------------------------------------
(* Reincarnation server *)

\* Start the backoff wait; the next wait is twice as long (up to MaxBackoff).
StartBackoff(s) ==
    /\ rs' = [rs EXCEPT ![s] = "backoff"]
    /\ delay' = [delay EXCEPT ![s] = backoff[s]]
    /\ backoff' = [backoff EXCEPT ![s] = IF 2 * @ > MaxBackoff THEN MaxBackoff ELSE 2 * @]
    /\ missed' = [missed EXCEPT ![s] = 0]

\* The kernel reports the exit of cur[s] to RS.
RsNoticeCrash(s) ==
    /\ rs[s] = "up" /\ cur[s] \notin live[s]
    /\ StartBackoff(s)
    /\ UNCHANGED <<live, hung, cur, ds, known, req, net, faults, answers, accepted>>

HeartbeatMissed(s) ==
    /\ rs[s] = "up" /\ cur[s] \in hung[s] /\ missed[s] < MaxMissed
    /\ missed' = [missed EXCEPT ![s] = @ + 1]
    /\ UNCHANGED <<live, hung, cur, rs, delay, backoff, ds, known, req, net, faults,
                   answers, accepted>>

\* Too many missed heartbeats: kill the hung instance, then back off.
RsKill(s) ==
    /\ rs[s] = "up" /\ cur[s] \in hung[s] /\ missed[s] = MaxMissed
    /\ StartBackoff(s)
    /\ IF BugNoKill
       THEN UNCHANGED <<live, hung, net>>
       ELSE /\ live' = [live EXCEPT ![s] = @ \ {cur[s]}]
            /\ hung' = [hung EXCEPT ![s] = @ \ {cur[s]}]
            /\ net' = AfterDeath(s, cur[s])
    /\ UNCHANGED <<cur, ds, known, req, faults, answers, accepted>>

Tick(s) ==
    /\ rs[s] = "backoff" /\ delay[s] > 0
    /\ delay' = [delay EXCEPT ![s] = @ - 1]
    /\ UNCHANGED <<live, hung, cur, rs, missed, backoff, ds, known, req, net, faults,
                   answers, accepted>>

\* Start a new instance and publish its endpoint in DS.
Restart(s) ==
    /\ rs[s] = "backoff" /\ delay[s] = 0
    /\ cur' = [cur EXCEPT ![s] = @ + 1]
    /\ live' = [live EXCEPT ![s] = @ \cup {cur[s] + 1}]
    /\ rs' = [rs EXCEPT ![s] = "up"]
    /\ ds' = [ds EXCEPT ![s] = cur[s] + 1]
    /\ UNCHANGED <<hung, missed, delay, backoff, known, req, net, faults, answers, accepted>>

-----------------------------------------------------------------------------

\* All requests answered and every service up: the system may rest here, so
\* TLC's deadlock check reports only states that are stuck before this.
Finished ==
    /\ \A r \in Requests : req[r].st = "done"
    /\ \A s \in Services : rs[s] = "up" /\ Responsive(s)
    /\ UNCHANGED vars

Next ==
    \/ Finished
    \/ \E r \in Requests : VfsSend(r)
    \/ \E m \in net : VfsReceive(m)
    \/ \E s \in Services :
          \/ VfsLearn(s) \/ \E m \in net : Serve(s, m)
          \/ Crash(s) \/ Hang(s)
          \/ RsNoticeCrash(s) \/ HeartbeatMissed(s) \/ RsKill(s) \/ Tick(s) \/ Restart(s)

\* Everything but the faults is weakly fair.
Fairness ==
    /\ \A r \in Requests : WF_vars(VfsSend(r))
    /\ WF_vars(\E m \in net : VfsReceive(m))
    /\ \A s \in Services :
          /\ WF_vars(VfsLearn(s)) /\ WF_vars(\E m \in net : Serve(s, m))
          /\ WF_vars(RsNoticeCrash(s)) /\ WF_vars(HeartbeatMissed(s))
          /\ WF_vars(RsKill(s)) /\ WF_vars(Tick(s)) /\ WF_vars(Restart(s))

Spec == Init /\ [][Next]_vars /\ Fairness

-----------------------------------------------------------------------------
(* Safety *)

OneInstance == \A s \in Services : Cardinality(live[s]) <= 1

AnsweredAtMostOnce == \A r \in Requests : answers[r] <= 1

AnsweredByItsInstance == \A a \in accepted : a.from = a.to

NoStaleAnswer == \A a \in accepted : a.fromLive

-----------------------------------------------------------------------------
(* Liveness: faults are bounded by MaxFaults, so they stop. *)

AllAnswered == <>(\A r \in Requests : req[r].st = "done")

AllUp == <>[](\A s \in Services : rs[s] = "up" /\ Responsive(s))

=============================================================================
