#include "heif_loader.h"

#include <pthread.h>
#include <stddef.h>

static struct squint_heif_api api;
static const char *failure;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#if defined(__linux__)
#include <dlfcn.h>

static void *handle;

static void *symbol(const char *name) {
    void *found = dlsym(handle, name);
    if (found == NULL && failure == NULL) failure = "libheif.so.1 lacks a function Squint needs (libheif 1.13 or later is required)";
    return found;
}

#define LOAD(field, name) api.field = (__typeof__(api.field))symbol(#name)

static void load(void) {
    /* RTLD_LOCAL: libheif's symbols stay out of the global scope, so nothing else binds to them. */
    handle = dlopen("libheif.so.1", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        failure = "libheif.so.1 is not installed (Debian/Ubuntu: apt-get install libheif1)";
        return;
    }
    LOAD(init, heif_init);
    LOAD(context_alloc, heif_context_alloc);
    LOAD(context_free, heif_context_free);
    LOAD(context_read_from_memory_without_copy, heif_context_read_from_memory_without_copy);
    LOAD(context_get_primary_image_handle, heif_context_get_primary_image_handle);
    LOAD(image_handle_release, heif_image_handle_release);
    LOAD(image_handle_get_width, heif_image_handle_get_width);
    LOAD(image_handle_get_height, heif_image_handle_get_height);
    LOAD(image_handle_has_alpha_channel, heif_image_handle_has_alpha_channel);
    LOAD(decoding_options_alloc, heif_decoding_options_alloc);
    LOAD(decoding_options_free, heif_decoding_options_free);
    LOAD(decode_image, heif_decode_image);
    LOAD(image_release, heif_image_release);
    LOAD(image_get_width, heif_image_get_width);
    LOAD(image_get_height, heif_image_get_height);
    LOAD(image_get_plane_readonly, heif_image_get_plane_readonly);
    if (failure != NULL) return;
    /* Decoder plugins are registered once, here, rather than inside the first heif_context_alloc, which
       two preview tasks might race for. Never balanced by heif_deinit: the process ends first. */
    if (api.init(NULL).code != heif_error_Ok) failure = "libheif could not be initialised";
}
#else
static void load(void) {
    api = (struct squint_heif_api){
        heif_init, heif_context_alloc, heif_context_free, heif_context_read_from_memory_without_copy,
        heif_context_get_primary_image_handle, heif_image_handle_release, heif_image_handle_get_width,
        heif_image_handle_get_height, heif_image_handle_has_alpha_channel, heif_decoding_options_alloc,
        heif_decoding_options_free, heif_decode_image, heif_image_release, heif_image_get_width,
        heif_image_get_height, heif_image_get_plane_readonly,
    };
    if (heif_init(NULL).code != heif_error_Ok) failure = "libheif could not be initialised";
}
#endif

const struct squint_heif_api *squint_heif_api(const char **reason) {
    pthread_once(&once, load);
    if (failure != NULL) {
        if (reason != NULL) *reason = failure;
        return NULL;
    }
    return &api;
}
