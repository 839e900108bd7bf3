// SPDX-License-Identifier: MIT
#include "io/file_util.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <algorithm>

#include "core/error.hpp"

namespace zoning::io {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kNameMax = 255;  // bytes in one path component (Linux NAME_MAX)

/// ".NAME.TAG-" for `target`; a NAME too long to leave room for the tag and a pid is cut
/// at a UTF-8 boundary and made unique again by a hash of the whole name.
std::string hidden_prefix(const fs::path& target, const std::string& tag) {
    std::string name = target.filename().string();
    constexpr std::size_t kKeep = 200;
    if (name.size() > kKeep) {
        std::uint64_t h = 1469598103934665603ull;  // FNV-1a
        for (unsigned char c : name) h = (h ^ c) * 1099511628211ull;
        std::size_t cut = 160;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
        char hex[17];
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
        name = name.substr(0, cut) + "~" + hex;
    }
    return "." + name + "." + tag + "-";
}

bool process_is_dead(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

/// Calls `fn` for each entry of `dir` named PREFIX<pid>[suffix] whose pid is dead (or, when
/// `include_self`, is ours).
template <class Fn>
void for_each_left_behind(const fs::path& dir, const std::string& prefix, bool include_self, Fn fn) {
    std::error_code ec;
    std::vector<fs::path> found;
    for (auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string rest = name.substr(prefix.size());
        std::size_t digits = 0;
        while (digits < rest.size() && digits < 12 && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
        if (digits == 0) continue;
        const long pid = std::stol(rest.substr(0, digits));
        if ((include_self && pid == ::getpid()) || (pid != ::getpid() && process_is_dead(pid))) found.push_back(entry.path());
    }
    for (auto& p : found) fn(p);
}

std::string strip_trailing_slashes(std::string s) {
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

}  // namespace

std::string hidden_name(const fs::path& target, const std::string& tag, long pid) { return hidden_prefix(target, tag) + std::to_string(pid); }

fs::path resolve_output(const fs::path& p) {
    fs::path out = strip_trailing_slashes(p.string());
    for (auto& part : out)
        if (part.native().size() > kNameMax)
            throw core::output_error(p.string(), "a file or folder name in this path is longer than 255 bytes");
    // Follow the last component link by link (a relative link is relative to its folder).
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(out, ec))) break;
        fs::path link = fs::read_symlink(out, ec);
        if (ec) break;
        out = link.is_absolute() ? link : out.parent_path() / link;
    }
    return out;
}

void guard_output(const fs::path& output, const std::vector<fs::path>& inputs, const std::string& option) {
    const fs::path out = resolve_output(output);
    std::error_code ec;
    if (!fs::exists(out, ec)) return;  // nothing there yet: nothing to replace
    const fs::path out_real = fs::canonical(out, ec);
    if (ec) return;
    const bool folder = fs::is_directory(out, ec);
    const core::FeatureRef where{strip_trailing_slashes(output.string()), {}, {}, {}};
    for (const auto& in : inputs) {
        if (in.empty() || !fs::exists(in, ec)) continue;
        const fs::path in_real = fs::canonical(in, ec);
        if (ec) continue;
        if (fs::equivalent(out, in, ec))
            throw core::bad_input(where, option + " names the input " + in.string() + ": an output never replaces an input; choose another " + option);
        if (folder && std::mismatch(out_real.begin(), out_real.end(), in_real.begin(), in_real.end()).first == out_real.end())
            throw core::bad_input(where, "holds the input " + in.string() + ", which replacing the folder would delete; choose another " + option);
    }
}

AtomicFile::AtomicFile(fs::path target) : m_target(resolve_output(target)) {
    const std::string shown = strip_trailing_slashes(target.string());
    std::error_code ec;
    // Renaming over a device, FIFO or folder would replace it (as root, /dev/full itself):
    // only a regular file, or nothing yet, is ever replaced.
    const fs::file_status existing = fs::status(m_target, ec);
    if (fs::exists(existing) && !fs::is_regular_file(existing))
        throw core::output_error(shown, fs::is_directory(existing) ? "is a folder; give a file name" : "is not a regular file (a device or pipe?); give a file name");
    fs::path dir = m_target.parent_path();
    if (dir.empty()) dir = ".";
    fs::create_directories(dir, ec);
    if (ec) throw core::output_error(shown, "cannot create directory " + dir.string() + ": " + ec.message());
    if (::access(dir.c_str(), W_OK) != 0) throw core::output_error(shown, "directory " + dir.string() + " is not writable");
    m_temp = dir / hidden_name(m_target, "tmp", ::getpid());
    // A build that was killed leaves its temporary behind; clear those of dead processes.
    for_each_left_behind(dir, hidden_prefix(m_target, "tmp"), true, [](const fs::path& p) {
        std::error_code ignored;
        fs::remove(p, ignored);
    });
}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove(m_temp, ec);
        // GDAL may leave journal files beside a failed SQLite write.
        fs::remove(m_temp.string() + "-journal", ec);
        fs::remove(m_temp.string() + "-wal", ec);
        fs::remove(m_temp.string() + "-shm", ec);
    }
}

namespace {
/// Its bytes on disk before a rename makes them the output: the writers run SQLite with
/// synchronous = OFF, so a crash after the rename could otherwise leave a torn file in place of a good one.
void sync_to_disk(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}
}  // namespace

void AtomicFile::commit() {
    sync_to_disk(m_temp);
    // rename(2) replaces the target in one step: at every instant the old or the new file is there.
    if (std::rename(m_temp.c_str(), m_target.c_str()) != 0)
        throw core::output_error(m_target.string(), std::string("cannot move the new file into place: ") + std::strerror(errno));
    m_committed = true;
}

// AtomicDir ------------------------------------------------------------------

AtomicDir::AtomicDir(fs::path target, bool force, const std::set<std::string>& own_files)
    : m_shown(strip_trailing_slashes(target.string())), m_target(resolve_output(target)) {
    std::error_code ec;
    const core::FeatureRef where{m_shown.string(), {}, {}, {}};
    fs::path parent = m_target.parent_path().empty() ? "." : m_target.parent_path();
    // A run killed in the middle of a swap: put its parked old folder back if the target is
    // missing, else the swap had finished and the parked copy goes; its temporary goes too.
    if (fs::is_directory(parent, ec)) {
        for_each_left_behind(parent, hidden_prefix(m_target, "old"), false, [&](const fs::path& old) {
            std::error_code e;
            if (!fs::exists(fs::symlink_status(m_target, e))) fs::rename(old, m_target, e);
            else fs::remove_all(old, e);
        });
        for_each_left_behind(parent, hidden_prefix(m_target, "tmp"), true, [](const fs::path& p) {
            std::error_code e;
            fs::remove_all(p, e);
        });
    }
    if (fs::exists(m_target, ec)) {
        if (!fs::is_directory(m_target)) throw core::bad_input(where, "exists and is not a folder");
        bool replaceable = force || fs::is_empty(m_target);
        if (!replaceable && !own_files.empty()) {
            replaceable = true;
            for (auto& e : fs::directory_iterator(m_target, ec))
                if (!fs::is_regular_file(fs::symlink_status(e.path())) || !own_files.count(e.path().filename().string())) replaceable = false;
        }
        if (!replaceable) throw core::bad_input(where, "folder exists and is not empty; add --force to replace it");
    }
    fs::create_directories(parent, ec);
    if (ec) throw core::output_error(m_shown.string(), "cannot create " + parent.string() + ": " + ec.message());
    m_temp = parent / hidden_name(m_target, "tmp", ::getpid());
    fs::remove_all(m_temp, ec);
    fs::create_directory(m_temp, ec);
    if (ec) throw core::output_error(m_shown.string(), "cannot create a folder beside it: " + ec.message());
}

AtomicDir::~AtomicDir() {
    if (!m_done) {
        std::error_code ec;
        fs::remove_all(m_temp, ec);
    }
}

void AtomicDir::commit() {
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(m_temp, ec))
        if (entry.is_regular_file(ec)) sync_to_disk(entry.path());
    sync_to_disk(m_temp);
    if (!fs::exists(fs::symlink_status(m_target, ec))) {
        fs::rename(m_temp, m_target, ec);
        if (ec) throw core::output_error(m_shown.string(), "cannot move the new folder into place: " + ec.message());
        m_done = true;
        return;
    }
    // One atomic exchange: the target is the old folder, then the new one, never missing.
    // The old one is left under the temporary's name, which a later run clears if we die now.
    if (::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) == 0) {
        m_done = true;
        fs::remove_all(m_temp, ec);
        return;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw core::output_error(m_shown.string(), std::string("cannot replace: ") + std::strerror(errno));
    // No exchange on this filesystem: park the old folder, move the new one in. A run killed
    // between the two renames leaves ".NAME.old-PID", which the next run puts back.
    const fs::path old = m_temp.parent_path() / hidden_name(m_target, "old", ::getpid());
    fs::rename(m_target, old, ec);
    if (ec) throw core::output_error(m_shown.string(), "cannot replace: " + ec.message());
    fs::rename(m_temp, m_target, ec);
    if (ec) {
        std::error_code ignored;
        fs::rename(old, m_target, ignored);
        throw core::output_error(m_shown.string(), "cannot move the new folder into place: " + ec.message());
    }
    m_done = true;
    fs::remove_all(old, ec);
}

void write_text_atomically(const std::filesystem::path& path, const std::string& text) {
    AtomicFile file(path);
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        out << text;
        out.flush();
        if (!out) throw core::output_error(path.string(), "cannot write (disk full?)");
    }
    file.commit();
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::bad_input(core::FeatureRef{path.string(), {}, {}, {}}, "cannot read file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace zoning::io
