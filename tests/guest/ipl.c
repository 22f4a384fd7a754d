/*
 * What the loader placed: the -append line at 0x10480, the -initrd start
 * and size at 0x10408/0x10410 (the initrd at 8 MiB), and the IPL PSW
 * (64-bit mode) we run under.
 */
#include "guest.h"

int main(void)
{
    const char *cmd = (const char *)0x10480;
    uint64_t start = *(volatile uint64_t *)0x10408;
    uint64_t size = *(volatile uint64_t *)0x10410;
    const char *want = "hello guest";
    unsigned i;

    for (i = 0; want[i]; i++) {
        check(cmd[i] == want[i], 1);
    }
    check(cmd[i] == 0, 2);
    check(start == 0x800000, 3);
    check(size == 11, 4);
    check(((const char *)start)[0] == 'I' && ((const char *)start)[10] == 'A',
          5);
    return 0;
}
