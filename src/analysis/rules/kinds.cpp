// SPDX-License-Identifier: MIT
#include "analysis/rules/rule_kind.hpp"
#include "analysis/rules/support.hpp"

namespace zoning::analysis {

const std::vector<const RuleKind*>& rule_kinds() {
    static const std::vector<const RuleKind*> table = {
        &overlap_frame_kind(),
        &project_overlap_kind(),
        &designated_area_kind(),
        &zone_compatibility_kind(),
        &parcel_landuse_kind(),
        &control_line_kind(),
    };
    return table;
}

const RuleKind& kind_of(const core::Rule& rule) {
    std::string names;
    for (const RuleKind* k : rule_kinds()) {
        if (k->name == rule.kind) return *k;
        names += (names.empty() ? "" : ", ") + k->name;
    }
    rule.keys.fail("unknown kind '" + rule.kind + "' (" + names + ")");
}

void check_rules(const std::vector<core::Rule>& rules) {
    for (const auto& r : rules) {
        const RuleKind& kind = kind_of(r);
        std::vector<std::string> own;
        for (const std::string& key : kind.keys) own.push_back(key.substr(0, key.find(' ')));  // "frame_layer (required)"
        r.keys.refuse_unknown(own);
        kind.check(r);
    }
}

void check_rules(const std::vector<core::Rule>& rules, const core::Catalog& catalog, const core::Dataset* dataset) {
    check_rules(rules);
    for (const auto& r : rules) {
        // Every kind measures overlap areas: both layers must be polygon layers of the catalog
        // (and of the dataset, when there is one), or the rule could only ever find nothing.
        for (const std::string* layer : {&r.subject, &r.frame_layer}) {
            if (layer->empty()) continue;  // a kind's default frame layer
            const core::LayerSpec* spec = catalog.find(*layer);
            const char* key = layer == &r.subject ? "subject" : "frame_layer";
            if (!spec) r.keys.fail(std::string(key) + " '" + *layer + "' is not a layer of the catalog (layers/*.toml)");
            if (spec->geometry != core::GeomKind::polygon && !(layer == &r.frame_layer && kind_of(r).frame_may_be_line))
                r.keys.fail(std::string(key) + " '" + *layer + "' is a " + core::to_string(spec->geometry) + " layer; rule '" + r.id +
                            "' (" + r.kind + ") measures areas and needs a polygon layer");
            if (dataset) rules::need(*dataset, *layer, r);
        }
    }
}

}  // namespace zoning::analysis
