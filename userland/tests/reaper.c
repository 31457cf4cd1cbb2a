/* reaper: a minimal signal manager (the role RS has for system processes). It waits for the
   kernel's notification that a managed process died, collects each death with GET_KSIG and
   prints it. argv[1] = deaths to wait for before exiting (default 1). */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

int main(int argc, char **argv) {
    int want = argc > 1 ? atoi(argv[1]) : 1;
    int seen = 0;
    message m;
    while (seen < want) {
        int r = ipc_receive(ANY, &m);
        if (r != OK) {
            printf("reaper: receive failed %d\n", r);
            return 1;
        }
        if (m.m_source != SYSTEM) continue;
        endpoint_t dead;
        int cause, status;
        while (sys_getksig(&dead, &cause, &status) == OK) {
            printf("reaper: process %d died, cause %d, status %d\n", dead, cause, status);
            seen++;
        }
    }
    return 0;
}
