/* Checksums: table-driven and bitwise CRC-32, Adler-32 and FNV-1a over generated data. */
#include "rt.h"

static u32 table[256];
static unsigned char data[8192];

static void make_table(void)
{
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static u32 crc_table(const unsigned char *p, u32 n)
{
    u32 c = 0xFFFFFFFFu;
    while (n--) c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return ~c;
}

static u32 crc_bitwise(const unsigned char *p, u32 n)
{
    u32 c = 0xFFFFFFFFu;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
    }
    return ~c;
}

static u32 adler(const unsigned char *p, u32 n)
{
    u32 a = 1, b = 0;
    while (n--) { a = (a + *p++) % 65521u; b = (b + a) % 65521u; }
    return b << 16 | a;
}

int main(void)
{
    make_table();
    u32 s = 7;
    for (u32 i = 0; i < sizeof data; i++) { s ^= s << 13; s ^= s >> 17; s ^= s << 5; data[i] = (unsigned char)s; }
    static const char check[] = "123456789";
    u32 c1 = crc_table((const unsigned char *)check, 9);
    puts_("crc32(\"123456789\") = ");
    put_hex(c1, 8);
    putch('\n');
    u32 fails = c1 != 0xCBF43926u;
    for (u32 len = 1; len <= sizeof data; len = len * 3 + 1) {
        u32 t = crc_table(data, len), b = crc_bitwise(data, len), a = adler(data, len);
        u32 f = 2166136261u;
        for (u32 i = 0; i < len; i++) f = (f ^ data[i]) * 16777619u;
        puts_("len ");
        put_udec(len);
        puts_(" crc ");
        put_hex(t, 8);
        puts_(" adler ");
        put_hex(a, 8);
        puts_(" fnv ");
        put_hex(f, 8);
        putch('\n');
        fails += t != b;
    }
    puts_(fails ? "FAIL\n" : "ok\n");
    return (int)fails;
}
