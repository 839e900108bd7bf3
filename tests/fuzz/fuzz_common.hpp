// SPDX-License-Identifier: MIT
#pragma once
// What every fuzz target shares: the verdict on an exception, a private temp folder,
// the catalog and GDAL set up once (LLVMFuzzerInitialize).
//
// The contract being fuzzed: a parser given any bytes either returns or throws
// core::Error with a user-facing code (bad_input, output). Anything else is a finding:
// a signal, a sanitizer report, core::Error(internal), GeosError or any other
// exception (the CLI maps those to exit 5, "a bug"), so they abort here.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

#include "core/error.hpp"
#include "geo/geos.hpp"

namespace zoning::fuzz {

[[noreturn]] inline void finding(const char* what, const char* detail) {
    std::fprintf(stderr, "fuzz finding: %s: %s\n", what, detail);
    std::abort();
}

/// Runs `f`; an input-fault error is the expected refusal, anything else aborts.
template <class F>
void guarded(F&& f) {
    try {
        f();
    } catch (const core::Error& e) {
        if (e.code() == core::ExitCode::internal) finding("core::Error(internal)", e.what());
    } catch (const geo::GeosError& e) {
        finding("geo::GeosError", e.what());
    } catch (const std::exception& e) {
        finding("std::exception", e.what());
    } catch (...) {
        finding("unknown exception", "");
    }
}

/// A folder of this process only, removed at exit (a killed fuzzer leaves it to tmp cleaning).
inline const std::filesystem::path& temp_dir() {
    static const std::filesystem::path dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "zoning-fuzz-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) finding("setup", "mkdtemp failed");
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(temp_dir(), ec);
        });
        return std::filesystem::path(tmpl);
    }();
    return dir;
}

/// Writes the input to temp_dir()/name and returns the path.
inline std::filesystem::path write_temp(const std::string& name, const std::uint8_t* data, std::size_t size) {
    std::filesystem::path p = temp_dir() / name;
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) finding("setup", ("cannot write " + p.string()).c_str());
    return p;
}

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace zoning::fuzz
