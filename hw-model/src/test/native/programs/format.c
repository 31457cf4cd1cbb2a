/* String formatting: a small printf with widths, padding, signs and several bases. */
#include "rt.h"

typedef __builtin_va_list va_list;
#define va_start(a, l) __builtin_va_start(a, l)
#define va_arg(a, t) __builtin_va_arg(a, t)
#define va_end(a) __builtin_va_end(a)

static int fmt_num(char *dst, u32 v, int base, int neg, int width, char pad, int upper)
{
    char tmp[34];
    int n = 0, len = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do { tmp[n++] = digits[v % (u32)base]; v /= (u32)base; } while (v);
    int total = n + neg;
    if (pad == '0' && neg) dst[len++] = '-';
    for (; total < width; total++) dst[len++] = pad;
    if (pad != '0' && neg) dst[len++] = '-';
    while (n) dst[len++] = tmp[--n];
    return len;
}

static int vformat(char *dst, const char *f, va_list ap)
{
    int len = 0;
    for (; *f; f++) {
        if (*f != '%') { dst[len++] = *f; continue; }
        f++;
        char pad = ' ';
        int width = 0, left = 0;
        if (*f == '-') { left = 1; f++; }
        if (*f == '0') { pad = '0'; f++; }
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
        int start = len;
        switch (*f) {
        case 'd': { i32 v = va_arg(ap, i32); len += fmt_num(dst + len, v < 0 ? 0u - (u32)v : (u32)v, 10, v < 0, left ? 0 : width, pad, 0); break; }
        case 'u': len += fmt_num(dst + len, va_arg(ap, u32), 10, 0, left ? 0 : width, pad, 0); break;
        case 'x': len += fmt_num(dst + len, va_arg(ap, u32), 16, 0, left ? 0 : width, pad, 0); break;
        case 'X': len += fmt_num(dst + len, va_arg(ap, u32), 16, 0, left ? 0 : width, pad, 1); break;
        case 'o': len += fmt_num(dst + len, va_arg(ap, u32), 8, 0, left ? 0 : width, pad, 0); break;
        case 'b': len += fmt_num(dst + len, va_arg(ap, u32), 2, 0, left ? 0 : width, pad, 0); break;
        case 'c': dst[len++] = (char)va_arg(ap, int); break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            int n = 0;
            while (s[n]) n++;
            if (!left) for (; n < width; width--) dst[len++] = ' ';
            for (int i = 0; s[i]; i++) dst[len++] = s[i];
            break;
        }
        case '%': dst[len++] = '%'; break;
        default: dst[len++] = '?'; break;
        }
        if (left) while (len - start < width) dst[len++] = ' ';
    }
    dst[len] = 0;
    return len;
}

static int format(char *dst, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vformat(dst, f, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    char line[256];
    u32 sum = 0;
    static const char *names[] = { "alpha", "beta", "gamma", "delta", "epsilon" };
    for (int i = -7; i < 40; i += 3) {
        int n = format(line, "[%5d|%-6d|%08x|%X|%o|%c|%-8s|%12b|%u%%]\n", i * 1234567, i, (u32)i * 2654435761u,
                       (u32)(i * i * 977), (u32)(i + 100), 'A' + (i & 15), names[(i + 7) % 5], (u32)(i & 0xFFF),
                       (u32)(i * -3));
        for (int k = 0; k < n; k++) sum = sum * 31 + (unsigned char)line[k];
        puts_(line);
    }
    puts_("checksum ");
    put_hex(sum, 8);
    putch('\n');
    return (int)(sum & 0x7F);
}
