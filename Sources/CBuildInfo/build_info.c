#include "build_info.h"

#ifndef SQUINT_COMMIT
#define SQUINT_COMMIT ""
#endif

const char *squint_build_commit(void) { return SQUINT_COMMIT; }
