// libedit's readline-compatible API (Debian/Ubuntu: libedit-dev).
#include <stdio.h>
#include <stdlib.h>
#include <editline/readline.h>
