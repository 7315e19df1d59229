/*
 * commands.h - the commands of `sitec` that live outside main.c: each
 * takes argc/argv from the command's name on (argv[0] is "sitec NAME")
 * and returns the exit status (0 ok, 1 errors or a failed check, 2 usage,
 * 3 I/O).
 */
#ifndef SITEC_CLI_COMMANDS_H
#define SITEC_CLI_COMMANDS_H

int cmd_keygen(int argc, char **argv);
int cmd_verify_bundle(int argc, char **argv);

#endif
