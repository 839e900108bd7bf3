// SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace zoning::io {

/// The path an output really names: trailing slashes dropped, and a symlink (the last
/// component, followed link by link, and the folders above it) resolved, so an output
/// that is a symlink is written through: the link's target is replaced, the link stays.
/// Throws Error(output) for a name longer than 255 bytes.
std::filesystem::path resolve_output(const std::filesystem::path& p);

/// The one guard every command calls before it writes: throws Error(bad_input) when
/// writing `output` (a file, or a folder that is replaced whole) would replace or delete
/// one of `inputs` -- the same file (by filesystem identity, through symlinks and hard
/// links), or a folder that contains it. `option` names the output in the message.
/// Inputs that do not exist, or are connection strings, are skipped.
void guard_output(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs, const std::string& option);

/// The hidden name of a temporary or parked copy beside `target`: ".NAME.TAG-PID", with a
/// long NAME shortened (kept unique by a hash) so the whole stays within 255 bytes.
std::string hidden_name(const std::filesystem::path& target, const std::string& tag, long pid);

/// A temporary file beside `target` that becomes `target` only on commit(); if the
/// scope is left without commit() the temporary is removed, so a failed write never
/// touches what is already stored at `target`. A symlinked target is written through.
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
/// folder that exists and is not empty unless `force` or every entry in it is a file named
/// in `own_files` (a previous output of the same kind) (Error bad_input).
/// The swap is an atomic exchange (renameat2 RENAME_EXCHANGE) where the filesystem has it,
/// so the target exists under its name at every instant; elsewhere the old folder is parked
/// as ".NAME.old-PID" for the instant between two renames, and a later run puts a dead
/// process's parked folder back (target missing) or removes it (target present). Temporary
/// folders ".NAME.tmp-PID" of dead processes are removed.
class AtomicDir {
public:
    AtomicDir(std::filesystem::path target, bool force, const std::set<std::string>& own_files = {});
    ~AtomicDir();
    AtomicDir(const AtomicDir&) = delete;
    AtomicDir& operator=(const AtomicDir&) = delete;
    const std::filesystem::path& temp() const { return m_temp; }
    void commit();

private:
    std::filesystem::path m_shown, m_target, m_temp;  ///< as the user gave it; the real folder; the temporary
    bool m_done = false;
};

/// Writes `text` to `path` through an AtomicFile. Throws Error(output).
void write_text_atomically(const std::filesystem::path& path, const std::string& text);

/// Reads a whole text file; throws Error(bad_input) naming it.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace zoning::io
