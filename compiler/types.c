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

#include "value.h"

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

const struct type_field *type_field(const struct type *record,
				    const char *name)
{
	if (!record || record->kind != T_RECORD)
		return NULL;
	for (uint32_t i = 0; i < record->u.record.nfields; i++) {
		const char *f = record->u.record.fields[i].name;
		if (f == name || (f[0] == name[0] && strcmp(f, name) == 0))
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
		return *field ? (*field)->type : NULL;
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
		PUT("%s", t->name);
		return n;
	}
	switch (t->kind) {
	case T_ANY: case T_BOOL: case T_INT: case T_FLOAT: case T_STRING:
		PUT("%s", prims[t->kind]);
		break;
	case T_LITERAL:
		PUT("literal");
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
		if (t->u.container.keyed)
			PUT(" keyed %s", t->u.container.keyed);
		break;
	case T_RECORD:
		PUT("{...}");
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
