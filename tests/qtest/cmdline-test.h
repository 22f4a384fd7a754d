/*
 * Helpers of the qtests that check what a user is told: an emulator
 * started with bad options must exit 1 printing the expected text, a QMP
 * command must fail with it.
 */
#ifndef CMDLINE_TEST_H
#define CMDLINE_TEST_H

#include <glib.h>
#include <string.h>

#include "libqtest.h"

/* A second emulator started with @objs must exit 1 printing @text */
static inline void expect_start_error(const char *objs, const char *text)
{
    g_autofree char *args = g_strdup_printf(
        "-machine s390-ccw-virtio -nodefaults -display none -S -accel qtest %s",
        objs);
    g_autofree char *err = NULL;
    g_autofree char *out = NULL;
    int status = 0;

    out = qtest_run_cmdline(args, &status, &err);
    if (!strstr(err, text)) {
        g_test_message("stderr: %s", err);
    }
    g_assert_cmpint(status, ==, 1);
    g_assert_nonnull(strstr(err, text));
}

/* @command must fail with a GenericError whose reply holds @text */
static inline void expect_qmp_error(QTestState *s, const char *command,
                                    const char *text)
{
    JsonObject *rsp = qtest_qmp_raw(s, command);
    g_autofree char *str = qmp_to_string(rsp);

    if (!strstr(str, text)) {
        g_test_message("reply: %s", str);
    }
    g_assert_nonnull(strstr(str, text));
    qmp_expect_error_and_unref(rsp, "GenericError");
}

#endif
