// SPDX-License-Identifier: MIT
#include "io/pdf_printer.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "io/file_util.hpp"

extern char** environ;

namespace zoning::io {

namespace {

/// A private folder under $TMPDIR for the page and Chromium's profile, removed with everything in it.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& out) {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/zoning-pdf-XXXXXX";
        if (!::mkdtemp(templ.data())) throw core::output_error(out, std::string("cannot create a temporary folder: ") + std::strerror(errno));
        m_path = templ;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/// posix_spawn's file actions, destroyed on every path out.
class SpawnActions {
public:
    SpawnActions() { ::posix_spawn_file_actions_init(&m_actions); }
    ~SpawnActions() { ::posix_spawn_file_actions_destroy(&m_actions); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &m_actions; }

private:
    posix_spawn_file_actions_t m_actions;
};

class SpawnAttributes {
public:
    SpawnAttributes() { ::posix_spawnattr_init(&m_attr); }
    ~SpawnAttributes() { ::posix_spawnattr_destroy(&m_attr); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    posix_spawnattr_t* get() { return &m_attr; }

private:
    posix_spawnattr_t m_attr;
};

/// The last lines Chromium wrote, for the message when it fails.
std::string tail_of(const std::filesystem::path& log) {
    std::ifstream in(log);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty()) last = line;
    return last.size() > 300 ? last.substr(0, 300) : last;
}

bool starts_with_pdf(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    char head[5] = {};
    in.read(head, 5);
    return in.gcount() == 5 && std::string(head, 5) == "%PDF-";
}

}  // namespace

std::string find_chromium(const std::filesystem::path& out, const PdfOptions& options) {
    std::string exe = options.chromium;
    if (exe.empty()) {
        const char* env = std::getenv("ZONING_CHROMIUM");
        exe = env && *env ? env : "/usr/bin/chromium";
    }
    if (::access(exe.c_str(), X_OK) != 0)
        throw core::output_error(out.string(), "--format pdf needs headless Chromium, and " + exe +
                                                   " is not there: install the Debian packages chromium and fonts-noto-cjk "
                                                   "(scripts/install-deps), or set ZONING_CHROMIUM to the browser");
    return exe;
}

void print_pdf(const std::string& html, const std::filesystem::path& out, const PdfOptions& options) {
    const std::string exe = find_chromium(out, options);
    ScratchDir scratch(out.string());
    const std::filesystem::path page = scratch.path() / "page.html", log = scratch.path() / "chromium.log";
    {
        std::ofstream f(page, std::ios::binary);
        f << html;
        if (!f) throw core::output_error(out.string(), "cannot write the page for Chromium in " + scratch.path().string());
    }
    AtomicFile pdf(out);
    std::vector<std::string> args = {exe,
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-dev-shm-usage",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--no-first-run",
                                     "--user-data-dir=" + (scratch.path() / "profile").string(),
                                     "--no-pdf-header-footer",
                                     "--print-to-pdf=" + pdf.temp_path().string(),
                                     "file://" + page.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    SpawnActions actions;
    ::posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::posix_spawn_file_actions_adddup2(actions.get(), STDOUT_FILENO, STDERR_FILENO);
    // Its own process group: the renderer and GPU helpers it forks are ended with it.
    SpawnAttributes attr;
    ::posix_spawnattr_setflags(attr.get(), POSIX_SPAWN_SETPGROUP);
    ::posix_spawnattr_setpgroup(attr.get(), 0);
    pid_t pid = 0;
    if (const int rc = ::posix_spawn(&pid, exe.c_str(), actions.get(), attr.get(), argv.data(), environ); rc != 0)
        throw core::output_error(out.string(), "cannot start " + exe + ": " + std::strerror(rc));

    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    int status = 0;
    bool timed_out = false;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            timed_out = true;
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(-pid, SIGKILL);  // helpers Chromium left behind in its group, if any
    if (timed_out)
        throw core::output_error(out.string(), "Chromium did not finish the PDF within " + std::to_string(options.timeout.count() / 1000) + " s");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !starts_with_pdf(pdf.temp_path())) {
        const std::string why = tail_of(log);
        throw core::output_error(out.string(), "Chromium did not print the PDF" +
                                                   (WIFEXITED(status) ? " (exit " + std::to_string(WEXITSTATUS(status)) + ")" : std::string(" (killed)")) +
                                                   (why.empty() ? "" : ": " + why));
    }
    pdf.commit();
}

}  // namespace zoning::io
