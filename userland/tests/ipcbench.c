/* ipcbench: the client of `noreset bench ipc`. argv[1] = warm-up round trips, argv[2] =
   measured round trips. SYS_TIMES before and after the measured loop marks the interval
   the host measures; the replies are checked so a broken kernel cannot look fast. */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>
#include "proto.h"

static int rounds(endpoint_t server, int n) {
    message m;
    m.m_type = PING_REQUEST;
    for (int i = 0; i < n; i++) {
        msg_set(&m, M_PAYLOAD, i);
        if (ipc_sendrec(server, &m) != OK || msg_get(&m, M_PAYLOAD) != i + 1) return i;
        m.m_type = PING_REQUEST;
    }
    return n;
}

int main(int argc, char **argv) {
    int warm = argc > 1 ? atoi(argv[1]) : 1000;
    int n = argc > 2 ? atoi(argv[2]) : 100000;
    endpoint_t server;
    if (sys_getendpt("pong", &server) != OK) return 2;
    if (rounds(server, warm) != warm) return 3;
    sys_times(0, 0);
    int done = rounds(server, n);
    sys_times(0, 0);
    message m;
    m.m_type = PING_STOP;
    ipc_sendrec(server, &m);
    return done == n ? 0 : 4;
}
