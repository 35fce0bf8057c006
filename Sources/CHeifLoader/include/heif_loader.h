#ifndef SQUINT_HEIF_LOADER_H
#define SQUINT_HEIF_LOADER_H

#include <libheif/heif.h>

/// The libheif functions Squint calls, loaded on first use.
///
/// Linking libheif loads it at every start together with the HEVC and AV1 codecs it depends on (libde265,
/// x265, dav1d, aom), whose initialisers cost each `squint` run about 3 ms; most runs never meet a HEIF.
/// On Linux the library is opened with dlopen the first time a HEIF is decoded; elsewhere it is linked.
struct squint_heif_api {
    __typeof__(heif_init) *init;
    __typeof__(heif_context_alloc) *context_alloc;
    __typeof__(heif_context_free) *context_free;
    __typeof__(heif_context_read_from_memory_without_copy) *context_read_from_memory_without_copy;
    __typeof__(heif_context_get_primary_image_handle) *context_get_primary_image_handle;
    __typeof__(heif_image_handle_release) *image_handle_release;
    __typeof__(heif_image_handle_get_width) *image_handle_get_width;
    __typeof__(heif_image_handle_get_height) *image_handle_get_height;
    __typeof__(heif_image_handle_has_alpha_channel) *image_handle_has_alpha_channel;
    __typeof__(heif_decoding_options_alloc) *decoding_options_alloc;
    __typeof__(heif_decoding_options_free) *decoding_options_free;
    __typeof__(heif_decode_image) *decode_image;
    __typeof__(heif_image_release) *image_release;
    __typeof__(heif_image_get_width) *image_get_width;
    __typeof__(heif_image_get_height) *image_get_height;
    __typeof__(heif_image_get_plane_readonly) *image_get_plane_readonly;
};

/// The functions, loaded (once, thread-safely) and with `heif_init` done; or NULL with the reason in
/// `*reason` (a static string) when libheif cannot be loaded.
const struct squint_heif_api *squint_heif_api(const char **reason);

#endif
