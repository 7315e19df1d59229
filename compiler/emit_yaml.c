/*
 * emit_yaml.c - a site's k8s.yaml: its Kubernetes objects as multi-document
 * YAML through libyaml's emitter, in Helm's install order, with strings
 * quoted exactly when a YAML 1.1 or 1.2 reader would misread them.
 *
 * Nothing here touches a file or shared state: each call builds its own
 * buffer, so sites can be emitted by several threads at once.
 */
#include "emit.h"

#include "arena.h"
#include "value.h"

#include <yaml.h>

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the output buffer --------------------------------------------------- */

struct emit_buf {
	char *data;
	size_t len, cap;
	bool failed;
};

static int buf_append(struct emit_buf *b, const void *p, size_t n)
{
	if (b->failed)
		return -1;
	if (n + 1 > b->cap - b->len || !b->data) {
		size_t cap = b->cap ? b->cap : 4096;

		while (cap - b->len < n + 1)
			cap *= 2;

		char *data = realloc(b->data, cap);

		if (!data) {
			b->failed = true;
			return -1;
		}
		b->data = data;
		b->cap = cap;
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
	return 0;
}

/* libyaml's output handler: 1 on success. */
static int buf_write(void *data, unsigned char *buffer, size_t size)
{
	return buf_append(data, buffer, size) == 0;
}

/* --- YAML scalars -------------------------------------------------------- */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool all_in(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return false;
	return true;
}

/*
 * Whether a YAML 1.1 or 1.2 reader could resolve the plain scalar s[0..n)
 * to something other than a string: null, a bool (1.1's y/n/yes/no/on/off
 * too), an int (binary, octal, hex, sexagesimal), a float (.inf, .nan,
 * 1e3), a timestamp, a merge or value key. The readers are the YAML 1.1
 * and 1.2 types and go-yaml v2 and v3 (resolve.go), which is laxer: it
 * takes any case of the base prefix and underscores after the sign. It
 * errs on the side of yes: a quoted string is never misread.
 */
static bool plain_is_other_type(const char *s, size_t n)
{
	static const char *const words[] = {
	    "~",    "null", "Null", "NULL",  "y",     "Y",     "yes",
	    "Yes",  "YES",  "n",    "N",     "no",    "No",    "NO",
	    "true", "True", "TRUE", "false", "False", "FALSE", "on",
	    "On",   "ON",   "off",  "Off",   "OFF",   "<<",    "=",
	    ".inf", ".Inf", ".INF", ".nan",  ".NaN",  ".NAN",
	};
	size_t i = 0;

	if (n == 0)
		return true;
	if (s[0] == '+' || s[0] == '-')
		i = 1;
	/* the words are at most 5 bytes long ("false", ".inf" signed) */
	for (size_t w = 0; n <= 5 && w < sizeof(words) / sizeof(words[0]);
	     w++) {
		size_t wl = strlen(words[w]);

		if ((n == wl && memcmp(s, words[w], n) == 0) ||
		    (i && words[w][0] == '.' && n - i == wl &&
		     memcmp(s + i, words[w], wl) == 0))
			return true;
	}

	/* go-yaml (kubectl, Helm, the API server) drops every '_' of a
	 * scalar that starts with a digit or a sign, then reads it with Go's
	 * strconv.ParseInt(s, 0, 64): 0x 0X 0o 0O 0b 0B prefixes, a sign,
	 * underscores anywhere after the first byte (+_1, 0_x1F, 0X_1F) */
	while (i && i < n && s[i] == '_')
		i++;
	if (i == n)
		return false;

	const char *r = s + i;
	size_t m = n - i;

	if (r[0] == '0') {
		size_t k = 1;

		while (k < m && r[k] == '_')
			k++;
		if (k < m && strchr("xXoObB", r[k]) &&
		    all_in(r + k + 1, m - k - 1, "0123456789abcdefABCDEF_"))
			return true;
	}
	/* decimal and octal ints, floats, exponents, sexagesimal 12:30 */
	if ((is_digit(r[0]) || r[0] == '.') &&
	    all_in(r, m, "0123456789_.:eE+-"))
		return true;
	/* timestamps: 2024-01-01, 2001-12-14t21:59:43.10-05:00 */
	if (n >= 8 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	    is_digit(s[3]) && s[4] == '-')
		return true;
	return false;
}

/* A line break YAML knows: \n, \r, NEL, LS, PS. */
static bool has_line_break(const char *s, size_t n, bool *only_newlines)
{
	bool any = false;

	*only_newlines = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n') {
			any = true;
		} else if (c == '\r' ||
			   (c == 0xC2 && i + 1 < n &&
			    (unsigned char)s[i + 1] == 0x85) ||
			   (c == 0xE2 && i + 2 < n &&
			    (unsigned char)s[i + 1] == 0x80 &&
			    ((unsigned char)s[i + 2] == 0xA8 ||
			     (unsigned char)s[i + 2] == 0xA9))) {
			any = true;
			*only_newlines = false;
		}
	}
	return any;
}

/* Whether a multi-line string reads back the same from a literal block. */
static bool literal_fits(const char *s, size_t n)
{
	if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n')
		return false;
	for (size_t i = 0; i < n; i++)
		if ((s[i] == ' ' || s[i] == '\t') &&
		    (i + 1 == n || s[i + 1] == '\n'))
			return false;
	return true;
}

/*
 * The style to ask libyaml for. ANY lets it write plain and fall back to
 * single or double quotes when plain is not allowed by YAML's syntax;
 * what syntax allows but would read back as another type is
 * double-quoted here.
 */
static yaml_scalar_style_t string_style(const char *s, size_t n)
{
	bool only_newlines;

	if (n == 0)
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (has_line_break(s, n, &only_newlines))
		return only_newlines && literal_fits(s, n)
			   ? YAML_LITERAL_SCALAR_STYLE
			   : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t' || plain_is_other_type(s, n))
		return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	return YAML_ANY_SCALAR_STYLE;
}

/*
 * A float as both YAML 1.1 and 1.2 read it back: the shortest text, with
 * a fraction and a signed exponent (1.1 wants both: 1.0e+20, not 1e20).
 */
static void yaml_float_text(char *buf, size_t size, double d)
{
	char tmp[48];

	if (isnan(d)) {
		snprintf(buf, size, ".nan");
		return;
	}
	if (isinf(d)) {
		snprintf(buf, size, "%s", d < 0 ? "-.inf" : ".inf");
		return;
	}
	value_format_double(tmp, sizeof(tmp), d);

	char *e = strchr(tmp, 'e');

	if (!e) {
		snprintf(buf, size, "%s", tmp);
		return;
	}
	*e = 0;

	const char *exp = e + 1;

	snprintf(buf, size, "%s%se%s%s", tmp, strchr(tmp, '.') ? "" : ".0",
		 *exp == '-' ? "" : "+", exp);
}

/* --- YAML nodes ---------------------------------------------------------- */

struct yaml_out {
	yaml_emitter_t emitter;
	char *err;
	size_t errsize;
};

static int yaml_fail(struct yaml_out *y, const char *what)
{
	if (y->err && y->errsize) {
		if (y->emitter.problem)
			snprintf(y->err, y->errsize, "libyaml: %s",
				 y->emitter.problem);
		else
			snprintf(y->err, y->errsize, "%s", what);
	}
	return -1;
}

/* Emits ev (libyaml owns it from here, whatever happens). */
static int yaml_put(struct yaml_out *y, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(&y->emitter, ev))
		return yaml_fail(y, "libyaml: cannot emit");
	return 0;
}

static int yaml_scalar(struct yaml_out *y, const char *s, size_t n,
		       yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
					  (yaml_char_t *)(uintptr_t)s, (int)n,
					  1, 1, style))
		return yaml_fail(y, "a string is not valid UTF-8");
	return yaml_put(y, &ev);
}

static int yaml_string(struct yaml_out *y, const char *s, size_t n)
{
	return yaml_scalar(y, s, n, string_style(s, n));
}

static int yaml_node(struct yaml_out *y, const struct value *v)
{
	yaml_event_t ev;
	char buf[64];

	switch (v->kind) {
	case V_NULL:
		return yaml_scalar(y, "null", 4, YAML_PLAIN_SCALAR_STYLE);
	case V_BOOL:
		return v->u.b
			   ? yaml_scalar(y, "true", 4, YAML_PLAIN_SCALAR_STYLE)
			   : yaml_scalar(y, "false", 5,
					 YAML_PLAIN_SCALAR_STYLE);
	case V_INT:
		snprintf(buf, sizeof(buf), "%lld", (long long)v->u.i);
		return yaml_scalar(y, buf, strlen(buf),
				   YAML_PLAIN_SCALAR_STYLE);
	case V_FLOAT:
		yaml_float_text(buf, sizeof(buf), v->u.f);
		return yaml_scalar(y, buf, strlen(buf),
				   YAML_PLAIN_SCALAR_STYLE);
	case V_STRING:
		return yaml_string(y, v->u.str, v->len);
	case V_SECRET:
		if (!yaml_mapping_start_event_initialize(
			&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE))
			return yaml_fail(y, "out of memory");
		if (yaml_put(y, &ev) < 0 || yaml_string(y, "$secret", 7) < 0 ||
		    yaml_string(y, v->u.str, v->len) < 0)
			return -1;
		if (!yaml_mapping_end_event_initialize(&ev))
			return yaml_fail(y, "out of memory");
		return yaml_put(y, &ev);
	case V_LIST:
		if (!yaml_sequence_start_event_initialize(
			&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE))
			return yaml_fail(y, "out of memory");
		if (yaml_put(y, &ev) < 0)
			return -1;
		for (uint32_t i = 0; i < v->len; i++)
			if (yaml_node(y, v->u.items[i]) < 0)
				return -1;
		if (!yaml_sequence_end_event_initialize(&ev))
			return yaml_fail(y, "out of memory");
		return yaml_put(y, &ev);
	case V_OBJECT:
		if (!yaml_mapping_start_event_initialize(
			&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE))
			return yaml_fail(y, "out of memory");
		if (yaml_put(y, &ev) < 0)
			return -1;
		for (uint32_t i = 0; i < v->len; i++) {
			const struct value_field *f = &v->u.fields[i];

			if (yaml_string(y, f->key, f->keylen) < 0 ||
			    yaml_node(y, f->value) < 0)
				return -1;
		}
		if (!yaml_mapping_end_event_initialize(&ev))
			return yaml_fail(y, "out of memory");
		return yaml_put(y, &ev);
	}
	return yaml_fail(y, "a value of unknown kind");
}

/*
 * An object with the keys in the front[] first (those it has, in that
 * order), then the others in definition order; metadata gets its own
 * front (name, namespace).
 */
static int yaml_mapping_front(struct yaml_out *y, const struct value *v,
			      const char *const *front, size_t nfront,
			      bool top)
{
	yaml_event_t ev;
	long at[4];

	if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
						 YAML_BLOCK_MAPPING_STYLE))
		return yaml_fail(y, "out of memory");
	if (yaml_put(y, &ev) < 0)
		return -1;
	for (size_t k = 0; k < nfront; k++)
		at[k] = value_find(v, front[k], strlen(front[k]));
	for (size_t pass = 0; pass <= nfront; pass++) {
		for (uint32_t i = 0; i < v->len; i++) {
			const struct value_field *f = &v->u.fields[i];
			bool is_front = false;

			for (size_t k = 0; k < nfront; k++)
				is_front |= at[k] == (long)i;
			if (pass < nfront ? at[pass] != (long)i : is_front)
				continue;
			if (yaml_string(y, f->key, f->keylen) < 0)
				return -1;
			static const char *const meta_front[] = { "name",
								  "namespace" };
			int rc = top && f->keylen == 8 &&
					 memcmp(f->key, "metadata", 8) == 0 &&
					 f->value->kind == V_OBJECT
				? yaml_mapping_front(y, f->value, meta_front, 2,
						     false)
				: yaml_node(y, f->value);
			if (rc < 0)
				return -1;
		}
	}
	if (!yaml_mapping_end_event_initialize(&ev))
		return yaml_fail(y, "out of memory");
	return yaml_put(y, &ev);
}

/*
 * A document: laid out as Kubernetes writes objects, apiVersion, kind
 * and metadata (name and namespace first) before the rest, whatever
 * order the layers set them in (a defaulted metadata.name would come
 * last), so that a document reads, and diffs, the same way always.
 */
static int yaml_k8s_object(struct yaml_out *y, const struct value *v)
{
	static const char *const front[] = { "apiVersion", "kind",
					     "metadata" };

	if (v->kind != V_OBJECT)
		return yaml_node(y, v);
	return yaml_mapping_front(y, v, front, 3, true);
}

/* --- document order ------------------------------------------------------ */

/* Helm's InstallOrder (pkg/releaseutil/kind_sorter.go, Helm 3.13 on). */
static const char *const install_order[] = {
    "PriorityClass",	/* since Helm 3.13: pods may name one */
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
};

#define N_KNOWN_KINDS (sizeof(install_order) / sizeof(install_order[0]))

struct k8s_doc {
	const struct value_field *field; /* handle -> object */
	const char *kind;
	size_t kindlen;
	size_t rank; /* index in install_order, N_KNOWN_KINDS if unknown */
};

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c)
		return c;
	return an < bn ? -1 : an > bn;
}

static int doc_cmp(const void *pa, const void *pb)
{
	const struct k8s_doc *a = pa, *b = pb;
	int c;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->rank == N_KNOWN_KINDS) {
		c = bytes_cmp(a->kind, a->kindlen, b->kind, b->kindlen);
		if (c)
			return c;
	}
	return bytes_cmp(a->field->key, a->field->keylen, b->field->key,
			 b->field->keylen);
}

static void doc_init(struct k8s_doc *d, const struct value_field *f)
{
	const struct value *kind = NULL;

	d->field = f;
	d->kind = "";
	d->kindlen = 0;
	d->rank = N_KNOWN_KINDS;
	if (f->value->kind == V_OBJECT)
		kind = value_get(f->value, "kind", 4);
	if (!kind || kind->kind != V_STRING)
		return;
	d->kind = kind->u.str;
	d->kindlen = kind->len;
	for (size_t i = 0; i < N_KNOWN_KINDS; i++)
		if (strlen(install_order[i]) == d->kindlen &&
		    memcmp(install_order[i], d->kind, d->kindlen) == 0) {
			d->rank = i;
			break;
		}
}

/* --- k8s.yaml ------------------------------------------------------------ */

static int yaml_documents(struct yaml_out *y, const struct k8s_doc *docs,
			  size_t n)
{
	yaml_event_t ev;

	if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING))
		return yaml_fail(y, "out of memory");
	if (yaml_put(y, &ev) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!yaml_document_start_event_initialize(&ev, NULL, NULL, NULL,
							  0))
			return yaml_fail(y, "out of memory");
		if (yaml_put(y, &ev) < 0 ||
		    yaml_k8s_object(y, docs[i].field->value) < 0)
			return -1;
		if (!yaml_document_end_event_initialize(&ev, 1))
			return yaml_fail(y, "out of memory");
		if (yaml_put(y, &ev) < 0)
			return -1;
	}
	if (!yaml_stream_end_event_initialize(&ev))
		return yaml_fail(y, "out of memory");
	if (yaml_put(y, &ev) < 0)
		return -1;
	if (!yaml_emitter_flush(&y->emitter))
		return yaml_fail(y, "libyaml: cannot flush");
	return 0;
}

int emit_k8s_yaml(const struct value *k8s, char **out, size_t *len, char *err,
		  size_t errsize)
{
	struct emit_buf buf = {0};
	struct yaml_out y = {.err = err, .errsize = errsize};
	struct k8s_doc *docs = NULL;
	int rc = -1;

	*out = NULL;
	*len = 0;
	if (err && errsize)
		err[0] = 0;
	if (k8s->kind != V_OBJECT) {
		if (err && errsize)
			snprintf(err, errsize, "k8s is a %s, not an object",
				 value_kind_name(k8s->kind));
		return -1;
	}
	if (k8s->len) {
		docs = calloc(k8s->len, sizeof(*docs));
		if (!docs)
			goto out_oom;
	}
	for (uint32_t i = 0; i < k8s->len; i++)
		doc_init(&docs[i], &k8s->u.fields[i]);
	if (k8s->len > 1)
		qsort(docs, k8s->len, sizeof(*docs), doc_cmp);

	if (!yaml_emitter_initialize(&y.emitter))
		goto out_oom;
	yaml_emitter_set_output(&y.emitter, buf_write, &buf);
	yaml_emitter_set_encoding(&y.emitter, YAML_UTF8_ENCODING);
	yaml_emitter_set_unicode(&y.emitter, 1);
	yaml_emitter_set_indent(&y.emitter, 2);
	yaml_emitter_set_width(&y.emitter, -1); /* no folding */
	yaml_emitter_set_break(&y.emitter, YAML_LN_BREAK);
	rc = yaml_documents(&y, docs, k8s->len);
	yaml_emitter_delete(&y.emitter);
	if (rc == 0 && buf_append(&buf, "", 0) < 0)
		goto out_oom;
	if (rc == 0 && buf.failed)
		goto out_oom;
	if (rc < 0)
		goto out_free_buf;
	*out = buf.data;
	*len = buf.len;
	free(docs);
	return 0;

out_oom:
	if (err && errsize)
		snprintf(err, errsize, "out of memory");
	rc = -1;
out_free_buf:
	free(buf.data);
	free(docs);
	return rc;
}
