"""After split_pb.py (used on main 2026-12-06 evening for notifyFromKernel, notify, send, sendnb and
Procs.spawn, and that night for receive): states one operation's "preserves wellFormed()" case as a noexpand
frame case for the conjuncts it does not write plus one expand case per conjunct it writes (the
shape of Sched.tick's cases; it replaces nfk_cases.py, which did this for notifyFromKernel alone). Usage, from the copy's root:
    python3 wf_cases.py FILE METHOD wfA,wfB+wfC,...   (the conjuncts METHOD writes; wfB+wfC: the
    case for wfB also requires wfC, a conjunct its proof needs, e.g. wfRunq for the caller's used bit)
"""
import itertools
import re
import sys

F = ['used', 'sending', 'receiving', 'stopped', 'runq', 'reply', 'ready', 'gotMsg']
ALL = ['wfRunq', 'wfFree', 'wfRange', 'wfTicks', 'wfStamp', 'wfSend', 'wfRecv', 'wfNote',
       'wfAsyncSrc', 'wfAsyncDst', 'wfPriv', 'wfReply']


def shape():
    """The shape facts of \\invariant_for(k) a noexpand case needs, restated."""
    lines = [
        'k.pr != null && k.pr.length == Kernel.PR_SIZE && '
        + ' && '.join('k.%s != null && k.%s.length == Kernel.NP' % (x, x) for x in F)
        + '\n      @   && k.pv != null && k.pv.length == Kernel.PVB_SIZE && k.pvi != null && k.pvi.length == Kernel.PVI_SIZE',
        'k.gb != null && k.gb.length == 4 * Kernel.NG && k.gr != null && k.gr.length == 6 * Kernel.NG'
        '\n      @   && k.asy != null && k.asy.length == 3 * Kernel.NA && k.ab != null && k.ab.length == 3 * Kernel.NA'
        '\n      @   && k.st != null && k.st.length == 2 * Kernel.NP && k.note != null && k.note.length == Kernel.NP * Kernel.NSRC'
        '\n      @   && k.msg != null && k.msg.length == Kernel.NP * Kernel.MW && k.amsg != null && k.amsg.length == Kernel.NA * Kernel.MW',
        'k.pr != k.asy && k.pr != k.pvi && k.pr != k.gr && k.asy != k.pvi && k.asy != k.gr && k.pvi != k.gr',
        'k.pr != k.msg && k.msg != k.asy && k.msg != k.pvi && k.msg != k.gr && k.pr != k.amsg && k.msg != k.amsg'
        ' && k.asy != k.amsg && k.amsg != k.pvi && k.amsg != k.gr',
        ' && '.join('k.%s != k.%s' % p for p in itertools.combinations(F, 2)),
        ' && '.join('(' + ' && '.join('k.%s != k.%s' % (x, o) for x in F) + ')' for o in ['note', 'ab', 'gb', 'pv'])
        + ' && k.note != k.ab && k.note != k.gb && k.ab != k.gb && k.note != k.pv && k.ab != k.pv && k.pv != k.gb',
        '0 <= k.clock',
    ]
    return ''.join('      @ requires %s;\n' % l for l in lines)


path, method = sys.argv[1], sys.argv[2]
needs = [w.split('+') for w in sys.argv[3].split(',')]
written = [n[0] for n in needs]
assert all(w in ALL for w in written), written
frame = [c for c in ALL if c not in written]
s = open(path).read()
m = re.search(r'      @ requires k != null && \\invariant_for\(k\) && k\.wellFormed\(\);\n'
              r'      @ ensures k\.wellFormed\(\);\n(      @ assignable [^;]*;\n)      @\*/\n'
              r'(    (?:public )?static \w+ %s\()' % method, s)
assert m, method + ' preservation case not found'
assign = m.group(1)
fr = ' && '.join('k.%s()' % c for c in frame)
cases = ('      @ requires k != null && \\invariant_for(k);\n' + shape()
         + '      @ requires %s;\n      @ ensures %s;\n' % (fr, fr) + assign)
for n in needs:
    cases += ('      @ also public normal_behavior\n'
              '      @ requires k != null && \\invariant_for(k) && %s;\n'
              '      @ ensures k.%s();\n' % (' && '.join('k.%s()' % x for x in n), n[0]) + assign)
s = s[:m.start()] + cases + '      @*/\n' + m.group(2) + s[m.end():]
open(path, 'w').write(s)
print('%s: frame case for %d conjuncts, %d conjunct cases' % (method, len(frame), len(written)))
