/* A test whose check 7 fails: it must end in a disabled wait (panic) */
#include "guest.h"

int main(void)
{
    check(1, 1);
    check(0, 7);
    return 0;
}
