/*
 * lex_support.h - the C half of the scanner: what lexer.l's actions call.
 *
 * Keeping the actions as one-line calls keeps lexer.l a table of patterns;
 * the logic (numbers, the string mode stack, bad bytes) is here, testable.
 */
#ifndef SITEC_LEX_SUPPORT_H
#define SITEC_LEX_SUPPORT_H

#include "syntax.h"

union PARSER_STYPE;

int lex_word(struct parse_ctx *p, union PARSER_STYPE *lval, const char *text,
	     int len, int token);
int lex_number(struct parse_ctx *p, union PARSER_STYPE *lval, struct loc loc,
	       const char *text, int len);
void lex_comment(struct parse_ctx *p, const char *text, uint32_t len);
void lex_bad_byte(struct parse_ctx *p, struct loc loc, enum diag_code code);
void lex_high_bytes(struct parse_ctx *p, struct loc loc, const char *text,
		    int len);
void lex_unexpected(struct parse_ctx *p, struct loc loc, char c);

void lex_open_brace(struct parse_ctx *p);
bool lex_close_brace(struct parse_ctx *p);
void lex_push_string(struct parse_ctx *p, int kind, uint32_t start);
void lex_mstring_begin(struct parse_ctx *p, uint32_t content, bool junk);
int lex_string_piece(struct parse_ctx *p, union PARSER_STYPE *lval,
		     struct loc *loc, uint32_t end, bool interp);
int lex_mstring_end(struct parse_ctx *p, union PARSER_STYPE *lval,
		    struct loc *loc, bool own_line);
int lex_unterminated(struct parse_ctx *p, union PARSER_STYPE *lval,
		     struct loc *loc);
/* From lex_interp_newline: the interpolation ended at a line break and
 * the multi-line string around it goes on. */
#define LEX_RESUMED (-1)
int lex_interp_newline(struct parse_ctx *p, union PARSER_STYPE *lval,
		       struct loc *loc);
int lex_after_string(struct parse_ctx *p);
/* The location of end of file: just after the last text, not on a blank
 * line below it. */
void lex_eof_location(struct parse_ctx *p, struct loc *loc);
int lex_regex(struct parse_ctx *p, union PARSER_STYPE *lval, struct loc loc,
	      const char *text, int len, bool closed);
_Noreturn void lex_fatal(const char *msg);

/* Defined in lexer.l, where the start conditions are: the state for a mode. */
int lex_start_state(int kind);

#endif
