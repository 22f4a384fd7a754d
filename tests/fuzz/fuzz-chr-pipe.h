/*
 * In-memory connections to a chardev for the fuzz targets. The chardev
 * is a "socket,fd=N" one on either one end of a socket pair (connected
 * for good: qtest) or a listening socket in the abstract namespace (a
 * fresh client connection per input: QMP). The target writes an input
 * into its end and pumps the main loop until the front end has read it;
 * a thread reads and drops the replies, so that a large reply never
 * stalls the front end (FUZZ_ECHO=1 in the environment copies them to
 * stderr, for debugging).
 */
#ifndef TESTS_FUZZ_CHR_PIPE_H
#define TESTS_FUZZ_CHR_PIPE_H

#include "qemu/osdep.h"
#include "chardev/char.h"

typedef struct FuzzChrPipe FuzzChrPipe;

/* A chardev @id connected to us for good; aborts on failure. */
FuzzChrPipe *fuzz_chr_pipe_new(const char *id);

/* A listening chardev @id; connect with fuzz_chr_pipe_connect(). */
FuzzChrPipe *fuzz_chr_pipe_new_server(const char *id);

Chardev *fuzz_chr_pipe_chardev(FuzzChrPipe *p);

/* Server: connect a new client and wait until the chardev has taken it. */
void fuzz_chr_pipe_connect(FuzzChrPipe *p);

/* Server: hang up and wait until the chardev has seen it. */
void fuzz_chr_pipe_hangup(FuzzChrPipe *p);

/*
 * Deliver @len bytes to the front end and run the main loop until every
 * byte was read and no more events are pending.
 */
void fuzz_chr_pipe_feed(FuzzChrPipe *p, const uint8_t *buf, size_t len);

#endif
