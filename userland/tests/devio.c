/* devio: a driver-like program. Its boot-image privileges allow the UART ports and the POST
   port 0x80 and nothing else; it checks that allowed port I/O works and that a port outside
   its ranges (the PIC at 0x21, the ATA data port 0x1F0) and a malformed request are refused. */
#include <noreset/sys.h>
#include <noreset/libc.h>

static int failures;

static void expect(const char *what, int got, int want) {
    if (got == want) {
        printf("devio: %s ok\n", what);
    } else {
        printf("devio: FAIL %s: got %d, want %d\n", what, got, want);
        failures++;
    }
}

int main(void) {
    int v = 0;
    expect("inb uart lsr allowed", sys_inb(0x3FD, &v), OK);
    expect("outb post port allowed", sys_outb(0x80, 0x42), OK);
    expect("outb pic mask refused", sys_outb(0x21, 0xFF), EPERM);
    v = 0;
    expect("inw ata data refused", sys_devio(DIO_INW, 0x1F0, &v), EPERM);
    expect("bad request refused", sys_devio(99, 0x80, &v), EINVAL);
    expect("bad port refused", sys_outb(0x10000, 1), EINVAL);
    printf("devio: %s\n", failures ? "FAILED" : "all ok");
    return failures;
}
