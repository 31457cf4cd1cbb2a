/* ping: the client half of the SENDREC ping-pong test. argv[1] = round trips (default 100).
   Each reply must carry the counter plus one; any other reply fails the test. */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>
#include "proto.h"

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    endpoint_t pong;
    int r = sys_getendpt("pong", &pong);
    if (r != OK) {
        printf("ping: FAIL no pong (%d)\n", r);
        return 1;
    }
    message m;
    for (int i = 0; i < rounds; i++) {
        memset(&m, 0, sizeof m);
        m.m_type = PING_REQUEST;
        msg_set(&m, M_PAYLOAD, i);
        r = ipc_sendrec(pong, &m);
        if (r != OK || m.m_source != pong || msg_get(&m, M_PAYLOAD) != i + 1) {
            printf("ping: FAIL round %d r=%d source=%d value=%d\n", i, r, m.m_source,
                   msg_get(&m, M_PAYLOAD));
            return 1;
        }
    }
    m.m_type = PING_STOP;
    ipc_sendrec(pong, &m);
    printf("ping: %d round trips ok\n", rounds);
    return 0;
}
