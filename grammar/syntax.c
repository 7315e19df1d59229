/*
 * syntax.c - parsing one file: the scanner and parser run over a source,
 * the token filter between them, the wording of syntax errors, and the
 * checks the grammar leaves to a walk of the finished tree (static paths
 * in profile and site bodies, `for` only in object literals, a file that
 * declares nothing).
 */
#include "syntax.h"
#include "parser.h"
/* lexer.h names bison's types without the parser_ prefix (lexer.l). */
#define YYSTYPE PARSER_STYPE
#define YYLTYPE PARSER_LTYPE
#include "lexer.h"

#include <string.h>

_Static_assert(sizeof(PARSER_STYPE) <= sizeof(((struct filter_token *)0)->val),
	       "a filter token must hold a semantic value");

/* --- the parse context's diagnostics ---------------------------------------- */

struct span syntax_span(struct parse_ctx *p, struct loc loc)
{
	return span_make(p->src, loc.start, loc.end);
}

void syntax_emit(struct parse_ctx *p, struct diag *d)
{
	if (p->stop) {
		diag_free(d);
		return;
	}
	p->errors++;
	p->lex_error = true;
	p->lex_error_at = d->span.start;
	if (d->code == E0102) {
		/* A binary file: one report, not one per byte. */
		struct span none = { NULL, 0, 0 };

		diag_note(d, none, "the rest of this file is not read");
		p->stop = true;
		diag_emit(p->sink, d);
		return;
	}
	struct span at = d->span;

	diag_emit(p->sink, d);
	if (p->errors >= SYNTAX_MAX_ERRORS) {
		struct diag *last = diag_new(E0116, at,
			"too many errors: the rest of this file is not read");

		diag_help(last, "fix the errors above and run again");
		p->errors++;
		diag_emit(p->sink, last);
		p->stop = true;
	}
}

/* --- the token filter ------------------------------------------------------- */

static bool is_opener(int t)
{
	return t == '(' || t == '[' || t == '{' || t == STR_HEAD ||
	       t == MSTR_HEAD;
}

/* How the bracket stack marks the '[' of an index and of a comprehension,
 * which ']' also closes: no separator is inserted inside them. */
#define INDEX_BRACKET (-'[')
#define FOR_BRACKET (-'f')

static int opener_of(int t)
{
	switch (t) {
	case ')': return '(';
	case ']': return '[';
	case '}': return '{';
	case STR_TAIL: return STR_HEAD;
	case MSTR_TAIL: return MSTR_HEAD;
	default: return 0;
	}
}

/* Tokens after which a value is complete. */
static bool ends_value(int t)
{
	switch (t) {
	case IDENT: case INT: case FLOAT: case STRING: case STR_TAIL:
	case MSTRING: case MSTR_TAIL: case TRUE: case FALSE: case NULL_:
	case SELF: case SUPER: case SITE: case ')': case ']': case '}':
		return true;
	default:
		return false;
	}
}

static void track_brackets(struct parse_ctx *p, int t, const PARSER_LTYPE *loc)
{
	int open = opener_of(t);

	if (is_opener(t)) {
		/* An index a[i] is no list: mark it so no separator is inserted. */
		if (t == '[' && ends_value(p->prev_token))
			t = INDEX_BRACKET;
		if (p->nbrackets == p->brackets_cap) {
			p->brackets_cap = p->brackets_cap ? p->brackets_cap * 2 : 32;
			p->brackets = xrealloc(p->brackets, sizeof(*p->brackets) *
					       p->brackets_cap);
		}
		p->brackets[p->nbrackets].token = t;
		p->brackets[p->nbrackets].offset = loc->start;
		p->nbrackets++;
	} else if (t == FOR && p->prev_token == '[' && p->nbrackets) {
		p->brackets[p->nbrackets - 1].token = FOR_BRACKET;
	} else if (open) {
		/* A closer also closes whatever was left open inside it. */
		uint32_t i = p->nbrackets;

		while (i > 0 && p->brackets[i - 1].token != open &&
		       !(open == '[' && (p->brackets[i - 1].token == INDEX_BRACKET ||
					 p->brackets[i - 1].token == FOR_BRACKET)))
			i--;
		if (i > 0)
			p->nbrackets = i - 1;
	}
}

/* Gives tok to the parser: records it as the last token and returns it. */
static int deliver(struct parse_ctx *p, const struct filter_token *tok,
		   PARSER_STYPE *lval, PARSER_LTYPE *lloc)
{
	memcpy(lval, tok->val, sizeof(*lval));
	*lloc = tok->loc;
	p->before_prev = p->prev_token;
	p->before_prev_line_start = p->last.line_start;
	p->prev_token = tok->t;
	p->last = *tok;
	if (tok->line_start && !tok->redelivered) {
		p->prev_stmt_start = p->stmt_start;
		p->stmt_start = tok->loc.start;
	}
	return tok->t;
}

/* Holds tok back, to be given to the parser on the next call. */
static void hold(struct parse_ctx *p, const struct filter_token *tok)
{
	p->held = *tok;
	p->has_held = true;
}

/* Sends `inserted` (',' or SYNC) now, zero-width before tok, and tok next. */
static int insert_before(struct parse_ctx *p, int inserted,
			 const struct filter_token *tok, PARSER_STYPE *lval,
			 PARSER_LTYPE *lloc)
{
	struct filter_token ins = *tok;

	hold(p, tok);
	ins.t = inserted;
	ins.loc.end = ins.loc.start;
	ins.line_start = false;
	if (inserted == SYNC) {
		memcpy(lval, tok->val, sizeof(*lval));
		*lloc = ins.loc;
		return SYNC;
	}
	return deliver(p, &ins, lval, lloc);
}

/* A point to resume at after an error: the start of a statement of the
 * body that failed, its closing brace, or anything outside it. */
static bool is_sync_point(struct parse_ctx *p, int t, bool line_start,
			  uint32_t depth)
{
	if (t == 0 || depth < p->recover_depth)
		return true;
	if (t == '}' && p->recover_depth > 0) {
		/* A '}' that closes the failed body, whatever it leaves open. */
		uint32_t i = depth;

		while (i > 0 && p->brackets[i - 1].token != '{')
			i--;
		if (i == p->recover_depth)
			return true;
	}
	return depth == p->recover_depth &&
	       (line_start || t == ';' || t == ',');
}

/* The next token from the scanner, or the one read ahead. */
static void scan_raw(struct parse_ctx *p, struct filter_token *tok)
{
	PARSER_STYPE v;

	if (p->has_peek) {
		p->has_peek = false;
		*tok = p->peek;
		return;
	}
	memset(tok, 0, sizeof(*tok));
	p->newline_before = false;
	tok->t = p->stop ? 0 : scan_lex(&v, &tok->loc, p->scanner);
	if (p->stop)
		tok->t = 0;
	memcpy(tok->val, &v, sizeof(v));
	tok->line_start = p->newline_before || !p->scanned_any;
	p->scanned_any = true;
}

/* The kind of the token after the one being looked at, read ahead. */
static int peek_token(struct parse_ctx *p)
{
	if (!p->has_peek) {
		scan_raw(p, &p->peek);
		p->has_peek = true;
	}
	return p->peek.t;
}

static bool is_name_token(int t)
{
	switch (t) {
	case IDENT: case SCHEMA: case TYPE: case LET: case DEF: case PROFILE:
	case SITE: case FINAL: case THEN: case FOR: case IN: case TRUE:
	case FALSE: case NULL_: case SELF: case SUPER: case UNIQUE: case KEYED:
		return true;
	default:
		return false;
	}
}

/*
 * Whether t, first on its line, begins a statement or declaration rather
 * than continuing an expression left open by a missing ')' or ']': a key
 * followed by `=`, `+=` or `-=`, or a declaration keyword followed by its
 * name. Reads one token ahead.
 */
static bool starts_statement(struct parse_ctx *p, int t)
{
	int next;

	if (!is_name_token(t) && t != STRING)
		return false;
	next = peek_token(p);
	switch (t) {
	case LET: case SITE: case PROFILE: case SCHEMA: case TYPE: case DEF:
		if (next == IDENT)
			return true;
		break;
	case FINAL:
		if (is_name_token(next) || next == STRING)
			return true;
		break;
	default:
		break;
	}
	return next == '=' || next == ADD_ASSIGN || next == SUB_ASSIGN;
}

/* Whether every bracket open above the failed body is a '(' or '[' (not a
 * '{' opened while skipping, nor an interpolation). */
static bool only_parens_above(struct parse_ctx *p, uint32_t depth)
{
	for (uint32_t i = p->recover_depth; i < depth; i++) {
		int b = p->brackets[i].token;

		if (b != '(' && b != '[' && b != INDEX_BRACKET && b != FOR_BRACKET)
			return false;
	}
	return true;
}

/* Forgets the '(' and '[' left open above the failed body. */
static void abandon_brackets(struct parse_ctx *p)
{
	if (p->nbrackets > p->recover_depth)
		p->nbrackets = p->recover_depth;
}

int syntax_next_token(PARSER_STYPE *lval, PARSER_LTYPE *lloc,
		      struct parse_ctx *p)
{
	struct filter_token tok;

	if (p->start_token) {
		int t = p->start_token;
		p->start_token = 0;
		lloc->start = lloc->end = 0;
		return t;
	}
	if (p->sync_pending) {
		p->sync_pending = false;
		lloc->start = lloc->end = p->held.loc.start;
		return SYNC;
	}
	if (p->has_held) {
		p->has_held = false;
		if (!p->held.tracked)
			track_brackets(p, p->held.t, &p->held.loc);
		return deliver(p, &p->held, lval, lloc);
	}
	for (;;) {
		scan_raw(p, &tok);
		tok.depth = p->nbrackets;

		if (p->recovering) {
			bool restart = tok.line_start &&
				       tok.depth > p->recover_depth &&
				       only_parens_above(p, tok.depth) &&
				       starts_statement(p, tok.t);

			if (restart || is_sync_point(p, tok.t, tok.line_start,
						     tok.depth)) {
				if (restart) {
					abandon_brackets(p);
					tok.depth = p->nbrackets;
				}
				p->recovering = false;
				return insert_before(p, SYNC, &tok, lval, lloc);
			}
			track_brackets(p, tok.t, &tok.loc);
			p->prev_token = tok.t;
			continue;
		}
		/* In a list, a line break before '-', '(' or '[' separates
		 * items: [\n -1\n -2\n] is two numbers, not one difference. */
		if ((tok.t == '-' || tok.t == '(' || tok.t == '[') &&
		    tok.line_start && p->nbrackets &&
		    p->brackets[p->nbrackets - 1].token == '[' &&
		    ends_value(p->prev_token))
			return insert_before(p, ',', &tok, lval, lloc);
		track_brackets(p, tok.t, &tok.loc);
		tok.tracked = true;
		return deliver(p, &tok, lval, lloc);
	}
}

/* --- syntax errors ------------------------------------------------------------- */

/* Bison's names come quoted ("identifier", '='); this strips the quotes. */
static void unquote(const char *name, char *out, size_t size)
{
	size_t n = strlen(name);

	if (n >= 2 && (name[0] == '"' || name[0] == '\'') && name[n - 1] == name[0]) {
		name++;
		n -= 2;
	}
	if (n >= size)
		n = size - 1;
	memcpy(out, name, n);
	out[n] = '\0';
}

static bool in_set(const char *name, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(name, *set) == 0)
			return true;
	return false;
}

/*
 * Expected tokens are named in groups where a group applies: the many
 * tokens that may start an expression are "an expression", and so on. A
 * group applies when its trigger token is among those expected; a token
 * goes to the first group that applies.
 */
struct token_group {
	const char *trigger;
	const char *label;
	const char *const *members;
};

static const char *const expression_starts[] = {
	"integer", "float", "string", "start of a string", "multi-line string",
	"start of a multi-line string", "identifier", "true", "false", "null",
	"self", "site", "super", "(", "[", "{", "-", "!", "if", "unique", NULL
};

static const char *const operators[] = {
	"+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||",
	".", "[", "(", NULL
};

static const char *const declarations[] = {
	"schema", "type", "let", "def", "profile", "site", NULL
};

static const char *const words[] = {
	"identifier", "schema", "type", "let", "def", "profile", "site",
	"final", "if", "then", "else", "for", "in", "true", "false", "null",
	"self", "super", "unique", "keyed", "string", "start of a string", NULL
};

static const struct token_group groups[] = {
	{ "*", "an operator", operators },
	{ "!", "an expression", expression_starts },
	{ "integer", "a type", expression_starts },
	{ "profile", "a declaration", declarations },
	{ "identifier", "a name", words },
};

#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

/* True for names that are described, not quoted: "an expression". */
static bool is_description(const char *name)
{
	return strchr(name, ' ') || strcmp(name, "identifier") == 0 ||
	       strcmp(name, "integer") == 0 || strcmp(name, "float") == 0 ||
	       strcmp(name, "string") == 0;
}

static void append(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s", s);
}

/* "`=`, `{` or an expression" from the parser's expected tokens. */
static void describe_expected(const char **expected, int n, char *out,
			      size_t size)
{
	const char *items[SYNTAX_MAX_EXPECTED + NGROUPS];
	char names[SYNTAX_MAX_EXPECTED][40];
	bool applies[NGROUPS] = { false };
	int count = 0;

	for (int i = 0; i < n; i++)
		unquote(expected[i], names[i], sizeof(names[i]));
	for (size_t g = 0; g < NGROUPS; g++)
		for (int i = 0; i < n; i++)
			if (strcmp(names[i], groups[g].trigger) == 0)
				applies[g] = true;
	/* An expression start and a type start share their trigger; where
	 * any name is expected, declaration keywords are names too. */
	if (applies[1])
		applies[2] = false;
	if (applies[4])
		applies[3] = false;
	bool used[NGROUPS] = { false };

	for (int i = 0; i < n; i++) {
		bool grouped = strcmp(names[i], "error") == 0;

		for (size_t g = 0; g < NGROUPS && !grouped; g++) {
			grouped = applies[g] && in_set(names[i], groups[g].members);
			used[g] |= grouped;
		}
		if (!grouped)
			items[count++] = names[i];
	}
	for (size_t g = 0; g < NGROUPS; g++)
		if (used[g])
			items[count++] = groups[g].label;
	out[0] = '\0';
	if (count == 0 || count > 8)
		return;
	for (int i = 0; i < count; i++) {
		char item[64];

		if (i > 0)
			append(out, size, i == count - 1 ? " or " : ", ");
		if (is_description(items[i]))
			snprintf(item, sizeof(item), "%s", items[i]);
		else
			snprintf(item, sizeof(item), "`%s`", items[i]);
		append(out, size, item);
	}
}

static void describe_token(struct parse_ctx *p, const char *name,
			   struct loc loc, char *out, size_t size)
{
	char n[64];
	uint32_t len = loc.end > loc.start ? loc.end - loc.start : 0;
	const char *text = p->src->text + loc.start;

	unquote(name, n, sizeof(n));
	if (len > 40)
		len = 40;
	if (strcmp(n, "end of file") == 0)
		snprintf(out, size, "end of file");
	else if (strcmp(n, "identifier") == 0 || strcmp(n, "integer") == 0 ||
		 strcmp(n, "float") == 0)
		snprintf(out, size, "%s `%.*s`", n, (int)len, text);
	else if (is_description(n))
		snprintf(out, size, "%s", n);
	else
		snprintf(out, size, "`%s`", n);
}

static bool expects(const char **expected, int n, const char *want)
{
	char name[40];

	for (int i = 0; i < n; i++) {
		unquote(expected[i], name, sizeof(name));
		if (strcmp(name, want) == 0)
			return true;
	}
	return false;
}

static const char *bracket_text(int t)
{
	switch (t) {
	case '(': return "(";
	case '[': case INDEX_BRACKET: case FOR_BRACKET: return "[";
	case '{': return "{";
	default: return "${";
	}
}

static const char *closer_text(int t)
{
	switch (t) {
	case '(': return ")";
	case '[': case INDEX_BRACKET: case FOR_BRACKET: return "]";
	case '{': return "}";
	default: return "}";
	}
}

/* Where to resume after an error at the last token (see syntax_report). */
struct recovery {
	bool again;	/* the failed token starts what comes next: resend it */
	bool restart;	/* ... and a '(' or '[' left open before it is dropped */
};

static struct recovery plan_recovery(struct parse_ctx *p)
{
	struct filter_token *last = &p->last;
	struct recovery r = { false, false };

	/* Resume in the innermost body open before the failed token. */
	p->recover_depth = 0;
	for (uint32_t i = last->depth; i > 0; i--) {
		if (p->brackets[i - 1].token == '{') {
			p->recover_depth = i;
			break;
		}
	}
	if (last->t <= 0 || last->redelivered)
		return r;
	r.restart = last->line_start && last->depth > p->recover_depth &&
		    only_parens_above(p, last->depth) &&
		    starts_statement(p, last->t);
	r.again = r.restart ||
		  is_sync_point(p, last->t, last->line_start, last->depth);
	return r;
}

/* Adds the help line (and a note) that fits the error, if one does. */
static void explain(struct parse_ctx *p, struct diag *d, const char *name,
		    struct loc loc, const char **expected, int nexpected,
		    bool restart)
{
	/* The innermost bracket open at the failing token, if any. */
	struct open_bracket *inner = p->last.depth ?
		&p->brackets[p->last.depth - 1] : NULL;
	bool in_body = !inner || inner->token == '{';
	bool open_earlier = false;
	bool assign = strcmp(name, "=") == 0 || strcmp(name, "+=") == 0 ||
		      strcmp(name, "-=") == 0;
	const char *text = p->src->text + loc.start;
	int len = (int)(loc.end - loc.start);

	if (!in_body && inner->token != STR_HEAD && inner->token != MSTR_HEAD) {
		uint32_t open_line, at_line, col;

		source_position(p->src, inner->offset, &open_line, &col);
		source_position(p->src, loc.start, &at_line, &col);
		open_earlier = open_line < at_line;
	}

	if (restart || (inner && strcmp(name, "end of file") == 0)) {
		/* A statement starts, or the file ends, inside a bracket. */
		uint32_t w = inner->token == STR_HEAD ||
			     inner->token == MSTR_HEAD ? 2 : 1;

		diag_help(d, "close the `%s` with `%s`", bracket_text(inner->token),
			  closer_text(inner->token));
		diag_note(d, span_make(p->src, inner->offset, inner->offset + w),
			  "this `%s` is not closed", bracket_text(inner->token));
	} else if (open_earlier) {
		diag_help(d, "if the `%s` should have closed before this line, add `%s` there",
			  bracket_text(inner->token), closer_text(inner->token));
		diag_note(d, span_make(p->src, inner->offset, inner->offset + 1),
			  "inside the `%s` opened here", bracket_text(inner->token));
	} else if (assign && in_body && p->before_prev_line_start &&
		   (is_name_token(p->before_prev) || p->before_prev == STRING) &&
		   expects(expected, nexpected, "*")) {
		diag_help(d, "is a value missing on the line above? the name that starts this line was read as that value");
	} else if (strcmp(name, "identifier") == 0 &&
		   ((len == 7 && strncmp(text, "extends", 7) == 0) ||
		    (len == 8 && strncmp(text, "inherits", 8) == 0))) {
		diag_help(d, "parents follow a colon: site paris-01 : eu-west, hw-large { ... }");
	} else if (expects(expected, nexpected, "?") &&
		   expects(expected, nexpected, ":")) {
		diag_help(d, "a schema field is `name: type`, or `name?: type` when optional");
	} else if (strcmp(name, "==") == 0 && expects(expected, nexpected, "=")) {
		diag_help(d, "a statement sets a value with `=`; `==` compares two values");
	} else if (strcmp(name, ":") == 0 && expects(expected, nexpected, "+=")) {
		diag_help(d, "statements set values with `=`: write `key = value`");
	} else if ((strcmp(name, "if") == 0 || strcmp(name, "else") == 0) &&
		   expects(expected, nexpected, "identifier")) {
		diag_help(d, "`%s` starts a conditional here; quote it to use it as a key: \"%s\"",
			  name, name);
	} else if ((p->before_prev == IF || p->before_prev == ELSE) &&
		   (assign || strcmp(name, ".") == 0)) {
		const char *kw = p->before_prev == IF ? "if" : "else";

		diag_help(d, "`%s` starts a conditional; quote it to use it as a key: \"%s\"",
			  kw, kw);
	} else if (strcmp(name, "unique") == 0 || strcmp(name, "keyed") == 0) {
		diag_help(d, "after a list or map type `%s` is a modifier; quote a field of that name: \"%s\"",
			  name, name);
	} else if (strcmp(name, "[") == 0 && expects(expected, nexpected, "=")) {
		diag_help(d, "a path picks a list element by a field: items[name = \"x\"]");
	} else if (strcmp(name, "=") == 0 && expects(expected, nexpected, "==")) {
		diag_help(d, "compare with `==`; `=` sets a value and starts a statement");
	} else if (p->before_prev == '[' &&
		   expects(expected, nexpected, "identifier") &&
		   !expects(expected, nexpected, "integer")) {
		diag_help(d, "a path picks a list element by a field: items[name = \"x\"]");
	} else if (expects(expected, nexpected, "identifier") &&
		   !expects(expected, nexpected, "end of file") &&
		   (p->before_prev == '.' || p->last.line_start) &&
		   (strcmp(name, "integer") == 0 || strcmp(name, "float") == 0)) {
		diag_help(d, "a name starts with a letter or `_`; quote other keys: \"%.*s\"",
			  len, text);
	}
}

void syntax_report(struct parse_ctx *p, const char *unexpected,
		   struct loc loc, const char **expected, int nexpected)
{
	char what[128], want[512], name[64];
	struct diag *d;

	/* Once per broken statement: not again for a token handed over a
	 * second time, nor after the scanner already reported this
	 * statement (a bad character, an unclosed string). */
	uint32_t since = p->last.line_start ? p->prev_stmt_start : p->stmt_start;
	bool quiet = p->stop || p->last.redelivered ||
		     (p->lex_error && p->lex_error_at >= since);
	struct recovery r = plan_recovery(p);

	/* START_EXPR is never written: it is not worth expecting */
	int kept = 0;
	for (int i = 0; i < nexpected; i++)
		if (!strstr(expected[i], "start of an expression") &&
		    !strstr(expected[i], "start of a path"))
			expected[kept++] = expected[i];
	nexpected = kept;
	describe_token(p, unexpected, loc, what, sizeof(what));
	describe_expected(expected, nexpected, want, sizeof(want));
	unquote(unexpected, name, sizeof(name));
	if (want[0])
		d = diag_new(E0201, syntax_span(p, loc), "unexpected %s; expected %s",
			     what, want);
	else
		d = diag_new(E0201, syntax_span(p, loc), "unexpected %s", what);
	explain(p, d, name, loc, expected, nexpected, r.restart);
	if (quiet) {
		diag_free(d);
	} else {
		/* Only the scanner's own errors silence the parser's. */
		bool lex_error = p->lex_error;
		uint32_t lex_error_at = p->lex_error_at;

		syntax_emit(p, d);
		p->lex_error = lex_error;
		p->lex_error_at = lex_error_at;
	}

	if (r.again) {
		struct filter_token tok = p->last;

		if (r.restart)
			abandon_brackets(p);
		tok.tracked = true;
		tok.redelivered = true;
		tok.depth = r.restart ? p->nbrackets : p->last.depth;
		hold(p, &tok);
		p->sync_pending = true;
		p->recovering = false;
	} else {
		p->recovering = true;
	}
}

void syntax_report_fatal(struct parse_ctx *p, struct loc loc, const char *msg)
{
	struct diag *d;

	if (strstr(msg, "exhausted")) {
		d = diag_new(E0114, syntax_span(p, loc),
			     "nested too deeply for the parser");
		diag_help(d, "split the nesting with `let` names; brackets may nest %d levels",
			  AST_MAX_DEPTH);
	} else {
		d = diag_new(E0201, syntax_span(p, loc), "%s", msg);
	}
	syntax_emit(p, d);
}

/* --- checks of the finished tree --------------------------------------------- */

static void check_path(struct parse_ctx *p, struct ast *path)
{
	for (uint32_t i = 0; i < path->u.path.segs.len; i++) {
		struct ast *seg = path->u.path.segs.items[i];

		if (seg->kind == AST_SEG_KEY && seg->u.seg.key->kind == AST_INTERP) {
			struct diag *d = diag_new(E0202, seg->span,
				"a key computed by interpolation in a statement path");

			diag_help(d, "paths of profile and site bodies are static; compute keys in an object literal: hosts = { \"${name}.local\" = ip }");
			syntax_emit(p, d);
		}
	}
}

static void check_static_body(struct parse_ctx *p, struct ast_list *body)
{
	for (uint32_t i = 0; i < body->len; i++) {
		struct ast *s = body->items[i];

		switch (s->kind) {
		case AST_SET:
		case AST_ADD:
		case AST_REMOVE:
			check_path(p, s->u.stmt.path);
			break;
		case AST_AMEND:
			check_path(p, s->u.stmt.path);
			check_static_body(p, &s->u.stmt.body);
			break;
		case AST_IF:
			check_static_body(p, &s->u.if_.then_body);
			check_static_body(p, &s->u.if_.else_body);
			break;
		case AST_FOR: {
			struct span kw = span_make(s->span.src, s->span.start,
						   s->span.start + 3);
			struct diag *d = diag_new(E0203, kw,
				"`for` in a profile or site body");

			diag_help(d, "build the object as a value: path = { for k, v in m: \"${k}\" = v }");
			syntax_emit(p, d);
			break;
		}
		default:
			break;
		}
	}
}

static void check_file(struct parse_ctx *p, struct ast *file)
{
	struct ast_list *decls = &file->u.file.decls;

	for (uint32_t i = 0; i < decls->len; i++) {
		struct ast *d = decls->items[i];

		if (d->kind == AST_PROFILE || d->kind == AST_SITE)
			check_static_body(p, &d->u.decl.body);
	}
	if (decls->len == 0 && p->errors == 0) {
		struct diag *d = diag_new(E0005, span_make(p->src, 0, 0),
					  "file declares nothing");

		diag_help(d, "add a declaration (schema, type, let, def, profile or site), or delete the file");
		syntax_emit(p, d);
	}
}

/* --- the entry point -------------------------------------------------------- */

static struct ast *parse(struct arena *arena, struct interner *names,
			 struct source *src, struct diag_sink *sink,
			 int start_token)
{
	struct parse_ctx p;
	yyscan_t scanner;

	memset(&p, 0, sizeof(p));
	p.start_token = start_token;
	p.arena = arena;
	p.names = names;
	p.src = src;
	p.sink = sink;
	p.prev_token = -1;
	if (scan_lex_init_extra(&p, &scanner))
		arena_oom();
	p.scanner = scanner;

	YY_BUFFER_STATE buf = scan__scan_bytes(src->text, (int)src->len, scanner);

	parser_parse(&p);
	scan__delete_buffer(buf, scanner);
	scan_lex_destroy(scanner);
	free(p.modes);
	free(p.brackets);

	if (start_token)
		return p.errors ? NULL : p.expr;

	struct ast *file = p.file;

	if (!file) {
		file = arena_zalloc(arena, sizeof(*file));
		file->kind = AST_FILE;
		file->depth = 1;
		file->span = span_make(src, 0, (uint32_t)src->len);
	}
	file->u.file.comments = p.comments;
	file->u.file.ncomments = p.ncomments;
	check_file(&p, file);
	return file;
}

struct ast *syntax_parse(struct arena *arena, struct interner *names,
			 struct source *src, struct diag_sink *sink)
{
	return parse(arena, names, src, sink, 0);
}

struct ast *syntax_parse_expr(struct arena *arena, struct interner *names,
			      struct source *src, struct diag_sink *sink)
{
	return parse(arena, names, src, sink, START_EXPR);
}

struct ast *syntax_parse_path(struct arena *arena, struct interner *names,
			      struct source *src, struct diag_sink *sink)
{
	return parse(arena, names, src, sink, START_PATH);
}
