/* spin: a compute-bound program that never blocks. argv[1] = loop iterations. Two of them at
   the same priority show time slicing: the second starts before the first is done only if the
   clock preempts the first when its quantum is used up. */
#include <noreset/libc.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 1000000;
    printf("%s: start\n", argv[0]);
    volatile int counter = 0;
    for (int i = 0; i < n; i++) counter++;
    printf("%s: done after %d iterations\n", argv[0], counter);
    return 0;
}
