// SPDX-License-Identifier: MIT
#include "io/file_util.hpp"

#include <fcntl.h>
#include <unistd.h>

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
    m_temp = dir / ("." + m_target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    std::filesystem::remove(m_temp, ec);
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

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::bad_input(core::FeatureRef{path.string(), {}, {}, {}}, "cannot read file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace zoning::io
