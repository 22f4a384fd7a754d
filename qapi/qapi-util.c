#include "qemu/osdep.h"
#include "qapi/visitor-impl.h"

#include <math.h>

int qapi_enum_size(const QEnumLookup *lookup)
{
    int n = 0;

    if (lookup->size) {
        return lookup->size;
    }
    while (lookup->array[n]) {
        n++;
    }
    return n;
}

const char *qapi_enum_lookup(const QEnumLookup *lookup, int val)
{
    if (val < 0 || val >= qapi_enum_size(lookup)) {
        return NULL;
    }
    return lookup->array[val];
}

int qapi_enum_parse(const QEnumLookup *lookup, const char *buf, int def,
                    Error **errp)
{
    int i, n = qapi_enum_size(lookup);

    if (!buf) {
        return def;
    }
    for (i = 0; i < n; i++) {
        if (g_str_equal(lookup->array[i], buf)) {
            return i;
        }
    }
    error_setg(errp, "Invalid parameter '%s'", buf);
    return -1;
}

void visit_error_expects(Error **errp, const char *name, const char *what)
{
    error_setg(errp, "Parameter '%s' expects %s", name ? name : "null", what);
}
