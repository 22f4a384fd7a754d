/*
 * The expected outcome of each row of decimal-rows.h: both buffers, GR1,
 * condition code, program-interruption code (0: none), DXC. Recorded
 * from Debian's QEMU 7.2 under TCG running the same ELF, except the rows
 * marked ARCH, which follow the Principles of Operation:
 * - QEMU 7.2 has no CVB, CVBY, CVBG, CVDG, ZAP, AP, SP, CP, SRP, MP, DP,
 *   ED or EDMK (an operation exception); these rows hold the architected
 *   results;
 * - QEMU 7.2's UNPK, PKA and PKU use one byte (UNPK, PKA) or character
 *   (PKU) of operand 2 fewer than the length field gives, dropping its
 *   leftmost digit.
 */
/* clang-format off */
static const struct {
    uint64_t a0, a1, b0, b1, r1;
    uint32_t cc, pgm, dxc;
} expect[] = {
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000012345c, 0xeeeeeeeeeeeeeeee, 0x5555555500003039, 0, 0x00, 0x00 }, /* 000 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000012345d, 0xeeeeeeeeeeeeeeee, 0x55555555ffffcfc7, 0, 0x00, 0x00 }, /* 001 CVBY ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000000000b, 0xeeeeeeeeeeeeeeee, 0x5555555500000000, 0, 0x00, 0x00 }, /* 002 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000002147483648d, 0xeeeeeeeeeeeeeeee, 0x5555555580000000, 0, 0x00, 0x00 }, /* 003 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000002147483648c, 0xeeeeeeeeeeeeeeee, 0x5555555580000000, 0, 0x09, 0x00 }, /* 004 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x999999999999999f, 0xeeeeeeeeeeeeeeee, 0x55555555a4c67fff, 0, 0x09, 0x00 }, /* 005 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000001, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 006 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000a00000000c, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 007 CVB ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000009223, 0x372036854775808d, 0x8000000000000000, 0, 0x00, 0x00 }, /* 008 CVBG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000009223, 0x372036854775807e, 0x7fffffffffffffff, 0, 0x00, 0x00 }, /* 009 CVBG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000009223, 0x372036854775808c, 0x5555555555555555, 0, 0x09, 0x00 }, /* 00a CVBG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x9999999999999999, 0x999999999999999d, 0x5555555555555555, 0, 0x09, 0x00 }, /* 00b CVBG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x0000000000000042, 0x5555555555555555, 0, 0x07, 0x00 }, /* 00c CVBG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000012345c, 0xeeeeeeeeeeeeeeee, 0xffffffff00003039, 0, 0x00, 0x00 }, /* 00d */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000002147483648d, 0xeeeeeeeeeeeeeeee, 0x0000000080000000, 0, 0x00, 0x00 }, /* 00e */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000000000c, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0, 0x00, 0x00 }, /* 00f */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000009223, 0x372036854775808d, 0x8000000000000000, 0, 0x00, 0x00 }, /* 010 CVDG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000009223, 0x372036854775807c, 0x7fffffffffffffff, 0, 0x00, 0x00 }, /* 011 CVDG ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000000002d, 0xfffffffffffffffe, 0, 0x00, 0x00 }, /* 012 CVDG ARCH */
  { 0x01234ceeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xf1f2f3c4eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 013 */
  { 0x0000034ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xf3c4eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 014 */
  { 0x4ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xf1f2f3c4eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 015 */
  { 0x234567890123456f, 0xeeeeeeeeeeeeeeee, 0xf1f2f3f4f5f6f7f8, 0xf9f0a1b2c3d4e5f6, 0x5555555555555555, 0, 0x00, 0x00 }, /* 016 */
  { 0xf0f0f1f2f3d4eeee, 0xeeeeeeeeeeeeeeee, 0x01234deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 017 UNPK ARCH */
  { 0xf1f2f3d4eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x01234deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 018 UNPK ARCH */
  { 0xf0f0f0f0f1f2f3d4, 0xeeeeeeeeeeeeeeee, 0x01234deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 019 UNPK ARCH */
  { 0xf0f1f2f3f4f5f6f7, 0xf8f9fafbfcfdfe0f, 0x123456789abcdef0, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01a UNPK ARCH */
  { 0x0123456ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x123456eeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01b */
  { 0x4568999ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x123456eeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01c */
  { 0x00000001234beeee, 0xeeeeeeeeeeeeeeee, 0x1234eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01d */
  { 0xaebfcadbeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5e6f7a8beeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01e */
  { 0x51627384eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5e6f7a8beeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 01f */
  { 0x0000000000000000, 0x000000000000123c, 0x313233eeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 020 PKA ARCH */
  { 0x0000000000000009, 0x876543210fedcbac, 0x3938373635343332, 0x31303f3e3d3c3b3a, 0x5555555555555555, 0, 0x00, 0x00 }, /* 021 PKA ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x313233eeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 022 */
  { 0x0000000000000000, 0x000000000000127c, 0x003100320037eeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 023 PKU ARCH */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x003100320037eeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 024 */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x003100320037eeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 025 */
  { 0x31323334eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000001234d, 0x5555555555555555, 1, 0x00, 0x00 }, /* 026 */
  { 0x303031323334eeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000001234c, 0x5555555555555555, 0, 0x00, 0x00 }, /* 027 */
  { 0x34eeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x0000000000012345, 0x5555555555555555, 3, 0x00, 0x00 }, /* 028 */
  { 0x3030303030303030, 0x3030303a3b3c3d3e, 0x1200000000000000, 0x0000000000abcdef, 0x5555555555555555, 0, 0x00, 0x00 }, /* 029 */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000001234c, 0x5555555555555555, 0, 0x06, 0x00 }, /* 02a */
  { 0x003200330037eeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000001237b, 0x5555555555555555, 1, 0x00, 0x00 }, /* 02b */
  { 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000000, 0x000000000001237b, 0x5555555555555555, 0, 0x06, 0x00 }, /* 02c */
  { 0x0000123deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x123beeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 02d ZAP ARCH */
  { 0x0000000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 02e ZAP ARCH */
  { 0x345ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x12345eeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 02f ZAP ARCH */
  { 0x000deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x10000deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x0a, 0x00 }, /* 030 ZAP ARCH */
  { 0x000deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x10000deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 031 ZAP ARCH */
  { 0x5555eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x12a4eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 032 ZAP ARCH */
  { 0x5555eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1234eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 033 ZAP ARCH */
  { 0x01000ceeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 034 AP ARCH */
  { 0x000ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 035 AP ARCH */
  { 0x000deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x0a, 0x00 }, /* 036 AP ARCH */
  { 0x998deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 037 AP ARCH */
  { 0x2deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x7ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 038 SP ARCH */
  { 0x4deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x2deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 039 AP ARCH */
  { 0x0ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x4ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 03a AP ARCH */
  { 0x0ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 03b SP ARCH */
  { 0x9999999999999999, 0x999999999999998c, 0x9999999999999999, 0x999999999999999c, 0x5555555555555555, 3, 0x00, 0x00 }, /* 03c AP ARCH */
  { 0x0000124ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000000000000123d, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 03d SP ARCH */
  { 0x12eeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 03e AP ARCH */
  { 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xcceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 03f SP ARCH */
  { 0x0deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 040 CP ARCH */
  { 0x1deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 041 CP ARCH */
  { 0x1deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x999deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 042 CP ARCH */
  { 0x123ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x123feeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 043 CP ARCH */
  { 0x1deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x9a9deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 044 CP ARCH */
  { 0x123ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 045 */
  { 0x1234eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 046 */
  { 0x1a3ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 047 */
  { 0x1a34eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 048 */
  { 0xfceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 049 */
  { 0x0000000000000000, 0x000000000000000f, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 04a */
  { 0x1234500ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 04b SRP ARCH */
  { 0x0001235deeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 04c SRP ARCH */
  { 0x0001234deeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 04d SRP ARCH */
  { 0x0000000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 04e SRP ARCH */
  { 0x0000000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 04f SRP ARCH */
  { 0x0000000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 050 SRP ARCH */
  { 0x2345000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 051 SRP ARCH */
  { 0x0000000deeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x0a, 0x00 }, /* 052 SRP ARCH */
  { 0x0010000deeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 053 SRP ARCH */
  { 0x000001aceeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 054 SRP ARCH */
  { 0x0000000000000000, 0x000000000000000c, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 3, 0x00, 0x00 }, /* 055 SRP ARCH */
  { 0x125ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 056 SRP ARCH */
  { 0x0000625deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 057 MP ARCH */
  { 0x0000000deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 058 MP ARCH */
  { 0x0999999999999998, 0x000000000000001c, 0x999999999999999c, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 059 MP ARCH */
  { 0x0100000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x001ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 05a MP ARCH */
  { 0x0000125ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 05b MP ARCH */
  { 0x0000125ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 05c MP ARCH */
  { 0x0000625ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5aeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 05d MP ARCH */
  { 0x00025d1ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 05e DP ARCH */
  { 0x00025c1deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 05f DP ARCH */
  { 0x00000c3deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 060 DP ARCH */
  { 0x00001c0deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5deeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 061 DP ARCH */
  { 0x0000126ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x0b, 0x00 }, /* 062 DP ARCH */
  { 0x1000000ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x0b, 0x00 }, /* 063 DP ARCH */
  { 0x99999c0ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 064 DP ARCH */
  { 0x0099999ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1a1ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 065 DP ARCH */
  { 0x0099999ceeeeeeee, 0xeeeeeeeeeeeeeeee, 0x1ceeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x06, 0x00 }, /* 066 DP ARCH */
  { 0x0000000012345678, 0x901234567890123c, 0x000000000098765d, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x0b, 0x00 }, /* 067 DP ARCH */
  { 0x000001250005457d, 0x000000000051740c, 0x000000000098765d, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 068 DP ARCH */
  { 0x4040f1f24bf3f4ee, 0xeeeeeeeeeeeeeeee, 0x01234ceeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 069 ED ARCH */
  { 0x404040404bf0f0ee, 0xeeeeeeeeeeeeeeee, 0x00000deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 06a ED ARCH */
  { 0x5c5c5cf560c3d9ee, 0xeeeeeeeeeeeeeeee, 0x005deeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 06b ED ARCH */
  { 0x5c5c5cf55c5c5cee, 0xeeeeeeeeeeeeeeee, 0x005ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 06c ED ARCH */
  { 0x40f7404040eeeeee, 0xeeeeeeeeeeeeeeee, 0x700ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 06d ED ARCH */
  { 0x40f1f240eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x12eeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x00, 0x00 }, /* 06e ED ARCH */
  { 0x40202020eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x12c3eeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 06f ED ARCH */
  { 0xf0f0f0f1f2f3f44b, 0xf5f6eeeeeeeeeeee, 0x0123456feeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 2, 0x00, 0x00 }, /* 070 ED ARCH */
  { 0x21202020eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x001ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 0, 0x07, 0x00 }, /* 071 ED ARCH */
  { 0x40f1f2f3f4f5eeee, 0xeeeeeeeeeeeeeeee, 0x123c456deeeeeeee, 0xeeeeeeeeeeeeeeee, 0x5555555555555555, 1, 0x00, 0x00 }, /* 072 ED ARCH */
  { 0x404040f24bf3f4ee, 0xeeeeeeeeeeeeeeee, 0x00234ceeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000003, 2, 0x00, 0x00 }, /* 073 EDMK ARCH */
  { 0x4040f0f0eeeeeeee, 0xeeeeeeeeeeeeeeee, 0x000ceeeeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000077, 0, 0x00, 0x00 }, /* 074 EDMK ARCH */
  { 0x404040f1f0eeeeee, 0xeeeeeeeeeeeeeeee, 0x00102deeeeeeeeee, 0xeeeeeeeeeeeeeeee, 0x0000000000000003, 1, 0x00, 0x00 }, /* 075 EDMK ARCH */
};
/* clang-format on */
