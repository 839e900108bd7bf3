// SPDX-License-Identifier: MIT
#include "core/error.hpp"

namespace zoning::core {

std::string FeatureRef::text() const {
    std::string out;
    auto add = [&out](const std::string& part) {
        if (!out.empty()) out += ": ";
        out += part;
    };
    if (!file.empty()) add(file);
    if (!layer.empty()) add("layer '" + layer + "'");
    if (fid || !id.empty()) {
        std::string f;
        if (fid) f = "fid " + std::to_string(*fid);
        if (!id.empty()) {
            if (!f.empty()) f += ' ';
            f.append("(id '").append(id).append("')");
        }
        add(f);
    }
    return out;
}

Error::Error(ExitCode code, FeatureRef where, std::string detail)
    : std::runtime_error(compose(where, detail)), m_code(code), m_where(std::move(where)), m_detail(std::move(detail)) {}

std::string Error::compose(const FeatureRef& where, const std::string& detail) {
    std::string w = where.text();
    return w.empty() ? detail : w + ": " + detail;
}

Error Error::with_file(const std::string& file) const {
    FeatureRef w = m_where;
    if (w.file.empty()) w.file = file;
    return Error(m_code, w, m_detail);
}

Error Error::with_layer(const std::string& layer) const {
    FeatureRef w = m_where;
    if (w.layer.empty()) w.layer = layer;
    return Error(m_code, w, m_detail);
}

}  // namespace zoning::core
