/*
 * parser.y - the grammar of the site language (LANGUAGE.md sections 2-7).
 *
 * A pure parser with byte-offset locations. Actions are one call to an AST
 * builder in ast_build.c; there is no logic here. Everything is allocated in
 * the fleet arena, so symbols discarded during error recovery need no
 * %destructor: the arena frees them with the rest of the fleet.
 *
 * Between the scanner and the parser sits a token filter (syntax.c): it
 * tracks open brackets, inserts the separator a line break implies in a
 * list before '-', '(' or '[' (so a list of negative numbers one per line
 * stays a list), and after a syntax error skips to the next statement (the
 * first token that starts a line at the depth of the body that failed),
 * where it sends SYNC: `error SYNC` ends the broken statement and yyerrok
 * lets the next error be reported at once. LAC (parse.lac full) checks a
 * token before any reduction, so a syntax error lists exactly the tokens
 * that could have come there.
 */
%code top {
#define _POSIX_C_SOURCE 200809L
}

%code requires {
#include "syntax.h"
}

%code provides {
int scan_lex(PARSER_STYPE *lval, PARSER_LTYPE *lloc, void *scanner);
int parser_parse(struct parse_ctx *p);

/* In syntax.c: the token filter and the wording of syntax errors. */
#define SYNTAX_MAX_EXPECTED 128
int syntax_next_token(PARSER_STYPE *lval, PARSER_LTYPE *lloc,
		      struct parse_ctx *p);
void syntax_report(struct parse_ctx *p, const char *unexpected,
		   struct loc loc, const char **expected, int nexpected);
void syntax_report_fatal(struct parse_ctx *p, struct loc loc,
			 const char *msg);
}

%code {
#include "ast_build.h"

#include <string.h>

static int parser_lex(PARSER_STYPE *lval, PARSER_LTYPE *lloc,
		      struct parse_ctx *p);
static void parser_error(PARSER_LTYPE *loc, struct parse_ctx *p,
			 const char *msg);

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                       \
	do {                                                              \
		if (N) {                                                  \
			(Cur).start = YYRHSLOC(Rhs, 1).start;             \
			(Cur).end = YYRHSLOC(Rhs, N).end;                 \
		} else {                                                  \
			(Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;   \
		}                                                         \
	} while (0)
}

%define api.pure full
%define api.prefix {parser_}
%define api.location.type {struct loc}
%define parse.error custom
%define parse.lac full
%locations
%param {struct parse_ctx *p}
%expect 0

%union {
	const char *ident;
	int64_t ival;
	double fval;
	struct token_text text;
	struct ast *node;
	struct ast_list list;
	struct name_list names;
	struct ast_name name;
	bool flag;
}

%token <ident> IDENT "identifier"
%token <ident> SCHEMA "schema" TYPE "type" LET "let" DEF "def"
%token <ident> PROFILE "profile" SITE "site" FINAL "final"
%token <ident> IF "if" THEN "then" ELSE "else" FOR "for" IN "in"
%token <ident> TRUE "true" FALSE "false" NULL_ "null"
%token <ident> SELF "self" SUPER "super" UNIQUE "unique" KEYED "keyed"
%token <ival> INT "integer"
%token <fval> FLOAT "float"
%token <text> STRING "string" STR_HEAD "start of a string" STR_MID "middle of a string" STR_TAIL "end of a string"
%token <text> MSTRING "multi-line string" MSTR_HEAD "start of a multi-line string" MSTR_MID "middle of a multi-line string" MSTR_TAIL "end of a multi-line string"
%token <text> REGEX "regular expression"
%token ADD_ASSIGN "+=" SUB_ASSIGN "-=" EQ "==" NE "!=" LE "<=" GE ">="
%token AND "&&" OR "||" ELLIPSIS "..." DOTDOT ".."
%token SYNC "end of a broken statement"
%token START_EXPR "start of an expression"
%token START_PATH "start of a path"

%precedence LIST_ITEM
%precedence ELSE
%left OR
%left AND
%nonassoc EQ NE
%nonassoc '<' '>' LE GE
%left '+' '-'
%left '*' '/' '%'
%precedence UNARY
%precedence '[' '('

%type <node> decl schema_field type type_alt bound range stmt
%type <node> if_stmt path expr postfix primary string list object
%type <node> literal_type key_string
%type <list> decls fields stmts list_items args arglist type_args
%type <list> interp minterp union_alts
%type <names> parents_opt parents params_opt params
%type <name> decl_name name stmt_name field_name for_var
%type <node> type_mods
%type <flag> optional

%%

/* `sitec query` parses an expression and `sitec explain` a path: the
 * token filter sends START_EXPR or START_PATH
 * first, after the empty list of declarations, so a file's first state
 * still reduces that list by default and recovers as before. */
file:
	  decls                         { ast_file_done(p, &$1); }
	| decls START_EXPR expr         { p->expr = $3; }
	| decls START_PATH path         { p->expr = $3; }
	;

decls:
	  %empty                        { ast_list_init(&$$); }
	| decls decl                    { $$ = $1; ast_list_push(p, &$$, $2); }
	| decls ';'                     { $$ = $1; }
	| decls error SYNC              { $$ = $1; yyerrok; }
	;

decl:
	  SCHEMA decl_name parents_opt '{' fields '}'
	                                { $$ = ast_decl(p, AST_SCHEMA, $2, &$3, true, &$5, @$); }
	| TYPE decl_name '=' type       { $$ = ast_bind(p, AST_TYPEDEF, $2, $4, @$); }
	| LET decl_name '=' expr        { $$ = ast_bind(p, AST_CONST, $2, $4, @$); }
	| DEF decl_name '(' params_opt ')' '=' expr
	                                { $$ = ast_def(p, $2, &$4, $7, @$); }
	| PROFILE decl_name parents_opt '{' stmts '}'
	                                { $$ = ast_decl(p, AST_PROFILE, $2, &$3, true, &$5, @$); }
	| PROFILE decl_name parents_opt { $$ = ast_decl(p, AST_PROFILE, $2, &$3, false, NULL, @$); }
	| SITE decl_name parents_opt '{' stmts '}'
	                                { $$ = ast_decl(p, AST_SITE, $2, &$3, true, &$5, @$); }
	| SITE decl_name parents_opt    { $$ = ast_decl(p, AST_SITE, $2, &$3, false, NULL, @$); }
	;

decl_name:
	  IDENT                         { $$ = ast_name(p, $1, @1); }
	;

parents_opt:
	  %empty                        { ast_names_init(&$$); }
	| ':' parents                   { $$ = $2; }
	;

parents:
	  decl_name                     { ast_names_init(&$$); ast_names_push(p, &$$, $1); }
	| parents ',' decl_name         { $$ = $1; ast_names_push(p, &$$, $3); }
	;

params_opt:
	  %empty                        { ast_names_init(&$$); }
	| params                        { $$ = $1; }
	| params ','                    { $$ = $1; }
	;

params:
	  decl_name                     { ast_names_init(&$$); ast_names_push(p, &$$, $1); }
	| params ',' decl_name          { $$ = $1; ast_names_push(p, &$$, $3); }
	;

/* --- schemas and types ---------------------------------------------------- */

fields:
	  %empty                        { ast_list_init(&$$); }
	| fields schema_field           { $$ = $1; ast_list_push(p, &$$, $2); }
	| fields ELLIPSIS               { $$ = $1; ast_list_push(p, &$$, ast_open(p, @2)); }
	| fields ','                    { $$ = $1; }
	| fields ';'                    { $$ = $1; }
	| fields error SYNC             { $$ = $1; yyerrok; }
	;

schema_field:
	  field_name optional ':' type  { $$ = ast_field(p, $1, $2, $4, NULL, @$); }
	| field_name optional ':' type '=' expr
	                                { $$ = ast_field(p, $1, $2, $4, $6, @$); }
	;

optional:
	  %empty                        { $$ = false; }
	| '?'                           { $$ = true; }
	;

/* A field's name: any word but the type modifiers `unique` and `keyed`,
 * which may follow the type before it; quote those. */
field_name:
	  IDENT                         { $$ = ast_name(p, $1, @1); }
	| SCHEMA                        { $$ = ast_name(p, $1, @1); }
	| TYPE                          { $$ = ast_name(p, $1, @1); }
	| LET                           { $$ = ast_name(p, $1, @1); }
	| DEF                           { $$ = ast_name(p, $1, @1); }
	| PROFILE                       { $$ = ast_name(p, $1, @1); }
	| SITE                          { $$ = ast_name(p, $1, @1); }
	| FINAL                         { $$ = ast_name(p, $1, @1); }
	| IF                            { $$ = ast_name(p, $1, @1); }
	| THEN                          { $$ = ast_name(p, $1, @1); }
	| ELSE                          { $$ = ast_name(p, $1, @1); }
	| FOR                           { $$ = ast_name(p, $1, @1); }
	| IN                            { $$ = ast_name(p, $1, @1); }
	| TRUE                          { $$ = ast_name(p, $1, @1); }
	| FALSE                         { $$ = ast_name(p, $1, @1); }
	| NULL_                         { $$ = ast_name(p, $1, @1); }
	| SELF                          { $$ = ast_name(p, $1, @1); }
	| SUPER                         { $$ = ast_name(p, $1, @1); }
	| STRING                        { $$ = ast_key_name(p, $1, @1); }
	;

type:
	  type_alt                      { $$ = $1; }
	| union_alts                    { $$ = ast_type_union(p, &$1, @$); }
	;

union_alts:
	  type_alt '|' type_alt         { ast_list_init(&$$); ast_list_push(p, &$$, $1); ast_list_push(p, &$$, $3); }
	| union_alts '|' type_alt       { $$ = $1; ast_list_push(p, &$$, $3); }
	;

type_alt:
	  IDENT                         { $$ = ast_type_name(p, $1, @$); }
	| IDENT '(' range ')'           { $$ = ast_type_range(p, $1, $3, @$); }
	| IDENT '(' REGEX ')'           { $$ = ast_type_regex(p, $1, $3, @$); }
	| IDENT '<' type_args '>' type_mods
	                                { $$ = ast_type_generic(p, $1, &$3, $5, @$); }
	| literal_type                  { $$ = ast_type_literal(p, $1, @$); }
	| '{' fields '}'                { $$ = ast_type_record(p, &$2, @$); }
	| '(' type ')'                  { $$ = $2; }
	;

type_args:
	  type                          { ast_list_init(&$$); ast_list_push(p, &$$, $1); }
	| type_args ',' type            { $$ = $1; ast_list_push(p, &$$, $3); }
	;

type_mods:
	  %empty                        { $$ = ast_type_mods(p, @$); }
	| type_mods UNIQUE              { $$ = ast_mod_unique($1); }
	| type_mods KEYED name          { $$ = ast_mod_keyed($1, $3); }
	| type_mods '(' range ')'       { $$ = ast_mod_length($1, $3); }
	;

range:
	  bound DOTDOT bound            { $$ = ast_range(p, $1, $3, @$); }
	| bound DOTDOT                  { $$ = ast_range(p, $1, NULL, @$); }
	| DOTDOT bound                  { $$ = ast_range(p, NULL, $2, @$); }
	;

bound:
	  INT                           { $$ = ast_int(p, $1, @$); }
	| FLOAT                         { $$ = ast_float(p, $1, @$); }
	| '-' INT                       { $$ = ast_unary(p, OP_NEG, ast_int(p, $2, @2), @$); }
	| '-' FLOAT                     { $$ = ast_unary(p, OP_NEG, ast_float(p, $2, @2), @$); }
	;

literal_type:
	  STRING                        { $$ = ast_string1(p, $1, false, @$); }
	| bound                         { $$ = $1; }
	| TRUE                          { $$ = ast_bool(p, true, @$); }
	| FALSE                         { $$ = ast_bool(p, false, @$); }
	| NULL_                         { $$ = ast_null(p, @$); }
	;

/* --- bodies and statements ------------------------------------------------- */

stmts:
	  %empty                        { ast_list_init(&$$); }
	| stmts stmt                    { $$ = $1; ast_list_push(p, &$$, $2); }
	| stmts ','                     { $$ = $1; }
	| stmts ';'                     { $$ = $1; }
	| stmts error SYNC              { $$ = $1; yyerrok; }
	;

stmt:
	  path '=' expr                 { $$ = ast_stmt(p, AST_SET, false, $1, $3, @$); }
	| FINAL path '=' expr           { $$ = ast_stmt(p, AST_SET, true, $2, $4, @$); }
	| path ADD_ASSIGN expr          { $$ = ast_stmt(p, AST_ADD, false, $1, $3, @$); }
	| path SUB_ASSIGN expr          { $$ = ast_stmt(p, AST_REMOVE, false, $1, $3, @$); }
	| path '{' stmts '}'            { $$ = ast_amend(p, $1, &$3, @$); }
	| if_stmt                       { $$ = $1; }
	| LET IDENT '=' expr            { $$ = ast_bind(p, AST_LET, ast_name(p, $2, @2), $4, @$); }
	| FOR for_var IN expr ':' stmt  { $$ = ast_for(p, AST_FOR, NULL, $2, $4, NULL, $6, @$); }
	| FOR for_var ',' for_var IN expr ':' stmt
	                                { $$ = ast_for(p, AST_FOR, &$2, $4, $6, NULL, $8, @$); }
	| FOR for_var IN expr IF expr ':' stmt
	                                { $$ = ast_for(p, AST_FOR, NULL, $2, $4, $6, $8, @$); }
	| FOR for_var ',' for_var IN expr IF expr ':' stmt
	                                { $$ = ast_for(p, AST_FOR, &$2, $4, $6, $8, $10, @$); }
	;

if_stmt:
	  IF expr '{' stmts '}'         { $$ = ast_if(p, $2, &$4, NULL, @$); }
	| IF expr '{' stmts '}' ELSE '{' stmts '}'
	                                { $$ = ast_if(p, $2, &$4, &$8, @$); }
	| IF expr '{' stmts '}' ELSE if_stmt
	                                { $$ = ast_if_else_if(p, $2, &$4, $7, @$); }
	| IF expr '{' stmts '}' ELSE error SYNC
	                                { $$ = ast_if(p, $2, &$4, NULL, @$); yyerrok; }
	;

for_var:
	  IDENT                         { $$ = ast_name(p, $1, @1); }
	;

path:
	  stmt_name                     { $$ = ast_path(p, ast_seg_name(p, $1), @$); }
	| key_string                    { $$ = ast_path(p, ast_seg_key(p, $1), @$); }
	| path '.' name                 { $$ = ast_path_push(p, $1, ast_seg_name(p, $3), @$); }
	| path '.' key_string           { $$ = ast_path_push(p, $1, ast_seg_key(p, $3), @$); }
	| path '[' name '=' expr ']'    { $$ = ast_path_push(p, $1, ast_seg_select(p, $3, $5, @2, @6), @$); }
	;

key_string:
	  STRING                        { $$ = ast_string1(p, $1, false, @$); }
	| interp STR_TAIL               { $$ = ast_string_done(p, &$1, $2, false, @$); }
	;

/* The first word of a statement: any word but `if` and `else`, which
 * would be read as a conditional. Quote those: "if" = 1. */
stmt_name:
	  IDENT                         { $$ = ast_name(p, $1, @1); }
	| SCHEMA                        { $$ = ast_name(p, $1, @1); }
	| TYPE                          { $$ = ast_name(p, $1, @1); }
	| LET                           { $$ = ast_name(p, $1, @1); }
	| DEF                           { $$ = ast_name(p, $1, @1); }
	| PROFILE                       { $$ = ast_name(p, $1, @1); }
	| SITE                          { $$ = ast_name(p, $1, @1); }
	| FINAL                         { $$ = ast_name(p, $1, @1); }
	| THEN                          { $$ = ast_name(p, $1, @1); }
	| FOR                           { $$ = ast_name(p, $1, @1); }
	| IN                            { $$ = ast_name(p, $1, @1); }
	| TRUE                          { $$ = ast_name(p, $1, @1); }
	| FALSE                         { $$ = ast_name(p, $1, @1); }
	| NULL_                         { $$ = ast_name(p, $1, @1); }
	| SELF                          { $$ = ast_name(p, $1, @1); }
	| SUPER                         { $$ = ast_name(p, $1, @1); }
	| UNIQUE                        { $$ = ast_name(p, $1, @1); }
	| KEYED                         { $$ = ast_name(p, $1, @1); }
	;

/* Any word, after a '.' or inside a selector. */
name:
	  stmt_name                     { $$ = $1; }
	| IF                            { $$ = ast_name(p, $1, @1); }
	| ELSE                          { $$ = ast_name(p, $1, @1); }
	;

/* --- expressions ------------------------------------------------------------ */

expr:
	  postfix %prec LIST_ITEM       { $$ = $1; }
	| IF expr THEN expr ELSE expr   { $$ = ast_cond(p, $2, $4, $6, @$); }
	| expr OR expr                  { $$ = ast_binary(p, OP_OR, $1, $3, @$); }
	| expr AND expr                 { $$ = ast_binary(p, OP_AND, $1, $3, @$); }
	| expr EQ expr                  { $$ = ast_binary(p, OP_EQ, $1, $3, @$); }
	| expr NE expr                  { $$ = ast_binary(p, OP_NE, $1, $3, @$); }
	| expr '<' expr                 { $$ = ast_binary(p, OP_LT, $1, $3, @$); }
	| expr LE expr                  { $$ = ast_binary(p, OP_LE, $1, $3, @$); }
	| expr '>' expr                 { $$ = ast_binary(p, OP_GT, $1, $3, @$); }
	| expr GE expr                  { $$ = ast_binary(p, OP_GE, $1, $3, @$); }
	| expr '+' expr                 { $$ = ast_binary(p, OP_ADD, $1, $3, @$); }
	| expr '-' expr                 { $$ = ast_binary(p, OP_SUB, $1, $3, @$); }
	| expr '*' expr                 { $$ = ast_binary(p, OP_MUL, $1, $3, @$); }
	| expr '/' expr                 { $$ = ast_binary(p, OP_DIV, $1, $3, @$); }
	| expr '%' expr                 { $$ = ast_binary(p, OP_MOD, $1, $3, @$); }
	| '-' expr %prec UNARY          { $$ = ast_unary(p, OP_NEG, $2, @$); }
	| '!' expr %prec UNARY          { $$ = ast_unary(p, OP_NOT, $2, @$); }
	;

postfix:
	  primary                       { $$ = $1; }
	| postfix '.' name              { $$ = ast_get(p, $1, $3, false, @$); }
	| postfix '.' STRING            { $$ = ast_get(p, $1, ast_key_name(p, $3, @3), true, @$); }
	| postfix '[' expr ']'          { $$ = ast_index(p, $1, $3, @$); }
	;

primary:
	  INT                           { $$ = ast_int(p, $1, @$); }
	| FLOAT                         { $$ = ast_float(p, $1, @$); }
	| TRUE                          { $$ = ast_bool(p, true, @$); }
	| FALSE                         { $$ = ast_bool(p, false, @$); }
	| NULL_                         { $$ = ast_null(p, @$); }
	| string                        { $$ = $1; }
	| IDENT %prec LIST_ITEM         { $$ = ast_ref(p, $1, @$); }
	| SELF                          { $$ = ast_leaf(p, AST_SELF, @$); }
	| SITE                          { $$ = ast_leaf(p, AST_SITE_REF, @$); }
	| SUPER                         { $$ = ast_leaf(p, AST_SUPER, @$); }
	| IDENT '(' args ')'            { $$ = ast_call(p, ast_name(p, $1, @1), &$3, @$); }
	| UNIQUE '(' args ')'           { $$ = ast_call(p, ast_name(p, $1, @1), &$3, @$); }
	| '(' expr ')'                  { $$ = ast_paren(p, $2); }
	| list                          { $$ = $1; }
	| object                        { $$ = $1; }
	;

string:
	  STRING                        { $$ = ast_string1(p, $1, false, @$); }
	| interp STR_TAIL               { $$ = ast_string_done(p, &$1, $2, false, @$); }
	| MSTRING                       { $$ = ast_string1(p, $1, true, @$); }
	| minterp MSTR_TAIL             { $$ = ast_string_done(p, &$1, $2, true, @$); }
	;

interp:
	  STR_HEAD expr                 { ast_list_init(&$$); ast_interp_text(p, &$$, $1); ast_list_push(p, &$$, $2); }
	| interp STR_MID expr           { $$ = $1; ast_interp_text(p, &$$, $2); ast_list_push(p, &$$, $3); }
	;

minterp:
	  MSTR_HEAD expr                { ast_list_init(&$$); ast_interp_text(p, &$$, $1); ast_list_push(p, &$$, $2); }
	| minterp MSTR_MID expr         { $$ = $1; ast_interp_text(p, &$$, $2); ast_list_push(p, &$$, $3); }
	;

args:
	  %empty                        { ast_list_init(&$$); }
	| arglist                       { $$ = $1; }
	| arglist ','                   { $$ = $1; }
	;

arglist:
	  expr                          { ast_list_init(&$$); ast_list_push(p, &$$, $1); }
	| arglist ',' expr              { $$ = $1; ast_list_push(p, &$$, $3); }
	;

list:
	  '[' list_items ']'            { $$ = ast_list_expr(p, &$2, @$); }
	| '[' FOR for_var IN expr ':' expr ']'
	                                { $$ = ast_for(p, AST_LIST_FOR, NULL, $3, $5, NULL, $7, @$); }
	| '[' FOR for_var ',' for_var IN expr ':' expr ']'
	                                { $$ = ast_for(p, AST_LIST_FOR, &$3, $5, $7, NULL, $9, @$); }
	| '[' FOR for_var IN expr IF expr ':' expr ']'
	                                { $$ = ast_for(p, AST_LIST_FOR, NULL, $3, $5, $7, $9, @$); }
	| '[' FOR for_var ',' for_var IN expr IF expr ':' expr ']'
	                                { $$ = ast_for(p, AST_LIST_FOR, &$3, $5, $7, $9, $11, @$); }
	;

list_items:
	  %empty                        { ast_list_init(&$$); }
	| list_items expr %prec LIST_ITEM
	                                { $$ = $1; ast_list_push(p, &$$, $2); }
	| list_items ','                { $$ = $1; }
	| list_items ';'                { $$ = $1; }
	;

object:
	  '{' stmts '}'                 { $$ = ast_object(p, &$2, @$); }
	;

%%

/* Hands the parser's view of a syntax error to syntax.c, which words it. */
static int yyreport_syntax_error(const yypcontext_t *ctx, struct parse_ctx *p)
{
	yysymbol_kind_t expected[SYNTAX_MAX_EXPECTED];
	const char *names[SYNTAX_MAX_EXPECTED];
	int n = yypcontext_expected_tokens(ctx, expected, SYNTAX_MAX_EXPECTED);

	if (n < 0)
		n = 0;
	for (int i = 0; i < n; i++)
		names[i] = yysymbol_name(expected[i]);
	syntax_report(p, yysymbol_name(yypcontext_token(ctx)),
		      *yypcontext_location(ctx), names, n);
	return 0;
}

static void parser_error(PARSER_LTYPE *loc, struct parse_ctx *p,
			 const char *msg)
{
	syntax_report_fatal(p, *loc, msg);
}

static int parser_lex(PARSER_STYPE *lval, PARSER_LTYPE *lloc,
		      struct parse_ctx *p)
{
	return syntax_next_token(lval, lloc, p);
}
