// SPDX-License-Identifier: MIT
#include "io/file_util.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace zoning::io {

AtomicFile::AtomicFile(std::filesystem::path target) : m_target(std::move(target)) {
    std::filesystem::path dir = m_target.parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw core::output_error(m_target.string(), "cannot create directory " + dir.string() + ": " + ec.message());
    if (::access(dir.c_str(), W_OK) != 0)
        throw core::output_error(m_target.string(), "directory " + dir.string() + " is not writable");
    const std::string prefix = "." + m_target.filename().string() + ".tmp-";
    m_temp = dir / (prefix + std::to_string(::getpid()));
    // A build that was killed leaves its temporary behind; clear those of dead processes.
    for (auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string rest = name.substr(prefix.size());
        std::size_t digits = 0;
        while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) ++digits;
        if (digits == 0) continue;
        pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, digits)));
        if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) std::filesystem::remove(entry.path(), ec);
    }
}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        std::error_code ec;
        std::filesystem::remove(m_temp, ec);
        // GDAL may leave journal files beside a failed SQLite write.
        std::filesystem::remove(m_temp.string() + "-journal", ec);
        std::filesystem::remove(m_temp.string() + "-wal", ec);
        std::filesystem::remove(m_temp.string() + "-shm", ec);
    }
}

void AtomicFile::commit() {
    int fd = ::open(m_temp.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    if (std::rename(m_temp.c_str(), m_target.c_str()) != 0)
        throw core::output_error(m_target.string(), "cannot move the new file into place");
    m_committed = true;
}

// AtomicDir ------------------------------------------------------------------

AtomicDir::AtomicDir(std::filesystem::path target, bool force) : m_target(std::move(target)) {
    std::error_code ec;
    if (std::filesystem::exists(m_target, ec)) {
        if (!std::filesystem::is_directory(m_target))
            throw core::bad_input(core::FeatureRef{m_target.string(), {}, {}, {}}, "exists and is not a folder");
        if (!std::filesystem::is_empty(m_target) && !force)
            throw core::bad_input(core::FeatureRef{m_target.string(), {}, {}, {}}, "folder exists and is not empty; add --force to replace it");
    }
    std::filesystem::path parent = m_target.parent_path().empty() ? "." : m_target.parent_path();
    std::filesystem::create_directories(parent, ec);
    if (ec) throw core::output_error(m_target.string(), "cannot create " + parent.string() + ": " + ec.message());
    m_temp = parent / ("." + m_target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    std::filesystem::remove_all(m_temp, ec);
    std::filesystem::create_directory(m_temp, ec);
    if (ec) throw core::output_error(m_target.string(), "cannot create a folder beside it: " + ec.message());
}

AtomicDir::~AtomicDir() {
    if (!m_done) {
        std::error_code ec;
        std::filesystem::remove_all(m_temp, ec);
    }
}

void AtomicDir::commit() {
    std::error_code ec;
    std::filesystem::path old = m_temp;
    old.replace_filename("." + m_target.filename().string() + ".old-" + std::to_string(::getpid()));
    if (std::filesystem::exists(m_target)) std::filesystem::rename(m_target, old, ec);
    if (ec) throw core::output_error(m_target.string(), "cannot replace: " + ec.message());
    std::filesystem::rename(m_temp, m_target, ec);
    if (ec) {
        std::error_code ignored;
        if (std::filesystem::exists(old)) std::filesystem::rename(old, m_target, ignored);
        throw core::output_error(m_target.string(), "cannot move the new folder into place: " + ec.message());
    }
    std::filesystem::remove_all(old, ec);
    m_done = true;
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
