/* refuse: IPC calls the kernel must refuse, for the trace validation of refused calls.
   Two instances: "refb" (higher priority, runs first) sends to "refa" and blocks; "refa" then
   makes the calls below. argv[1] = "a" or "b". */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

static int expect(const char *what, int got, int want) {
    if (got != want) {
        printf("refa: FAIL %s returned %d, want %d\n", what, got, want);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    int a = argc > 1 && strcmp(argv[1], "a") == 0;
    endpoint_t peer;
    int r = sys_getendpt(a ? "refb" : "refa", &peer);
    if (r != OK) {
        printf("refuse: FAIL no peer (%d)\n", r);
        return 1;
    }
    message m;
    memset(&m, 0, sizeof m);
    if (!a) {
        /* Blocks until refa receives; then this process ends. */
        return ipc_send(peer, &m) == OK ? 0 : 1;
    }
    int bad = 0;
    /* refb is blocked sending to us: sending to it would close a cycle of blocked senders. */
    bad |= expect("SEND into a cycle", ipc_send(peer, &m), ELOCKED);
    /* refb is sending, not receiving. */
    bad |= expect("SENDNB to a process that is not receiving", ipc_sendnb(peer, &m), ENOTREADY);
    /* Take refb's message; refb then exits. */
    bad |= expect("RECEIVE from refb", ipc_receive(peer, &m), OK);
    /* refb's endpoint is stale once it has ended (or it ends while we are blocked on it). */
    bad |= expect("SEND to an ended process", ipc_send(peer, &m), EDEADSRCDST);
    if (!bad) printf("refa: refused calls ok\n");
    return bad;
}
