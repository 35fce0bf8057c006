#ifndef SQUINT_BUILD_INFO_H
#define SQUINT_BUILD_INFO_H

/// The git commit the binary was built from: `make release` and `make install` pass it with
/// `-Xcc -DSQUINT_COMMIT='"abc1234"'`; other builds leave it empty. A C define, because SwiftPM has no way to hand a
/// value to Swift code at build time.
const char *squint_build_commit(void);

#endif
