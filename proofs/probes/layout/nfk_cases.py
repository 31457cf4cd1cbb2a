"""Probe, on a scratch copy after split_pb.py (never on a real tree): states
Ipc.notifyFromKernel's "preserves wellFormed()" as a noexpand frame case for the six conjuncts
it does not write plus one case for each conjunct it writes (the shape of Sched.tick's
preservation cases). Run from the copy's root: python3 proofs/probes/layout/nfk_cases.py
Case numbers then: .2 the frame case, .3-.8 wfRunq, wfFree, wfStamp, wfRecv, wfNote, wfReply.
"""
import itertools
import re

F = ['used', 'sending', 'receiving', 'stopped', 'runq', 'reply', 'ready', 'gotMsg']
WRITTEN = ['wfRunq', 'wfFree', 'wfStamp', 'wfRecv', 'wfNote', 'wfReply']
FRAME = 'k.wfRange() && k.wfTicks() && k.wfSend() && k.wfAsyncSrc() && k.wfAsyncDst() && k.wfPriv()'
P = 'kernel/src/main/java/dev/noreset/kernel/core/Ipc.java'


def shape():
    """The shape facts of \\invariant_for(k) the frame case needs, restated (see proofs/README)."""
    lines = [
        'k.pr != null && k.pr.length == Kernel.PR_SIZE && '
        + ' && '.join('k.%s != null && k.%s.length == Kernel.NP' % (x, x) for x in F)
        + '\n      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null && k.pvi.length == Kernel.PVI_SIZE',
        'k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG'
        '\n      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA'
        '\n      @   && k.st != null && k.note != null && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW',
        'k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr && k.pvi != k.gr',
        'k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr',
        ' && '.join('k.%s != k.%s' % p for p in itertools.combinations(F, 2)),
        ' && '.join('(' + ' && '.join('k.%s != k.%s' % (x, o) for x in F) + ')' for o in ['note', 'ab', 'gb'])
        + ' && k.note != k.ab && k.note != k.gb && k.ab != k.gb',
    ]
    return ''.join('      @ requires %s;\n' % l for l in lines)


s = open(P).read()
m = re.search(r'      @ requires k != null && \\invariant_for\(k\) && k\.wellFormed\(\);\n'
              r'      @ ensures k\.wellFormed\(\);\n(      @ assignable [^\n]*\n)      @\*/\n'
              r'    public static int notifyFromKernel', s)
assert m, 'notifyFromKernel preservation case not found (run split_pb.py first)'
assign = m.group(1)
cases = ('      @ requires k != null && \\invariant_for(k);\n' + shape()
         + '      @ requires %s;\n      @ ensures %s;\n' % (FRAME, FRAME) + assign)
for c in WRITTEN:
    cases += ('      @ also public normal_behavior\n'
              '      @ requires k != null && \\invariant_for(k) && k.%s();\n'
              '      @ ensures k.%s();\n' % (c, c) + assign)
s = s[:m.start()] + cases + '      @*/\n    public static int notifyFromKernel' + s[m.end():]
open(P, 'w').write(s)
