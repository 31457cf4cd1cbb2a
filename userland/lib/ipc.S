/* libsys IPC stubs: one int 0x80 each, following the trap convention of spec/abi/README.md
   (EAX = operation, EBX = endpoint, ECX = message or SENDA table, EDX = SENDA count; result in
   EAX). The names match the TLA+ actions and the Java core: Send, Receive, SendRec, Notify,
   SendNB, SendA. EBX is callee-saved in the i386 cdecl ABI, so every stub preserves it. */
#include <noreset/abi.h>

    .text

/* int ipc_xxx(int endpoint, message *m): the three-register form shared by most operations. */
.macro IPC_STUB name, op
    .globl \name
    .type \name, @function
\name:
    pushl   %ebx
    movl    8(%esp), %ebx
    movl    12(%esp), %ecx
    movl    $\op, %eax
    int     $IPC_VECTOR
    popl    %ebx
    ret
.endm

IPC_STUB ipc_send,    SEND
IPC_STUB ipc_receive, RECEIVE
IPC_STUB ipc_sendrec, SENDREC
IPC_STUB ipc_sendnb,  SENDNB

/* int ipc_notify(int endpoint) */
    .globl ipc_notify
    .type ipc_notify, @function
ipc_notify:
    pushl   %ebx
    movl    8(%esp), %ebx
    xorl    %ecx, %ecx
    movl    $NOTIFY, %eax
    int     $IPC_VECTOR
    popl    %ebx
    ret

/* int ipc_senda(asynmsg_t *table, int count) */
    .globl ipc_senda
    .type ipc_senda, @function
ipc_senda:
    pushl   %ebx
    xorl    %ebx, %ebx
    movl    8(%esp), %ecx
    movl    12(%esp), %edx
    movl    $SENDA, %eax
    int     $IPC_VECTOR
    popl    %ebx
    ret

/* int kernel_call(int call_nr, message *m): m->m_type = call_nr, then a request to SYSTEM
   whose reply overwrites *m; the result is the kernel's status. */
    .globl kernel_call
    .type kernel_call, @function
kernel_call:
    pushl   %ebx
    movl    8(%esp), %eax
    movl    12(%esp), %ecx
    movl    %eax, M_TYPE(%ecx)
    movl    $SYSTEM, %ebx
    movl    $KERNEL_CALL, %eax
    int     $IPC_VECTOR
    popl    %ebx
    ret

    .section .note.GNU-stack, "", @progbits
