// SPDX-License-Identifier: MIT
// zone_compatibility: a subject whose land use does not belong in the functional
// zone it lies in, by a matrix of zone name -> land-use code prefixes.
#include "analysis/rules/support.hpp"

namespace zoning::analysis {

namespace {

const char* const kDefaultFrames = "functional_zones";

std::map<std::string, std::vector<std::string>> incompatible(const core::Rule& r) {
    auto m = r.keys.string_lists("incompatible");
    if (!m) r.keys.fail("zone_compatibility needs an [rule.incompatible] table: zone name = [land-use prefixes]");
    return *m;
}

void check(const core::Rule& r) { incompatible(r); }

core::ConflictSet evaluate(const RuleRun& run) {
    const core::Rule& r = run.rule;
    const std::string layer = r.frame_layer.empty() ? kDefaultFrames : r.frame_layer;
    const core::Layer& f = rules::need(run.dataset, layer, r);
    const auto matrix = incompatible(r);
    // The matrix is the frame filter: zones it names, and land use it lists for them.
    std::vector<std::size_t> frames;
    for (std::size_t i = 0; i < f.features.size(); ++i)
        if (matrix.count(f.text(f.features[i], "name"))) frames.push_back(i);
    return rules::overlap_conflicts(run, layer, frames, [&](std::size_t fi, const std::string& landuse) {
        return !rules::has_prefix(landuse, matrix.at(f.text(f.features[fi], "name")));
    });
}

}  // namespace

const RuleKind& zone_compatibility_kind() {
    static const RuleKind kind{"zone_compatibility",
                               "a subject whose land use is incompatible with the functional zone it lies in",
                               {"incompatible (required table)", "frame_layer (default functional_zones)"},
                               check,
                               evaluate};
    return kind;
}

}  // namespace zoning::analysis
