// SPDX-License-Identifier: MIT
#include "core/text.hpp"

#include <string_view>

namespace zoning::core {

std::string xml_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            case '\'': o += "&apos;"; break;
            default:
                // XML 1.0 allows no control characters but tab, newline and carriage return:
                // one in a name would make the file unreadable, so it is dropped.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                if (c == 0x7F) break;
                o += c;
        }
    }
    return o;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) {
        if (c == '"') o += '"';
        o += c;
    }
    return o + "\"";
}

std::string csv_text_field(const std::string& s) {
    // Excel and WPS run a cell that begins with = + - @ (or tab / CR before one) as a formula.
    if (!s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos) return csv_field("'" + s);
    return csv_field(s);
}

bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len;
        unsigned cp;
        if (c < 0x80) len = 1, cp = c;
        else if (c >= 0xC2 && c < 0xE0) len = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c < 0xF0) len = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c < 0xF5) len = 4, cp = c & 0x07;
        else return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
        i += len;
    }
    return true;
}

std::size_t display_width(const std::string& s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        unsigned cp = c;
        if (len > 1 && i + len <= s.size()) {
            cp = c & (0xFF >> (len + 1));
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        // East Asian wide ranges: Hangul Jamo, CJK, Hangul, compatibility, full-width forms.
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
        i += len;
    }
    return w;
}

}  // namespace zoning::core
