/* libsys: kernel-call wrappers. Each one fills a message as spec/abi/message.tsv lays it out,
   calls kernel_call and unpacks the reply. */
#include <noreset/sys.h>
#include <noreset/libc.h>

static int call(int nr, message *m) {
    return kernel_call(nr, m);
}

int sys_fork(endpoint_t parent, endpoint_t *child) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, FORK_PARENT, parent);
    int r = call(SYS_FORK, &m);
    if (r == OK && child) *child = msg_get(&m, FORK_CHILD);
    return r;
}

int sys_exec(endpoint_t proc, const void *elf, int len) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, EXEC_ENDPT, proc);
    msg_set(&m, EXEC_IMAGE, (int)elf);
    msg_set(&m, EXEC_LEN, len);
    return call(SYS_EXEC, &m);
}

int sys_exit(endpoint_t proc, int status) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, EXIT_ENDPT, proc);
    msg_set(&m, EXIT_STATUS, status);
    return call(SYS_EXIT, &m);
}

int sys_kill(endpoint_t proc, int sig) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, KILL_ENDPT, proc);
    msg_set(&m, KILL_SIG, sig);
    return call(SYS_KILL, &m);
}

int sys_privctl(endpoint_t proc, int req, int arg1, int arg2) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, PRIVCTL_ENDPT, proc);
    msg_set(&m, PRIVCTL_REQ, req);
    msg_set(&m, PRIVCTL_ARG1, arg1);
    msg_set(&m, PRIVCTL_ARG2, arg2);
    return call(SYS_PRIVCTL, &m);
}

int sys_devio(int req, int port, int *value) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, DIO_REQ, req);
    msg_set(&m, DIO_PORT, port);
    msg_set(&m, DIO_VALUE, value ? *value : 0);
    int r = call(SYS_DEVIO, &m);
    if (r == OK && value) *value = msg_get(&m, DIO_VALUE);
    return r;
}

int sys_inb(int port, int *value) {
    return sys_devio(DIO_INB, port, value);
}

int sys_outb(int port, int value) {
    return sys_devio(DIO_OUTB, port, &value);
}

int sys_irqctl(int req, int line) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, IRQCTL_REQ, req);
    msg_set(&m, IRQCTL_LINE, line);
    return call(SYS_IRQCTL, &m);
}

static int safecopy(int nr, endpoint_t granter, int grant, int offset, const void *buf, int bytes) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, SC_ENDPT, granter);
    msg_set(&m, SC_GRANT, grant);
    msg_set(&m, SC_OFFSET, offset);
    msg_set(&m, SC_ADDR, (int)buf);
    msg_set(&m, SC_BYTES, bytes);
    return call(nr, &m);
}

int sys_safecopyfrom(endpoint_t granter, int grant, int offset, void *buf, int bytes) {
    return safecopy(SYS_SAFECOPYFROM, granter, grant, offset, buf, bytes);
}

int sys_safecopyto(endpoint_t granter, int grant, int offset, const void *buf, int bytes) {
    return safecopy(SYS_SAFECOPYTO, granter, grant, offset, buf, bytes);
}

int sys_setgrant(grant_t *table, int count) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, SG_ADDR, (int)table);
    msg_set(&m, SG_COUNT, count);
    return call(SYS_SETGRANT, &m);
}

int sys_vmctl(int req, endpoint_t proc, unsigned int addr, int pages, int writable) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, VM_REQ, req);
    msg_set(&m, VM_ENDPT, proc);
    msg_set(&m, VM_ADDR, (int)addr);
    msg_set(&m, VM_PAGES, pages);
    msg_set(&m, VM_WRITE, writable);
    return call(SYS_VMCTL, &m);
}

int sys_setalarm(int ticks, int *left) {
    message m;
    memset(&m, 0, sizeof m);
    msg_set(&m, ALARM_TICKS, ticks);
    int r = call(SYS_SETALARM, &m);
    if (r == OK && left) *left = msg_get(&m, ALARM_LEFT);
    return r;
}

int sys_times(unsigned long long *now, int *user_ticks) {
    message m;
    memset(&m, 0, sizeof m);
    int r = call(SYS_TIMES, &m);
    if (r == OK) {
        if (now) *now = (unsigned long long)(unsigned)msg_get(&m, TIMES_NOW_HI) << 32
                        | (unsigned)msg_get(&m, TIMES_NOW_LO);
        if (user_ticks) *user_ticks = msg_get(&m, TIMES_USER);
    }
    return r;
}

static int getinfo(message *m, int req) {
    msg_set(m, GI_REQ, req);
    return call(SYS_GETINFO, m);
}

int sys_whoami(endpoint_t *self, char name[GI_NAME_LEN]) {
    message m;
    memset(&m, 0, sizeof m);
    int r = getinfo(&m, GET_WHOAMI);
    if (r == OK) {
        if (self) *self = msg_get(&m, GI_ENDPT);
        if (name) memcpy(name, (char *)&m + GI_NAME, GI_NAME_LEN);
    }
    return r;
}

int sys_getendpt(const char *name, endpoint_t *ep) {
    message m;
    memset(&m, 0, sizeof m);
    strncpy((char *)&m + GI_NAME, name, GI_NAME_LEN);
    int r = getinfo(&m, GET_ENDPT);
    if (r == OK && ep) *ep = msg_get(&m, GI_ENDPT);
    return r;
}

int sys_getksig(endpoint_t *dead, int *cause, int *status) {
    message m;
    memset(&m, 0, sizeof m);
    int r = getinfo(&m, GET_KSIG);
    if (r == OK) {
        if (dead) *dead = msg_get(&m, GI_ENDPT);
        if (cause) *cause = msg_get(&m, GI_VALUE);
        if (status) *status = msg_get(&m, GI_LEN);
    }
    return r;
}

int sys_freeframes(int *frames) {
    message m;
    memset(&m, 0, sizeof m);
    int r = getinfo(&m, GET_FREEFRAMES);
    if (r == OK && frames) *frames = msg_get(&m, GI_VALUE);
    return r;
}
