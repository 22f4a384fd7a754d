/*
 * Option strings: "value0,key=val,key2=val2" and their JSON form.
 *
 * QEMU 7.2 parses its options with two different parsers, and users see
 * the difference, so both are provided:
 *
 * keyval_parse() - the strict "keyval" syntax of -object, -machine,
 *   -audiodev (and of -device in later QEMU):
 *   - elements are separated by ','; ",," is a literal comma in a value;
 *   - only the first element may omit "key=": its value goes to
 *     @implied_key; a later "foo" without '=' is an error
 *     ("Expected '=' after parameter 'foo'");
 *   - keys are names (a letter, then letters, digits, '-', '_'); dotted
 *     keys "a.b=1" build nested objects {"a": {"b": "1"}}; a fragment
 *     after the first may be a number (kept as an object member, list
 *     conversion is left to the consumer);
 *   - a repeated key replaces the earlier value (it keeps its position).
 *
 * qemu_opts_parse_legacy() - the permissive QemuOpts syntax of -device,
 *   -accel, -chardev, -m, -smp, -name, -mon, -msg ...:
 *   - the first element without '=' goes to @implied_key (if given);
 *   - a later bare "foo" means foo=on and "nofoo" means foo=off (7.2
 *     accepts both with the warning "short-form boolean option 'foo'
 *     deprecated" and a hint "Please use foo=on instead");
 *   - a key is anything up to '=' or ','; it is not checked here.
 *
 * Both return a new JsonObject whose members are JSON strings (or, for
 * dotted keyval keys, objects of strings), in command-line order, and
 * both recognise "help" and "?" as an element (or as the implied value):
 * *p_help is set to true and the help element is not stored, so
 * "-device help" gives {} with help, "-device foo,help" gives
 * {"driver": "foo"} with help.  When @p_help is NULL a help request is
 * an error ("Help is not available for this option") for keyval; for
 * the legacy parser it is stored as an ordinary option, as QemuOpts does.
 *
 * On error they return NULL and set @errp; messages are QEMU's, e.g.
 * "Invalid parameter 'a b'", "Expected '=' after parameter 'foo'",
 * "Parameters 'a.*' used inconsistently".
 */
#ifndef QEMU_KEYVAL_H
#define QEMU_KEYVAL_H

#include "qemu/osdep.h"
#include "qapi/error.h"
#include <json-glib/json-glib.h>

JsonObject *keyval_parse(const char *params, const char *implied_key,
                         bool *p_help, Error **errp);

JsonObject *qemu_opts_parse_legacy(const char *params, const char *implied_key,
                                   bool *p_help, Error **errp);

/*
 * The same, but each key named in the NULL-terminated @list_keys is a
 * list, as QemuOpts keeps a repeated option and QAPI's string lists read
 * it: every "key=v" appends {"str": "v"} to the array member "key"
 * (-netdev user,hostfwd=...,hostfwd=...).
 */
JsonObject *qemu_opts_parse_legacy_lists(const char *params,
                                         const char *implied_key,
                                         const char *const *list_keys,
                                         bool *p_help, Error **errp);

/*
 * -device / -object / device_add style argument: if @arg starts with '{'
 * it is parsed as a JSON object (values keep their JSON types, *is_json
 * set to true, no help); otherwise as qemu_opts_parse_legacy() with
 * *is_json false.  @is_json may be NULL.
 * JSON errors: "JSON parse error, <detail>" and
 * "JSON value must be an object".
 */
JsonObject *qemu_opts_parse_any(const char *arg, const char *implied_key,
                                bool *p_help, bool *is_json, Error **errp);

/* Same, but the non-JSON form is parsed with keyval_parse() (-object). */
JsonObject *keyval_parse_any(const char *arg, const char *implied_key,
                             bool *p_help, bool *is_json, Error **errp);

/*
 * The inverse: "key=val,key2=val2" with ',' doubled; nested objects are
 * flattened to dotted keys, booleans written on/off, other scalars in
 * their JSON text.  Returns a new string.
 */
char *keyval_to_string(JsonObject *obj);

/* The member @key as a string if it is a JSON string, else NULL. */
const char *keyval_get_str(JsonObject *obj, const char *key);

#endif
