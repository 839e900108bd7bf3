// SPDX-License-Identifier: MIT
#pragma once
// The work splitter lives in core (io uses it too); analysis code names it unqualified.
#include "core/parallel.hpp"

namespace zoning::analysis {
using core::default_threads;
using core::flatten;
using core::kChunk;
using core::parallel_chunks;
using core::parallel_chunks_with;
using core::parallel_each;
}  // namespace zoning::analysis
