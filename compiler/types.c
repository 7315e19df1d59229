/*
 * types.c - questions the evaluator and the checker ask of a type.
 *
 * Inside a Kubernetes object (T_K8S) nothing is declared, but some lists
 * have a merge key, as the patchMergeKey of Kubernetes' strategic merge
 * patch: containers, initContainers, ephemeralContainers, env, volumes,
 * imagePullSecrets by name; volumeMounts by mountPath; volumeDevices by
 * devicePath; hostAliases by ip; a container's ports by containerPort and
 * a Service's ports by port.
 */
#include "types.h"

#include "diag.h"
#include "value.h"

#include <jansson.h>
#include <stdlib.h>

#include <stdio.h>
#include <string.h>

static const struct type k8s_object = {
	.kind = T_K8S, .name = "K8sObject", .u.k8s.context = K8S_OBJECT,
};
static const struct type k8s_container = {
	.kind = T_K8S, .name = "K8sObject", .u.k8s.context = K8S_CONTAINER,
};

#define K8S_LIST(id, key_, key2_, elem_)                                    \
	static const struct type id = {                                     \
		.kind = T_LIST,                                             \
		.u.container = { .elem = (elem_), .keyed = (key_),          \
				 .keyed2 = (key2_),                         \
				 .keyed2_default = (key2_) ? "TCP" : NULL },\
	}
K8S_LIST(k8s_containers, "name", NULL, &k8s_container);
K8S_LIST(k8s_by_name, "name", NULL, &k8s_object);
K8S_LIST(k8s_by_mount_path, "mountPath", NULL, &k8s_object);
K8S_LIST(k8s_by_device_path, "devicePath", NULL, &k8s_object);
K8S_LIST(k8s_by_ip, "ip", NULL, &k8s_object);
/* as server-side apply keys them: number and protocol (TCP if absent),
 * so a DNS server can list port 53 for both TCP and UDP */
K8S_LIST(k8s_by_container_port, "containerPort", "protocol", &k8s_object);
K8S_LIST(k8s_by_port, "port", "protocol", &k8s_object);

static const struct type *k8s_child(const struct type *t, const char *key)
{
	/* most keys are none of these: decide on the first letter */
	if (!strchr("ceihvrp", key[0]))
		return &k8s_object;
	static const char *const by_name[] = {
		"env", "volumes", "imagePullSecrets", "resourceClaims",
	};
	if (strcmp(key, "containers") == 0 ||
	    strcmp(key, "initContainers") == 0 ||
	    strcmp(key, "ephemeralContainers") == 0)
		return &k8s_containers;
	for (size_t i = 0; i < sizeof(by_name) / sizeof(by_name[0]); i++)
		if (strcmp(key, by_name[i]) == 0)
			return &k8s_by_name;
	if (strcmp(key, "volumeMounts") == 0)
		return &k8s_by_mount_path;
	if (strcmp(key, "volumeDevices") == 0)
		return &k8s_by_device_path;
	if (strcmp(key, "hostAliases") == 0)
		return &k8s_by_ip;
	if (strcmp(key, "ports") == 0)
		return t->u.k8s.context == K8S_CONTAINER ? &k8s_by_container_port
							 : &k8s_by_port;
	return &k8s_object;
}

const struct type *type_k8s_any(void)
{
	return &k8s_object;
}

const struct type_field *type_field(const struct type *record,
				    const char *name)
{
	if (!record || record->kind != T_RECORD)
		return NULL;
	/* names are interned: the pointer finds a field almost always */
	for (uint32_t i = 0; i < record->u.record.nfields; i++)
		if (record->u.record.fields[i].name == name)
			return &record->u.record.fields[i];
	for (uint32_t i = 0; i < record->u.record.nfields; i++) {
		const char *f = record->u.record.fields[i].name;
		if (f[0] == name[0] && strcmp(f, name) == 0)
			return &record->u.record.fields[i];
	}
	return NULL;
}

const struct type *type_child(const struct type *t, const char *key,
			      const struct type_field **field)
{
	*field = NULL;
	if (!t)
		return NULL;
	switch (t->kind) {
	case T_RECORD:
		*field = type_field(t, key);
		return *field ? (*field)->type : t->u.record.rest;
	case T_MAP:
		return t->u.container.elem;
	case T_K8S:
		return k8s_child(t, key);
	default:
		return NULL;
	}
}

const struct type *type_elem(const struct type *t)
{
	return t && t->kind == T_LIST ? t->u.container.elem : NULL;
}

const char *type_list_key(const struct type *t)
{
	return t && t->kind == T_LIST ? t->u.container.keyed : NULL;
}

bool type_same_key(const struct type *t, const struct value *a,
		   const struct value *b)
{
	const char *key = type_list_key(t);

	if (!key || a->kind != V_OBJECT || b->kind != V_OBJECT)
		return false;
	const struct value *ka = value_get(a, key, strlen(key));
	const struct value *kb = value_get(b, key, strlen(key));
	if (!ka || !kb || !value_equal(ka, kb))
		return false;
	const char *k2 = t->u.container.keyed2;
	if (!k2)
		return true;
	const struct value *pa = value_get(a, k2, strlen(k2));
	const struct value *pb = value_get(b, k2, strlen(k2));
	const char *d = t->u.container.keyed2_default;
	if (pa && pb)
		return value_equal(pa, pb);
	const struct value *one = pa ? pa : pb;
	if (!one)
		return true;
	return one->kind == V_STRING && strcmp(one->u.str, d) == 0;
}

/* A bound as written in its source. */
static void bound_text(const struct ast *n, char *buf, size_t size)
{
	buf[0] = 0;
	if (!n || !n->span.src)
		return;
	size_t len = n->span.end - n->span.start;
	if (len >= size)
		len = size - 1;
	memcpy(buf, n->span.src->text + n->span.start, len);
	buf[len] = 0;
}

const char *type_range_text(const struct type_range *r, char *buf,
			    size_t size)
{
	char lo[40] = "", hi[40] = "";

	if (r->lo_node || r->hi_node) {
		bound_text(r->lo_node, lo, sizeof(lo));
		bound_text(r->hi_node, hi, sizeof(hi));
	} else if (r->is_float) {
		if (r->has_lo)
			value_format_double(lo, sizeof(lo), r->flo);
		if (r->has_hi)
			value_format_double(hi, sizeof(hi), r->fhi);
	} else {
		if (r->has_lo)
			snprintf(lo, sizeof(lo), "%lld", (long long)r->lo);
		if (r->has_hi)
			snprintf(hi, sizeof(hi), "%lld", (long long)r->hi);
	}
	snprintf(buf, size, "%s..%s", lo, hi);
	return buf;
}

static size_t describe(const struct type *t, char *buf, size_t size)
{
	static const char *const prims[] = {
		[T_ANY] = "any", [T_BOOL] = "bool", [T_INT] = "int",
		[T_FLOAT] = "float", [T_STRING] = "string",
	};
	size_t n = 0;

#define PUT(...)                                                            \
	do {                                                                \
		int w_ = snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__); \
		if (w_ > 0)                                                 \
			n += (size_t)w_;                                    \
	} while (0)
	if (!t) {
		PUT("any");
		return n;
	}
	if (t->name) {
		PUT("%s", strncmp(t->name, "__", 2) == 0 ? t->name + 2 : t->name);
		return n;
	}
	switch (t->kind) {
	case T_ANY: case T_BOOL:
		PUT("%s", prims[t->kind]);
		break;
	case T_INT: case T_FLOAT:
		PUT("%s", prims[t->kind]);
		if (t->u.num.bounds) {
			char r[96];
			PUT("(%s)", type_range_text(t->u.num.bounds, r, sizeof(r)));
		}
		break;
	case T_STRING:
		PUT("string");
		if (t->u.str.len) {
			char r[96];
			PUT("(%s)", type_range_text(t->u.str.len, r, sizeof(r)));
		} else if (t->u.str.regex) {
			PUT("(/%s/)", t->u.str.regex);
		}
		break;
	case T_LITERAL:
		if (t->u.literal.v && t->u.literal.v->kind == V_STRING) {
			json_t *j = json_doc_text(t->u.literal.v->u.str,
						  t->u.literal.v->len);
			char *txt = json_dumps(j, JSON_ENCODE_ANY);
			PUT("%s", txt ? txt : "?");
			free(txt);
			json_decref(j);
		} else if (t->u.literal.v) {
			const struct value *v = t->u.literal.v;
			char sc[64];
			if (v->kind == V_INT)
				snprintf(sc, sizeof(sc), "%lld", (long long)v->u.i);
			else if (v->kind == V_FLOAT)
				value_format_double(sc, sizeof(sc), v->u.f);
			else if (v->kind == V_BOOL)
				snprintf(sc, sizeof(sc), "%s", v->u.b ? "true" : "false");
			else
				snprintf(sc, sizeof(sc), "null");
			PUT("%s", sc);
		} else {
			PUT("literal");
		}
		break;
	case T_UNION:
		for (uint32_t i = 0; i < t->u.type_union.nalts; i++) {
			if (i)
				PUT(" | ");
			n += describe(t->u.type_union.alts[i], buf + (n < size ? n : size),
				      n < size ? size - n : 0);
		}
		break;
	case T_LIST:
	case T_MAP:
		PUT("%s<", t->kind == T_LIST ? "list" : "map");
		n += describe(t->u.container.elem, buf + (n < size ? n : size),
			      n < size ? size - n : 0);
		PUT(">");
		if (t->u.container.unique)
			PUT(" unique");
		if (t->u.container.keyed)
			PUT(" keyed %s", t->u.container.keyed);
		if (t->u.container.len) {
			char r[96];
			PUT("(%s)", type_range_text(t->u.container.len, r,
						    sizeof(r)));
		}
		break;
	case T_RECORD:
		/* an inline record: its field names (`{...}` would read as an
		 * open record) */
		PUT("{ ");
		for (uint32_t i = 0; i < t->u.record.nfields; i++) {
			if (i == 4) {
				PUT("; \xE2\x80\xA6");
				break;
			}
			PUT("%s%s", i ? "; " : "", t->u.record.fields[i].name);
		}
		PUT(" }");
		break;
	case T_K8S:
		PUT("K8sObject");
		break;
	}
#undef PUT
	return n;
}

const char *type_describe(const struct type *t, char *buf, size_t size)
{
	if (size)
		buf[0] = 0;
	describe(t, buf, size);
	return buf;
}
