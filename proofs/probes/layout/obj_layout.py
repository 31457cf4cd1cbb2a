"""Preview of the object layout in a scratch copy of the repository (never on a real tree).

Rewrites the core's per-process arrays pb (flags), pr (ints) and st (stamps) into one array of
Proc objects, one per slot, as MINIX keeps struct proc: `k.pb[Kernel.USED + e]` becomes
`k.ps[e].used`, `k.pr[Kernel.SENDTO + e]` becomes `k.ps[e].sendTo`. Ranges and whole-array
location sets become \\infinite_union over the slots; the shape facts of the three arrays become
those of ps (non-null, length NP, every slot non-null, slots pairwise distinct); distinctness
facts naming the three arrays disappear (a Proc[] is no int[] or boolean[]). Adds Proc.java and
Fresh.procs. Run from the copy's root: python3 proofs/probes/layout/obj_layout.py
"""
import glob
import re
import sys

FIELDS = {
    'pb': [('USED', 'used'), ('SENDING', 'sending'), ('RECEIVING', 'receiving'), ('STOPPED', 'stopped'),
           ('RUNQ', 'runq'), ('REPLY', 'reply'), ('READY', 'ready'), ('GOTMSG', 'gotMsg')],
    'pr': [('GEN', 'gen'), ('PRIO', 'prio'), ('QUANT', 'quant'), ('TICKS', 'ticks'), ('PRIV', 'priv'),
           ('SENDTO', 'sendTo'), ('RECVFROM', 'recvFrom'), ('RESULT', 'result'), ('ACOUNT', 'acount')],
    'st': [('RUNSTAMP', 'runStamp'), ('SENDSTAMP', 'sendStamp')],
}
TYPES = {'pb': 'boolean', 'pr': 'int', 'st': 'long'}
CORE = 'kernel/src/main/java/dev/noreset/kernel/core/'
V = 's_'


def union(prefix, loc):
    return '\\infinite_union(int %s; 0 <= %s && %s < Kernel.NP; %sps[%s]%s)' % (V, V, V, prefix, V, loc)


def shape(prefix):
    return ('%sps != null && %sps.length == Kernel.NP && (\\forall int %s; 0 <= %s && %s < Kernel.NP; %sps[%s] != null)'
            ' && (\\forall int %s, t_; 0 <= %s && %s < t_ && t_ < Kernel.NP; %sps[%s] != %sps[t_])'
            % (prefix, prefix, V, V, V, prefix, V, V, V, V, prefix, V, prefix))


def match_close(s, i):
    d = 0
    while True:
        c = s[i]
        if c == '[':
            d += 1
        elif c == ']':
            d -= 1
            if d == 0:
                return i
        i += 1


def conv(s):
    out = []
    i = 0
    pat = re.compile(r'(?<![A-Za-z0-9_])(pb|pr|st)\[')
    while True:
        m = pat.search(s, i)
        if not m:
            out.append(s[i:])
            return ''.join(out)
        a = m.group(1)
        j = m.start()
        k = match_close(s, m.end() - 1)
        inner = s[m.end():k]
        out.append(s[i:j])
        pm = re.search(r'([A-Za-z_][A-Za-z_0-9]*\.)$', ''.join(out[-1:]))
        prefix = pm.group(1) if pm else ''
        names = dict(FIELDS[a])
        order = [x for x, _ in FIELDS[a]]
        r = re.match(r'\s*(?:Kernel\.)?([A-Z]+)\s*\.\.\s*(?:Kernel\.)?([A-Z]+)\s*\+\s*(?:Kernel\.)?NP\s*-\s*1\s*$', inner)
        e = re.match(r'\s*(?:Kernel\.)?([A-Z]+)\s*\+\s*(.*)$', inner, re.S)
        if r and r.group(1) in names:
            sel = order[order.index(r.group(1)):order.index(r.group(2)) + 1]
            out[-1] = out[-1][:len(out[-1]) - len(prefix)]
            out.append(', '.join(union(prefix, '.' + names[x]) for x in sel))
        elif inner.strip() == '*':
            out[-1] = out[-1][:len(out[-1]) - len(prefix)]
            out.append(', '.join(union(prefix, '.' + names[x]) for x in order))
        elif e and e.group(1) in names:
            out.append('ps[' + conv(e.group(2)) + '].' + names[e.group(1)])
        else:
            print('UNHANDLED %s[%s]' % (a, inner), file=sys.stderr)
            out.append(a + '[' + conv(inner) + ']')
        i = k + 1


def clause_dedupe(t):
    """Within one JML clause (up to its ';') keep the first PSOK(prefix) token, drop the others."""
    out = []
    last = 0
    seen = set()
    for m in re.finditer(r';|PSOK\(([a-z]*\.?)\)', t):
        out.append(t[last:m.start()])
        if m.group(0) == ';':
            seen = set()
            out.append(';')
        else:
            p = m.group(1)
            out.append('TRUE_' if p in seen else shape(p))
            seen.add(p)
        last = m.end()
    out.append(t[last:])
    return ''.join(out)


def rewrite(t):
    t = t.replace('k.pb[*], k.pr[*], k.st[*]', union('k.', '.*'))
    for a, sz in (('pb', r'(?:Kernel\.)?PB_SIZE'), ('pr', r'(?:Kernel\.)?PR_SIZE'), ('st', r'2 \* (?:Kernel\.)?NP')):
        t = re.sub(r'(\b[a-z]+\.)?%s != null(\s*(?:@\s*)?)&& \1?%s\.length == %s' % (a, a, sz),
                   lambda m: 'PSOK(%s)%s' % (m.group(1) or '', m.group(2)), t)
    t = re.sub(r'(\b[a-z]+\.)?st != null', lambda m: 'PSOK(%s)' % (m.group(1) or ''), t)
    t = re.sub(r'\(\\forall int i; 0 <= i && i < Kernel\.PB_SIZE; k\.pb\[i\] == \\old\(k\.pb\[i\]\)\)',
               lambda m: '(\\forall int s_; 0 <= s_ && s_ < Kernel.NP; '
               + ' && '.join('k.ps[s_].%s == \\old(k.ps[s_].%s)' % (n, n) for _, n in FIELDS['pb']) + ')', t)
    # distinctness facts naming pr, pb or st (other types than Proc[]): gone
    t = re.sub(r'(?<![\w.])(?:[a-z]+\.)?(?:pr|pb|st) != (?!null\b)(?:[a-z]+\.)?[a-z]+\b(?!\[)', 'TRUE_', t)
    t = re.sub(r'(?<![\w.])(?:[a-z]+\.)?[a-z]+ != (?:[a-z]+\.)?\b(?:pr|pb|st)\b(?![\[.])', 'TRUE_', t)
    t = re.sub(r'this\.(?:pr|pb|st)\b(, this\.(?:pr|pb|st)\b)*', 'this.ps, ps[*]', t)
    t = conv(t)
    t = clause_dedupe(t)
    for _ in range(3):
        t = re.sub(r'\s*&&\s*TRUE_\b', '', t)
        t = re.sub(r'\bTRUE_\s*&&\s*', '', t)
        t = re.sub(r'\(TRUE_\)', 'true', t)
    t = t.replace('TRUE_', 'true')
    return t


for f in glob.glob(CORE + '*.java'):
    if f.endswith('CoreInvariants.java'):
        continue
    s = open(f).read()
    t = rewrite(s)
    if t != s:
        open(f, 'w').write(t)

# Kernel.java: the field, its creation, and the shape of ps stated once in the class invariant.
KP = CORE + 'Kernel.java'
s = open(KP).read()
s = s.replace('    //@ public invariant %s  && msg != null' % shape(''), '    //@ public invariant msg != null')
s = s.replace('%s ;\n' % shape(''), '%s;\n' % shape(''))
s = s.replace('    /*@ spec_public @*/ final int[] pr;\n', '    /*@ spec_public @*/ final Proc[] ps;\n')
s = s.replace('    /*@ spec_public @*/ final boolean[] pb;\n', '')
s = s.replace('    /*@ spec_public @*/ final long[] st;\n', '')
for a, call, size in (('pr', 'ints', 'PR_SIZE'), ('pb', 'flags', 'PB_SIZE'), ('st', 'stamps', '2 * NP')):
    pat = '        %s[] %s0 = Fresh.%s(%s);\n' % ({'pr': 'int', 'pb': 'boolean', 'st': 'long'}[a], a, call, size)
    assert pat in s, pat
    s = s.replace(pat, '        Proc[] ps0 = Fresh.procs(NP);\n' if a == 'pr' else '')
    s = s.replace('        %s = %s0;\n' % (a, a), '        ps = ps0;\n' if a == 'pr' else '')
open(KP, 'w').write(s)

# Proc.java
decl = ''.join('    /*@ spec_public @*/ %s %s;\n' % (TYPES[a], n) for a in ('pb', 'pr', 'st') for _, n in FIELDS[a])
open(CORE + 'Proc.java', 'w').write(
    'package dev.noreset.kernel.core;\n\n'
    '/** One process-table entry (MINIX struct proc): flags, numbers and stamps of one slot. */\n'
    'final class Proc {\n' + decl + '}\n')

# Fresh.procs
FP = CORE + 'Fresh.java'
s = open(FP).read()
zero = ' && '.join(('!\\result[i].%s' % n) if a == 'pb' else ('\\result[i].%s == 0' % n)
                   for a in ('pb', 'pr', 'st') for _, n in FIELDS[a])
zeroa = zero.replace('\\result[i]', 'a[j]')
proc = '''
    /*@ public normal_behavior
      @ requires 0 <= n;
      @ ensures \\fresh(\\result) && \\result.length == n;
      @ ensures (\\forall int i; 0 <= i && i < n; \\result[i] != null && \\fresh(\\result[i]));
      @ ensures (\\forall int i; 0 <= i && i < n; %s);
      @ ensures (\\forall int i, j; 0 <= i && i < j && j < n; \\result[i] != \\result[j]);
      @ assignable \\nothing;
      @*/
    static Proc[] procs(int n) {
        Proc[] a = new Proc[n];
        /*@ loop_invariant 0 <= i && i <= n && \\fresh(a) && a.length == n;
          @ loop_invariant (\\forall int j; 0 <= j && j < i; a[j] != null && \\fresh(a[j]));
          @ loop_invariant (\\forall int j; 0 <= j && j < i; %s);
          @ loop_invariant (\\forall int j, m; 0 <= j && j < m && m < i; a[j] != a[m]);
          @ assignable a[*];
          @ decreases n - i;
          @*/
        for (int i = 0; i < n; i++) {
            a[i] = new Proc();
        }
        return a;
    }
}
''' % (zero, zeroa)
s = s[:s.rstrip().rfind('}')] + proc.lstrip('\n')
open(FP, 'w').write(s)

# CoreInvariants (the tests' executable mirror).
CP = CORE + 'CoreInvariants.java'
c = open(CP).read()
c = c.replace('k.pr.length == Kernel.PR_SIZE && k.pb.length == Kernel.PB_SIZE && k.st.length == 2 * np',
              'k.ps.length == np')
c = conv(c)
open(CP, 'w').write(c)
