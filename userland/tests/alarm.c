/* alarm: sets a kernel alarm and sleeps in RECEIVE until the CLOCK notification arrives. With
   nothing else runnable the kernel idles the CPU until the timer interrupt, so this exercises
   the idle path, the PIT and the alarm expiry. argv[1] = ticks (default 5). */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

int main(int argc, char **argv) {
    int ticks = argc > 1 ? atoi(argv[1]) : 5;
    unsigned long long t0, t1;
    sys_times(&t0, 0);
    if (sys_setalarm(ticks, 0) != OK) {
        printf("alarm: FAIL setalarm refused\n");
        return 1;
    }
    message m;
    int r = ipc_receive(ANY, &m);
    sys_times(&t1, 0);
    if (r != OK || m.m_source != CLOCK || m.m_type != NOTIFY_MESSAGE) {
        printf("alarm: FAIL r=%d source=%d type=%d\n", r, m.m_source, m.m_type);
        return 1;
    }
    printf("alarm: woken by CLOCK after %u ticks of virtual time\n", (unsigned)(t1 - t0));
    return 0;
}
