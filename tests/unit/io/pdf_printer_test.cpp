// SPDX-License-Identifier: MIT
// HTML to PDF through Chromium: a missing browser, one that fails and one that hangs leave
// no PDF and an existing file untouched; the real one (when installed) writes a PDF.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "core/error.hpp"
#include "io/pdf_printer.hpp"
#include "support.hpp"

using namespace zoning;

namespace {

/// A stand-in browser: a shell script with `body`.
std::string fake_browser(const test::TempDir& dir, const std::string& body) {
    const auto path = dir / "fake-chromium";
    test::write_file(path, "#!/bin/sh\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
    return path.string();
}

std::string error_of(const std::string& chromium, const std::filesystem::path& out, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    try {
        io::print_pdf("<html><body>x</body></html>", out, io::PdfOptions{chromium, timeout});
    } catch (const core::Error& e) {
        EXPECT_EQ(e.code(), core::ExitCode::output);
        return e.what();
    }
    return "";
}

}  // namespace

TEST(PdfPrinter, MissingBrowserSaysWhatToInstall) {
    test::TempDir dir;
    const std::string e = error_of((dir / "no-such-chromium").string(), dir / "a.pdf");
    EXPECT_NE(e.find("needs headless Chromium"), std::string::npos) << e;
    EXPECT_NE(e.find("fonts-noto-cjk"), std::string::npos) << e;
    EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));
}

TEST(PdfPrinter, FailingBrowserLeavesTheOldFile) {
    test::TempDir dir;
    test::write_file(dir / "a.pdf", "old");
    const std::string e = error_of(fake_browser(dir, "echo 'no display here' >&2; exit 3"), dir / "a.pdf");
    EXPECT_NE(e.find("Chromium did not print the PDF (exit 3): no display here"), std::string::npos) << e;
    EXPECT_EQ(test::read_file(dir / "a.pdf"), "old");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 2);  // no temporary left
}

TEST(PdfPrinter, BrowserWritingNoPdfIsRefused) {
    test::TempDir dir;
    // Exit 0 with a file that is not a PDF: the arguments are "$@", the output is --print-to-pdf=...
    const std::string script = "for a in \"$@\"; do case $a in --print-to-pdf=*) echo html > \"${a#--print-to-pdf=}\";; esac; done; exit 0";
    const std::string e = error_of(fake_browser(dir, script), dir / "a.pdf");
    EXPECT_NE(e.find("Chromium did not print the PDF (exit 0)"), std::string::npos) << e;
    EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));
}

TEST(PdfPrinter, HangingBrowserIsKilledAtTheTimeout) {
    test::TempDir dir;
    const auto t0 = std::chrono::steady_clock::now();
    const std::string e = error_of(fake_browser(dir, "sleep 30"), dir / "a.pdf", std::chrono::milliseconds(500));
    EXPECT_NE(e.find("did not finish the PDF"), std::string::npos) << e;
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));
    EXPECT_FALSE(std::filesystem::exists(dir / "a.pdf"));
}

TEST(PdfPrinter, ChromiumPrintsAPdf) {
    if (::access("/usr/bin/chromium", X_OK) != 0) GTEST_SKIP() << "chromium is not installed (scripts/install-deps)";
    test::TempDir dir;
    io::print_pdf("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><h1>审查意见书</h1></body></html>", dir / "a.pdf",
                  io::PdfOptions{"/usr/bin/chromium", std::chrono::seconds(120)});
    EXPECT_EQ(test::read_file(dir / "a.pdf").substr(0, 5), "%PDF-");
}
