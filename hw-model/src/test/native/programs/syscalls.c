/* System-call edge cases the test harness's ring-0 stand-in must answer as Linux does. */
#include "rt.h"

static int raw3(int nr, int a, int b, int c)
{
    int r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}

static const char text[] = "partial";

int main(void)
{
    puts_("bad pointer: ");
    put_dec(raw3(4, 1, 16, 5));          /* unmapped buffer: -EFAULT */
    puts_("\nbad fd: ");
    put_dec(raw3(4, 7, (int)text, 3));   /* not an open descriptor: -EBADF */
    puts_("\nunknown call: ");
    put_dec(raw3(1000, 0, 0, 0));        /* no such system call: -ENOSYS */
    puts_("\nzero length: ");
    put_dec(raw3(4, 1, (int)text, 0));
    puts_("\n");
    flush();
    put_dec(raw3(4, 1, (int)text, 7));   /* written directly, returns 7 */
    puts_("\n");
    return 9;
}
