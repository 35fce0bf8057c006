#include "jpeg_scanlines.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

/* TurboJPEG's TJFLAG_LIMITSCANS limit: a crafted progressive file with thousands of tiny scans would
   otherwise take minutes. */
#define MAX_SCANS 500

struct squint_jpeg_scanlines {
    struct jpeg_decompress_struct info;
    struct jpeg_error_mgr errors;
    struct jpeg_progress_mgr progress;
    jmp_buf escape;
    int warnings;
    char message[JMSG_LENGTH_MAX];
};

static void fail(j_common_ptr info) {
    squint_jpeg_scanlines *decoder = (squint_jpeg_scanlines *)info->client_data;
    (*info->err->format_message)(info, decoder->message);
    longjmp(decoder->escape, 1);
}

/* Warnings (level -1) are remembered, not printed: the caller decides whether they matter. Trace
   messages (levels above 0) are ignored. */
static void note(j_common_ptr info, int level) {
    squint_jpeg_scanlines *decoder = (squint_jpeg_scanlines *)info->client_data;
    if (level >= 0) return;
    decoder->warnings++;
    (*info->err->format_message)(info, decoder->message);
}

static void limit_scans(j_common_ptr info) {
    j_decompress_ptr decompress = (j_decompress_ptr)info;
    if (decompress->is_decompressor && decompress->progressive_mode && decompress->input_scan_number > MAX_SCANS) {
        squint_jpeg_scanlines *decoder = (squint_jpeg_scanlines *)info->client_data;
        snprintf(decoder->message, sizeof decoder->message, "more than %d progressive scans", MAX_SCANS);
        longjmp(decoder->escape, 1);
    }
}

squint_jpeg_status squint_jpeg_scanlines_open(const unsigned char *data, size_t size, int scale_eighths,
                                              squint_jpeg_scanlines **result, char *message, size_t message_size) {
    *result = NULL;
    if (message_size > 0) message[0] = '\0';
    squint_jpeg_scanlines *decoder = calloc(1, sizeof *decoder);
    if (decoder == NULL) {
        snprintf(message, message_size, "out of memory");
        return SQUINT_JPEG_FAILED;
    }
    decoder->info.err = jpeg_std_error(&decoder->errors);
    decoder->errors.error_exit = fail;
    decoder->errors.emit_message = note;
    decoder->info.client_data = decoder;
    if (setjmp(decoder->escape)) {
        snprintf(message, message_size, "%s", decoder->message);
        jpeg_destroy_decompress(&decoder->info);
        free(decoder);
        return SQUINT_JPEG_FAILED;
    }
    jpeg_create_decompress(&decoder->info);
    decoder->progress.progress_monitor = limit_scans;
    decoder->info.progress = &decoder->progress;
    jpeg_mem_src(&decoder->info, data, (unsigned long)size);
    jpeg_read_header(&decoder->info, TRUE);
    J_COLOR_SPACE space = decoder->info.jpeg_color_space;
    if (space == JCS_CMYK || space == JCS_YCCK || decoder->info.num_components == 2 ||
        decoder->info.num_components > 4) {
        jpeg_destroy_decompress(&decoder->info);
        free(decoder);
        return SQUINT_JPEG_UNSUPPORTED;
    }
    decoder->info.out_color_space = JCS_EXT_RGBA;
    decoder->info.scale_num = (unsigned int)(scale_eighths < 1 ? 1 : scale_eighths > 8 ? 8 : scale_eighths);
    decoder->info.scale_denom = 8;
    jpeg_start_decompress(&decoder->info);
    *result = decoder;
    return SQUINT_JPEG_OK;
}

int squint_jpeg_scanlines_width(const squint_jpeg_scanlines *decoder) { return (int)decoder->info.output_width; }

int squint_jpeg_scanlines_height(const squint_jpeg_scanlines *decoder) { return (int)decoder->info.output_height; }

int squint_jpeg_scanlines_read(squint_jpeg_scanlines *decoder, unsigned char **rows, int count) {
    if (setjmp(decoder->escape)) return -1;
    int done = 0;
    while (done < count && decoder->info.output_scanline < decoder->info.output_height) {
        done += (int)jpeg_read_scanlines(&decoder->info, rows + done, (JDIMENSION)(count - done));
    }
    return done;
}

int squint_jpeg_scanlines_finish(squint_jpeg_scanlines *decoder) {
    if (setjmp(decoder->escape)) return -1;
    jpeg_finish_decompress(&decoder->info);
    return 0;
}

const char *squint_jpeg_scanlines_message(const squint_jpeg_scanlines *decoder) { return decoder->message; }

int squint_jpeg_scanlines_warnings(const squint_jpeg_scanlines *decoder) { return decoder->warnings; }

void squint_jpeg_scanlines_close(squint_jpeg_scanlines *decoder) {
    if (decoder == NULL) return;
    /* Also ends a decompression stopped half-way (cancelled, or failed). */
    jpeg_destroy_decompress(&decoder->info);
    free(decoder);
}
