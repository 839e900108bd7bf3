// SPDX-License-Identifier: MIT
#include "analysis/frame_index.hpp"

namespace zoning::analysis {

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const std::vector<std::string_view>& wkbs) {
    for (auto w : wkbs) m_prepared.push_back(std::make_unique<geo::PreparedGeom>(ctx, geo::from_wkb(ctx, w)));
    m_tree = std::make_unique<geo::StrTree>(ctx);
    for (std::size_t k = 0; k < m_prepared.size(); ++k) m_tree->insert(m_prepared[k]->base(), k);
    if (!m_prepared.empty()) m_tree->build();
}

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const core::Layer* layer)
    : FrameIndex(ctx, layer ? wkbs_of(*layer) : std::vector<std::string_view>{}) {}

FrameIndex::FrameIndex(const geo::GeosContext& ctx, const core::Layer& layer, const std::vector<std::size_t>& features)
    : FrameIndex(ctx, wkbs_of(layer, features)) {}

FrameIndex::~FrameIndex() {
    m_tree.reset();
    m_prepared.clear();
}

std::vector<std::size_t> FrameIndex::query(const GEOSGeometry* g) const {
    if (m_prepared.empty()) return {};
    return m_tree->query(g);
}

std::optional<Part> FrameIndex::part(const geo::GeosContext& ctx, std::size_t k, const GEOSGeometry* g, Inside inside,
                                     const std::string& what, RobustnessLog& log) const {
    const geo::PreparedGeom& item = *m_prepared[k];
    // contains_properly is tested before intersects: for the parcels that fill a frame it
    // settles most pairs with one cheap predicate.
    if (inside == Inside::properly && item.contains_properly(g)) return Part{true, nullptr};
    if (!item.intersects(g)) return std::nullopt;
    if (inside == Inside::touching && item.contains(g)) return Part{true, nullptr};
    return Part{false, robust_intersection(ctx, item.base(), g, what, log)};
}

std::vector<std::string_view> wkbs_of(const core::Layer& layer) {
    std::vector<std::string_view> out;
    for (auto& f : layer.features) out.emplace_back(f.wkb);
    return out;
}

std::vector<std::string_view> wkbs_of(const core::Layer& layer, const std::vector<std::size_t>& features) {
    std::vector<std::string_view> out;
    for (std::size_t i : features) out.emplace_back(layer.features[i].wkb);
    return out;
}

}  // namespace zoning::analysis
