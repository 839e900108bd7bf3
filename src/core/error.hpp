// SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace zoning::core {

/// Process exit codes, the same in every subcommand (docs/cli/exit-codes.md).
enum class ExitCode : int {
    ok = 0,            ///< success; `check`: pass
    needs_review = 1,  ///< `check`: a person must look
    conflict = 2,      ///< `check`: the proposal conflicts with the plan
    bad_input = 3,     ///< file, layer, field, CRS, geometry or arguments
    output = 4,        ///< output could not be written
    internal = 5,      ///< a bug
};

/// Where a problem is: as much of file / layer / feature as is known.
struct FeatureRef {
    std::string file;
    std::string layer;
    std::optional<std::int64_t> fid;
    std::string id;  ///< the feature's `id` attribute, when it has one
    std::string text() const;  ///< "file: layer 'x': fid 3 (id 'P-1')"
};

/// The one exception type library code throws. Callers add what they know
/// (file, layer) with `with_file` / `with_layer` on the way out.
class Error : public std::runtime_error {
public:
    Error(ExitCode code, FeatureRef where, std::string detail);
    Error(ExitCode code, std::string detail) : Error(code, FeatureRef{}, std::move(detail)) {}
    ExitCode code() const noexcept { return m_code; }
    const FeatureRef& where() const noexcept { return m_where; }
    const std::string& detail() const noexcept { return m_detail; }
    Error with_file(const std::string& file) const;
    Error with_layer(const std::string& layer) const;

private:
    static std::string compose(const FeatureRef& where, const std::string& detail);
    ExitCode m_code;
    FeatureRef m_where;
    std::string m_detail;
};

inline Error bad_input(FeatureRef where, std::string detail) { return Error(ExitCode::bad_input, std::move(where), std::move(detail)); }
inline Error output_error(std::string file, std::string detail) {
    return Error(ExitCode::output, FeatureRef{std::move(file), {}, {}, {}}, std::move(detail));
}

}  // namespace zoning::core
