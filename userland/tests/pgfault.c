/* pgfault: touches memory it does not own. argv[1] picks how: "null" reads page 0 (never
   mapped), "text" writes its own read-only code, "high" writes far above its image. The
   kernel must kill it with #PF; if it ever prints the second line, protection failed. */
#include <noreset/libc.h>

int main(int argc, char **argv) {
    const char *how = argc > 1 ? argv[1] : "null";
    volatile int *p;
    if (strcmp(how, "text") == 0) {
        p = (volatile int *)(void *)&main;
    } else if (strcmp(how, "high") == 0) {
        p = (volatile int *)0xC0000000u;
    } else {
        p = (volatile int *)0;
    }
    printf("pgfault: touching %x (%s)\n", (unsigned)p, how);
    *p = *p + 1;
    printf("pgfault: FAIL still alive after touching %x\n", (unsigned)p);
    return 1;
}
