/* Kernel-call wrappers (libsys): each fills the message fields of spec/abi/message.tsv and
   returns the kernel's status (OK or a negative error). */
#ifndef NORESET_SYS_H
#define NORESET_SYS_H

#include <noreset/ipc.h>

int sys_fork(endpoint_t parent, endpoint_t *child);
int sys_exec(endpoint_t proc, const void *elf, int len);
int sys_exit(endpoint_t proc, int status);
int sys_kill(endpoint_t proc, int sig);
int sys_privctl(endpoint_t proc, int req, int arg1, int arg2);
int sys_inb(int port, int *value);
int sys_outb(int port, int value);
int sys_devio(int req, int port, int *value);
int sys_irqctl(int req, int line);
int sys_safecopyfrom(endpoint_t granter, int grant, int offset, void *buf, int bytes);
int sys_safecopyto(endpoint_t granter, int grant, int offset, const void *buf, int bytes);
int sys_setgrant(grant_t *table, int count);
int sys_vmctl(int req, endpoint_t proc, unsigned int addr, int pages, int writable);
int sys_setalarm(int ticks, int *left);
int sys_times(unsigned long long *now, int *user_ticks);
int sys_whoami(endpoint_t *self, char name[GI_NAME_LEN]);
int sys_getendpt(const char *name, endpoint_t *ep);
int sys_getksig(endpoint_t *dead, int *cause, int *status);
int sys_freeframes(int *frames);

#endif
