/*
 * A guest of scripts/bench-tcg.sh: compiled C (GCC -O2 -march=zEC12),
 * the mix a kernel or firmware loop has: integer hashing (multiply,
 * shifts, xor), a table of structures updated through pointers, an
 * insertion sort of a small array, byte copies and compares, calls of a
 * function that is not inlined, and data-dependent branches. Its
 * instruction count is not known statically: the script reads it from
 * our CPU (its x-insns property) and divides both emulators' times by
 * it (the program is deterministic, so it is the same on both).
 */
#include "guest.h"

#define ROUNDS 3000000UL
#define NREC   64
#define NSORT  24

typedef struct Rec {
    uint32_t key;
    uint16_t hits;
    uint8_t tag[10];
} Rec;

static Rec recs[NREC];
static uint32_t sortbuf[NSORT];
static uint8_t src[256], dst[256];

static __attribute__((noinline)) uint32_t mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static __attribute__((noinline)) void sort(uint32_t *a, unsigned n)
{
    for (unsigned i = 1; i < n; i++) {
        uint32_t v = a[i];
        unsigned j = i;

        while (j > 0 && a[j - 1] > v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

static __attribute__((noinline)) unsigned copy_cmp(unsigned len, uint8_t salt)
{
    unsigned diff = 0;

    for (unsigned i = 0; i < len; i++) {
        dst[i] = src[i] ^ salt;
    }
    for (unsigned i = 0; i < len; i++) {
        diff += dst[i] != src[i];
    }
    return diff;
}

int main(void)
{
    uint32_t h = 1, sum = 0;

    /* the AFP registers: GCC spills general registers into f8-f15 */
    guest_lctlg(0, guest_stctg(0) | (1UL << 18));
    for (unsigned i = 0; i < sizeof(src); i++) {
        src[i] = i * 7;
    }
    for (unsigned long r = 0; r < ROUNDS; r++) {
        Rec *p;

        h = mix32(h + r);
        p = &recs[h % NREC];
        p->key += h;
        p->hits++;
        p->tag[r % sizeof(p->tag)] = (uint8_t)h;
        if (r % 16 == 0) {
            for (unsigned i = 0; i < NSORT; i++) {
                sortbuf[i] = mix32(h ^ i);
            }
            sort(sortbuf, NSORT);
            sum += sortbuf[0] > sortbuf[NSORT - 1];
        }
        if (h & 1) {
            sum += copy_cmp(16 + (h >> 28), (uint8_t)(h >> 8));
        } else {
            sum -= p->hits;
        }
    }
    MAILBOX->value = sum;
    /* sorted ascending every time; the records got every round */
    {
        unsigned long hits = 0;

        for (unsigned i = 0; i < NREC; i++) {
            hits += recs[i].hits;
        }
        check(hits == ROUNDS, 1);
    }
    return 0;
}
