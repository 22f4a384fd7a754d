/*
 * secret: a user-creatable object holding a password or key for other
 * objects to look up by id (-object secret,id=ID,data=...|file=...).
 *
 * The value comes from 'data' or from 'file', encoded as 'format' (raw or
 * base64). Encrypted secrets ('keyid') are refused: this build has no
 * cipher to decrypt them.
 */
#ifndef CRYPTO_SECRET_H
#define CRYPTO_SECRET_H

#include "qemu/osdep.h"
#include "qom/object.h"

#define TYPE_QCRYPTO_SECRET "secret"

typedef enum QCryptoSecretFormat {
    QCRYPTO_SECRET_FORMAT_RAW,
    QCRYPTO_SECRET_FORMAT_BASE64,
    QCRYPTO_SECRET_FORMAT__MAX,
} QCryptoSecretFormat;

extern const QEnumLookup QCryptoSecretFormat_lookup;

typedef struct QCryptoSecret {
    Object parent_obj;

    /* properties */
    char *data;
    char *file;
    char *keyid;
    char *iv;
    QCryptoSecretFormat format;

    /* the decoded value, once loaded (complete succeeded) */
    bool loaded;
    uint8_t *raw;
    size_t rawlen;
} QCryptoSecret;

static inline QCryptoSecret *QCRYPTO_SECRET(void *obj)
{
    return OBJECT_CHECK(QCryptoSecret, obj, TYPE_QCRYPTO_SECRET);
}

/*
 * A copy of the value of the secret /objects/@secretid in *@data (g_free
 * it; NUL terminated past *@datalen). Errors: "No secret with id 'ID'",
 * "Object with id 'ID' is not a secret", "Secret with id 'ID' has no data".
 */
bool qcrypto_secret_lookup(const char *secretid, uint8_t **data,
                           size_t *datalen, Error **errp);
/* The value as a string; "Data from secret ID is not valid UTF-8". */
char *qcrypto_secret_lookup_as_utf8(const char *secretid, Error **errp);
/* The value base64 encoded. */
char *qcrypto_secret_lookup_as_base64(const char *secretid, Error **errp);

#endif
