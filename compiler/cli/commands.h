/*
 * commands.h - the commands of `sitec` that live outside main.c: each
 * takes argc/argv from the command's name on (argv[0] is "sitec NAME")
 * and returns the exit status (0 ok, 1 errors or a failed check, 2 usage,
 * 3 I/O).
 */
#ifndef SITEC_CLI_COMMANDS_H
#define SITEC_CLI_COMMANDS_H

struct compile_fleet_opts;
struct gitsrc;

int cmd_keygen(int argc, char **argv);
int cmd_verify_bundle(int argc, char **argv);
int cmd_publish(int argc, char **argv);
int cmd_affected(int argc, char **argv);
int cmd_graph(int argc, char **argv);

/*
 * --rev REV [--repo DIR] of compile and check: opens the revision
 * (o->paths: at most one FLEETDIR, a path in the repository) and points
 * o at its fleet; notes on stderr when the work tree differs from it.
 * Returns 0 (free *g with gitsrc_free after the run) or the exit status,
 * the message printed.
 */
int cli_rev_open(const char *cmd, const char *repo, const char *rev,
		 struct compile_fleet_opts *o, struct gitsrc **g);

#endif
