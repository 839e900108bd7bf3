// SPDX-License-Identifier: MIT
#include "analysis/rules/support.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace zoning::analysis::rules {

using core::Conflict;
using core::Rule;

void fail_on_layer(const Rule& r, const std::string& layer, const std::string& message) {
    throw core::bad_input(core::FeatureRef{r.origin, layer, {}, {}}, "rule " + r.id + " (line " + std::to_string(r.line) + ")" + message);
}

const core::Layer& need(const core::Dataset& d, const std::string& layer, const Rule& r) {
    const core::Layer* l = d.find(layer);
    if (!l) fail_on_layer(r, layer, " needs this layer; the dataset has none");
    return *l;
}

bool has_prefix(const std::string& code, const std::vector<std::string>& prefixes) {
    for (auto& p : prefixes)
        if (!p.empty() && code.rfind(p, 0) == 0) return true;
    return false;
}

std::vector<std::size_t> frame_indices(const core::Layer& frames, const Rule& r) {
    auto listed = [](const std::vector<std::string>& list, const std::string& v) {
        return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
    };
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < frames.features.size(); ++i) {
        const auto& f = frames.features[i];
        if (listed(r.frame_kinds, frames.text(f, "kind")) && listed(r.frame_names, frames.text(f, "name"))) out.push_back(i);
    }
    return out;
}

std::vector<std::size_t> all_features(const core::Layer& l) {
    std::vector<std::size_t> all(l.features.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
}

std::vector<std::size_t> subjects_of(const core::Layer& s, const ConflictOptions& opt) {
    return opt.only_subjects.empty() ? all_features(s) : opt.only_subjects;
}

bool subject_applies(const core::Layer& s, std::size_t i, const Rule& r, const core::Catalog& cat) {
    std::string lu = s.text(s.features[i], "landuse");
    if (has_prefix(lu, r.exempt_landuse)) return false;
    if (r.construction_only) {
        const core::LanduseClass* c = cat.landuse().find(lu);
        if (!c || !c->construction) return false;
    }
    if (!r.categories.empty() &&
        std::find(r.categories.begin(), r.categories.end(), s.text(s.features[i], "category")) == r.categories.end())
        return false;
    return true;
}

Conflict conflict_of(const Rule& r) {
    Conflict c;
    c.rule = r.id;
    c.title = r.title;
    c.title_en = r.title_en;
    c.severity = r.severity;
    c.clause = r.clause;
    c.rule_origin = r.origin;
    c.category = r.category();
    c.quote = r.quote;
    c.reading = r.reading;
    c.reading_en = r.reading_en;
    return c;
}

core::ConflictFeature ref(const core::Layer& l, std::size_t i) {
    return core::ConflictFeature{l.name(), l.id_of(l.features[i]), l.text(l.features[i], "name")};
}

namespace {
std::string landuse_words(const core::Catalog& cat, const std::string& code, bool zh) {
    if (code.empty()) return {};
    const core::LanduseClass* c = cat.landuse().find(code);
    return code + (c ? " " + (zh ? c->name_zh : c->name_en) : std::string());
}
}  // namespace

std::string subject_words(const core::Layer& l, std::size_t i, const core::Catalog& cat, bool zh) {
    std::string name = l.text(l.features[i], "name");
    std::string lu = landuse_words(cat, l.text(l.features[i], "landuse"), zh);
    if (zh) return "「" + name + "」" + (lu.empty() ? "" : "（用地 " + lu + "）");
    return "'" + name + "'" + (lu.empty() ? "" : " (land use " + lu + ")");
}

std::string retry_label(const Rule& r, const std::string& subject_id, const std::string& other_id) {
    return "rule " + r.id + ", " + subject_id + " × " + other_id;
}

core::ConflictSet over_subjects(const RuleRun& run, const core::Layer& s, const std::vector<std::size_t>& subjects,
                                const core::Layer& frame_layer, const std::vector<std::size_t>& frame_features, const SubjectVisit& visit) {
    Noted<std::vector<Conflict>> found = map_items<std::vector<Conflict>, FrameIndex>(
        subjects.size(), run.options.threads,
        [&](const geo::GeosContext& ctx) { return std::make_unique<FrameIndex>(ctx, frame_layer, frame_features); },
        [&](FrameIndex& index, const geo::GeosContext& ctx, std::size_t n, RobustnessLog& log) {
            std::vector<Conflict> out;
            if (subject_applies(s, subjects[n], run.rule, run.catalog)) visit(index, ctx, subjects[n], out, log);
            return out;
        });
    return core::ConflictSet{flatten(std::move(found.items)), std::move(found.notes)};
}

}  // namespace zoning::analysis::rules
