/*
 * Compiled library code, as a bare-metal program or kernel carries it:
 * string functions from GCC's built-ins (strlen as SRST, strcpy as
 * MVST, strcmp as CLST), a formatter with varargs and division by
 * constants, qsort through function pointers, FNV, CRC-32 and 64-bit
 * mixing hashes, bit counts, byte swaps, 64- and 128-bit multiply and
 * divide, overflow built-ins, atomics, bit fields, a jump table, and a
 * bounds check that traps (compare and trap: a data exception with DXC
 * 0xff, the program resuming after the trap). Each result is checked
 * against the value the same C code gives on the build host
 * (endianness-neutral code only); guest-opcodes checks that every
 * instruction in it decodes.
 */
#include <stdarg.h>
#include <stddef.h>
#include "guest.h"

#define LC_DXC 0x90

/* ---- strings ---- */

static __attribute__((noinline)) size_t c_strlen(const char *s)
{
    return __builtin_strlen(s);
}

static __attribute__((noinline)) char *c_strcpy(char *d, const char *s)
{
    return __builtin_strcpy(d, s);
}

static __attribute__((noinline)) int c_strcmp(const char *a, const char *b)
{
    return __builtin_strcmp(a, b);
}

static inline int c_memcmp(const void *a, const void *b, size_t n)
{
    return __builtin_memcmp(a, b, n);
}

static int sign(int v)
{
    return v < 0 ? -1 : v > 0;
}

/* ---- a formatter ---- */

static int fmt_num(char *out, unsigned long v, unsigned base, int width,
                   int neg)
{
    char buf[32];
    int i = 0, n = 0;

    do {
        unsigned d = v % base;

        buf[i++] = d < 10 ? '0' + d : 'a' + d - 10;
        v /= base;
    } while (v);
    if (neg) {
        buf[i++] = '-';
    }
    while (i < width) {
        buf[i++] = ' ';
    }
    while (i) {
        out[n++] = buf[--i];
    }
    return n;
}

static int c_vsnprintf(char *out, size_t sz, const char *f, va_list ap)
{
    size_t n = 0;
    char tmp[40];

    for (; *f; f++) {
        int w = 0, l = 0, k = 0;

        if (*f != '%') {
            if (n + 1 < sz) {
                out[n] = *f;
            }
            n++;
            continue;
        }
        f++;
        while (*f >= '0' && *f <= '9') {
            w = w * 10 + *f++ - '0';
        }
        while (*f == 'l') {
            l++;
            f++;
        }
        switch (*f) {
        case 'd': {
            long v = l ? va_arg(ap, long) : va_arg(ap, int);

            k = fmt_num(tmp, v < 0 ? -(unsigned long)v : (unsigned long)v, 10,
                        w, v < 0);
            break;
        }
        case 'u':
            k = fmt_num(tmp,
                        l ? va_arg(ap, unsigned long) : va_arg(ap, unsigned),
                        10, w, 0);
            break;
        case 'x':
            k = fmt_num(tmp,
                        l ? va_arg(ap, unsigned long) : va_arg(ap, unsigned),
                        16, w, 0);
            break;
        case 'c':
            tmp[0] = va_arg(ap, int);
            k = 1;
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);

            for (; *s; s++, n++) {
                if (n + 1 < sz) {
                    out[n] = *s;
                }
            }
            break;
        }
        default:
            tmp[0] = *f;
            k = 1;
        }
        for (int j = 0; j < k; j++, n++) {
            if (n + 1 < sz) {
                out[n] = tmp[j];
            }
        }
    }
    if (sz) {
        out[n < sz ? n : sz - 1] = 0;
    }
    return n;
}

static int c_snprintf(char *o, size_t s, const char *f, ...)
{
    va_list ap;
    int r;

    va_start(ap, f);
    r = c_vsnprintf(o, s, f, ap);
    va_end(ap);
    return r;
}

/* ---- qsort ---- */

static void swapb(char *a, char *b, size_t n)
{
    while (n--) {
        char t = *a;

        *a++ = *b;
        *b++ = t;
    }
}

static void c_qsort(void *base, size_t n, size_t sz,
                    int (*cmp)(const void *, const void *))
{
    char *b = base;
    size_t i, last = 0;

    if (n < 2) {
        return;
    }
    swapb(b, b + (n / 2) * sz, sz);
    for (i = 1; i < n; i++) {
        if (cmp(b + i * sz, b) < 0) {
            swapb(b + ++last * sz, b + i * sz, sz);
        }
    }
    swapb(b, b + last * sz, sz);
    c_qsort(b, last, sz, cmp);
    c_qsort(b + (last + 1) * sz, n - last - 1, sz, cmp);
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;

    return x < y ? -1 : x > y;
}

typedef struct Rec {
    char name[12];
    int key;
} Rec;

static int cmp_rec(const void *a, const void *b)
{
    return __builtin_strcmp(((const Rec *)a)->name, ((const Rec *)b)->name);
}

/* ---- hashes ---- */

static uint32_t fnv(const char *s)
{
    uint32_t h = 2166136261u;

    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

static uint64_t mix64(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    return k ^ (k >> 33);
}

static uint32_t crctab[256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;

        for (int k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
        }
        crctab[i] = c;
    }
}

static uint32_t crc32(const char *p, size_t n)
{
    uint32_t c = ~0u;

    while (n--) {
        c = crctab[(c ^ (unsigned char)*p++) & 0xff] ^ (c >> 8);
    }
    return ~c;
}

/* ---- arithmetic the compiler maps onto single instructions ---- */

static volatile uint64_t v_a = 0x0123456789abcdefULL,
                         v_b = 0xfedcba9876543210ULL;
static volatile int64_t v_s = -123456789012345LL, v_d = 97;

static uint64_t bits(void)
{
    uint64_t a = v_a, b = v_b;

    return (uint64_t)__builtin_popcountll(a) << 56 |
           (uint64_t)__builtin_clzll(a) << 48 |
           (uint64_t)__builtin_ctzll(b) << 40 |
           (uint64_t)__builtin_popcount((uint32_t)b) << 32 |
           __builtin_bswap32((uint32_t)(a ^ b));
}

static uint64_t divs(void)
{
    int64_t s = v_s, d = v_d;
    uint64_t a = v_a, b = v_b;

    return (uint64_t)(s / d) ^ (uint64_t)(s % d) ^ (b / (a >> 20)) ^ (b % 10) ^
           ((uint64_t)((int32_t)s / 7) << 3) ^ (a / 1000003);
}

static uint64_t mul128(void)
{
    unsigned __int128 p = (unsigned __int128)v_a * v_b;
    __int128 q = (__int128)v_s * (int64_t)v_b;

    return (uint64_t)(p >> 64) ^ (uint64_t)p ^ (uint64_t)(q >> 64) ^
           ((uint64_t)q << 1);
}

static unsigned overflows(void)
{
    int r32;
    long r64;
    unsigned long ru;
    unsigned m = 0;

    m |= __builtin_add_overflow((int)v_d, 0x7fffffff, &r32) << 0;
    m |= __builtin_add_overflow((int)v_d, -0x70000000, &r32) << 1;
    m |= __builtin_mul_overflow((long)v_a, (long)v_d, &r64) << 2;
    m |= __builtin_mul_overflow((long)v_a, (long)v_a, &r64) << 3;
    m |= __builtin_mul_overflow((unsigned long)v_b, 2ul, &ru) << 4;
    m |= __builtin_sub_overflow((long)v_s, 0x7fffffffffffffffL, &r64) << 5;
    return m;
}

static uint64_t atomics(void)
{
    static int i32 = 5;
    static long i64 = 1000;
    static unsigned __int128 i128 __attribute__((aligned(16))) = 7;
    uint64_t r = 0;

    r += __atomic_fetch_add(&i32, 10, __ATOMIC_SEQ_CST);            /* 5 */
    r += __atomic_fetch_and(&i32, 0xc, __ATOMIC_SEQ_CST);           /* 15 */
    r += __atomic_fetch_or(&i32, 0x30, __ATOMIC_SEQ_CST);           /* 12 */
    r += __atomic_fetch_xor(&i32, 0xff, __ATOMIC_SEQ_CST);          /* 60 */
    r += __atomic_fetch_add(&i64, -1, __ATOMIC_SEQ_CST);            /* 1000 */
    r += __sync_bool_compare_and_swap(&i32, 195, 1);                /* 1 */
    r += __sync_val_compare_and_swap(&i64, 999, 3);                 /* 999 */
    r += (uint64_t)__sync_val_compare_and_swap(&i128, 7, 9);        /* 7 */
    r += (uint64_t)__atomic_load_n(&i128, __ATOMIC_SEQ_CST) * 1000; /* 9000 */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return r << 8 | (uint64_t)i32 << 4 | (uint64_t)i64;
}

struct bf {
    unsigned a : 3, b : 7, c : 13, d : 9;
};

static __attribute__((noinline)) unsigned bitfields(struct bf *x, unsigned v)
{
    x->c = v;
    x->a = v >> 3;
    return x->b * 1000 + x->c + x->d * 7 + x->a;
}

static __attribute__((noinline)) int jump(int x)
{
    switch (x) {
    case 0:
        return 11;
    case 1:
        return 22;
    case 2:
        return 35;
    case 3:
        return 47;
    case 4:
        return 51;
    case 5:
        return 67;
    case 6:
        return 71;
    case 7:
        return 88;
    default:
        return -1;
    }
}

static int table[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

/* index check as a compiler emits it: compare and trap */
static __attribute__((noinline)) int checked(int i, int n)
{
    if (i >= n) {
        __builtin_trap();
    }
    return table[i];
}

/* ---- the results ---- */

static char buf[128];

int main(void)
{
    static Rec recs[] = { { "pear", 1 },  { "apple", 2 },  { "fig", 3 },
                          { "kiwi", 4 },  { "banana", 5 }, { "date", 6 },
                          { "applf", 7 }, { "", 8 } };
    static long nums[] = { 42, -7, 1000000007L, 0, -99999999999L, 3, 42, 17 };
    static const char text[] =
        "The quick brown fox jumps over the lazy dog, again and again.";
    struct bf bfv = { 5, 99, 4000, 300 };
    uint64_t before, sum = 0;
    int n;

    /* strings */
    check(c_strlen(text) == 61, 1);
    check(c_strlen("") == 0, 2);
    check(c_strcpy(buf, text) == buf && c_strlen(buf) == 61, 3);
    check(c_strcmp(buf, text) == 0, 4);
    check(sign(c_strcmp("abc", "abd")) == -1, 5);
    check(sign(c_strcmp("abd", "abc")) == 1, 6);
    check(sign(c_strcmp("ab", "abc")) == -1, 7);
    check(sign(c_strcmp("abc", "ab")) == 1, 8);
    check(sign(c_strcmp("\xff", "a")) == 1, 9);
    check(sign(c_memcmp("abcX", "abcY", 4)) == -1, 10);
    check(c_memcmp(text, buf, 61) == 0, 11);

    /* the formatter */
    n = c_snprintf(buf, sizeof(buf), "%d|%5u|%x|%ld|%lx|%s|%c%%", -1234, 42u,
                   0xbeefu, -9876543210L, 0x123456789abcUL, "str", 'Z');
    check(n == 48, 20);
    check(c_strcmp(buf, "-1234|   42|beef|-9876543210|123456789abc|str|Z%") ==
              0,
          21);
    n = c_snprintf(buf, 8, "%s", text);
    check(n == 61 && c_strlen(buf) == 7, 22);

    /* qsort */
    c_qsort(nums, 8, sizeof(nums[0]), cmp_long);
    check(nums[0] == -99999999999L && nums[1] == -7 && nums[2] == 0 &&
              nums[3] == 3 && nums[4] == 17 && nums[5] == 42 && nums[6] == 42 &&
              nums[7] == 1000000007L,
          30);
    c_qsort(recs, 8, sizeof(recs[0]), cmp_rec);
    for (int i = 0; i < 8; i++) {
        sum = sum * 10 + recs[i].key;
    }
    check(sum == 82756341, 31);

    /* hashes */
    crc_init();
    check(fnv(text) == 0xa129b8bdu, 40);
    check(crc32(text, 61) == 0x3c8b7564u, 41);
    check(crc32("123456789", 9) == 0xcbf43926u, 42);
    check(mix64(v_a) == 0x87cbfbfe89022ceaULL, 43);

    /* arithmetic */
    check(bits() == 0x2007040cffffffffULL, 50);
    check(divs() == 0x0000013bc63c1233ULL, 51);
    check(mul128() == 0x98ac89331767c024ULL, 52);
    check(overflows() == 0x39, 53);
    check(atomics() == 0x2b5b13, 54);
    check(bitfields(&bfv, 1234) == 102336, 55);
    sum = 0;
    for (int i = -1; i < 9; i++) {
        sum = sum * 3 + jump(i);
    }
    check(sum == 0x233fc, 56);

    /* a bounds check that traps: data exception, DXC 0xff, resumed after */
    before = *lc64(GUEST_PGM_COUNT);
    check(checked(3, 8) == 4, 60);
    check(*lc64(GUEST_PGM_COUNT) == before, 61);
    checked(8, 8);
    check(*lc64(GUEST_PGM_COUNT) == before + 1, 62);
    check(*lc16(LC_PGM_CODE) == 0x0007 && *lc32(LC_DXC) == 0xff, 63);
    return 0;
}
