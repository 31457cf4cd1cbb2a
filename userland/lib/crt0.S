/* Process entry. The kernel starts a program at _start with ESP pointing at
   argc, argv[0..argc-1], NULL (argument strings above them), as the boot loader builds it.
   main's result becomes the exit status; exit() never returns. */
    .section .text.start, "ax"
    .globl _start
_start:
    xorl    %ebp, %ebp          /* marks the outermost frame for debuggers */
    movl    (%esp), %eax        /* argc */
    leal    4(%esp), %edx       /* argv */
    andl    $-16, %esp          /* gcc assumes a 16-byte aligned stack at calls */
    subl    $8, %esp
    pushl   %edx
    pushl   %eax
    call    main
    pushl   %eax
    call    exit
1:  jmp     1b

    .section .note.GNU-stack, "", @progbits
