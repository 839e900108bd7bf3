// SPDX-License-Identifier: MIT
#pragma once
// GDAL glue. Thread rule: GDAL is re-entrant, not thread-safe: a dataset (and the
// layers and features it owns) is used by one thread only; GdalRuntime lives in main.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/runtime.hpp"

namespace zoning::io {

/// The one owner of text GDAL allocates for us (exportToWkt, exportToJson, ...): CPLFree.
/// GDAL's own CPLCharUniquePtr is for GDAL's compilation only.
struct CplFree {
    void operator()(void* p) const noexcept { CPLFree(p); }
};
using CplString = std::unique_ptr<char, CplFree>;

/// Collects CPLErrors raised in its scope (on this thread) instead of printing them;
/// `message()` is the first failure, which names the cause (a full disk) where later ones
/// name its consequences (a table that could not be created), else the last warning.
/// Push and pop in one scope. Outside any scope, GdalRuntime keeps GDAL's messages.
class GdalErrorScope {
public:
    GdalErrorScope();
    ~GdalErrorScope();
    GdalErrorScope(const GdalErrorScope&) = delete;
    GdalErrorScope& operator=(const GdalErrorScope&) = delete;
    const std::string& message() const noexcept { return m_message; }
    std::string message_or(const std::string& fallback) const { return m_message.empty() ? fallback : m_message; }
    bool failed() const noexcept { return m_failed; }

private:
    static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum num, const char* msg);
    std::string m_message;
    bool m_failed = false;
    GdalErrorScope* m_outer = nullptr;
};

/// Closes an output dataset and throws core::Error(output) if the close fails:
/// write errors can first appear at close.
void close_or_throw(GDALDatasetUniquePtr& ds, const std::string& path);

/// True for an OGR connection string ("PG:...", a URL) or a /vsimem/ path: not a file
/// relative to a folder.
bool is_connection(const std::string& source);

/// Opens a vector source (file or connection string) read-only, with open options
/// for the encoding. Throws bad_input naming the source.
GDALDatasetUniquePtr open_vector(const std::string& source, const std::string& encoding = {});

/// Opens a vector source read-only with GDAL open options ("NAME=VALUE"), each checked
/// against the driver's list: one the driver does not know is an error naming it, not a
/// warning lost on stderr. `shown` names the source in errors (the user's path when `source`
/// is a temporary copy). Throws bad_input.
GDALDatasetUniquePtr open_vector_with_options(const std::string& source, const std::vector<std::string>& options, const std::string& shown);

/// A new, empty dataset of `driver` at `path`; `shown` names it in errors (the user's path,
/// not the temporary one). Throws Error(output), or internal when GDAL lacks the driver.
GDALDatasetUniquePtr create_dataset(const char* driver, const std::filesystem::path& path, const std::string& shown);

/// Opens a file this program wrote (a store being made) to add to it; `shown` names it in
/// errors. Throws Error(output).
GDALDatasetUniquePtr open_for_update(const std::filesystem::path& path, const std::string& shown);

/// A geometry from ISO or extended WKB; null when the bytes are not WKB.
OGRGeometryUniquePtr ogr_from_wkb(const std::string& wkb);
/// ISO WKT of a geometry; empty when OGR cannot write it.
std::string ogr_wkt(const OGRGeometry& g);

/// The CRS as WKT2 (2019); empty when OGR cannot export it.
std::string srs_wkt(const OGRSpatialReference& srs);

/// The work CRS (`definition`: "EPSG:N" or WKT, as core::Dataset::work_crs gives it), used with
/// x = easting whatever axis order the definition states. Throws Error(bad_input) when GDAL cannot read it.
OGRSpatialReference work_srs(const std::string& definition);

/// How many features to make room for before reading `layer` of `source`. GDAL's count may come
/// from the file's own header (a GeoPackage's gpkg_ogr_contents), which nothing checks: a small
/// file claiming four billion rows must not make zoning claim their memory. The count is taken
/// up to what the file's size could hold (16 bytes a row), or up to 2^20 for a source that is
/// not one file; containers grow beyond it as they fill.
std::size_t feature_count_hint(OGRLayer& layer, const std::string& source, bool force = false);

}  // namespace zoning::io
