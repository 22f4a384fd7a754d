/*
 * Instruction results and condition codes from compiled code: the
 * arithmetic GCC emits for C, and a few instructions with their cc.
 */
#include "guest.h"

static int cc_of_ar(int32_t a, int32_t b, int32_t *res)
{
    int cc;

    asm volatile("ar %1,%2\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 : "=d"(cc), "+d"(a)
                 : "d"(b)
                 : "cc");
    *res = a;
    return cc;
}

static int cc_of_clc(const char *x, const char *y)
{
    int cc;

    asm volatile("clc 0(4,%1),0(%2)\n"
                 "ipm %0\n"
                 "srl %0,28\n"
                 : "=d"(cc)
                 : "a"(x), "a"(y)
                 : "cc", "memory");
    return cc;
}

static uint64_t __attribute__((noinline)) fib(unsigned n)
{
    uint64_t a = 0, b = 1;

    while (n--) {
        uint64_t t = a + b;

        a = b;
        b = t;
    }
    return a;
}

static unsigned __attribute__((noinline)) popcount64(uint64_t v)
{
    unsigned n = 0;

    while (v) {
        v &= v - 1;
        n++;
    }
    return n;
}

int main(void)
{
    volatile uint64_t x = 0x123456789abcdef0UL;
    int32_t r;
    char buf[32];

    check(cc_of_ar(1, 2, &r) == 2 && r == 3, 1);
    check(cc_of_ar(-5, 2, &r) == 1 && r == -3, 2);
    check(cc_of_ar(5, -5, &r) == 0 && r == 0, 3);
    check(cc_of_ar(0x7fffffff, 1, &r) == 3 && r == (int32_t)0x80000000, 4);
    check(cc_of_clc("abcd", "abcd") == 0, 5);
    check(cc_of_clc("abcc", "abcd") == 1, 6);
    check(cc_of_clc("abce", "abcd") == 2, 7);
    check(fib(90) == 2880067194370816120UL, 8);
    check(popcount64(x) == 32, 9);
    check((x >> 36) == 0x1234567UL && (x << 60) == 0UL, 10);
    check((int64_t)x / 7 == 187395495351970045L, 11);
    check(x % 1000 == 320, 12);
    memset(buf, 'x', sizeof(buf));
    memcpy(buf + 1, "hello", 5);
    check(buf[0] == 'x' && buf[1] == 'h' && buf[5] == 'o' && buf[6] == 'x', 13);
    MAILBOX->value = fib(50);
    return 0;
}
