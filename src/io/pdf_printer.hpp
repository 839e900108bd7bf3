// SPDX-License-Identifier: MIT
#pragma once
// HTML to PDF by headless Chromium: the one browser the project already relies on, whose
// print engine honours the page's print CSS (A4, page breaks) and draws CJK text and SVG.
#include <chrono>
#include <filesystem>
#include <string>

namespace zoning::io {

struct PdfOptions {
    /// The browser: empty means $ZONING_CHROMIUM, else /usr/bin/chromium.
    std::string chromium;
    std::chrono::milliseconds timeout{std::chrono::seconds(120)};
};

/// The browser print_pdf would run. Throws core::Error(output) naming `out` when there is none,
/// with how to install it.
std::string find_chromium(const std::filesystem::path& out, const PdfOptions& options = {});

/// Renders `html` (a whole document; relative links resolve nowhere) to `out` as PDF. Chromium
/// runs in its own process group with a fresh profile folder, and is killed at the timeout;
/// the PDF is written beside `out` and renamed over it only when Chromium produced one, so a
/// failure leaves no half PDF and an existing file untouched. Throws core::Error(output).
void print_pdf(const std::string& html, const std::filesystem::path& out, const PdfOptions& options = {});

}  // namespace zoning::io
