// SPDX-License-Identifier: MIT
// C++'s allocation functions for the `zoning` executable (src/CMakeLists.txt), on mimalloc.
//
// zoning links mimalloc, whose library also replaces operator new; Debian's build of it aborts
// the process when an allocation fails, because it cannot see the program's new-handler (it asks a
// weak symbol of its own). A failed allocation must be a std::bad_alloc instead: main() catches it,
// temporary stores and export folders are removed on the way out and the user reads an error.
// These replacements, being the executable's, are found before the library's; they call
// mimalloc's own entry points, as its operator new does, so nothing is lost in speed.
#include <mimalloc.h>

#include <new>

namespace {

void* allocate(std::size_t size) {
    if (void* p = mi_new_nothrow(size)) return p;
    throw std::bad_alloc();
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) {
    if (void* p = mi_new_aligned_nothrow(size, static_cast<std::size_t>(alignment))) return p;
    throw std::bad_alloc();
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return mi_new_nothrow(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return mi_new_nothrow(size); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new[](std::size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return mi_new_aligned_nothrow(size, static_cast<std::size_t>(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return mi_new_aligned_nothrow(size, static_cast<std::size_t>(alignment));
}

void operator delete(void* p) noexcept { mi_free(p); }
void operator delete[](void* p) noexcept { mi_free(p); }
void operator delete(void* p, std::size_t size) noexcept { mi_free_size(p, size); }
void operator delete[](void* p, std::size_t size) noexcept { mi_free_size(p, size); }
void operator delete(void* p, const std::nothrow_t&) noexcept { mi_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { mi_free(p); }
void operator delete(void* p, std::align_val_t alignment) noexcept { mi_free_aligned(p, static_cast<std::size_t>(alignment)); }
void operator delete[](void* p, std::align_val_t alignment) noexcept { mi_free_aligned(p, static_cast<std::size_t>(alignment)); }
void operator delete(void* p, std::size_t size, std::align_val_t alignment) noexcept {
    mi_free_size_aligned(p, size, static_cast<std::size_t>(alignment));
}
void operator delete[](void* p, std::size_t size, std::align_val_t alignment) noexcept {
    mi_free_size_aligned(p, size, static_cast<std::size_t>(alignment));
}
void operator delete(void* p, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    mi_free_aligned(p, static_cast<std::size_t>(alignment));
}
void operator delete[](void* p, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    mi_free_aligned(p, static_cast<std::size_t>(alignment));
}
