/* The tiny C library of noreset guests: memory and string helpers and console output. The
   console is the 16550 UART, written through SYS_DEVIO, so a program that prints needs the
   UART ports (0x3F8-0x3FF) in its I/O privileges. */
#ifndef NORESET_LIBC_H
#define NORESET_LIBC_H

typedef unsigned int size_t;

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strncpy(char *dst, const char *src, size_t n);
int atoi(const char *s);

int putchar(int c);
int puts(const char *s);
/* printf with %d %u %x %s %c %% only; returns the characters written. */
int printf(const char *fmt, ...);

void exit(int status) __attribute__((noreturn));

#endif
