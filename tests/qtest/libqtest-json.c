/*
 * libqtest: JSON text from the printf-like templates of qtest_qmp()
 * (see libqtest.h for the conversions).
 */
#include <string.h>

#include "libqtest-priv.h"

static void json_append_escaped(GString *out, const char *str)
{
    const unsigned char *p;

    for (p = (const unsigned char *)str; *p; p++) {
        if (*p == '"' || *p == '\\') {
            g_string_append_c(out, '\\');
            g_string_append_c(out, *p);
        } else if (*p < 0x20) {
            g_string_append_printf(out, "\\u%04x", *p);
        } else {
            g_string_append_c(out, *p);
        }
    }
}

/* One %-conversion at *pfmt (just after the '%'). */
static void json_format_conv(GString *out, const char **pfmt, va_list *ap,
                             bool in_string)
{
    const char *f = *pfmt;
    int longs = 0;

    while (*f == 'l') {
        longs++;
        f++;
    }
    if (*f == 'z') {
        longs = 1; /* size_t is long-sized on our hosts */
        f++;
    }
    switch (*f) {
    case 'd':
    case 'i':
        g_string_append_printf(out, "%lld",
                               longs > 1 ? va_arg(*ap, long long)
                               : longs   ? va_arg(*ap, long)
                                         : va_arg(*ap, int));
        break;
    case 'u':
        g_string_append_printf(out, "%llu",
                               longs > 1 ? va_arg(*ap, unsigned long long)
                               : longs   ? va_arg(*ap, unsigned long)
                                         : va_arg(*ap, unsigned int));
        break;
    case 'f':
    case 'g': {
        char num[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append(out,
                        g_ascii_dtostr(num, sizeof(num), va_arg(*ap, double)));
        break;
    }
    case 's': {
        const char *str = va_arg(*ap, const char *);

        if (in_string) {
            json_append_escaped(out, str ? str : "");
        } else if (!str) {
            g_string_append(out, "null");
        } else {
            g_string_append_c(out, '"');
            json_append_escaped(out, str);
            g_string_append_c(out, '"');
        }
        break;
    }
    case '%':
        g_string_append_c(out, '%');
        break;
    default:
        g_error("libqtest: unsupported conversion '%%%c' in QMP template", *f);
    }
    *pfmt = f + 1;
}

gchar *qtest_json_vformat(const char *fmt, va_list ap)
{
    GString *out = g_string_sized_new(strlen(fmt) + 64);
    char quote = 0; /* the quote of the string we are in, if any */
    va_list ap2;

    va_copy(ap2, ap);
    while (*fmt) {
        char c = *fmt++;

        if (c == '%') {
            json_format_conv(out, &fmt, &ap2, quote != 0);
        } else if (quote && c == '\\' && *fmt) {
            if (quote == '\'' && *fmt == '\'') {
                g_string_append_c(out, '\'');
            } else {
                g_string_append_c(out, c);
                g_string_append_c(out, *fmt);
            }
            fmt++;
        } else if (!quote && (c == '\'' || c == '"')) {
            quote = c;
            g_string_append_c(out, '"');
        } else if (quote && c == quote) {
            quote = 0;
            g_string_append_c(out, '"');
        } else if (quote == '\'' && c == '"') {
            g_string_append(out, "\\\"");
        } else {
            g_string_append_c(out, c);
        }
    }
    va_end(ap2);
    return g_string_free(out, FALSE);
}
