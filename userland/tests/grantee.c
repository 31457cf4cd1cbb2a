/* grantee: the other half of the kcalls test. It receives a grant from kcalls, copies the
   granted bytes in and writes new bytes back with safecopy, tries to copy past the grant's
   end (must be refused), and replies with what it saw. */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

#define GRANT_REQUEST 0x5200

int main(void) {
    message m;
    if (ipc_receive(ANY, &m) != OK || m.m_type != GRANT_REQUEST) {
        printf("grantee: FAIL no grant request\n");
        return 1;
    }
    endpoint_t granter = m.m_source;
    int id = msg_get(&m, M_PAYLOAD);
    char buf[32];
    memset(buf, 0, sizeof buf);
    int r1 = sys_safecopyfrom(granter, id, 0, buf, 11);
    int same = r1 == OK && memcmp(buf, "grant-data", 11) == 0;
    int r2 = sys_safecopyto(granter, id, 16, "written-back", 13);
    int r3 = sys_safecopyfrom(granter, id, 60, buf, 8);      /* past the 64-byte grant */
    int r4 = sys_safecopyfrom(granter, id + NR_GRANTS, 0, buf, 4); /* wrong sequence number */
    printf("grantee: copy in %s, copy out %d, past end %s, stale id %s\n", same ? "ok" : "FAIL", r2,
           r3 != OK ? "refused" : "FAIL", r4 != OK ? "refused" : "FAIL");
    m.m_type = same && r2 == OK && r3 != OK && r4 != OK ? OK : EINVAL;
    ipc_send(granter, &m);
    return 0;
}
