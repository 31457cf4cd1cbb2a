/* pong: the server half of the SENDREC ping-pong test and of `noreset bench ipc`. The usual
   server loop: get work, switch on the type, reply. */
#include <noreset/ipc.h>
#include <noreset/libc.h>
#include "proto.h"

int main(int argc, char **argv) {
    int quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
    message m;
    int served = 0;
    for (;;) {
        int r = ipc_receive(ANY, &m);
        if (r != OK) {
            if (!quiet) printf("pong: receive failed %d\n", r);
            return 1;
        }
        int from = m.m_source;
        switch (m.m_type) {
        case PING_REQUEST:
            msg_set(&m, M_PAYLOAD, msg_get(&m, M_PAYLOAD) + 1);
            served++;
            break;
        case PING_STOP:
            /* Print before replying: the client is still blocked, so the lines do not mix. */
            if (!quiet) printf("pong: served %d requests\n", served);
            ipc_sendnb(from, &m);
            return 0;
        default:
            m.m_type = EINVAL;
            break;
        }
        /* SENDNB, as MINIX servers reply: the client waits in SENDREC, and a dead client must
           not block the server. */
        r = ipc_sendnb(from, &m);
        if (r != OK && !quiet) printf("pong: reply to %d failed %d\n", from, r);
    }
}
