/*
 * Minimal freestanding runtime for the whole-program tests: Linux i386 system calls through
 * int 0x80 (exit = 1, write = 4), buffered output and the few helpers gcc may call.
 * Each program defines main(); _start calls it and exits with its result.
 */
typedef unsigned int u32;
typedef int i32;
typedef unsigned long long u64;
typedef long long i64;
typedef unsigned int size_t;

static inline int sys_write(int fd, const void *buf, u32 len)
{
    int r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(4), "b"(fd), "c"(buf), "d"(len) : "memory");
    return r;
}

static inline void sys_exit(int code)
{
    for (;;) __asm__ volatile("int $0x80" : : "a"(1), "b"(code) : "memory");
}

/* gcc may emit calls to these even in freestanding code. */
void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--) *dp++ = *sp++;
    return d;
}

void *memset(void *d, int c, size_t n)
{
    unsigned char *dp = d;
    while (n--) *dp++ = (unsigned char)c;
    return d;
}

void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp < sp) while (n--) *dp++ = *sp++;
    else while (n--) dp[n] = sp[n];
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) if (*x != *y) return *x - *y;
    return 0;
}

static char out_buf[512];
static u32 out_len;

static void flush(void)
{
    if (out_len) sys_write(1, out_buf, out_len);
    out_len = 0;
}

static void putch(char c)
{
    if (out_len == sizeof out_buf) flush();
    out_buf[out_len++] = c;
}

static void puts_(const char *s)
{
    while (*s) putch(*s++);
}

static void put_udec(u32 v)
{
    char t[12];
    int n = 0;
    do { t[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) putch(t[--n]);
}

static void put_dec(i32 v)
{
    if (v < 0) { putch('-'); put_udec(0u - (u32)v); } else put_udec((u32)v);
}

static void put_hex(u32 v, int digits)
{
    for (int i = digits - 1; i >= 0; i--) putch("0123456789abcdef"[(v >> (4 * i)) & 15]);
}

int main(void);

void __attribute__((noreturn, used)) nr_start_c(void)
{
    int rc = main();
    flush();
    sys_exit(rc);
    __builtin_unreachable();
}

/* The stack is 16-byte aligned at _start on Linux; keep it so for main. */
__asm__(".text\n.globl _start\n_start:\n\txorl %ebp, %ebp\n\tandl $-16, %esp\n\tcall nr_start_c\n\thlt\n");
