/* The tiny libc: freestanding string and memory helpers, console output through the UART,
   and exit. gcc may emit calls to memcpy/memset for struct copies, so they must exist. */
#include <noreset/libc.h>
#include <noreset/sys.h>

void *memcpy(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) return *x - *y;
    }
    return 0;
}

size_t strlen(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

int strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

char *strncpy(char *dst, const char *src, size_t n) {
    size_t i = 0;
    for (; i < n && src[i]; i++) dst[i] = src[i];
    for (; i < n; i++) dst[i] = 0;
    return dst;
}

int atoi(const char *s) {
    int sign = 1, v = 0;
    if (*s == '-') sign = -1, s++;
    while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
    return sign * v;
}

/* Console output goes to the 16550 UART at COM1 a line at a time: the line is collected, then
   written in bursts of up to 16 bytes (the transmit FIFO) whenever the transmitter is empty,
   so a line is rarely split by another process's output. */
#define COM1 0x3F8
#define UART_THR 0
#define UART_FCR 2
#define UART_LCR 3
#define UART_LSR 5
#define LSR_THRE 0x20
#define LSR_TEMT 0x40
#define FIFO_BYTES 16
#define LINE_MAX 128

static char line[LINE_MAX];
static int line_len;
static int uart_ready;

/* 115200 baud (divisor 1), 8N1, FIFOs on: what every program that prints expects. */
static void uart_init(void) {
    sys_outb(COM1 + UART_LCR, 0x80);
    sys_outb(COM1 + 0, 1);
    sys_outb(COM1 + 1, 0);
    sys_outb(COM1 + UART_LCR, 0x03);
    sys_outb(COM1 + UART_FCR, 0x07);
    uart_ready = 1;
}

static void flush_line(void) {
    if (!uart_ready) uart_init();
    int i = 0;
    while (i < line_len) {
        int lsr = 0;
        /* Bounded wait: an emulated UART that never drains must not hang the program. */
        for (int tries = 0; tries < 10000; tries++) {
            if (sys_inb(COM1 + UART_LSR, &lsr) != OK || (lsr & LSR_THRE)) break;
        }
        for (int n = 0; n < FIFO_BYTES && i < line_len; n++, i++) {
            if (sys_outb(COM1 + UART_THR, line[i] & 0xFF) != OK) {
                line_len = 0;
                return;
            }
        }
    }
    line_len = 0;
}

int putchar(int c) {
    line[line_len++] = (char)c;
    if (c == '\n' || line_len == LINE_MAX) flush_line();
    return c & 0xFF;
}

int puts(const char *s) {
    while (*s) putchar(*s++);
    putchar('\n');
    return 0;
}

static int put_unsigned(unsigned v, unsigned base) {
    char buf[12];
    int n = 0, out = 0;
    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (n) putchar(buf[--n]), out++;
    return out;
}

int printf(const char *fmt, ...) {
    __builtin_va_list ap;
    __builtin_va_start(ap, fmt);
    int out = 0;
    for (; *fmt; fmt++) {
        if (*fmt != '%' || !fmt[1]) {
            putchar(*fmt), out++;
            continue;
        }
        switch (*++fmt) {
        case 'd': {
            int v = __builtin_va_arg(ap, int);
            if (v < 0) putchar('-'), out++, v = -v;
            out += put_unsigned((unsigned)v, 10);
            break;
        }
        case 'u': out += put_unsigned(__builtin_va_arg(ap, unsigned), 10); break;
        case 'x': out += put_unsigned(__builtin_va_arg(ap, unsigned), 16); break;
        case 'c': putchar(__builtin_va_arg(ap, int)), out++; break;
        case 's': {
            const char *s = __builtin_va_arg(ap, const char *);
            for (; s && *s; s++) putchar(*s), out++;
            break;
        }
        default: putchar(*fmt), out++; break;
        }
    }
    __builtin_va_end(ap);
    return out;
}

/* Waits (bounded) until the UART has sent every byte, so output is not lost at exit. */
static void drain(void) {
    int lsr = 0;
    for (int tries = 0; tries < 100000; tries++) {
        if (sys_inb(COM1 + UART_LSR, &lsr) != OK || (lsr & LSR_TEMT)) break;
    }
}

void exit(int status) {
    if (line_len) flush_line();
    if (uart_ready) drain();
    sys_exit(SELF, status);
    /* SYS_EXIT on SELF does not return; if it ever did, fault rather than run on. */
    for (;;) *(volatile int *)0 = status;
}
