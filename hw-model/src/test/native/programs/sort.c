/* Sorting: quicksort, heap sort and insertion sort on the same pseudo-random data, cross-checked. */
#include "rt.h"

#define N 3000
static i32 a[N], b[N], c[N];

static u32 lcg(u32 *s) { *s = *s * 1103515245u + 12345u; return *s >> 1; }

static void quicksort(i32 *v, int lo, int hi)
{
    while (lo < hi) {
        i32 pivot = v[lo + (hi - lo) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) { i32 t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(v, lo, j); lo = i; } else { quicksort(v, i, hi); hi = j; }
    }
}

static void sift(i32 *v, int root, int n)
{
    for (;;) {
        int child = 2 * root + 1;
        if (child >= n) return;
        if (child + 1 < n && v[child + 1] > v[child]) child++;
        if (v[root] >= v[child]) return;
        i32 t = v[root]; v[root] = v[child]; v[child] = t;
        root = child;
    }
}

static void heapsort(i32 *v, int n)
{
    for (int i = n / 2 - 1; i >= 0; i--) sift(v, i, n);
    for (int end = n - 1; end > 0; end--) {
        i32 t = v[0]; v[0] = v[end]; v[end] = t;
        sift(v, 0, end);
    }
}

static void insertion(i32 *v, int n)
{
    for (int i = 1; i < n; i++) {
        i32 x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) { v[j + 1] = v[j]; j--; }
        v[j + 1] = x;
    }
}

int main(void)
{
    u32 s = 42;
    for (int i = 0; i < N; i++) a[i] = b[i] = c[i] = (i32)(lcg(&s) % 100000) - 50000;
    quicksort(a, 0, N - 1);
    heapsort(b, N);
    insertion(c, N);
    int bad = 0;
    u32 h = 0;
    for (int i = 0; i < N; i++) {
        if (a[i] != b[i] || a[i] != c[i]) bad++;
        if (i && a[i - 1] > a[i]) bad++;
        h = (h ^ (u32)a[i]) * 16777619u;
    }
    puts_("sorted ");
    put_dec(N);
    puts_(" min ");
    put_dec(a[0]);
    puts_(" median ");
    put_dec(a[N / 2]);
    puts_(" max ");
    put_dec(a[N - 1]);
    puts_(" hash ");
    put_hex(h, 8);
    puts_(" bad ");
    put_dec(bad);
    putch('\n');
    return bad ? 1 : 3;
}
