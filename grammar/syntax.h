/*
 * syntax.h - parsing one source file into an AST.
 *
 * syntax_parse() runs the flex scanner and the bison parser over a source
 * and returns its AST_FILE node, which is never NULL: a file with syntax
 * errors yields the declarations that parsed, and every error went to the
 * sink. The rest of this header is the state shared by grammar/lexer.l,
 * grammar/parser.y and the AST builders in ast_build.c; other phases need only
 * syntax_parse().
 */
#ifndef SITEC_SYNTAX_H
#define SITEC_SYNTAX_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "intern.h"

struct ast *syntax_parse(struct arena *arena, struct interner *names,
			 struct source *src, struct diag_sink *sink);
/*
 * Parses the whole of src as one expression (`sitec query`). Returns NULL
 * after reporting a syntax error to sink.
 */
struct ast *syntax_parse_expr(struct arena *arena, struct interner *names,
			      struct source *src, struct diag_sink *sink);
/* The same for a statement's path (`sitec explain`): an AST_PATH. */
struct ast *syntax_parse_path(struct arena *arena, struct interner *names,
			      struct source *src, struct diag_sink *sink);

/* --- shared by the scanner, the parser and the builders ------------------ */

/* Bison's location type: byte offsets [start, end) in the source. */
struct loc {
	uint32_t start, end;
};

/* A token's text: for strings, the raw source bytes between delimiters. */
struct token_text {
	const char *text;
	uint32_t len;
	uint32_t offset;	/* of text in the source */
};

/* A list of names (parents, parameters) being built. */
struct name_list {
	struct ast_name *items;
	uint32_t len, cap;
};

/* One open construct of the scanner: a string or an interpolation. */
struct lex_mode {
	enum { MODE_STRING, MODE_MSTRING, MODE_INTERP } kind;
	uint32_t start;		/* offset of the opening delimiter */
	uint32_t piece;		/* STRING: where the current text piece began */
	bool resumed;		/* STRING: a piece after an interpolation */
	uint32_t braces;	/* INTERP: '{' opened inside it, not closed */
};

/* A token as the filter sees it: what the scanner gave, and how it stood. */
struct filter_token {
	int t;
	struct loc loc;
	_Alignas(16) unsigned char val[64];	/* a PARSER_STYPE */
	bool line_start;	/* first on its line */
	uint32_t depth;		/* open brackets before it */
	bool tracked;		/* its bracket is already counted */
	bool redelivered;	/* given to the parser a second time */
};

/* A bracket the token filter has seen open. */
struct open_bracket {
	int token;
	uint32_t offset;
};

struct parse_ctx {
	struct arena *arena;
	struct interner *names;
	struct source *src;
	struct diag_sink *sink;
	void *scanner;

	uint32_t pos;		/* scanner: offset of the next byte */
	bool newline_before;	/* scanner: a line break since the last token */
	struct lex_mode *modes;
	uint32_t nmodes, modes_cap;
	struct ast_comment *comments;
	uint32_t ncomments, comments_cap;

	/* the token filter between scanner and parser (syntax.c) */
	struct open_bracket *brackets;
	uint32_t nbrackets, brackets_cap;
	bool recovering;
	uint32_t recover_depth;
	int prev_token;		/* -1 before the first token */
	int before_prev;	/* the token before prev_token */
	bool before_prev_line_start;
	struct filter_token held;	/* held back behind an inserted token */
	bool has_held;
	bool sync_pending;	/* send SYNC before the held token */
	struct filter_token peek;	/* read ahead, not yet filtered */
	bool has_peek;
	bool scanned_any;
	struct filter_token last;	/* the last token given to the parser */
	uint32_t stmt_start, prev_stmt_start;	/* last line-start tokens */
	bool lex_error;		/* an error since prev_stmt_start */
	bool stop;		/* too many errors: read no further */
	uint32_t lex_error_at;
	bool depth_reported;
	unsigned errors;
	struct ast *file;
	struct ast *expr;	/* syntax_parse_expr/_path: the result */
	int start_token;	/* START_EXPR or START_PATH first, or 0 */
};

#define SYNTAX_MAX_ERRORS 50

struct span syntax_span(struct parse_ctx *p, struct loc loc);
void syntax_emit(struct parse_ctx *p, struct diag *d);

#endif
