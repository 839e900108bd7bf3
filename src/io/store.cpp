// SPDX-License-Identifier: MIT
#include "io/store.hpp"

#include <algorithm>
#include <ctime>

#include <sqlite3.h>

#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include "core/error.hpp"
#include "core/parallel.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"
#include "io/layer_writer.hpp"
#include "io/sqlite.hpp"

namespace zoning::io {

using core::FeatureRef;

namespace {

const char* const kStoreVersion = "1";

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

/// What a store must be before any of it is believed (read path only): a version this
/// build knows, and every catalog layer in the work CRS. A layer moved to another CRS
/// inside the store would otherwise read as 0 m² of overlap, without a word.
void check_store_sealed(GDALDataset& ds, const std::map<std::string, std::string>& metadata, const core::Catalog& catalog,
                        const std::string& p) {
    const auto v = metadata.find("zoning_store_version");
    if (v == metadata.end())
        throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store has no zoning_store_version (rebuild it with `zoning build`)");
    if (v->second != kStoreVersion)
        throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store version '" + v->second + "' is not the version this zoning reads (" +
                                                             kStoreVersion + "): rebuild it with `zoning build`, or use the zoning that built it");
    const auto crs = metadata.find("crs");
    if (crs == metadata.end() || crs->second.empty())
        throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store records no work CRS (rebuild it with `zoning build`)");
    const auto wkt = metadata.find("crs_wkt");
    OGRSpatialReference work;
    try {
        work = work_srs(wkt == metadata.end() || wkt->second.empty() ? crs->second : wkt->second);
    } catch (const core::Error& e) {
        throw core::bad_input(FeatureRef{p, {}, {}, {}}, e.detail() + " (rebuild the store with `zoning build`)");
    }
    for (const auto& spec : catalog.layers()) {
        OGRLayer* l = ds.GetLayerByName(spec.name.c_str());
        if (!l) continue;
        const OGRSpatialReference* srs = l->GetSpatialRef();
        if (!srs || !srs->IsSame(&work))
            throw core::bad_input(FeatureRef{p, spec.name, {}, {}},
                                  std::string("store layer is in ") + (srs && srs->GetName() ? srs->GetName() : "no CRS") + ", not the work CRS " +
                                      crs->second + " the store records (was it edited outside zoning? rebuild the store)");
    }
}

/// A store's features read with SQLite itself, beside GDAL's handle on the same file (both only
/// read): OGR made an OGRFeature and an OGRGeometry of every row only for the WKB to be
/// exported again, a quarter of `validate` on a million parcels. A big layer is read in FID
/// ranges on several threads, one read-only connection each: on one thread the read of a million
/// parcels (the rows' values and WKB copied out) was the serial start of every store command.
class FeatureRows {
public:
    FeatureRows(const std::string& path, unsigned threads) : m_path(path), m_threads(threads == 0 ? core::default_threads() : threads) {
        m_dbs.push_back(open());
    }

    /// Reads the rows of `spec`'s table into `layer`, in FID order whatever the thread count:
    /// `columns[i]` is whether the store has the catalog field i (read_store checked the required ones).
    /// A GDAL error while a worker thread parsed a geometry is returned (empty: none).
    std::string read(const core::LayerSpec& spec, const std::vector<bool>& columns, core::Layer& layer) {
        const std::string geom = geometry_column(spec.name);
        std::string sql = "SELECT fid, " + sql_identifier(geom);
        for (std::size_t i = 0; i < spec.fields.size(); ++i)
            if (columns[i]) sql += ", " + sql_identifier(spec.fields[i].name);
        sql += " FROM " + sql_identifier(spec.name);
        const std::vector<std::int64_t> bounds = fid_bounds(spec.name);
        const std::size_t parts = bounds.size() - 1;
        if (parts == 1) {
            read_range(m_dbs[0].get(), sql + " ORDER BY fid", {}, spec, columns, layer.features);
            return {};
        }
        while (m_dbs.size() < parts) m_dbs.push_back(open());
        // Part k holds the rows with bounds[k] <= fid < bounds[k + 1]: joined in k order, they are in FID order.
        const std::string ranged = sql + " WHERE fid >= ? AND fid < ? ORDER BY fid";
        // The first range straight into the layer (reserved for all its rows by the caller), the others
        // beside it, each reserved for as many rows as its FIDs could number: growing a vector of a
        // million features by doubling moved them all again and touched twice the memory.
        std::vector<std::vector<core::Feature>> rows(parts);
        for (std::size_t k = 1; k < parts; ++k)
            rows[k].reserve(static_cast<std::size_t>(std::min<std::uint64_t>(
                static_cast<std::uint64_t>(bounds[k + 1]) - static_cast<std::uint64_t>(bounds[k]), layer.features.capacity())));
        std::vector<std::exception_ptr> errors(parts);
        std::vector<std::string> gdal_errors(parts);
        auto work = [&](std::size_t k) {
            try {
                GdalErrorScope scope;  // per thread: GDAL's handlers are the thread's own
                read_range(m_dbs[k].get(), ranged, std::pair{bounds[k], bounds[k + 1]}, spec, columns, k == 0 ? layer.features : rows[k]);
                if (scope.failed()) gdal_errors[k] = scope.message();
            } catch (...) {
                errors[k] = std::current_exception();
            }
        };
        std::vector<std::thread> pool;
        for (std::size_t k = 1; k < parts; ++k) pool.emplace_back(work, k);
        work(0);
        for (auto& t : pool) t.join();
        for (auto& e : errors)
            if (e) std::rethrow_exception(e);  // the first range's: the error of the lowest FID, as one thread would meet it
        std::size_t total = layer.features.size();
        for (auto& r : rows) total += r.size();
        layer.features.reserve(total);
        for (auto& r : rows) {  // rows[0] is empty: the first range is in place
            std::move(r.begin(), r.end(), std::back_inserter(layer.features));
            std::vector<core::Feature>().swap(r);
        }
        for (auto& e : gdal_errors)
            if (!e.empty()) return e;
        return {};
    }

private:
    /// Below this many rows a layer is read on one thread: a connection and a thread cost more than they save.
    static constexpr std::int64_t kRowsPerPart = 65536;

    std::unique_ptr<sqlite3, SqliteCloser> open() const {
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(m_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        std::unique_ptr<sqlite3, SqliteCloser> db(raw);
        if (rc != SQLITE_OK)
            throw core::bad_input(FeatureRef{m_path, {}, {}, {}},
                                  std::string("store is corrupt or truncated: ") + (db ? sqlite3_errmsg(db.get()) : "out of memory"));
        return db;
    }

    /// FID bounds cutting the table into parts of equal FID span, one per thread when it is big
    /// enough: {lowest, highest + 1} for one part. The FIDs zoning writes are 1..N.
    std::vector<std::int64_t> fid_bounds(const std::string& table) {
        sqlite3_stmt* raw = nullptr;
        // Two subqueries: SQLite finds a lone min() or max() of the rowid at the ends of the b-tree, but
        // scans the whole table for both in one SELECT (0.1 s of CPU for a million parcels).
        const std::string sql = "SELECT (SELECT min(fid) FROM " + sql_identifier(table) + "), (SELECT max(fid) FROM " + sql_identifier(table) + ")";
        if (sqlite3_prepare_v2(m_dbs[0].get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) corrupt(table);
        std::unique_ptr<sqlite3_stmt, StatementFinalizer> st(raw);
        if (sqlite3_step(st.get()) != SQLITE_ROW) corrupt(table);
        if (sqlite3_column_type(st.get(), 0) == SQLITE_NULL) return {0, 1};  // no rows
        const std::int64_t lo = sqlite3_column_int64(st.get(), 0), hi = sqlite3_column_int64(st.get(), 1);
        // hi - lo as unsigned: FIDs may span the whole int64 range in a foreign file.
        const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
        const std::uint64_t parts = std::min<std::uint64_t>(m_threads, span / kRowsPerPart + 1);
        if (parts <= 1 || hi == std::numeric_limits<std::int64_t>::max()) return {lo, hi};  // hi: read by the unranged query
        std::vector<std::int64_t> bounds;
        for (std::uint64_t k = 0; k < parts; ++k) bounds.push_back(static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + span / parts * k));
        bounds.push_back(hi + 1);
        return bounds;
    }

    void read_range(sqlite3* db, const std::string& sql, std::optional<std::pair<std::int64_t, std::int64_t>> range, const core::LayerSpec& spec,
                    const std::vector<bool>& columns, std::vector<core::Feature>& out) const {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) corrupt(db, spec.name);
        std::unique_ptr<sqlite3_stmt, StatementFinalizer> st(raw);
        if (range) {
            sqlite3_bind_int64(st.get(), 1, range->first);
            sqlite3_bind_int64(st.get(), 2, range->second);
        }
        int rc;
        while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
            core::Feature feat;
            feat.fid = sqlite3_column_int64(st.get(), 0);
            feat.values.resize(spec.fields.size());
            int column = 2;
            for (std::size_t i = 0; i < spec.fields.size(); ++i) {
                if (!columns[i]) continue;
                const int k = column++;
                if (sqlite3_column_type(st.get(), k) == SQLITE_NULL) continue;
                switch (spec.fields[i].type) {
                    case core::FieldType::integer: feat.values[i] = static_cast<std::int64_t>(sqlite3_column_int64(st.get(), k)); break;
                    case core::FieldType::real: feat.values[i] = sqlite3_column_double(st.get(), k); break;
                    default: {
                        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), k));
                        feat.values[i] = std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(st.get(), k)));
                        break;
                    }
                }
            }
            const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(st.get(), 1));
            const auto size = static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 1));
            if (!blob || !wkb_of(blob, size, feat.wkb))
                throw core::bad_input(FeatureRef{m_path, spec.name, feat.fid, {}}, "feature has no geometry");
            out.push_back(std::move(feat));
        }
        if (rc != SQLITE_DONE) corrupt(db, spec.name);
    }

    [[noreturn]] void corrupt(const std::string& layer = {}) const { corrupt(m_dbs.empty() ? nullptr : m_dbs[0].get(), layer); }
    [[noreturn]] void corrupt(sqlite3* db, const std::string& layer) const {
        throw core::bad_input(FeatureRef{m_path, layer, {}, {}},
                              std::string("store is corrupt or truncated: ") + (db ? sqlite3_errmsg(db) : "out of memory"));
    }

    std::string geometry_column(const std::string& table) {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(m_dbs[0].get(), "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)", -1, &raw,
                               nullptr) != SQLITE_OK)
            corrupt(table);
        std::unique_ptr<sqlite3_stmt, StatementFinalizer> st(raw);
        sqlite3_bind_text(st.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
        const int rc = sqlite3_step(st.get());
        if (rc == SQLITE_ROW) return reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0));
        if (rc != SQLITE_DONE) corrupt(table);
        throw core::bad_input(FeatureRef{m_path, table, {}, {}}, "store layer has no geometry column (rebuild the store)");
    }

    /// The WKB in a GeoPackage geometry blob as read_store gives it (2D ISO WKB, little-endian):
    /// taken as it is when the blob holds just that, as zoning writes it; anything else (another
    /// byte order, Z or M, an empty geometry) goes through OGR. False when the bytes are no geometry.
    static bool wkb_of(const unsigned char* blob, std::size_t size, std::string& wkb) {
        const std::optional<GeoPackageWkb> in = geopackage_wkb(blob, size);
        if (!in || in->size < 5) return false;
        const unsigned char* w = in->wkb;
        const std::size_t n = in->size;
        std::uint32_t type = 0;
        std::memcpy(&type, w + 1, 4);  // little-endian host, as the check of w[0] below requires of the bytes
        if (w[0] == 1 && type >= 1 && type <= 7 && !in->flagged_empty) {
            wkb.assign(reinterpret_cast<const char*>(w), n);
            return true;
        }
        OGRGeometry* raw = nullptr;
        if (OGRGeometryFactory::createFromWkb(w, nullptr, &raw, n) != OGRERR_NONE) return false;
        OGRGeometryUniquePtr g(raw);
        wkb.resize(static_cast<std::size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
        return true;
    }

    std::string m_path;
    unsigned m_threads;
    std::vector<std::unique_ptr<sqlite3, SqliteCloser>> m_dbs;  ///< [0] for the queries of one thread; one more per further part
};

}  // namespace

namespace {

/// GDAL makes the store's layers, empty: the features go in after it closes the file
/// (fill_geopackage_layers, GeoPackageFiller): OGR's feature-by-feature inserts and R-tree
/// upkeep were most of a million-parcel build.
void create_store_layers(GDALDataset& ds, const std::vector<const core::LayerSpec*>& layers, const OGRSpatialReference& srs,
                         const std::string& shown) {
    for (const core::LayerSpec* spec : layers)
        create_feature_layer(ds, *spec, srs, shown, {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"});
}

/// The store's tables beside the layers, in one transaction: metadata, attached files, the
/// repair log and the land-use codes.
void add_store_tables(GDALDataset& ds, const core::Dataset& dataset, const core::Catalog& catalog, const std::string& shown,
                      GdalErrorScope& scope) {
    if (ds.StartTransaction() != OGRERR_NONE) throw core::output_error(shown, "cannot start a transaction");
    OGRLayer* meta = create_attribute_table(ds, kMetadataTable, {{"key", OFTString}, {"value", OFTString}}, shown);
    auto md = dataset.metadata;
    md["built_at"] = now_iso();
    md["zoning_store_version"] = kStoreVersion;
    for (auto& [k, v] : md) add_row(meta, {k, v}, shown);

    OGRLayer* files = create_attribute_table(ds, kFilesTable, {{"name", OFTString}, {"content", OFTString}}, shown);
    for (auto& [k, v] : dataset.files) add_row(files, {k, v}, shown);

    OGRLayer* repairs = create_attribute_table(
        ds, kRepairsTable,
        {{"layer", OFTString}, {"feature_fid", OFTInteger64}, {"feature_id", OFTString}, {"reason", OFTString},
         {"area_before_m2", OFTReal}, {"area_after_m2", OFTReal}},
        shown);
    for (auto& layer : dataset.layers)
        for (auto& r : layer.repairs)
            add_row(repairs, {r.layer, std::to_string(r.fid), r.id, r.reason, std::to_string(r.area_before), std::to_string(r.area_after)},
                    shown);

    OGRLayer* lu = create_attribute_table(
        ds, kLanduseTable,
        {{"code", OFTString}, {"level", OFTInteger}, {"name_zh", OFTString}, {"name_en", OFTString},
         {"construction", OFTInteger}, {"color", OFTString}},
        shown);
    for (auto& c : catalog.landuse().classes())
        add_row(lu, {c.code, std::to_string(c.code.size() / 2), c.name_zh, c.name_en, c.construction ? "1" : "0", c.color}, shown);

    if (ds.CommitTransaction() != OGRERR_NONE) throw core::output_error(shown, "cannot commit: " + scope.message_or("disk full or not writable?"));
}

std::vector<const core::LayerSpec*> specs_of(const core::Dataset& dataset) {
    std::vector<const core::LayerSpec*> specs;
    for (const auto& layer : dataset.layers) specs.push_back(layer.spec);
    return specs;
}

}  // namespace

void write_store(const std::filesystem::path& path, const core::Dataset& dataset, const core::Catalog& catalog) {
    AtomicFile out(path);
    {
        GdalErrorScope scope;  // before the dataset: errors while it closes on the way out are ours too
        GDALDatasetUniquePtr ds = create_dataset("GPKG", out.temp_path(), path.string());
        create_store_layers(*ds, specs_of(dataset), work_srs(dataset.work_crs()), path.string());
        add_store_tables(*ds, dataset, catalog, path.string(), scope);
        close_or_throw(ds, path.string());
    }
    fill_geopackage_layers(out.temp_path(), dataset.layers, path.string());
    out.commit();
}

StoreStream::StoreStream(std::filesystem::path path, const core::Catalog& catalog) : m_path(std::move(path)), m_catalog(catalog) {}

StoreStream::~StoreStream() {
    m_filler.reset();  // SQLite's connection closed before the temporary goes
    m_out.reset();
}

void StoreStream::begin(const core::Dataset& dataset, const std::vector<const core::LayerSpec*>& layers) {
    // A store that cannot be made here (an unwritable folder, a bad work CRS) is not this
    // sink's to report: commit() then writes it as write_store, which says why, after the
    // dataset's own findings.
    try {
        auto out = std::make_unique<AtomicFile>(m_path);
        {
            GdalErrorScope scope;
            GDALDatasetUniquePtr ds = create_dataset("GPKG", out->temp_path(), m_path.string());
            create_store_layers(*ds, layers, work_srs(dataset.work_crs()), m_path.string());
            close_or_throw(ds, m_path.string());
        }
        m_filler = std::make_unique<GeoPackageFiller>(out->temp_path(), m_path.string());
        m_out = std::move(out);
        m_layers = layers;
    } catch (const core::Error&) {
        m_filler.reset();
        m_out.reset();
    }
}

void StoreStream::layer_begin(const core::LayerSpec& spec) {
    if (m_filler) m_filler->begin_layer(spec);
}

bool StoreStream::features(const core::Layer& layer, std::size_t from) {
    if (!m_filler) return false;
    m_filler->add(layer, from);
    return true;
}

void StoreStream::layer_done(const core::Layer&) {
    if (m_filler) m_filler->end_layer();
}

void StoreStream::commit(const core::Dataset& dataset) {
    if (!m_out) {
        write_store(m_path, dataset, m_catalog);
        return;
    }
    if (specs_of(dataset) != m_layers)  // its features are in the file only
        throw core::Error(core::ExitCode::internal, "the store's layers are not the dataset's read with it");
    m_filler->commit();
    m_filler.reset();
    {
        GdalErrorScope scope;
        GDALDatasetUniquePtr ds = open_for_update(m_out->temp_path(), m_path.string());
        add_store_tables(*ds, dataset, m_catalog, m_path.string(), scope);
        close_or_throw(ds, m_path.string());
    }
    m_out->commit();
    m_out.reset();
}

core::Dataset read_store(const std::filesystem::path& path, const core::Catalog& catalog, unsigned threads) {
    const std::string p = path.string();
    if (!core::input_exists(path, FeatureRef{p, {}, {}, {}}))
        throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store not found (run `zoning build` first)");
    GDALDatasetUniquePtr ds = open_vector(p);
    if (std::string(ds->GetDriverName()) != "GPKG") throw core::bad_input(FeatureRef{p, {}, {}, {}}, "not a GeoPackage");
    OGRLayer* meta = ds->GetLayerByName(kMetadataTable);
    if (!meta) throw core::bad_input(FeatureRef{p, {}, {}, {}}, "not a zoning store (no zoning_metadata table)");

    core::Dataset d;
    GdalErrorScope scope;
    for (auto& f : *meta) d.metadata[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
    check_store_sealed(*ds, d.metadata, catalog, p);
    if (OGRLayer* files = ds->GetLayerByName(kFilesTable))
        for (auto& f : *files) d.files[f->GetFieldAsString("name")] = f->GetFieldAsString("content");

    FeatureRows rows(p, threads);
    std::string worker_error;  // GDAL's, on a reading thread: the scope below sees this thread's only
    for (const auto& spec : catalog.layers()) {
        OGRLayer* l = ds->GetLayerByName(spec.name.c_str());
        if (!l) continue;
        core::Layer layer;
        layer.spec = &spec;
        layer.source = p;
        // The CRS the layer was read from at build; a store from before it was recorded: the work CRS.
        layer.source_crs = d.meta("source_crs." + spec.name);
        if (layer.source_crs.empty()) layer.source_crs = d.work_crs_name();
        OGRFeatureDefn* defn = l->GetLayerDefn();
        std::vector<bool> columns;
        for (auto& fs : spec.fields) {
            int i = defn->GetFieldIndex(fs.name.c_str());
            if (i < 0 && fs.required)
                throw core::bad_input(FeatureRef{p, spec.name, {}, {}}, "store layer lacks field '" + fs.name + "' (rebuild the store)");
            columns.push_back(i >= 0);
        }
        layer.features.reserve(feature_count_hint(*l, p, true));
        if (std::string e = rows.read(spec, columns, layer); worker_error.empty()) worker_error = std::move(e);
        if (OGRLayer* rep = ds->GetLayerByName(kRepairsTable)) {
            rep->SetAttributeFilter(("layer = '" + spec.name + "'").c_str());
            for (auto& f : *rep)
                layer.repairs.push_back(core::Repair{spec.name, f->GetFieldAsInteger64("feature_fid"), f->GetFieldAsString("feature_id"),
                                                     f->GetFieldAsString("reason"), f->GetFieldAsDouble("area_before_m2"),
                                                     f->GetFieldAsDouble("area_after_m2")});
            rep->SetAttributeFilter(nullptr);
        }
        d.layers.push_back(std::move(layer));
    }
    if (scope.failed()) throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store is corrupt or truncated: " + scope.message());
    if (!worker_error.empty()) throw core::bad_input(FeatureRef{p, {}, {}, {}}, "store is corrupt or truncated: " + worker_error);
    return d;
}

}  // namespace zoning::io
