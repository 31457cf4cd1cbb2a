/* kcalls: a privileged, system-process-like program that uses the kernel calls a server or
   driver needs and checks each answer: times, getinfo, vmctl, irqctl, setgrant with safecopy
   (through grantee), fork, privctl and kill. Prints one line per check and "all ok". */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

#define GRANT_REQUEST 0x5200
#define SPARE 0x10000000u

static int failures;

static void expect(const char *what, int got, int want) {
    if (got == want) {
        printf("kcalls: %s ok\n", what);
    } else {
        printf("kcalls: FAIL %s: got %d, want %d\n", what, got, want);
        failures++;
    }
}

static char granted[64];

static void grants(void) {
    endpoint_t peer;
    expect("getendpt grantee", sys_getendpt("grantee", &peer), OK);
    memcpy(granted, "grant-data", 11);
    static grant_t table[2];
    table[0].flags = GRANT_VALID | GRANT_READ | GRANT_WRITE;
    table[0].grantee = peer;
    table[0].addr = (unsigned)granted;
    table[0].bytes = sizeof granted;
    table[0].seq = 1;
    expect("setgrant", sys_setgrant(table, 2), OK);
    expect("setgrant too many", sys_setgrant(table, NR_GRANTS + 1), E2BIG);
    message m;
    memset(&m, 0, sizeof m);
    m.m_type = GRANT_REQUEST;
    msg_set(&m, M_PAYLOAD, grant_id(1, 0));
    int r = ipc_sendrec(peer, &m);
    expect("grantee copied through the grant", r == OK ? m.m_type : r, OK);
    expect("grantee wrote through the grant", memcmp(granted + 16, "written-back", 13), 0);
}

static void memory(void) {
    volatile int *p = (volatile int *)SPARE;
    expect("vmctl map", sys_vmctl(VMCTL_MAP, SELF, SPARE, 2, 1), OK);
    p[0] = 1234;
    p[1024] = 5678;
    expect("mapped pages hold data", p[0] + p[1024], 1234 + 5678);
    expect("vmctl map twice", sys_vmctl(VMCTL_MAP, SELF, SPARE, 1, 1), EBUSY);
    expect("vmctl unmap", sys_vmctl(VMCTL_UNMAP, SELF, SPARE, 2, 0), OK);
    expect("vmctl unmap twice", sys_vmctl(VMCTL_UNMAP, SELF, SPARE, 1, 0), EINVAL);
    expect("vmctl page 0", sys_vmctl(VMCTL_MAP, SELF, 0, 1, 1), EINVAL);
    expect("vmctl unaligned", sys_vmctl(VMCTL_MAP, SELF, SPARE + 12, 1, 1), EINVAL);
}

static void irqs(void) {
    expect("irqctl setpolicy 3", sys_irqctl(IRQCTL_SETPOLICY, 3), OK);
    expect("irqctl enable 3", sys_irqctl(IRQCTL_ENABLE, 3), OK);
    expect("irqctl ack 3", sys_irqctl(IRQCTL_ACK, 3), OK);
    expect("irqctl disable 3", sys_irqctl(IRQCTL_DISABLE, 3), OK);
    expect("irqctl timer refused", sys_irqctl(IRQCTL_SETPOLICY, 0), EPERM);
    expect("irqctl unlisted line refused", sys_irqctl(IRQCTL_SETPOLICY, 5), EPERM);
    expect("irqctl bad line", sys_irqctl(IRQCTL_ENABLE, 16), EINVAL);
}

static void processes(void) {
    endpoint_t self, child = NONE;
    char name[GI_NAME_LEN];
    expect("whoami", sys_whoami(&self, name), OK);
    expect("whoami name", strcmp(name, "kcalls"), 0);
    int r = sys_fork(SELF, &child);
    if (r == OK && child == NONE) {
        /* The child: wait to be killed. */
        message m;
        for (;;) ipc_receive(ANY, &m);
    }
    expect("fork", r, OK);
    expect("privctl on the child", sys_privctl(child, PRIVCTL_SET_KCALLS, 1 << SYS_TIMES, 0), OK);
    expect("privctl on itself refused", sys_privctl(SELF, PRIVCTL_SET_KCALLS, -1, 0), EPERM);
    expect("kill the child", sys_kill(child, 9), OK);
    expect("kill it again", sys_kill(child, 9), ESRCH);
    expect("kill bad signal", sys_kill(self, 0), EINVAL);
    unsigned long long now;
    expect("times", sys_times(&now, 0), OK);
    int frames;
    expect("freeframes", sys_freeframes(&frames) == OK && frames > 0, 1);
}

int main(void) {
    memory();
    irqs();
    grants();
    processes();
    printf("kcalls: %s\n", failures ? "FAILED" : "all ok");
    return failures;
}
