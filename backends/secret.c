/*
 * secret: a value other objects look up by id (passwords, keys).
 *
 * complete() reads 'data' or 'file' and decodes it per 'format'; the
 * object is then "loaded" and its properties are frozen.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qom/object_interfaces.h"
#include "crypto/secret.h"

static const char *const secret_format_names[] = {
    [QCRYPTO_SECRET_FORMAT_RAW] = "raw",
    [QCRYPTO_SECRET_FORMAT_BASE64] = "base64",
};

const QEnumLookup QCryptoSecretFormat_lookup = {
    .array = secret_format_names,
    .size = QCRYPTO_SECRET_FORMAT__MAX,
};

static const char base64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

/* Decode @in (@len bytes); only the base64 alphabet is accepted. */
static bool secret_base64_decode(const char *in, size_t len, uint8_t **out,
                                 size_t *outlen, Error **errp)
{
    g_autofree char *text = g_strndup(in, len);
    gsize n = 0;

    if (strlen(text) != len || strspn(text, base64_alphabet) != len) {
        error_setg(errp, "Base64 data contains invalid characters");
        return false;
    }
    *out = len ? g_base64_decode(text, &n) : g_malloc0(1);
    *outlen = n;
    return true;
}

static bool secret_read(QCryptoSecret *s, char **input, size_t *len,
                        Error **errp)
{
    g_autoptr(GError) gerr = NULL;
    gsize n;

    if (s->data && s->file) {
        error_setg(errp, "'file' and 'data' are mutually exclusive");
        return false;
    }
    if (s->data) {
        *input = g_strdup(s->data);
        *len = strlen(s->data);
        return true;
    }
    if (!s->file) {
        error_setg(errp, "Either 'file' or 'data' must be provided");
        return false;
    }
    if (!g_file_get_contents(s->file, input, &n, &gerr)) {
        error_setg(errp, "Unable to read %s: %s", s->file, gerr->message);
        return false;
    }
    *len = n;
    return true;
}

static bool secret_load(QCryptoSecret *s, Error **errp)
{
    g_autofree char *input = NULL;
    size_t len;

    if (!secret_read(s, &input, &len, errp)) {
        return false;
    }
    if (s->keyid) {
        g_autofree uint8_t *key = NULL;
        size_t keylen;

        if (!qcrypto_secret_lookup(s->keyid, &key, &keylen, errp)) {
            return false;
        }
        error_setg(
            errp,
            "Secret '%s' is encrypted with 'keyid', but decryption of secrets is not supported",
            s->keyid);
        return false;
    }
    if (s->format == QCRYPTO_SECRET_FORMAT_BASE64) {
        return secret_base64_decode(input, len, &s->raw, &s->rawlen, errp);
    }
    s->raw = (uint8_t *)g_steal_pointer(&input);
    s->rawlen = len;
    return true;
}

static void secret_complete(UserCreatable *uc, Error **errp)
{
    QCryptoSecret *s = QCRYPTO_SECRET(uc);

    s->loaded = secret_load(s, errp);
}

bool qcrypto_secret_lookup(const char *secretid, uint8_t **data,
                           size_t *datalen, Error **errp)
{
    Object *obj = object_resolve_path_component(object_get_objects_root(),
                                                secretid);
    QCryptoSecret *s;

    if (!obj) {
        error_setg(errp, "No secret with id '%s'", secretid);
        return false;
    }
    if (!object_dynamic_cast(obj, TYPE_QCRYPTO_SECRET)) {
        error_setg(errp, "Object with id '%s' is not a secret", secretid);
        return false;
    }
    s = QCRYPTO_SECRET(obj);
    if (!s->loaded || !s->raw) {
        error_setg(errp, "Secret with id '%s' has no data", secretid);
        return false;
    }
    *data = g_malloc(s->rawlen + 1);
    memcpy(*data, s->raw, s->rawlen);
    (*data)[s->rawlen] = '\0';
    *datalen = s->rawlen;
    return true;
}

char *qcrypto_secret_lookup_as_utf8(const char *secretid, Error **errp)
{
    uint8_t *data;
    size_t len;

    if (!qcrypto_secret_lookup(secretid, &data, &len, errp)) {
        return NULL;
    }
    if (!g_utf8_validate((const char *)data, len, NULL)) {
        error_setg(errp, "Data from secret %s is not valid UTF-8", secretid);
        g_free(data);
        return NULL;
    }
    return (char *)data;
}

char *qcrypto_secret_lookup_as_base64(const char *secretid, Error **errp)
{
    g_autofree uint8_t *data = NULL;
    size_t len;

    if (!qcrypto_secret_lookup(secretid, &data, &len, errp)) {
        return NULL;
    }
    return g_base64_encode(data, len);
}

static bool secret_check_unloaded(QCryptoSecret *s, Error **errp)
{
    if (s->loaded) {
        error_setg(
            errp,
            "Properties of secret '%s' cannot be changed once it is loaded",
            object_get_canonical_path_component(OBJECT(s)) ?: "");
        return false;
    }
    return true;
}

#define SECRET_STR_PROP(field)                                                 \
    static char *secret_get_##field(Object *obj, Error **errp)                 \
    {                                                                          \
        return g_strdup(QCRYPTO_SECRET(obj)->field);                           \
    }                                                                          \
    static void secret_set_##field(Object *obj, const char *value,             \
                                   Error **errp)                               \
    {                                                                          \
        QCryptoSecret *s = QCRYPTO_SECRET(obj);                                \
                                                                               \
        if (secret_check_unloaded(s, errp)) {                                  \
            g_free(s->field);                                                  \
            s->field = g_strdup(value);                                        \
        }                                                                      \
    }

SECRET_STR_PROP(data)
SECRET_STR_PROP(file)
SECRET_STR_PROP(keyid)
SECRET_STR_PROP(iv)

static int secret_get_format(Object *obj, Error **errp)
{
    return QCRYPTO_SECRET(obj)->format;
}

static void secret_set_format(Object *obj, int value, Error **errp)
{
    QCryptoSecret *s = QCRYPTO_SECRET(obj);

    if (secret_check_unloaded(s, errp)) {
        s->format = value;
    }
}

static bool secret_get_loaded(Object *obj, Error **errp)
{
    return QCRYPTO_SECRET(obj)->loaded;
}

static void secret_finalize(Object *obj)
{
    QCryptoSecret *s = QCRYPTO_SECRET(obj);

    if (s->raw) {
        memset(s->raw, 0, s->rawlen);
    }
    g_free(s->raw);
    g_free(s->data);
    g_free(s->file);
    g_free(s->keyid);
    g_free(s->iv);
}

static void secret_class_init(ObjectClass *oc, void *data)
{
    USER_CREATABLE_CLASS(oc)->complete = secret_complete;

    object_class_property_add_str(oc, "data", secret_get_data, secret_set_data);
    object_class_property_add_str(oc, "file", secret_get_file, secret_set_file);
    object_class_property_add_enum(oc, "format", "QCryptoSecretFormat",
                                   &QCryptoSecretFormat_lookup,
                                   secret_get_format, secret_set_format);
    object_class_property_add_str(oc, "iv", secret_get_iv, secret_set_iv);
    object_class_property_add_str(oc, "keyid", secret_get_keyid,
                                  secret_set_keyid);
    object_class_property_add_bool(oc, "loaded", secret_get_loaded, NULL);
}

static const TypeInfo secret_type = {
    .name = TYPE_QCRYPTO_SECRET,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(QCryptoSecret),
    .instance_finalize = secret_finalize,
    .class_init = secret_class_init,
    .interfaces = (InterfaceInfo[]){ { TYPE_USER_CREATABLE }, {} },
};

static void secret_register_types(void)
{
    type_register_static(&secret_type);
}

type_init(secret_register_types)
