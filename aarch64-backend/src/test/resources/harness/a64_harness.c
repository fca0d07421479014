/*
 * Test harness for AArch64 code images, run under qemu-aarch64 (built static, non-PIE, so its
 * symbol addresses are fixed and the generated trap handler can call them).
 *
 *   a64_harness --symbols            prints "<pthread key> <&pthread_getspecific> <&abort>"
 *   a64_harness CODE KEY < calls     maps CODE executable and, per input line
 *                                    "call <thunk offset> <n> <arg0> ... <argn-1>" (hex),
 *                                    calls int64_t thunk(int64_t *args, ctx) as the Java side
 *                                    does, printing "ok <args[0] hex>" or "trap <code>".
 *
 * The calls run on a thread with a 16 MiB stack whose context holds, at ctx+16, the stack limit
 * the Java side would compute: the thread's stack bottom (pthread_getattr_np) plus a 64 KiB
 * margin (there are no JVM guard zones here).
 */
#define _GNU_SOURCE
#include <inttypes.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

typedef int64_t (*thunk_fn)(int64_t *args, int64_t *ctx);

static pthread_key_t key;
static int64_t ctx[8];
static int64_t args[64];
static unsigned char *code;
static long size;

enum { STACK_BYTES = 16 << 20, MARGIN = 64 << 10 };

/* Runs the calls read from stdin; returns the process exit status. */
static void *serve(void *unused) {
    (void) unused;
    pthread_attr_t attr;
    void *low;
    size_t bytes;
    if (pthread_getattr_np(pthread_self(), &attr) != 0 || pthread_attr_getstack(&attr, &low, &bytes) != 0) {
        fprintf(stderr, "cannot read the thread's stack bounds\n");
        return (void *) 2;
    }
    pthread_attr_destroy(&attr);
    ctx[2] = (int64_t) (uintptr_t) low + MARGIN;
    if (pthread_setspecific(key, ctx) != 0) {
        fprintf(stderr, "pthread_setspecific failed\n");
        return (void *) 2;
    }
    char line[8192];
    while (fgets(line, sizeof line, stdin) != NULL) {
        char *p = line;
        if (strncmp(p, "call ", 5) != 0) {
            fprintf(stderr, "bad line: %s", line);
            return (void *) 2;
        }
        p += 5;
        unsigned long off = strtoul(p, &p, 16);
        int n = (int) strtol(p, &p, 10);
        if (n < 0 || n > 64 || off >= (unsigned long) size) {
            fprintf(stderr, "bad call: %s", line);
            return (void *) 2;
        }
        memset(args, 0, sizeof args);
        for (int i = 0; i < n; i++) {
            args[i] = (int64_t) strtoull(p, &p, 16);
        }
        int64_t rc = ((thunk_fn) (code + off))(args, ctx);
        if (rc != 0) {
            printf("trap %" PRId64 "\n", rc);
        } else {
            printf("ok %016" PRIx64 "\n", (uint64_t) args[0]);
        }
        fflush(stdout);
    }
    return (void *) 0;
}

int main(int argc, char **argv) {
    if (pthread_key_create(&key, NULL) != 0) {
        fprintf(stderr, "pthread_key_create failed\n");
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "--symbols") == 0) {
        printf("%u %" PRIu64 " %" PRIu64 "\n", (unsigned) key, (uint64_t) (uintptr_t) &pthread_getspecific,
               (uint64_t) (uintptr_t) &abort);
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: %s --symbols | %s CODE KEY < calls\n", argv[0], argv[0]);
        return 2;
    }
    if ((unsigned long) key != strtoul(argv[2], NULL, 10)) {
        fprintf(stderr, "pthread key %u differs from the compiled-in key %s\n", (unsigned) key, argv[2]);
        return 3;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    size_t mapped = ((size_t) size + 4095) & ~(size_t) 4095;
    code = mmap(NULL, mapped ? mapped : 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED || fread(code, 1, (size_t) size, f) != (size_t) size) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 2;
    }
    fclose(f);
    if (mprotect(code, mapped, PROT_READ | PROT_EXEC) != 0) {
        perror("mprotect");
        return 2;
    }
    __builtin___clear_cache((char *) code, (char *) code + size);
    pthread_attr_t attr;
    pthread_t worker;
    void *status;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, STACK_BYTES) != 0
            || pthread_create(&worker, &attr, serve, NULL) != 0 || pthread_join(worker, &status) != 0) {
        fprintf(stderr, "cannot run the worker thread\n");
        return 2;
    }
    return (int) (intptr_t) status;
}
