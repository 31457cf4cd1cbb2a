"""Writes ProbeF3, ProbeF4 and ProbeF5 (README, "Framing a helper by its postcondition") from
ProbeF2: the same class with only wake()'s frame stated differently. Generated rather than kept
as copies. Usage: python3 frame_probes.py OUTDIR (the core package directory of a scratch copy).
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OLD = '      @ assignable b[R + d], b[G + d], b[Y + d], b[P + d], b[Q + d], res[d];\n'
OTHERS = ('b[R + p] == \\old(b[R + p]) && b[G + p] == \\old(b[G + p])\n'
          '      @   && b[Y + p] == \\old(b[Y + p]) && b[P + p] == \\old(b[P + p]) && b[Q + p] == \\old(b[Q + p])'
          ' && res[p] == \\old(res[p]));\n')
VARIANTS = {
    'ProbeF3': ('whole arrays assignable; every flag wake() never writes unchanged for all slots, and\n'
                ' * the flags it writes unchanged for the other slots, one conjunct per flag.',
                '      @ ensures (\\forall int p; 0 <= p && p < N; b[U + p] == \\old(b[U + p]) && b[S + p] == \\old(b[S + p])\n'
                '      @   && b[T + p] == \\old(b[T + p]));\n'
                '      @ ensures (\\forall int p; 0 <= p && p < N && p != d; ' + OTHERS
                + '      @ assignable b[*], res[*];\n'),
    'ProbeF4': ('whole arrays assignable; every element of b except the five wake() writes\n'
                ' * unchanged, as one quantifier over absolute indices.',
                '      @ ensures (\\forall int i; 0 <= i && i < SIZE && i != R + d && i != G + d && i != Y + d && i != P + d\n'
                '      @   && i != Q + d; b[i] == \\old(b[i]));\n'
                '      @ ensures (\\forall int i; 0 <= i && i < N && i != d; res[i] == \\old(res[i]));\n'
                '      @ assignable b[*], res[*];\n'),
    'ProbeF5': ('the whole column of each flag wake() writes assignable, and the other slots\'\n'
                ' * entries of those columns unchanged.',
                '      @ ensures (\\forall int p; 0 <= p && p < N && p != d; ' + OTHERS
                + '      @ assignable b[R .. R + N - 1], b[G .. G + N - 1], b[Y .. Y + N - 1], b[P .. P + N - 1],'
                ' b[Q .. Q + N - 1], res[*];\n'),
}
base = open(os.path.join(HERE, 'ProbeF2.java')).read()
assert OLD in base
head = '/** Layout probe, three conjuncts and five flags written: flags in one flat array at offsets (as Kernel.pb). */'
assert head in base
for name, (doc, frame) in VARIANTS.items():
    s = base.replace('ProbeF2', name).replace(OLD, frame)
    s = s.replace(head, '/**\n * ProbeF2 with wake() framed by its postcondition: ' + doc + '\n */')
    open(os.path.join(sys.argv[1], name + '.java'), 'w').write(s)
