"""Preview, on a scratch copy (never on a real tree): column frames for the IPC helpers.

A helper's `assignable` names the whole column of each per-process field it writes
(`k.pb[Kernel.READY .. Kernel.READY + Kernel.NP - 1]` instead of `k.pb[Kernel.READY + p]`), and
its postcondition states that the other slots' entries of those columns are unchanged. The
columns it does not write are framed by the `assignable` clause as before, now by comparing
constants. This is the shape of `ProbeF5` (probes/layout/README). Run from the copy's root:
python3 proofs/probes/layout/col_frames.py [helper ...] (default: all of HELPERS).
"""
import re
import sys

CORE = 'kernel/src/main/java/dev/noreset/kernel/core/'
# helper: (file, slot variable, [(array, column)], other assignable locations kept as they are)
HELPERS = {
    'complete': ('Ipc.java', 'p', [('pr', 'RESULT'), ('pb', 'READY'), ('pb', 'GOTMSG')], []),
    'requeue': ('Sched.java', 'p', [('pb', 'RUNQ'), ('st', 'RUNSTAMP')], ['k.clock']),
    'deliverNote': ('Ipc.java', 'd', [('pb', 'RECEIVING'), ('pr', 'RESULT'), ('pb', 'READY'), ('pb', 'GOTMSG'),
                                       ('pb', 'RUNQ'), ('st', 'RUNSTAMP')],
                    ['k.msg[d * Kernel.MW .. d * Kernel.MW + Kernel.MW - 1]', 'k.clock']),
}


def frame(var, cols):
    q = 'q_'
    eqs = ' && '.join('k.%s[Kernel.%s + %s] == \\old(k.%s[Kernel.%s + %s])' % (a, c, q, a, c, q) for a, c in cols)
    return ('      @ ensures (\\forall int %s; 0 <= %s && %s < Kernel.NP && %s != %s;\n      @   %s);\n'
            % (q, q, q, q, var, eqs))


def assignable(cols, keep):
    locs = ['k.%s[Kernel.%s .. Kernel.%s + Kernel.NP - 1]' % (a, c, c) for a, c in cols] + keep
    return '      @ assignable ' + ', '.join(locs) + ';\n'


for name in (sys.argv[1:] or HELPERS):
    f, var, cols, keep = HELPERS[name]
    s = open(CORE + f).read()
    m = re.search(r'(      @ assignable [^;]*;\n)(      @\*/\n    static \w+ %s\()' % name, s)
    assert m, name
    s = s[:m.start()] + frame(var, cols) + assignable(cols, keep) + m.group(2) + s[m.end():]
    open(CORE + f, 'w').write(s)
