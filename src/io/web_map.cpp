// SPDX-License-Identifier: MIT
#include "io/web_map.hpp"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

#include <gdal_utils.h>

#include "core/error.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

namespace {

struct VectorTranslateOptionsFree {
    void operator()(GDALVectorTranslateOptions* o) const noexcept { GDALVectorTranslateOptionsFree(o); }
};
using VectorTranslateOptions = std::unique_ptr<GDALVectorTranslateOptions, VectorTranslateOptionsFree>;

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

}  // namespace

std::string proj4_definition(const std::string& work_crs) {
    OGRSpatialReference srs = work_srs(work_crs);
    GdalErrorScope errors;
    char* raw = nullptr;
    OGRErr err = srs.exportToProj4(&raw);
    CplString text(raw);
    if (err != OGRERR_NONE || !text || !*text)
        throw core::bad_input(core::FeatureRef{}, "the store's CRS " + work_crs + " has no proj4 definition: " + errors.message_or("PROJ cannot export it"));
    return text.get();
}

void write_vector_tiles(const std::filesystem::path& store, const std::string& layer, const std::string& work_crs,
                        const TileGrid& grid, const std::filesystem::path& dir) {
    GDALDatasetUniquePtr src = open_vector(store.string());
    if (!src->GetLayerByName(layer.c_str()))
        throw core::bad_input(core::FeatureRef{store.string(), layer, {}, {}}, "the store has no such layer");
    // The MVT driver names the grid by an authority code; a CRS without one cannot name it.
    OGRSpatialReference srs = work_srs(work_crs);
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* number = srs.GetAuthorityCode(nullptr);
    if (!authority || !number || std::string(authority) != "EPSG")
        throw core::bad_input(core::FeatureRef{store.string(), layer, {}, {}}, "vector tiles need a work CRS with an EPSG code");
    const std::string code = std::string("EPSG:") + number;
    std::filesystem::create_directories(dir.parent_path());
    const std::filesystem::path temp = dir.parent_path() / hidden_name(dir, "tiles", static_cast<long>(::getpid()));
    std::error_code ec;
    std::filesystem::remove_all(temp, ec);
    std::vector<std::string> args = {"-f", "MVT", layer,
                                     "-dsco", "FORMAT=DIRECTORY",
                                     "-dsco", "COMPRESS=NO",
                                     "-dsco", "TILING_SCHEME=" + code + "," + num(grid.origin_x) + "," + num(grid.origin_y) + "," + num(grid.size0),
                                     "-dsco", "MINZOOM=0",
                                     "-dsco", "MAXZOOM=" + std::to_string(grid.max_zoom),
                                     "-dsco", "MAX_SIZE=2000000",
                                     "-dsco", "MAX_FEATURES=1000000"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GdalErrorScope errors;
    VectorTranslateOptions options(GDALVectorTranslateOptionsNew(argv.data(), nullptr));
    if (!options) throw core::Error(core::ExitCode::internal, "GDAL refused the vector tile options: " + errors.message());
    GDALDatasetH in = GDALDataset::ToHandle(src.get());
    int usage_error = 0;
    GDALDatasetUniquePtr out(GDALDataset::FromHandle(GDALVectorTranslate(temp.c_str(), nullptr, 1, &in, options.get(), &usage_error)));
    try {
        if (!out || errors.failed())
            throw core::output_error(dir.string(), "cannot write vector tiles of layer '" + layer + "': " + errors.message_or("GDAL's MVT driver failed"));
        close_or_throw(out, dir.string());
    } catch (...) {
        out.reset();
        std::filesystem::remove_all(temp, ec);
        throw;
    }
    std::filesystem::remove_all(dir, ec);
    std::filesystem::rename(temp, dir, ec);
    if (ec) {
        std::filesystem::remove_all(temp, ec);
        throw core::output_error(dir.string(), "cannot move the vector tiles into place");
    }
}

}  // namespace zoning::io
