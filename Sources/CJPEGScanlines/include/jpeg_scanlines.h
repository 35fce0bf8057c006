#ifndef SQUINT_JPEG_SCANLINES_H
#define SQUINT_JPEG_SCANLINES_H

#include <stddef.h>

/// A JPEG decoded a few rows at a time through libjpeg's scanline API, so the rows can be used (resampled)
/// while the rest is still being entropy-decoded. libjpeg reports fatal errors by longjmp, which Swift
/// cannot catch: every call that can fail runs under setjmp here and returns a status instead.
typedef struct squint_jpeg_scanlines squint_jpeg_scanlines;

typedef enum {
    SQUINT_JPEG_OK = 0,
    SQUINT_JPEG_FAILED = -1,       /* libjpeg gave up: squint_jpeg_scanlines_message says why */
    SQUINT_JPEG_UNSUPPORTED = -2,  /* CMYK/YCCK or an unusual layout: decode another way */
} squint_jpeg_status;

/// Starts decoding `data` (not copied: it must outlive the decoder) at `scale_eighths`/8 of full size, as
/// RGBA. On SQUINT_JPEG_FAILED the message is copied into `message` (NUL-terminated, `message_size` bytes).
squint_jpeg_status squint_jpeg_scanlines_open(const unsigned char *data, size_t size, int scale_eighths,
                                              squint_jpeg_scanlines **decoder, char *message, size_t message_size);

/// The size of the rows `squint_jpeg_scanlines_read` hands out.
int squint_jpeg_scanlines_width(const squint_jpeg_scanlines *decoder);
int squint_jpeg_scanlines_height(const squint_jpeg_scanlines *decoder);

/// Decodes up to `count` rows into `rows` (each 4 × width bytes). Returns how many, 0 once all are read,
/// or -1 on failure (see the message).
int squint_jpeg_scanlines_read(squint_jpeg_scanlines *decoder, unsigned char **rows, int count);

/// Finishes the file after the last row (reading what follows the last scan). 0, or -1 on failure.
int squint_jpeg_scanlines_finish(squint_jpeg_scanlines *decoder);

/// The fatal error, or else the last warning ("Premature end of JPEG file", ...), or "".
const char *squint_jpeg_scanlines_message(const squint_jpeg_scanlines *decoder);

/// How many warnings libjpeg reported (corrupt data it skipped over, a cut-off file).
int squint_jpeg_scanlines_warnings(const squint_jpeg_scanlines *decoder);

void squint_jpeg_scanlines_close(squint_jpeg_scanlines *decoder);

#endif
