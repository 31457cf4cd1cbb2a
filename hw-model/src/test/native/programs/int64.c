/* 64-bit arithmetic without libgcc: add, multiply, shifts, compare, and division by shift-subtract. */
#include "rt.h"

/* Unsigned 64-bit division written out, so gcc emits no call to __udivdi3. */
static u64 udivmod64(u64 n, u64 d, u64 *rem)
{
    u64 q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | ((n >> i) & 1);
        if (r >= d) { r -= d; q |= 1ull << i; }
    }
    if (rem) *rem = r;
    return q;
}

static i64 sdiv64(i64 n, i64 d)
{
    int neg = (n < 0) != (d < 0);
    u64 q = udivmod64(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, 0);
    return neg ? -(i64)q : (i64)q;
}

static void put_u64(u64 v)
{
    char t[21];
    int n = 0;
    do { u64 r; v = udivmod64(v, 10, &r); t[n++] = (char)('0' + (int)r); } while (v);
    while (n) putch(t[--n]);
}

static void put_i64(i64 v)
{
    if (v < 0) { putch('-'); put_u64(0 - (u64)v); } else put_u64((u64)v);
}

int main(void)
{
    u64 x = 0x123456789ABCDEFull, acc = 0;
    i64 s = -987654321012345ll;
    for (int i = 0; i < 40; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        u64 r;
        u64 q = udivmod64(x, (x >> 40) | 3, &r);
        acc += q ^ (r << 7) ^ (x >> (i & 63)) ^ (x << (i % 29));
        s = sdiv64(s * 3 + (i64)(x >> 20), -7 - i);
        if (i % 8 == 0) {
            puts_("x=");
            put_u64(x);
            puts_(" q=");
            put_u64(q);
            puts_(" s=");
            put_i64(s);
            putch('\n');
        }
    }
    puts_("acc=");
    put_hex((u32)(acc >> 32), 8);
    put_hex((u32)acc, 8);
    puts_(" cmp=");
    put_dec((i64)acc < 0 ? -1 : (acc > 0x7000000000000000ull ? 2 : 1));
    putch('\n');
    return (int)(acc & 0x3F);
}
