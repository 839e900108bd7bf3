// SPDX-License-Identifier: MIT
#include "io/gdal.hpp"

#include <algorithm>
#include <filesystem>

#include <cpl_minixml.h>

#include "core/dataset.hpp"
#include "core/error.hpp"

namespace zoning::io {

namespace {
thread_local GdalErrorScope* t_scope = nullptr;
}

GdalErrorScope::GdalErrorScope() : m_outer(t_scope) {
    CPLPushErrorHandlerEx(&GdalErrorScope::handler, this);
    t_scope = this;
}

GdalErrorScope::~GdalErrorScope() {
    CPLPopErrorHandler();
    t_scope = m_outer;
}

void CPL_STDCALL GdalErrorScope::handler(CPLErr cls, CPLErrorNum, const char* msg) {
    auto* self = static_cast<GdalErrorScope*>(CPLGetErrorHandlerUserData());
    if (!self) self = t_scope;
    if (!self) return;
    if (cls == CE_Debug || cls == CE_None) {
        CPLDefaultErrorHandler(cls, CPLE_None, msg);  // prints only when CPL_DEBUG asks for it
        return;
    }
    const std::string text = msg ? msg : "";
    if (cls >= CE_Failure) {
        if (!self->m_failed) self->m_message = text;  // the first failure names the cause
        self->m_failed = true;
    } else if (!self->m_failed) {
        self->m_message = text;
    }
}

void close_or_throw(GDALDatasetUniquePtr& ds, const std::string& path) {
    GdalErrorScope scope;
    GDALDataset* raw = ds.release();
    if (!raw) return;
    CPLErrorReset();
    GDALClose(raw);  // returns void in GDAL 3.6: the error state tells
    if (CPLGetLastErrorType() >= CE_Failure || scope.failed()) throw core::output_error(path, "could not finish writing: " + scope.message_or("GDALClose failed"));
}

bool is_connection(const std::string& s) {
    return s.rfind("PG:", 0) == 0 || s.rfind("/vsimem/", 0) == 0 || s.find("://") != std::string::npos;
}

std::size_t feature_count_hint(OGRLayer& layer, const std::string& source, bool force) {
    const GIntBig count = layer.GetFeatureCount(force ? TRUE : FALSE);
    if (count <= 0) return 0;
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::is_regular_file(source, ec) ? std::filesystem::file_size(source, ec) : 0;
    const std::uintmax_t most = !ec && bytes > 0 ? bytes / 16 : std::uintmax_t{1} << 20;
    return static_cast<std::size_t>(std::min<std::uintmax_t>(static_cast<std::uintmax_t>(count), most));
}

namespace {
std::string gdal_encoding(const std::string& enc) {
    // GDAL's Shapefile driver names GBK by its code page.
    if (enc == "GBK" || enc == "gbk" || enc == "GB2312" || enc == "GB18030") return "CP936";
    return enc;
}
}  // namespace

GDALDatasetUniquePtr open_vector(const std::string& source, const std::string& encoding) {
    core::FeatureRef where{source, {}, {}, {}};
    if (!is_connection(source) && !std::filesystem::exists(source)) throw core::bad_input(where, "file not found");
    GdalErrorScope scope;
    CPLStringList options;
    if (!encoding.empty()) options.SetNameValue("ENCODING", gdal_encoding(encoding).c_str());
    GDALDataset* ds = GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, options.List(), nullptr);
    if (!ds) throw core::bad_input(where, "cannot open as a vector dataset: " + scope.message_or("not a recognised or an intact file"));
    return GDALDatasetUniquePtr(ds);
}

GDALDatasetUniquePtr open_vector_with_options(const std::string& source, const std::vector<std::string>& options, const std::string& shown) {
    core::FeatureRef where{shown, {}, {}, {}};
    if (!is_connection(source) && !std::filesystem::exists(source)) throw core::bad_input(where, "file not found");
    GdalErrorScope scope;
    CPLStringList list;
    for (const auto& o : options) list.AddString(o.c_str());
    GDALDataset* ds = GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, list.List(), nullptr);
    if (!ds) throw core::bad_input(where, "cannot open as a vector dataset: " + scope.message_or("not a recognised or an intact file"));
    GDALDatasetUniquePtr owned(ds);
    // GDAL itself only warns about an option its driver does not know; the option then does nothing.
    const char* xml = ds->GetDriver()->GetMetadataItem(GDAL_DMD_OPENOPTIONLIST);
    CPLXMLTreeCloser list_xml(xml ? CPLParseXMLString(xml) : nullptr);
    for (const auto& o : options) {
        const std::string name = o.substr(0, o.find('='));
        bool known = false;
        for (const CPLXMLNode* n = list_xml ? list_xml.get()->psChild : nullptr; n && !known; n = n->psNext)
            known = n->eType == CXT_Element && EQUAL(n->pszValue, "Option") && EQUAL(CPLGetXMLValue(n, "name", ""), name.c_str());
        if (!known)
            throw core::bad_input(where, "open option '" + o + "': the " + std::string(ds->GetDriverName()) +
                                             " driver has no open option " + name + " (GDAL's driver page lists them)");
    }
    return owned;
}

std::string srs_wkt(const OGRSpatialReference& srs) {
    char* raw = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&raw, opts);
    CplString wkt(raw);
    return wkt ? std::string(wkt.get()) : std::string();
}

GDALDatasetUniquePtr create_dataset(const char* driver, const std::filesystem::path& path, const std::string& shown) {
    GdalErrorScope scope;
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    if (!drv) throw core::Error(core::ExitCode::internal, std::string("GDAL has no ") + driver + " driver");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    // A GeoPackage on a full disk comes back half-made (no gpkg_geometry_columns): refuse it here.
    if (!ds || scope.failed()) throw core::output_error(shown, "cannot create: " + scope.message_or("unknown GDAL error"));
    return ds;
}

GDALDatasetUniquePtr open_for_update(const std::filesystem::path& path, const std::string& shown) {
    GdalErrorScope scope;
    GDALDataset* ds = GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
    if (!ds || scope.failed()) {
        GDALDatasetUniquePtr owned(ds);
        throw core::output_error(shown, "cannot open to write: " + scope.message_or("unknown GDAL error"));
    }
    return GDALDatasetUniquePtr(ds);
}

OGRGeometryUniquePtr ogr_from_wkb(const std::string& wkb) {
    OGRGeometry* raw = nullptr;
    const OGRErr err = OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size());
    OGRGeometryUniquePtr g(raw);
    if (err != OGRERR_NONE) g.reset();
    return g;
}

std::string ogr_wkt(const OGRGeometry& g) {
    char* raw = nullptr;
    g.exportToWkt(&raw, wkbVariantIso);
    CplString wkt(raw);
    return wkt ? std::string(wkt.get()) : std::string();
}

OGRSpatialReference work_srs(const std::string& definition) {
    OGRSpatialReference srs;
    if (definition.empty() || srs.SetFromUserInput(definition.c_str()) != OGRERR_NONE)
        throw core::bad_input(core::FeatureRef{}, "work CRS '" + definition.substr(0, 80) + "' is not a CRS GDAL reads");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace zoning::io
