/*
 * Native half of the differential CPU test: executes ONE i386 instruction per input vector on
 * the host CPU (32-bit user mode under Linux IA32 emulation) and reports the outcome.
 *
 * Why it works this way: the instruction is entered by sigreturn from a signal handler that
 * sets every general register, EFLAGS (with TF) and EIP in the saved context. With TF set the
 * CPU stops after exactly one instruction (#DB -> SIGTRAP), wherever control went; a fault
 * arrives as SIGSEGV/SIGFPE/SIGILL/SIGBUS with the pre-instruction registers. Handlers run on
 * an alternate stack, so the guest ESP may hold any value. One process handles any number of
 * vectors (binary records on stdin/stdout), so a million vectors take seconds.
 *
 * Freestanding: raw int 0x80 system calls only, no libc, no 32-bit multilib needed.
 * Build: gcc -m32 -ffreestanding -nostdlib -static -O2 -fno-pic -no-pie -o runner runner.c
 * The record layout is mirrored by dev.noreset.hw.differential.NativeRunner.
 */
typedef unsigned int u32;
typedef unsigned char u8;

#define CODE_BASE 0x10000000u
#define DATA_BASE 0x20000000u
#define PAGE 4096u
#define RW_PAGES 2u
#define RO_SEED 0x9E3779B9u
#define CODE_FILL 0xCCu
#define MAX_CODE 16u

/* Input record: flags, code offset, code length, 16 code bytes, eax ecx edx ebx esp ebp esi edi,
 * eflags, memory seed. flags bit 0: a REP string instruction. It runs without TF (single-stepping
 * would stop after every iteration) and ends at the INT3 (code fill) that follows it; it cannot
 * jump anywhere else. */
#define IN_WORDS 17u
/* Output record: signo, trapno, err, cr2, eip, 8 GPRs, eflags, steps, ndiff, then ndiff words
 * (offset << 8 | new byte) for every byte of the RW data pages that differs from its seed fill. */
#define OUT_HEAD 16u

#define SYS_exit 1
#define SYS_read 3
#define SYS_write 4
#define SYS_mmap_old 90
#define SYS_mprotect 125
#define SYS_rt_sigaction 174
#define SYS_sigaltstack 186

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGFPE 8
#define SIGSEGV 11

/* struct sigcontext (i386) word indices inside ucontext.uc_mcontext. */
enum { SC_GS, SC_FS, SC_ES, SC_DS, SC_EDI, SC_ESI, SC_EBP, SC_ESP, SC_EBX, SC_EDX, SC_ECX,
       SC_EAX, SC_TRAPNO, SC_ERR, SC_EIP, SC_CS, SC_EFLAGS, SC_ESP_AT_SIGNAL, SC_SS,
       SC_FPSTATE, SC_OLDMASK, SC_CR2 };
#define UC_MCONTEXT_WORDS 5 /* uc_flags, uc_link, uc_stack (3 words) */

static long sys3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}

static long sys4(long n, long a, long b, long c, long d)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return r;
}

static void sys_exit(int code)
{
    for (;;) sys3(SYS_exit, code, 0, 0);
}

static void die(const char *msg)
{
    long n = 0;
    while (msg[n]) n++;
    sys3(SYS_write, 2, (long)msg, n);
    sys_exit(3);
}

static u32 inbuf[IN_WORDS * 256];
static u32 in_len, in_pos; /* in words */
static u32 outbuf[16384];
static u32 out_len;
static u8 altstack[65536];

static void flush_out(void)
{
    u8 *p = (u8 *)outbuf;
    u32 left = out_len * 4;
    while (left) {
        long n = sys3(SYS_write, 1, (long)p, left);
        if (n <= 0) die("runner: write failed\n");
        p += n;
        left -= (u32)n;
    }
    out_len = 0;
}

static void put(u32 w)
{
    if (out_len == sizeof outbuf / 4) flush_out();
    outbuf[out_len++] = w;
}

/* Returns 0 at clean end of input. */
static int fill_in(void)
{
    u8 *p = (u8 *)inbuf;
    u32 have = 0, want = sizeof inbuf;
    while (have < want) {
        long n = sys3(SYS_read, 0, (long)(p + have), want - have);
        if (n < 0) die("runner: read failed\n");
        if (n == 0) break;
        have += (u32)n;
        if (have % (IN_WORDS * 4) == 0) break;
    }
    if (have % (IN_WORDS * 4) != 0) die("runner: truncated input record\n");
    in_len = have / 4;
    in_pos = 0;
    return have != 0;
}

static u32 xorshift(u32 *s)
{
    u32 x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

static u32 seed_of(u32 seed) { return seed ? seed : 0x6A09E667u; }

static void fill_pages(u32 *p, u32 words, u32 seed)
{
    u32 s = seed_of(seed);
    for (u32 i = 0; i < words; i++) p[i] = xorshift(&s);
}

static u32 saved_seg[4]; /* gs fs es ds as the kernel gave them at start-up */
static u32 saved_cs, saved_ss;
static int running;
static u32 cur_flags, cur_start, cur_len, cur_seed, cur_steps;
static u32 last_off, last_len;

static void report(int sig, u32 *sc)
{
    put((u32)sig);
    put(sc[SC_TRAPNO]);
    put(sc[SC_ERR]);
    put(sc[SC_CR2]);
    put(sc[SC_EIP]);
    put(sc[SC_EAX]); put(sc[SC_ECX]); put(sc[SC_EDX]); put(sc[SC_EBX]);
    put(sc[SC_ESP]); put(sc[SC_EBP]); put(sc[SC_ESI]); put(sc[SC_EDI]);
    put(sc[SC_EFLAGS]);
    put(cur_steps);
    /* Memory diff of the read-write pages against the seed fill. */
    if (out_len + OUT_HEAD + RW_PAGES * PAGE + 8 > sizeof outbuf / 4) flush_out();
    u32 *data = (u32 *)DATA_BASE;
    u32 s = seed_of(cur_seed), n = 0;
    u32 mark = out_len;
    put(0);
    for (u32 i = 0; i < RW_PAGES * PAGE / 4; i++) {
        u32 want = xorshift(&s), got = data[i];
        if (want == got) continue;
        for (u32 b = 0; b < 4; b++) {
            u32 wb = (want >> (8 * b)) & 0xFF, gb = (got >> (8 * b)) & 0xFF;
            if (wb != gb) {
                put(((i * 4 + b) << 8) | gb);
                n++;
            }
        }
    }
    outbuf[mark] = n;
}

static int load_next(u32 *sc)
{
    if (in_pos == in_len) {
        flush_out();
        if (!fill_in()) return 0;
    }
    u32 *v = &inbuf[in_pos];
    in_pos += IN_WORDS;
    u8 *code = (u8 *)CODE_BASE;
    for (u32 i = 0; i < last_len; i++) code[last_off + i] = CODE_FILL;
    cur_flags = v[0];
    u32 off = v[1], len = v[2];
    if (len > MAX_CODE || off > PAGE || off + len > PAGE) die("runner: bad code placement\n");
    const u8 *bytes = (const u8 *)&v[3];
    for (u32 i = 0; i < len; i++) code[off + i] = bytes[i];
    last_off = off;
    last_len = len;
    cur_start = CODE_BASE + off;
    cur_len = len;
    cur_seed = v[16];
    fill_pages((u32 *)DATA_BASE, RW_PAGES * PAGE / 4, cur_seed);
    sc[SC_EAX] = v[7]; sc[SC_ECX] = v[8]; sc[SC_EDX] = v[9]; sc[SC_EBX] = v[10];
    sc[SC_ESP] = v[11]; sc[SC_EBP] = v[12]; sc[SC_ESI] = v[13]; sc[SC_EDI] = v[14];
    /* Only status flags and DF come from the vector; TF makes the CPU stop after one step. */
    sc[SC_EFLAGS] = (v[15] & 0x0CD5u) | 0x0202u | ((cur_flags & 1u) ? 0 : 0x0100u);
    sc[SC_EIP] = cur_start;
    sc[SC_GS] = saved_seg[0]; sc[SC_FS] = saved_seg[1];
    sc[SC_ES] = saved_seg[2]; sc[SC_DS] = saved_seg[3];
    sc[SC_CS] = saved_cs; sc[SC_SS] = saved_ss;
    cur_steps = 0;
    return 1;
}

static void handler(int sig, void *info, void *ucv)
{
    (void)info;
    u32 *sc = (u32 *)ucv + UC_MCONTEXT_WORDS;
    if (running) {
        cur_steps++;
        if (sig == SIGTRAP && sc[SC_TRAPNO] == 3 && (cur_flags & 1u) && sc[SC_EIP] == cur_start + cur_len + 1) {
            /* The REP instruction finished and hit the INT3 after it: report it as a completed step. */
            sc[SC_EIP] -= 1;
            sc[SC_TRAPNO] = 1;
        }
        report(sig, sc);
    } else {
        saved_seg[0] = sc[SC_GS]; saved_seg[1] = sc[SC_FS];
        saved_seg[2] = sc[SC_ES]; saved_seg[3] = sc[SC_DS];
        saved_cs = sc[SC_CS]; saved_ss = sc[SC_SS];
        running = 1;
    }
    if (!load_next(sc)) {
        flush_out();
        sys_exit(0);
    }
}

void nr_restorer(void);
/* sigreturn restores only Linux's FIX_EFLAGS bits from the context; the others (NT, ID) keep the
 * values current at the rt_sigreturn call, so clear them here: every vector starts with NT=ID=0. */
__asm__(".text\n.align 16\n.globl nr_restorer\nnr_restorer:\n"
        "\tpushfl\n\tandl $0xFFDFBFFF, (%esp)\n\tpopfl\n"
        "\tmovl $173, %eax\n\tint $0x80\n\thlt\n");

struct ksigaction { void (*handler)(int, void *, void *); u32 flags; void (*restorer)(void); u32 mask[2]; };
#define SA_SIGINFO 0x00000004u
#define SA_ONSTACK 0x08000000u
#define SA_RESTORER 0x04000000u
#define SA_NODEFER 0x40000000u

static void map_fixed(u32 addr, u32 len, u32 prot)
{
    u32 args[6] = { addr, len, prot, 0x02u | 0x20u | 0x10u /* PRIVATE|ANON|FIXED */, (u32)-1, 0 };
    long r = sys3(SYS_mmap_old, (long)args, 0, 0);
    if ((u32)r != addr) die("runner: mmap failed\n");
}

void _start(void)
{
    map_fixed(CODE_BASE, PAGE, 7);
    map_fixed(DATA_BASE, (RW_PAGES + 1) * PAGE, 3);
    u8 *code = (u8 *)CODE_BASE;
    for (u32 i = 0; i < PAGE; i++) code[i] = CODE_FILL;
    fill_pages((u32 *)(DATA_BASE + RW_PAGES * PAGE), PAGE / 4, RO_SEED);
    if (sys3(SYS_mprotect, DATA_BASE + RW_PAGES * PAGE, PAGE, 1) != 0) die("runner: mprotect failed\n");
    u32 ss[3] = { (u32)altstack, 0, sizeof altstack };
    if (sys3(SYS_sigaltstack, (long)ss, 0, 0) != 0) die("runner: sigaltstack failed\n");
    struct ksigaction sa = { handler, SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_NODEFER, nr_restorer, { 0, 0 } };
    static const int sigs[] = { SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV };
    for (u32 i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        if (sys4(SYS_rt_sigaction, sigs[i], (long)&sa, 0, 8) != 0)
            die("runner: rt_sigaction failed\n");
    __asm__ volatile("int3");
    die("runner: returned from start-up trap\n");
}
