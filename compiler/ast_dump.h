/*
 * ast_dump.h - the AST as JSON (`sitec parse --dump`).
 */
#ifndef SITEC_AST_DUMP_H
#define SITEC_AST_DUMP_H

#include "ast.h"

#include <stdio.h>
#include <string.h>

/* Writes the tree as indented JSON and a newline; 0 on success. */
int ast_dump_json(FILE *out, const struct ast *file);

#endif
