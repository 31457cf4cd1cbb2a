"""The per-field layout of the process flags, as a rewrite of the flat layout (applied to main on
2026-12-06 evening; kept as the record of how that change was made, proofs/README "The per-flag
layout"). It expects the flat layout and so does nothing useful on today's tree.

Rewrites the core's flat flag array `pb` into one boolean[] per flag: `k.pb[Kernel.USED + e]`
becomes `k.used[e]`, ranges `pb[USED .. READY_END]` and `pb[*]` become lists of whole
arrays, the PB_SIZE frame quantifiers become one quantifier over NP per flag, and the shape and
distinctness facts of `pb` become those of the eight arrays; Kernel.java gets the eight fields,
their creation and their pairwise distinctness. Run from a flat-layout copy's root: python3 split_pb.py
"""
import glob
import re
import sys
FL=['USED','SENDING','RECEIVING','STOPPED','RUNQ','REPLY','READY','GOTMSG']
NM={'USED':'used','SENDING':'sending','RECEIVING':'receiving','STOPPED':'stopped','RUNQ':'runq','REPLY':'reply','READY':'ready','GOTMSG':'gotMsg'}
ORDER=['USED','SENDING','RECEIVING','STOPPED','RUNQ','REPLY','READY','GOTMSG']
def match_close(s,i):
    d=0
    while True:
        c=s[i]
        if c=='[': d+=1
        elif c==']':
            d-=1
            if d==0: return i
        i+=1
def conv(s):
    out=[];i=0
    while True:
        j=s.find('pb[',i)
        if j<0: out.append(s[i:]); break
        # must be identifier boundary
        if j>0 and (s[j-1].isalnum() or s[j-1]=='_'):
            out.append(s[i:j+3]); i=j+3; continue
        k=match_close(s,j+2)
        inner=s[j+3:k]
        out.append(s[i:j])
        m=re.match(r'\s*(?:Kernel\.)?([A-Z]+)\s*\+\s*(.*)$',inner,re.S)
        r=re.match(r'\s*(?:Kernel\.)?([A-Z]+)\s*\.\.\s*(?:Kernel\.)?([A-Z]+)(?:_END|\s*\+\s*(?:Kernel\.)?NP\s*-\s*1)\s*$',inner)
        pre=''
        # prefix like "k." stays: we emit name only; caller's prefix precedes 'pb'
        if r and r.group(1) in FL:
            a=ORDER.index(r.group(1)); b=ORDER.index(r.group(2))
            names=[NM[f] for f in ORDER[a:b+1]]
            # need prefix replicated: find prefix before pb (e.g. "k.")
            pm=re.search(r'([A-Za-z_][A-Za-z_0-9]*\.)$',''.join(out))
            p=pm.group(1) if pm else ''
            out.append((', '+p).join(n+'[*]' for n in names))
        elif m and m.group(1) in FL:
            out.append(NM[m.group(1)]+'['+conv(m.group(2))+']')
        elif inner.strip()=='*':
            pm=re.search(r'([A-Za-z_][A-Za-z_0-9]*\.)$',''.join(out))
            p=pm.group(1) if pm else ''
            out.append((', '+p).join(NM[f]+'[*]' for f in ORDER))
        else:
            out.append('pb['+conv(inner)+']'); print('UNHANDLED',inner,file=sys.stderr)
        i=k+1
    return ''.join(out)
for f in glob.glob('kernel/src/main/java/dev/noreset/kernel/core/*.java'):
    s=open(f).read()
    t=conv(s)
    # whole-pb frame in ensures
    t=re.sub(r'\(\\forall int i; 0 <= i && i < Kernel\.PB_SIZE; k\.pb\[i\] == \\old\(k\.pb\[i\]\)\)',
        lambda m: '(\\forall int i; 0 <= i && i < Kernel.NP; '+' && '.join('k.%s[i] == \\old(k.%s[i])'%(NM[x],NM[x]) for x in ORDER)+')', t)
    t=re.sub(r'(\b[a-z]+\.)?pb != null && \1?pb\.length == (Kernel\.)?PB_SIZE',
        lambda m: ' && '.join('%s%s != null && %s%s.length == %sNP'%(m.group(1) or '',NM[x],m.group(1) or '',NM[x],m.group(2) or '') for x in ORDER), t)
    t=re.sub(r'this\.pb\b', ', '.join('this.'+NM[x] for x in ORDER), t)
    open(f,'w').write(t)

ORDER_NAMES=['used','sending','receiving','stopped','runq','reply','ready','gotMsg']
for f in glob.glob('kernel/src/main/java/dev/noreset/kernel/core/*.java'):
    t=open(f).read()
    t=re.sub(r'(\b[a-z]+\.)?pb != null(\s*(?:@\s*)?)&& \1?pb\.length == (Kernel\.)?PB_SIZE',
        lambda m: ' && '.join('%s%s != null && %s%s.length == %sNP'%(m.group(1) or '',x,m.group(1) or '',x,m.group(3) or '') for x in ORDER_NAMES)+m.group(2).replace('&&',''), t)
    t=re.sub(r'(\b[a-z]+\.)?pb != (\1?[a-z]+)\b',
        lambda m: '('+' && '.join('%s%s != %s'%(m.group(1) or '',x,m.group(2)) for x in ORDER_NAMES)+')', t)
    open(f,'w').write(t)

# Kernel.java: the eight fields, their creation in the constructor and their pairwise distinctness.
import itertools
KP = 'kernel/src/main/java/dev/noreset/kernel/core/Kernel.java'
s = open(KP).read()
s = s.replace("    /*@ spec_public @*/ final boolean[] pb;\n",
              ''.join("    /*@ spec_public @*/ final boolean[] %s;\n" % x for x in ORDER_NAMES))
dist = ' && '.join('%s != %s' % (a, b) for a, b in itertools.combinations(ORDER_NAMES, 2))
s = s.replace("    //@ public invariant 0 <= clock;\n",
              "    //@ public invariant 0 <= clock;\n    //@ public invariant " + dist + ";\n")
s = s.replace("        boolean[] pb0 = Fresh.flags(PB_SIZE);\n",
              ''.join("        boolean[] %s0 = Fresh.flags(NP);\n" % x for x in ORDER_NAMES))
s = s.replace("        pb = pb0;\n", ''.join("        %s = %s0;\n" % (x, x) for x in ORDER_NAMES))
open(KP, 'w').write(s)
# CoreInvariants (the tests' executable mirror) checks array lengths.
CP = 'kernel/src/main/java/dev/noreset/kernel/core/CoreInvariants.java'
c = open(CP).read()
c = c.replace("k.pb.length == Kernel.PB_SIZE",
              " && ".join("k.%s.length == np" % x for x in ORDER_NAMES))
open(CP, 'w').write(c)
# Frame cases (noexpand) restate the shape facts of \invariant_for(k) as requires; with class
# axioms off they must also name the eight new arrays' pairwise distinctness.
PAIRS = ' && '.join('k.%s != k.%s' % (a, b) for a, b in itertools.combinations(ORDER_NAMES, 2))
for f in glob.glob('kernel/src/main/java/dev/noreset/kernel/core/*.java'):
    t = open(f).read()
    t = re.sub(r'^(\s*@ )requires \(k\.used != k\.note', lambda m: m.group(1) + 'requires ' + PAIRS
               + ';\n' + m.group(1) + 'requires (k.used != k.note', t, flags=re.M)
    open(f, 'w').write(t)
# A footprint names the field of each array it reads: `this.pb` became all eight fields, so keep
# only those whose elements the clause names.
t = open(KP).read()
def narrow(m):
    c = m.group(0)
    for x in ORDER_NAMES:
        if not re.search(r'\b%s\[' % x, c):
            c = c.replace('this.%s, ' % x, '')
    return c
t = re.sub(r'accessible [^;]*;', narrow, t)
open(KP, 'w').write(t)
# Helper cases that restate shape facts instead of \invariant_for(k) (complete, wake, deliverNote,
# blockSend, ...) need the distinctness of each flag array they assign from the other seven: without
# it their proofs stop with no rule left. Pairs in a fixed order; a callee's assigned arrays are a
# subset of its caller's, so the caller's requires imply the callee's.
SHAPE8 = ' && '.join('k.%s != null && k.%s.length == Kernel.NP' % (x, x) for x in ORDER_NAMES)
def add_pairs(case):
    if SHAPE8 not in case or '\\invariant_for(k)' in case or 'k.used != k.sending' in case:
        return case
    am = re.search(r'assignable ([^;]*);', case, re.S)
    if not am:
        return case
    w = [x for x in ORDER_NAMES if re.search(r'\bk\.%s\[' % x, am.group(1))]
    if not w:
        return case
    pairs = [(a, b) for a, b in itertools.combinations(ORDER_NAMES, 2) if a in w or b in w]
    req = ' && '.join('k.%s != k.%s' % p for p in pairs)
    i = case.index('      @ ensures') if '      @ ensures' in case else case.index('      @ assignable')
    return case[:i] + '      @ requires ' + req + ';\n' + case[i:]
for f in glob.glob('kernel/src/main/java/dev/noreset/kernel/core/*.java'):
    t = open(f).read()
    def spec(m):
        parts = re.split(r'(      @ also )', m.group(0))
        return ''.join(add_pairs(p) if not p.startswith('      @ also') else p for p in parts)
    t = re.sub(r'/\*@ public normal_behavior.*?@\*/', spec, t, flags=re.S)
    open(f, 'w').write(t)
# Footprints in KeY's order (proofs/README "Footprints in KeY's order"): fields by name, each
# field's [*] right after it, then the ranges by array name. The rewrite above broke that order.
def sort_fp(m):
    items = [x.strip() for x in re.sub(r'\s*@\s*', ' ', m.group(1)).split(',')]
    def key(x):
        r = re.match(r'this\.(\w+)$', x)
        if r: return (0, r.group(1), 0)
        r = re.match(r'(\w+)\[\*\]$', x)
        if r: return (0, r.group(1), 1)
        r = re.match(r'(\w+)\[', x)
        return (1, r.group(1), 0)
    items = sorted(items, key=key)
    lines, cur = [], ''
    for x in items:
        if cur and len(cur) + len(x) > 90:
            lines.append(cur + ',')
            cur = x
        else:
            cur = cur + ', ' + x if cur else x
    lines.append(cur)
    return 'accessible ' + '\n      @   '.join(lines) + ';'
t = open(KP).read()
t = re.sub(r'accessible ([^;]*);', sort_fp, t)
open(KP, 'w').write(t)
