/* Recursion: Ackermann, Fibonacci, Towers of Hanoi, permutations and the N-queens count. */
#include "rt.h"

static u32 ack(u32 m, u32 n)
{
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

static u32 fib(u32 n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static u32 moves;
static void hanoi(int n, int from, int to, int via)
{
    if (!n) return;
    hanoi(n - 1, from, via, to);
    moves++;
    hanoi(n - 1, via, to, from);
}

static u32 perm_hash;
static void permute(char *s, int k, int n)
{
    if (k == n) {
        for (int i = 0; i < n; i++) perm_hash = perm_hash * 131 + (unsigned char)s[i];
        return;
    }
    for (int i = k; i < n; i++) {
        char t = s[k]; s[k] = s[i]; s[i] = t;
        permute(s, k + 1, n);
        t = s[k]; s[k] = s[i]; s[i] = t;
    }
}

static int queens(int row, int n, u32 cols, u32 d1, u32 d2)
{
    if (row == n) return 1;
    int count = 0;
    for (int c = 0; c < n; c++) {
        if ((cols >> c) & 1 || (d1 >> (row + c)) & 1 || (d2 >> (row - c + n)) & 1) continue;
        count += queens(row + 1, n, cols | 1u << c, d1 | 1u << (row + c), d2 | 1u << (row - c + n));
    }
    return count;
}

int main(void)
{
    puts_("ack(2,3)=");
    put_udec(ack(2, 3));
    puts_(" ack(3,4)=");
    put_udec(ack(3, 4));
    puts_("\nfib(22)=");
    put_udec(fib(22));
    hanoi(14, 1, 3, 2);
    puts_("\nhanoi(14) moves=");
    put_udec(moves);
    char s[] = "abcdefg";
    permute(s, 0, 7);
    puts_("\nperm hash=");
    put_hex(perm_hash, 8);
    puts_("\nqueens(8)=");
    put_dec(queens(0, 8, 0, 0, 0));
    putch('\n');
    return 5;
}
