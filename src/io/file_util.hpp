// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <string>

namespace zoning::io {

/// A temporary file beside `target` that becomes `target` only on commit(); if the
/// scope is left without commit() the temporary is removed, so a failed write never
/// touches what is already stored at `target`.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    const std::filesystem::path& temp_path() const noexcept { return m_temp; }
    const std::filesystem::path& target() const noexcept { return m_target; }
    /// fsyncs and renames the temporary over the target; throws Error(output).
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

/// Reads a whole text file; throws Error(bad_input) naming it.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace zoning::io
