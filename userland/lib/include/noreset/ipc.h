/* The IPC interface of noreset for guest programs: the message type and the libsys stubs.
   Every number comes from the generated <noreset/abi.h> (spec/abi); none is written here. */
#ifndef NORESET_IPC_H
#define NORESET_IPC_H

#include <noreset/abi.h>

typedef int endpoint_t;

/* A message: m_source is stamped by the kernel, m_type says what the payload means. */
typedef struct {
    int m_source;
    int m_type;
    unsigned char m_payload[M_PAYLOAD_SIZE];
} message;

_Static_assert(sizeof(message) == MESSAGE_SIZE, "message size differs from spec/abi");
_Static_assert(__builtin_offsetof(message, m_source) == M_SOURCE, "m_source offset");
_Static_assert(__builtin_offsetof(message, m_type) == M_TYPE, "m_type offset");
_Static_assert(__builtin_offsetof(message, m_payload) == M_PAYLOAD, "payload offset");

/* One SENDA table entry (ASYN_* layout). */
typedef struct {
    int flags;
    endpoint_t dst;
    int result;
    message msg;
} asynmsg_t;

_Static_assert(sizeof(asynmsg_t) == ASYN_SIZE, "senda entry size differs from spec/abi");
_Static_assert(__builtin_offsetof(asynmsg_t, msg) == ASYN_MSG, "senda message offset");

/* One grant table entry (GRANT_* layout). */
typedef struct {
    int flags;
    endpoint_t grantee;
    unsigned int addr;   /* GRANT_INDIRECT: the grant id at 'from' */
    unsigned int bytes;
    int seq;
    endpoint_t from;     /* GRANT_INDIRECT only */
} grant_t;

/* The id a grantee uses for entry index of a table whose entry has sequence seq. */
static inline int grant_id(int seq, int index) {
    return seq * NR_GRANTS + index;
}

_Static_assert(sizeof(grant_t) == GRANT_SIZE, "grant entry size differs from spec/abi");

/* Reads or writes the int32 field at byte offset off (a *_* offset from abi.h). */
static inline int msg_get(const message *m, int off) {
    return *(const int *)((const unsigned char *)m + off);
}
static inline void msg_set(message *m, int off, int value) {
    *(int *)((unsigned char *)m + off) = value;
}

/* TLA+ Send / Receive / SendRec / Notify / SendNB / SendA; Java Ipc.send ... */
int ipc_send(endpoint_t dst, message *m);
int ipc_receive(endpoint_t src, message *m);
int ipc_sendrec(endpoint_t dst, message *m);
int ipc_notify(endpoint_t dst);
int ipc_sendnb(endpoint_t dst, message *m);
int ipc_senda(asynmsg_t *table, int count);

/* A request to the kernel (SYSTEM): sets m->m_type = call_nr; the reply overwrites *m. */
int kernel_call(int call_nr, message *m);

#endif
