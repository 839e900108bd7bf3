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

/// A folder written next to `target` and swapped in on commit(); removed otherwise, so a
/// failed export leaves no half-written files and an existing folder untouched. Refuses a
/// folder that exists and is not empty unless `force` (Error bad_input).
class AtomicDir {
public:
    AtomicDir(std::filesystem::path target, bool force);
    ~AtomicDir();
    AtomicDir(const AtomicDir&) = delete;
    AtomicDir& operator=(const AtomicDir&) = delete;
    const std::filesystem::path& temp() const { return m_temp; }
    void commit();

private:
    std::filesystem::path m_target, m_temp;
    bool m_done = false;
};

/// Writes `text` to `path` through an AtomicFile. Throws Error(output).
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

/// Reads a whole text file; throws Error(bad_input) naming it.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace zoning::io
