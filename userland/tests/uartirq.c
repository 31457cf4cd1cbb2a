/* uartirq: a driver-like program that takes the UART's interrupt. It registers for IRQ 4,
   makes the UART raise its transmitter-empty interrupt, and waits for the kernel's
   notification from HARDWARE (the line is masked until it acknowledges). It then does it a
   second time to show that the acknowledgement re-enabled the line. */
#include <noreset/ipc.h>
#include <noreset/sys.h>
#include <noreset/libc.h>

#define COM1 0x3F8
#define UART_IER 1
#define UART_IIR 2
#define UART_MCR 4
#define IER_THRE 0x02
#define MCR_OUT2 0x08
#define IRQ_UART 4

static int wait_irq(int round) {
    message m;
    int r = ipc_receive(ANY, &m);
    int irqs = msg_get(&m, NOTIFY_IRQS);
    int iir = 0;
    sys_inb(COM1 + UART_IIR, &iir);          /* reading IIR clears the THRE interrupt */
    sys_outb(COM1 + UART_IER, 0);
    if (r != OK || m.m_source != HARDWARE || m.m_type != NOTIFY_MESSAGE || !(irqs & (1 << IRQ_UART))) {
        printf("uartirq: FAIL round %d r=%d source=%d type=%d irqs=%x\n", round, r, m.m_source, m.m_type, irqs);
        return 1;
    }
    printf("uartirq: round %d: IRQ %d notification from HARDWARE\n", round, IRQ_UART);
    return sys_irqctl(IRQCTL_ACK, IRQ_UART) == OK ? 0 : 1;
}

int main(void) {
    if (sys_irqctl(IRQCTL_SETPOLICY, IRQ_UART) != OK || sys_irqctl(IRQCTL_ENABLE, IRQ_UART) != OK) {
        printf("uartirq: FAIL cannot register IRQ %d\n", IRQ_UART);
        return 1;
    }
    int failed = 0;
    for (int round = 1; round <= 2 && !failed; round++) {
        sys_outb(COM1 + UART_MCR, MCR_OUT2);
        sys_outb(COM1 + UART_IER, IER_THRE);
        failed = wait_irq(round);
    }
    sys_irqctl(IRQCTL_RMPOLICY, IRQ_UART);
    printf("uartirq: %s\n", failed ? "FAILED" : "all ok");
    return failed;
}
