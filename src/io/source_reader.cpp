// SPDX-License-Identifier: MIT
#include "io/source_reader.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iconv.h>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include <sqlite3.h>

#include "core/field_value.hpp"
#include "core/parallel.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/file_util.hpp"
#include "io/gdal.hpp"
#include "io/sqlite.hpp"
#include "io/work_crs.hpp"

// read_layer, step by step: choose the layer, resolve its CRS, map the catalog's fields
// to the source's, read each feature (values parsed by core, geometry checked as read),
// then transform and repair the geometry on all cores.

namespace zoning::io {

using core::FeatureRef;
using core::Finding;
using core::Severity;

namespace {

// Choose layer ---------------------------------------------------------------

/// The layer the user names, else the only one, else the one named like the catalog layer.
OGRLayer& choose_layer(GDALDataset& ds, const core::LayerSpec& spec, const core::LayerSource& src, const std::string& source) {
    if (!src.source_layer.empty()) {
        OGRLayer* named = ds.GetLayerByName(src.source_layer.c_str());
        if (!named) throw core::bad_input(FeatureRef{source, src.source_layer, {}, {}}, "no such layer in the source");
        return *named;
    }
    if (ds.GetLayerCount() == 1) return *ds.GetLayer(0);
    OGRLayer* same_name = ds.GetLayerByName(spec.name.c_str());
    if (!same_name) {
        std::string names;
        for (auto* l : ds.GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
        throw core::bad_input(FeatureRef{source, spec.name, {}, {}},
                              "the source has several layers (" + names + "); name one with layer = \"...\"");
    }
    return *same_name;
}

// Resolve CRS ----------------------------------------------------------------

/// The source's own CRS as WKT, else the one the user names; never guessed.
std::string resolve_crs(OGRLayer& layer, const core::LayerSpec& spec, const core::LayerSource& src, const FeatureRef& layer_ref) {
    const OGRSpatialReference* srs = src.force_crs ? nullptr : layer.GetSpatialRef();
    std::string crs = srs ? srs_wkt(*srs) : std::string();
    if (!crs.empty()) return crs;
    if (src.crs.empty())
        throw core::bad_input(layer_ref, "the source has no CRS; name the one it is in with crs = \"EPSG:...\" in [layers." + spec.name +
                                             "] of dataset.toml");
    return src.crs;
}

/// Each worker has its own GEOS and PROJ contexts (neither may be used by two threads at once).
struct Worker {
    std::string from, to;
    geo::ProjContext proj;
    geo::Transformer transformer;
    Worker(const std::string& from_crs, const std::string& to_crs) : from(from_crs), to(to_crs), proj(), transformer(proj, from, to) {}
};

/// Transformers made for one layer, kept for the next: making one searches PROJ's database
/// (half the CPU time of a build without parcels), and a dataset's layers mostly share a CRS.
/// A worker taken is one thread's until given back; PROJ lets a context move between threads.
class WorkerPool {
public:
    /// Throws geo::ProjError when PROJ cannot transform between the two.
    std::unique_ptr<Worker> take(const std::string& from, const std::string& to) {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            auto idle = m_idle.find({from, to});
            if (idle != m_idle.end() && !idle->second.empty()) {
                std::unique_ptr<Worker> w = std::move(idle->second.back());
                idle->second.pop_back();
                return w;
            }
        }
        return std::make_unique<Worker>(from, to);
    }
    void give_back(std::unique_ptr<Worker> w) {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto& idle = m_idle[{w->from, w->to}];
        idle.push_back(std::move(w));
    }

private:
    std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, std::vector<std::unique_ptr<Worker>>> m_idle;
};

/// A worker borrowed from a pool for one layer's thread, given back when the thread is done.
class LeasedWorker {
public:
    LeasedWorker(WorkerPool& pool, const std::string& from, const std::string& to) : m_pool(pool), m_worker(pool.take(from, to)) {}
    ~LeasedWorker() { m_pool.give_back(std::move(m_worker)); }
    LeasedWorker(const LeasedWorker&) = delete;
    LeasedWorker& operator=(const LeasedWorker&) = delete;
    Worker& get() noexcept { return *m_worker; }

private:
    WorkerPool& m_pool;
    std::unique_ptr<Worker> m_worker;
};

/// The source CRS, checked once on the main thread so a bad one fails the layer, not each feature.
class DeclaredCrs {
public:
    DeclaredCrs(const std::string& definition, const std::string& work_crs, const core::LayerSpec& spec, const FeatureRef& layer_ref,
                const CrsAdvice& advice, WorkerPool& pool)
        : m_definition(definition), m_layer(spec.name), m_ref(layer_ref), m_advice(advice) {
        std::unique_ptr<LeasedWorker> w;
        try {
            w = std::make_unique<LeasedWorker>(pool, definition, work_crs);
        } catch (const geo::ProjError& e) {
            throw core::bad_input(layer_ref, std::string("CRS: ") + e.what());
        }
        m_name = w->get().transformer.source_name();
        m_geographic = geo::crs_is_geographic(w->get().proj, definition);
    }
    const std::string& definition() const noexcept { return m_definition; }
    const std::string& name() const noexcept { return m_name; }

    /// Coordinates that are plainly metres under a lon/lat CRS (or the reverse) mean the
    /// declared CRS is wrong: say which, once, rather than fail every feature.
    void check_extent(const OGREnvelope& extent) const {
        const geo::CoordinateFit fit = geo::coordinate_fit(m_geographic, extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        if (fit == geo::CoordinateFit::plausible) return;
        const bool lonlat_declared = fit == geo::CoordinateFit::metres_declared_lonlat;
        const std::string example = lonlat_declared ? "EPSG:..." : "EPSG:4326";
        const std::string remedy = m_advice.option.empty()
                                       ? "name the right CRS with crs = \"" + example + "\" and force_crs = true in [layers." + m_layer + "]"
                                       : "give the CRS they are in with " + m_advice.option + ", e.g. " + m_advice.option + " " + example;
        throw core::bad_input(m_ref, geo::coordinate_fit_text(fit, extent.MinX, extent.MinY, extent.MaxX, extent.MaxY) +
                                         ", but the source declares " + m_name + (lonlat_declared ? " (lon/lat)" : " (metres)") + "; " + remedy);
    }

private:
    std::string m_definition, m_name, m_layer;
    FeatureRef m_ref;
    CrsAdvice m_advice;
    bool m_geographic = false;
};

// Decode text ----------------------------------------------------------------

/// One iconv conversion, the one owner of an iconv_t: a legacy DBF's bytes to UTF-8, or a
/// where filter's UTF-8 to the DBF's bytes. Names are iconv's (GB18030, GBK, BIG5-HKSCS, CP936).
class Recoder {
public:
    Recoder(const std::string& from, const std::string& to)
        : m_from(from), m_to(to), m_cd(iconv_open(to.c_str(), from.c_str())) {}
    ~Recoder() {
        if (valid()) iconv_close(m_cd);
    }
    Recoder(const Recoder&) = delete;
    Recoder& operator=(const Recoder&) = delete;
    bool valid() const noexcept { return m_cd != reinterpret_cast<iconv_t>(-1); }
    const std::string& from() const noexcept { return m_from; }
    const std::string& to() const noexcept { return m_to; }

    /// Where a conversion stopped: the byte offset and the bytes (up to 4) that do not convert.
    struct Failure {
        std::size_t offset = 0;
        std::string bytes;
    };
    /// The converted text; nullopt and `failure` at the first sequence that does not convert
    /// (never a '?' in its place: a wrong encoding must not pass as garbled names).
    std::optional<std::string> convert(const std::string& in, Failure& failure) {
        iconv(m_cd, nullptr, nullptr, nullptr, nullptr);  // a fresh shift state for each value
        std::string out(in.size() * 4 + 16, '\0');
        char* src = const_cast<char*>(in.data());  // iconv's signature; it does not write the input
        std::size_t src_left = in.size();
        char* dst = out.data();
        std::size_t dst_left = out.size();
        while (src_left > 0) {
            if (iconv(m_cd, &src, &src_left, &dst, &dst_left) != static_cast<std::size_t>(-1)) continue;
            if (errno == E2BIG) {
                const std::size_t used = static_cast<std::size_t>(dst - out.data());
                out.resize(out.size() * 2);
                dst = out.data() + used;
                dst_left = out.size() - used;
                continue;
            }
            failure.offset = static_cast<std::size_t>(src - in.data());
            failure.bytes = in.substr(failure.offset, 4);
            return std::nullopt;
        }
        iconv(m_cd, nullptr, nullptr, &dst, &dst_left);
        out.resize(out.size() - dst_left);
        return out;
    }

private:
    std::string m_from, m_to;
    iconv_t m_cd;
};

std::string hex_bytes(const std::string& bytes) {
    std::string out;
    for (unsigned char b : bytes) {
        char h[4];
        std::snprintf(h, sizeof h, "%02X", b);
        out += (out.empty() ? "" : " ") + std::string(h);
    }
    return out;
}

const char* const kEncodingAdvice =
    "name the encoding the file is in: encoding = \"GB18030\" for Chinese DBFs (it covers GBK and GB2312), "
    "\"BIG5-HKSCS\" for Hong Kong data (iconv's names)";

// Open -----------------------------------------------------------------------

/// SHAPE_RESTORE_SHX=...: nullopt for any other option, else whether it asks for the rebuild.
std::optional<bool> restores_shx(const std::string& option) {
    std::string upper = option;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string key = "SHAPE_RESTORE_SHX=";
    if (upper.rfind(key, 0) != 0) return std::nullopt;
    const std::string value = upper.substr(key.size());
    return value == "YES" || value == "TRUE" || value == "ON" || value == "1";
}

/// A shapefile's parts (same name, any extension) copied into GDAL's memory file system and
/// removed with it, so GDAL rebuilding a missing .shx writes there, never into the user's folder.
class MemoryCopy {
public:
    MemoryCopy(const std::filesystem::path& shp, const FeatureRef& where) {
        static std::atomic<unsigned> counter{0};
        m_dir = "/vsimem/zoning-source-" + std::to_string(counter++);
        std::error_code ec;
        const std::string stem = shp.stem().string();
        for (const auto& entry : std::filesystem::directory_iterator(shp.parent_path().empty() ? "." : shp.parent_path(), ec)) {
            if (entry.path().stem().string() != stem || !entry.is_regular_file(ec)) continue;
            const std::string to = m_dir + "/" + entry.path().filename().string();
            if (CPLCopyFile(to.c_str(), entry.path().c_str()) != 0) throw core::bad_input(where, "cannot read " + entry.path().string());
        }
        if (ec) throw core::bad_input(where, "cannot list the folder: " + ec.message());
        m_path = m_dir + "/" + shp.filename().string();
    }
    ~MemoryCopy() { VSIRmdirRecursive(m_dir.c_str()); }
    MemoryCopy(const MemoryCopy&) = delete;
    MemoryCopy& operator=(const MemoryCopy&) = delete;
    const std::string& path() const noexcept { return m_path; }

private:
    std::string m_dir, m_path;
};

// Map fields -----------------------------------------------------------------

/// Where a catalog field's value comes from.
struct SourceField {
    enum class Kind { absent, field, fid, constant };
    Kind kind = Kind::absent;
    int index = -1;  // in the OGR layer defn
    OGRFieldType type = OFTString;
    std::string name;      // the source's field name (decoded), for messages
    std::string constant;  // [layers.X.constants]
    core::ValueTable table;
};

/// The source's field names, decoded when the reader decodes (a DBF header holds its names in
/// the file's encoding, e.g. 地类编码 in GBK).
std::vector<std::string> source_field_names(OGRFeatureDefn& defn, Recoder* decoder) {
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        std::string name = defn.GetFieldDefn(i)->GetNameRef();
        Recoder::Failure bad;
        if (decoder)
            if (auto decoded = decoder->convert(name, bad)) name = *decoded;
        names.push_back(name);
    }
    return names;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return out;
}

bool same_name(const std::string& a, const std::string& b) {  // OGR's field names are case-insensitive
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
               return std::tolower(x) == std::tolower(y);
           });
}

/// The values table of one catalog field: the dataset's own, else a crosswalk it names. A
/// land-use table is checked whole before any feature is read: every value it maps to must be
/// a national code.
core::ValueTable value_table(const core::Catalog& catalog, const core::LayerSpec& spec, const core::FieldSpec& fs,
                             const core::LayerSource& src, const FeatureRef& layer_ref) {
    core::ValueTable table;
    if (auto own = src.values.find(fs.name); own != src.values.end()) {
        table = {&own->second, "[layers." + spec.name + ".values." + fs.name + "]"};
    } else {
        std::string name;
        if (auto cw = src.crosswalks.find(fs.name); cw != src.crosswalks.end()) name = cw->second;
        else if (fs.domain == "landuse") name = src.landuse_crosswalk;
        if (name.empty()) return table;
        const core::Crosswalk* cw = catalog.crosswalk(name);
        if (!cw) {
            std::vector<std::string> known;
            for (const auto& c : catalog.crosswalks()) known.push_back("\"" + c.name + "\"");
            throw core::bad_input(layer_ref, "values = \"" + name + "\": the catalog has no such crosswalk (it has: " +
                                                 (known.empty() ? std::string("none") : joined(known)) + ")");
        }
        if (fs.domain != "landuse")
            throw core::bad_input(layer_ref, "values = \"" + name + "\" is a crosswalk of land-use codes; field '" + fs.name + "' is not a land-use field");
        table = {&cw->to, "the crosswalk \"" + name + "\" (" + cw->file.filename().string() + ")"};
    }
    if (fs.domain == "landuse")
        for (const auto& [from, to] : *table.map)
            if (!catalog.landuse().find(to))
                throw core::bad_input(layer_ref, table.name + ": '" + from + "' maps to '" + to +
                                                     "', which is not a national 用地用海 code (layers/landuse.toml)");
    return table;
}

/// Each catalog field to its source: a constant, the feature id ("@fid"), the field the
/// [layers.X.fields] mapping names, else the field of the catalog's own name. A field the user
/// names must exist, as must a required one; the error lists the fields there are.
std::vector<SourceField> map_fields(OGRLayer& layer, const core::Catalog& catalog, const core::LayerSpec& spec,
                                    const core::LayerSource& src, const FeatureRef& layer_ref, Recoder* decoder) {
    auto check_keys = [&](const auto& table, const char* section) {
        for (const auto& entry : table)
            if (spec.field_index(entry.first) < 0) {
                std::vector<std::string> fields;
                for (const auto& f : spec.fields) fields.push_back(f.name);
                throw core::bad_input(layer_ref, "[layers." + spec.name + section + "]: '" + entry.first +
                                                     "' is not a field of the catalog layer (its fields: " + joined(fields) + ")");
            }
    };
    check_keys(src.fields, ".fields");
    check_keys(src.constants, ".constants");
    check_keys(src.values, ".values");
    check_keys(src.crosswalks, ".values");
    if (!src.landuse_crosswalk.empty() &&
        std::none_of(spec.fields.begin(), spec.fields.end(), [](const core::FieldSpec& f) { return f.domain == "landuse"; }))
        throw core::bad_input(layer_ref, "values = \"" + src.landuse_crosswalk + "\": the layer has no land-use field to map");

    OGRFeatureDefn* defn = layer.GetLayerDefn();
    const std::vector<std::string> names = source_field_names(*defn, decoder);
    std::vector<SourceField> mapped(spec.fields.size());
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
        const auto& fs = spec.fields[i];
        SourceField& sf = mapped[i];
        if (auto c = src.constants.find(fs.name); c != src.constants.end()) {
            core::FieldValue v = core::parse_field_value(fs, c->second, core::ValueTable{}, catalog.landuse());
            if (!v.ok()) throw core::bad_input(layer_ref, "[layers." + spec.name + ".constants]: " + v.problem);
            sf.kind = SourceField::Kind::constant;
            sf.constant = c->second;
            continue;
        }
        sf.table = value_table(catalog, spec, fs, src, layer_ref);
        auto it = src.fields.find(fs.name);
        const bool named = it != src.fields.end();
        sf.name = named ? it->second : fs.name;
        if (sf.name == core::kFidField) {
            sf.kind = SourceField::Kind::fid;
            continue;
        }
        for (std::size_t k = 0; k < names.size(); ++k)
            if (same_name(names[k], sf.name)) sf.index = static_cast<int>(k);
        if (sf.index < 0) {
            if (!fs.required && !named) continue;
            throw core::bad_input(layer_ref, std::string(fs.required ? "missing required field '" : "missing field '") + sf.name + "'" +
                                                 (named ? " (mapped from '" + fs.name + "')" : std::string()) + "; the source's fields are: " +
                                                 (names.empty() ? std::string("none") : joined(names)) +
                                                 (fs.name == "id" ? " (or id = \"@fid\" for the feature id)" : ""));
        }
        sf.kind = SourceField::Kind::field;
        sf.type = defn->GetFieldDefn(sf.index)->GetType();
    }
    return mapped;
}

// Check geometry as read -----------------------------------------------------

std::string geometry_family(OGRwkbGeometryType t) {
    switch (wkbFlatten(t)) {
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
            return "polygon";
        case wkbLineString:
        case wkbMultiLineString:
        case wkbCircularString:
        case wkbCompoundCurve:
        case wkbMultiCurve:
            return "line";
        case wkbPoint:
        case wkbMultiPoint:
            return "point";
        default:
            return "other";
    }
}

bool all_finite(const OGRGeometry* g) {
    switch (wkbFlatten(g->getGeometryType())) {
        case wkbPoint: {
            auto* p = g->toPoint();
            return std::isfinite(p->getX()) && std::isfinite(p->getY());
        }
        case wkbLineString:
        case wkbLinearRing:
        case wkbCircularString: {
            auto* c = g->toSimpleCurve();
            for (int i = 0; i < c->getNumPoints(); ++i)
                if (!std::isfinite(c->getX(i)) || !std::isfinite(c->getY(i))) return false;
            return true;
        }
        case wkbPolygon:
        case wkbCurvePolygon: {
            for (const auto* ring : *g->toCurvePolygon())
                if (!all_finite(ring)) return false;
            return true;
        }
        case wkbCompoundCurve: {
            for (const auto* c : *g->toCompoundCurve())
                if (!all_finite(c)) return false;
            return true;
        }
        default: {
            if (auto* coll = dynamic_cast<const OGRGeometryCollection*>(g)) {
                for (const auto* part : *coll)
                    if (!all_finite(part)) return false;
            }
            return true;
        }
    }
}

/// A wrong encoding that still decodes: bytes of one CJK encoding read as another (GBK read as
/// BIG5 gives 阨泬) or as a single-byte one (GBK read as ISO-8859-1 gives Ë®Ìï) convert without a
/// failure, so `convert` cannot catch them. Per text field, this counts what the decoded text
/// looks like and what the same bytes read as GB18030 look like, and says so when the declared
/// reading is implausible and GB18030's is not.
///
/// "Implausible" is measured against GB2312's 6,763 hanzi, the characters ordinary names use:
/// over the bundled data's and the catalog's names (2,787 characters) none lies outside it, and
/// a list of place names chosen for their rare characters (㙟头村, 硚口区, 埇桥区, 氹仔…) has 19%
/// outside; GBK names read as BIG5 have 67% outside (a third or more in 9 names of 10). So a
/// field warns at kUncommonShare of at least kMinCjk characters, and only when GB18030 reads the
/// same bytes with at most a third of that share: a real BIG5 (traditional) source has many
/// characters outside GB2312 either way and is not flagged.
class EncodingPlausibility {
public:
    static constexpr double kUncommonShare = 0.30;
    static constexpr std::size_t kMinCjk = 4;

    explicit EncodingPlausibility(const std::string& declared)
        : m_declared(declared), m_gb("GB18030", "UTF-8"), m_common("UTF-8", "GB2312") {
        std::string upper;
        for (char c : declared) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        // GB2312 and GBK are GB18030's subsets: GB18030 is no better guess for them.
        m_gb_family = upper == "GB18030" || upper == "GBK" || upper == "CP936" || upper == "GB2312" || upper == "EUC-CN" ||
                      upper == "MS936" || upper == "WINDOWS-936" || upper == "936";
        // One byte per character when a lone high byte converts (a multi-byte lead byte alone does not).
        Recoder probe(declared, "UTF-8");
        Recoder::Failure bad;
        m_single_byte = probe.valid() && probe.convert("\xC0", bad).has_value();
    }

    bool active() const noexcept { return !m_gb_family && m_gb.valid() && m_common.valid(); }

    void add(const std::string& field, const std::string& raw, const std::string& decoded, const FeatureRef& ref) {
        Field& f = m_fields.try_emplace(field).first->second;
        const Counts here = count(decoded);
        f.declared.cjk += here.cjk;
        f.declared.uncommon += here.uncommon;
        f.declared.latin += here.latin;
        if (!f.gb_valid) return;
        Recoder::Failure bad;
        std::optional<std::string> gb = m_gb.convert(raw, bad);
        if (!gb) {
            f.gb_valid = false;
            return;
        }
        const Counts other = count(*gb);
        f.gb.cjk += other.cjk;
        f.gb.uncommon += other.uncommon;
        if (!f.sample && (here.uncommon > 0 || here.latin > 0) && *gb != decoded) f.sample = Sample{ref, decoded, *gb};
    }

    /// One warning per field whose text reads better as GB18030.
    void report(const std::string& where_encoding, std::vector<Finding>& findings) const {
        for (const auto& [name, f] : m_fields) {
            if (!f.gb_valid || !f.sample || f.gb.cjk == 0) continue;
            const double share = f.declared.cjk ? double(f.declared.uncommon) / double(f.declared.cjk) : 0.0;
            const double gb_share = double(f.gb.uncommon) / double(f.gb.cjk);
            std::string why;
            if (f.declared.cjk >= kMinCjk && share >= kUncommonShare && gb_share * 3 <= share)
                why = percent(share) + " of its " + std::to_string(f.declared.cjk) +
                      " Chinese characters are outside the 6,763 in common use (GB2312)";
            // Real Latin-1 text read as GB18030 is rare characters only (an accented letter and the
            // ASCII letter after it make a GBK-extension pair: Crèche is Cr鑓he), while Chinese text
            // keeps under the CJK threshold even with a rare character (㙟头村: one in three).
            else if (m_single_byte && f.declared.latin > 0 && gb_share < kUncommonShare)
                why = "it has accented Latin letters (À–ÿ) where the bytes are Chinese text";
            if (why.empty()) continue;
            findings.push_back(Finding{Severity::warning, "encoding-suspect", f.sample->ref,
                                       "field " + name + " decoded as " + m_declared + " (" + where_encoding + ") reads \"" +
                                           printable(f.sample->declared) + "\": " + why + "; it reads as GB18030: \"" + f.sample->gb +
                                           "\" — if that is right, set encoding = \"GB18030\"",
                                       0, {}});
        }
    }

private:
    struct Counts {
        std::size_t cjk = 0, uncommon = 0, latin = 0;
    };
    struct Sample {
        FeatureRef ref;
        std::string declared, gb;
    };
    struct Field {
        Counts declared, gb;
        bool gb_valid = true;  // every value converts from GB18030
        std::optional<Sample> sample;
    };

    /// The sample as a line can show it: C1 control characters (what 0x80–0x9F become in ISO-8859-1)
    /// as <82>, not as invisible bytes.
    static std::string printable(const std::string& utf8) {
        std::string out;
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            const unsigned char b = static_cast<unsigned char>(utf8[i]);
            const unsigned char next = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0;
            if (b == 0xC2 && next >= 0x80 && next <= 0x9F) {
                char h[8];
                std::snprintf(h, sizeof h, "<%02X>", next);
                out += h;
                ++i;
            } else {
                out += utf8[i];
            }
        }
        return out;
    }

    static std::string percent(double share) { return std::to_string(static_cast<int>(share * 100.0 + 0.5)) + "%"; }

    /// Han characters (CJK unified, extension A and the supplementary planes), how many of them
    /// GB2312 cannot hold, and Latin-1 letters.
    Counts count(const std::string& utf8) {
        Counts c;
        for (std::size_t i = 0; i < utf8.size();) {
            const unsigned char b = static_cast<unsigned char>(utf8[i]);
            const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (i + len > utf8.size()) break;
            std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
            for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
            if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
                ++c.cjk;
                if (!common(cp, utf8.substr(i, len))) ++c.uncommon;
            } else if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
                ++c.latin;
            }
            i += len;
        }
        return c;
    }

    bool common(std::uint32_t cp, const std::string& utf8) {
        auto [it, inserted] = m_common_cache.try_emplace(cp, false);
        if (inserted) {
            Recoder::Failure bad;
            it->second = m_common.convert(utf8, bad).has_value();
        }
        return it->second;
    }

    std::string m_declared;
    Recoder m_gb, m_common;
    bool m_gb_family = false, m_single_byte = false;
    std::map<std::string, Field> m_fields;
    std::unordered_map<std::uint32_t, bool> m_common_cache;
};

// Check ids ------------------------------------------------------------------

/// The ids met so far, each with the fid it was first met at. One open-addressing table of
/// hashes and one buffer of the ids' bytes: a std::unordered_map of a million strings cost a
/// tenth of a million-parcel build, in cache misses (bucket, node, string), rehashing and freeing.
class IdIndex {
public:
    explicit IdIndex(std::size_t expected = 0) { grow(expected); }

    /// The fid `id` was first met at; nullopt (and `id` recorded at `fid`) when it is new.
    std::optional<std::int64_t> first_or_add(const std::string& id, std::int64_t fid) {
        if ((m_count + 1) * 2 > m_slots.size()) grow(m_count + 1);
        const std::uint64_t hash = std::hash<std::string>{}(id);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& s = m_slots[i];
            if (!s.used) {
                s = Slot{hash, m_bytes.size(), id.size(), true, fid};
                m_bytes += id;
                ++m_count;
                return std::nullopt;
            }
            if (s.hash == hash && s.size == id.size() && m_bytes.compare(s.offset, s.size, id) == 0) return s.fid;
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::size_t offset = 0, size = 0;  // in m_bytes
        bool used = false;
        std::int64_t fid = 0;
    };

    /// Room for `n` ids at most half full; the slots moved by their kept hashes.
    void grow(std::size_t n) {
        std::size_t size = 16;
        while (size < 2 * n) size *= 2;
        if (size <= m_slots.size()) return;
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(size, Slot{});
        m_mask = size - 1;
        for (const Slot& s : old) {
            if (!s.used) continue;
            std::size_t i = s.hash & m_mask;
            while (m_slots[i].used) i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0, m_count = 0;
    std::string m_bytes;
};

// Read a GeoPackage's rows ----------------------------------------------------

/// A linear 2D geometry as little-endian ISO WKB, with no empty part and finite coordinates:
/// what OGR would export again byte for byte after parsing it. Anything else (another byte
/// order, Z or M, a curve, a collection, an empty part, NaN) is not plain and goes through OGR.
class PlainWkb {
public:
    PlainWkb(const unsigned char* wkb, std::size_t size) : m_p(wkb), m_end(wkb + size) {}

    /// True when the bytes are one plain geometry of `family` (as geometry_family names it),
    /// every byte used; `env` is then its envelope.
    bool read(const std::string& family, OGREnvelope& env) {
        std::uint32_t type = 0;
        if (!header(type)) return false;
        const std::uint32_t single = family == "polygon" ? 3 : family == "line" ? 2 : family == "point" ? 1 : 0;
        if (single == 0 || (type != single && type != single + 3)) return false;
        bool ok = false;
        if (type == single) {
            ok = body(type);
        } else {
            std::uint32_t parts = 0;
            ok = u32(parts) && parts > 0;
            for (std::uint32_t i = 0; ok && i < parts; ++i) {
                std::uint32_t part = 0;
                ok = header(part) && part == single && body(part);
            }
        }
        if (!ok || m_p != m_end || m_minx > m_maxx) return false;
        env.MinX = m_minx, env.MinY = m_miny, env.MaxX = m_maxx, env.MaxY = m_maxy;
        return true;
    }

private:
    bool u32(std::uint32_t& v) {
        if (m_end - m_p < 4) return false;
        std::memcpy(&v, m_p, 4);  // little-endian host (the WKB byte order checked in header())
        m_p += 4;
        return true;
    }
    bool header(std::uint32_t& type) {
        if (m_end - m_p < 5 || m_p[0] != 1) return false;
        ++m_p;
        return u32(type) && type >= 1 && type <= 6;
    }
    bool points(std::uint32_t n) {
        if (n == 0 || static_cast<std::size_t>(m_end - m_p) / 16 < n) return false;
        for (std::uint32_t i = 0; i < n; ++i, m_p += 16) {
            double x, y;
            std::memcpy(&x, m_p, 8);
            std::memcpy(&y, m_p + 8, 8);
            if (!std::isfinite(x) || !std::isfinite(y)) return false;
            m_minx = std::min(m_minx, x), m_maxx = std::max(m_maxx, x);
            m_miny = std::min(m_miny, y), m_maxy = std::max(m_maxy, y);
        }
        return true;
    }
    bool body(std::uint32_t type) {
        std::uint32_t n = 0;
        if (type == 1) return points(1);
        if (!u32(n)) return false;
        if (type == 2) return points(n);
        if (n == 0) return false;
        for (std::uint32_t r = 0; r < n; ++r) {
            std::uint32_t count = 0;
            if (!u32(count) || !points(count)) return false;
        }
        return true;
    }

    const unsigned char* m_p;
    const unsigned char* m_end;
    double m_minx = HUGE_VAL, m_miny = HUGE_VAL, m_maxx = -HUGE_VAL, m_maxy = -HUGE_VAL;
};

/// The rows of a GeoPackage table read with SQLite, beside GDAL's handle on the same file (both
/// only read): OGR made an OGRFeature and an OGRGeometry of each row only for its values to be
/// read once and its WKB exported again, most of the reading thread's time in a million-parcel
/// build. Each row's mapped fields go into one reused OGRFeature, set from the same SQLite
/// column functions GDAL's driver uses, so the reader takes their text through OGR exactly as
/// before; a row whose geometry or a value is not plain is read again through OGR by its fid.
class GeoPackageRows {
public:
    /// nullptr when the layer is not a plain table this reads exactly as OGR does (a view, no
    /// fid or geometry column, a mapped field of a type other than text, integer or real, or
    /// with a subtype).
    static std::unique_ptr<GeoPackageRows> open(const std::string& file, OGRLayer& layer, const std::vector<int>& field_indexes) {
        OGRFeatureDefn* defn = layer.GetLayerDefn();
        const std::string fid = layer.GetFIDColumn() ? layer.GetFIDColumn() : "";
        const std::string geom = layer.GetGeometryColumn() ? layer.GetGeometryColumn() : "";
        if (fid.empty() || geom.empty() || defn->GetGeomFieldCount() != 1) return nullptr;
        std::vector<Column> columns;
        for (int index : field_indexes) {
            const OGRFieldType type = defn->GetFieldDefn(index)->GetType();
            if (type != OFTString && type != OFTInteger && type != OFTInteger64 && type != OFTReal) return nullptr;
            // A subtype (Boolean, Int16, Float32, JSON, UUID) is what the driver reads the stored
            // value through, and OGRFeature::SetField clamps to it (2 as a Boolean becomes 1,
            // 34000 as an Int16 32767) where the driver keeps what is stored: OGR reads these.
            if (defn->GetFieldDefn(index)->GetSubType() != OFSTNone) return nullptr;
            columns.push_back(Column{index, type});
        }
        sqlite3* raw = nullptr;
        const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
        std::unique_ptr<sqlite3, SqliteCloser> db(raw);
        if (rc != SQLITE_OK) return nullptr;
        {
            sqlite3_stmt* kind = nullptr;
            if (sqlite3_prepare_v2(db.get(), "SELECT type FROM sqlite_master WHERE name = ?", -1, &kind, nullptr) != SQLITE_OK) return nullptr;
            std::unique_ptr<sqlite3_stmt, StatementFinalizer> st(kind);
            sqlite3_bind_text(st.get(), 1, layer.GetName(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st.get()) != SQLITE_ROW || std::strcmp(reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0)), "table") != 0)
                return nullptr;
        }
        std::string sql = "SELECT " + sql_identifier(fid) + ", " + sql_identifier(geom);
        for (const Column& c : columns) sql += ", " + sql_identifier(defn->GetFieldDefn(c.index)->GetNameRef());
        // GDAL's driver scans the table in rowid order, which the fid is.
        sql += " FROM " + sql_identifier(layer.GetName()) + " ORDER BY " + sql_identifier(fid);
        sqlite3_stmt* rows = nullptr;
        if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &rows, nullptr) != SQLITE_OK) return nullptr;
        return std::unique_ptr<GeoPackageRows>(new GeoPackageRows(std::move(db), rows, std::move(columns)));
    }

    /// The next row: false at the end. Its fid, its mapped fields set in `scratch` (the others
    /// untouched), and `wkb` and `env` when `plain`; when not plain the row must be read through OGR.
    bool next(OGRFeature& scratch, const std::string& family, std::int64_t& fid, bool& plain, std::string& wkb, OGREnvelope& env) {
        sqlite3_stmt* st = m_rows.get();
        const int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) return false;
        if (rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(m_db.get()));
        fid = sqlite3_column_int64(st, 0);
        plain = values(scratch) && geometry(family, wkb, env);
        return true;
    }

private:
    struct Column {
        int index;  // in the OGR layer defn
        OGRFieldType type;
    };

    GeoPackageRows(std::unique_ptr<sqlite3, SqliteCloser> db, sqlite3_stmt* rows, std::vector<Column> columns)
        : m_db(std::move(db)), m_rows(rows), m_columns(std::move(columns)) {}

    /// Plain values only: each stored as its field's type (or NULL), so no conversion of SQLite's
    /// or OGR's can tell the two paths apart.
    bool values(OGRFeature& scratch) {
        sqlite3_stmt* st = m_rows.get();
        for (std::size_t k = 0; k < m_columns.size(); ++k) {
            const int col = static_cast<int>(k) + 2;
            const Column& c = m_columns[k];
            const int stored = sqlite3_column_type(st, col);
            if (stored == SQLITE_NULL) {
                scratch.SetFieldNull(c.index);
                continue;
            }
            switch (c.type) {
                case OFTString: {
                    if (stored != SQLITE_TEXT) return false;
                    scratch.SetField(c.index, reinterpret_cast<const char*>(sqlite3_column_text(st, col)));
                    break;
                }
                case OFTInteger: {
                    const sqlite3_int64 v = sqlite3_column_int64(st, col);
                    if (stored != SQLITE_INTEGER || v < INT32_MIN || v > INT32_MAX) return false;
                    scratch.SetField(c.index, static_cast<int>(v));
                    break;
                }
                case OFTInteger64: {
                    if (stored != SQLITE_INTEGER) return false;
                    scratch.SetField(c.index, static_cast<GIntBig>(sqlite3_column_int64(st, col)));
                    break;
                }
                default: {
                    if (stored != SQLITE_FLOAT) return false;
                    scratch.SetField(c.index, sqlite3_column_double(st, col));
                    break;
                }
            }
        }
        return true;
    }

    /// The WKB of a standard GeoPackage blob (no extension, not flagged empty) when it is plain.
    bool geometry(const std::string& family, std::string& wkb, OGREnvelope& env) {
        sqlite3_stmt* st = m_rows.get();
        if (sqlite3_column_type(st, 1) != SQLITE_BLOB) return false;
        const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(st, 1));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(st, 1));
        const std::optional<GeoPackageWkb> in = geopackage_wkb(blob, size);
        if (!in || in->version != 0 || in->flagged_empty) return false;
        if (!PlainWkb(in->wkb, in->size).read(family, env)) return false;
        wkb.assign(reinterpret_cast<const char*>(in->wkb), in->size);
        return true;
    }

    std::unique_ptr<sqlite3, SqliteCloser> m_db;
    std::unique_ptr<sqlite3_stmt, StatementFinalizer> m_rows;
    std::vector<Column> m_columns;
};

/// Reads the features of one layer in order, on the calling thread (GDAL's rule): values
/// through core::parse_field_value, ids checked for reuse, geometry checked for kind and
/// finite coordinates and kept as WKB in the source CRS. Problems become findings.
class FeatureReader {
public:
    FeatureReader(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, std::string source,
                  std::vector<SourceField> fields, const DeclaredCrs& crs, bool extent_checked, std::vector<Finding>& findings,
                  Recoder* decoder, UnmappedReport report)
        : m_catalog(catalog),
          m_spec(spec),
          m_src(src),
          m_source(std::move(source)),
          m_fields(std::move(fields)),
          m_crs(crs),
          m_extent_checked(extent_checked),
          m_findings(findings),
          m_want(core::to_string(spec.geometry)),
          m_decoder(decoder),
          m_plausibility(decoder ? std::make_unique<EncodingPlausibility>(decoder->from()) : nullptr),
          m_report(report) {}

    /// `geopackage`: the file of a GeoPackage source whose rows may be read with SQLite
    /// (GeoPackageRows), empty to read through OGR only.
    void start(OGRLayer& layer, const std::string& geopackage) {
        layer.ResetReading();
        if (const std::size_t expected = feature_count_hint(layer, m_source); expected > 0) m_seen_ids = IdIndex(expected);
        if (geopackage.empty()) return;
        std::vector<int> indexes;
        for (const SourceField& f : m_fields)
            if (f.kind == SourceField::Kind::field) indexes.push_back(f.index);
        m_rows = GeoPackageRows::open(geopackage, layer, indexes);
        if (m_rows) m_scratch = std::make_unique<OGRFeature>(layer.GetLayerDefn());
    }

    /// Reads up to `max` features into `out` (those without a problem); false once the layer
    /// has no more. Then finish().
    bool read_some(OGRLayer& layer, std::vector<SourceFeature>& out, std::size_t max) {
        out.reserve(max);
        if (m_rows) return read_rows(layer, out, max);
        for (std::size_t n = 0; n < max; ++n) {
            OGRFeatureUniquePtr f(layer.GetNextFeature());
            if (!f) return false;
            take(*f, nullptr, nullptr, out);
        }
        return true;
    }

    /// The findings about the layer as a whole, once every feature is read.
    void finish() {
        report_unmapped();
        report_numeric_codes();
        if (m_plausibility && m_plausibility->active())
            m_plausibility->report(m_src.encoding.empty() ? "the encoding its .cpg names" : "encoding = \"" + m_src.encoding + "\" in dataset.toml",
                                   m_findings);
    }
    std::int64_t count() const noexcept { return m_sequence; }

private:
    /// One feature as OGR has it, checked and kept in `out` or left out with findings; `plain`
    /// and `env`: its geometry's WKB and envelope when GeoPackageRows read them (`f` has none).
    void take(OGRFeature& f, const std::string* plain, const OGREnvelope* env, std::vector<SourceFeature>& out) {
        ++m_sequence;
        std::int64_t fid = f.GetFID() == OGRNullFID ? m_sequence : f.GetFID();
        SourceFeature sf{core::Feature{}, FeatureRef{m_source, m_spec.name, fid, {}}};
        sf.feature.fid = fid;
        bool ok = parse_values(f, sf);
        ok = check_id(sf.ref) && ok;
        std::optional<std::string> wkb;
        if (plain) {
            if (!m_extent_checked) {
                m_crs.check_extent(*env);  // as source_wkb: the first feature stands for the layer
                m_extent_checked = true;
            }
            wkb = *plain;
        } else {
            wkb = source_wkb(f.GetGeometryRef(), sf.ref);
        }
        if (ok && wkb) {
            sf.feature.wkb = std::move(*wkb);
            out.push_back(std::move(sf));
        }
    }

    /// read_some through GeoPackageRows; a row it cannot read plainly is read through OGR.
    bool read_rows(OGRLayer& layer, std::vector<SourceFeature>& out, std::size_t max) {
        std::string wkb;
        OGREnvelope env;
        for (std::size_t n = 0; n < max; ++n) {
            std::int64_t fid = 0;
            bool plain = false;
            try {
                if (!m_rows->next(*m_scratch, m_want, fid, plain, wkb, env)) return false;
            } catch (const std::runtime_error& e) {
                throw core::bad_input(FeatureRef{m_source, m_spec.name, {}, {}}, std::string("cannot read the GeoPackage: ") + e.what());
            }
            if (plain) {
                m_scratch->SetFID(fid);
                take(*m_scratch, &wkb, &env, out);
                continue;
            }
            OGRFeatureUniquePtr f(layer.GetFeature(fid));
            if (!f) throw core::bad_input(FeatureRef{m_source, m_spec.name, fid, {}}, "GDAL cannot read this feature of the GeoPackage");
            take(*f, nullptr, nullptr, out);
        }
        return true;
    }

    void problem(const FeatureRef& ref, const std::string& check, const std::string& msg) {
        m_findings.push_back(Finding{Severity::error, check, ref, msg, 0, {}});
    }

    /// A field's text as the source holds it: the feature id, a constant, or the field's value
    /// (whole reals as integers, legacy text decoded); nullopt (and a finding) when its bytes
    /// are not text in the layer's encoding.
    std::optional<std::string> text_of(OGRFeature& f, const SourceField& sf, const core::FieldSpec& fs, const FeatureRef& ref) {
        switch (sf.kind) {
            case SourceField::Kind::absent: return std::string();
            case SourceField::Kind::fid: return std::to_string(*ref.fid);
            case SourceField::Kind::constant: return sf.constant;
            case SourceField::Kind::field: break;
        }
        if (!f.IsFieldSetAndNotNull(sf.index)) return std::string();
        if (sf.type == OFTReal)
            if (auto whole = core::whole_number_text(f.GetFieldAsDouble(sf.index))) return *whole;
        std::string raw = f.GetFieldAsString(sf.index);
        if (!m_decoder || sf.type != OFTString) return raw;
        Recoder::Failure bad;
        if (auto text = m_decoder->convert(raw, bad)) {
            if (m_plausibility && m_plausibility->active())
                m_plausibility->add("'" + sf.name + "'" + (same_name(sf.name, fs.name) ? std::string() : " (for " + fs.name + ")"), raw, *text, ref);
            return text;
        }
        problem(ref, "encoding",
                "field '" + sf.name + "'" + (same_name(sf.name, fs.name) ? std::string() : " (for " + fs.name + ")") + ": bytes " +
                    hex_bytes(bad.bytes) + " (at byte " + std::to_string(bad.offset) + ") are not " + m_decoder->from() + " text (" +
                    (m_src.encoding.empty() ? "the encoding its .cpg names" : "encoding = \"" + m_src.encoding + "\" in dataset.toml") +
                    "); " + kEncodingAdvice);
        return std::nullopt;
    }

    /// Every field, so the user sees all of a feature's problems at once. The first field is the id.
    bool parse_values(OGRFeature& f, SourceFeature& sf) {
        static const core::ValueTable no_table;
        sf.feature.values.resize(m_spec.fields.size());
        bool ok = true;
        for (std::size_t i = 0; i < m_spec.fields.size(); ++i) {
            const auto& fs = m_spec.fields[i];
            const SourceField& source = m_fields[i];
            std::optional<std::string> text = text_of(f, source, fs, sf.ref);
            if (!text) {
                ok = false;
                continue;
            }
            // A constant is a catalog value already: no table maps it.
            const core::ValueTable& table = source.kind == SourceField::Kind::constant ? no_table : source.table;
            core::FieldValue v = core::parse_field_value(fs, *text, table, m_catalog.landuse());
            if (i == 0) sf.ref.id = v.text;
            if (!v.ok()) {
                if (v.check == "unmapped" && !same_name(source.name, fs.name))
                    v.problem = "value '" + *text + "' of field '" + source.name + "' (for " + fs.name + ") is not in " + source.table.name;
                if (v.check == "landuse-code" && !same_name(source.name, fs.name))
                    if (auto at = v.problem.find("in field '" + fs.name + "'"); at != std::string::npos)
                        v.problem.replace(at, fs.name.size() + 11, "in field '" + source.name + "' (for " + fs.name + ")");
                if (v.check == "unmapped" || v.check == "landuse-code") unmapped(i, *text, v, sf.ref);
                else problem(sf.ref, v.check, v.problem);
                ok = false;
            }
            // A number column of small values read as first-level codes may be a local
            // classification whose numbers happen to be codes (10 taken as 10 工矿用地).
            if (v.ok() && fs.domain == "landuse" && !source.table.map && source.kind == SourceField::Kind::field &&
                source.type != OFTString && v.text.size() == 2)
                m_numeric_codes[i][v.text]++;
            sf.feature.values[i] = std::move(v.value);
        }
        return ok;
    }

    /// One warning per numeric land-use column some of whose values were taken as first-level codes.
    void report_numeric_codes() {
        for (const auto& [i, counts] : m_numeric_codes) {
            const auto& fs = m_spec.fields[i];
            std::string taken;
            for (const auto& [code, n] : counts) {
                const core::LanduseClass* k = m_catalog.landuse().find(code);
                taken += (taken.empty() ? "" : ", ") + code + " " + (k ? k->name_zh : std::string()) + " (" + std::to_string(n) + ")";
            }
            m_findings.push_back(Finding{Severity::warning, "landuse-numeric", FeatureRef{m_source, m_spec.name, {}, {}},
                                         "field '" + m_fields[i].name + "' (for " + fs.name + ") is a number column read as national codes: " +
                                             taken + "; if it holds a classification of its own, map it with [layers." + m_spec.name +
                                             ".values." + fs.name + "]",
                                         0, {}});
        }
        m_numeric_codes.clear();
    }

    /// A land-use value no table or code covers: counted per distinct value (build), or a
    /// finding of its own (a batch of proposals).
    void unmapped(std::size_t field, const std::string& raw, const core::FieldValue& v, const FeatureRef& ref) {
        const bool skip = m_src.on_unmapped == core::LayerSource::Unmapped::skip;
        if (m_report == UnmappedReport::per_feature) {
            m_findings.push_back(Finding{skip ? Severity::warning : Severity::error, v.check, ref,
                                         skip ? "left out (on_unmapped = \"skip\"): " + v.problem : v.problem, 0, {}});
            return;
        }
        auto [it, inserted] = m_unmapped_index.emplace(std::to_string(field) + '\x1f' + raw, m_unmapped.size());
        if (inserted) m_unmapped.push_back(Unmapped{ref, v.check, v.problem, 0, {}});
        Unmapped& u = m_unmapped[it->second];
        ++u.count;
        if (u.fids.size() < kFidsShown) u.fids.push_back(*ref.fid);
    }

    /// One finding per distinct unmapped value, in the order first met: the value, how many
    /// features have it and the first of their fids.
    void report_unmapped() {
        const bool skip = m_src.on_unmapped == core::LayerSource::Unmapped::skip;
        for (const Unmapped& u : m_unmapped) {
            std::string fids;
            for (auto fid : u.fids) fids += (fids.empty() ? "" : ", ") + std::to_string(fid);
            if (u.count > u.fids.size()) fids += ", …";
            const std::string where = std::to_string(u.count) + (u.count == 1 ? " feature" : " features") + " (fid " + fids + ")";
            if (skip)
                m_findings.push_back(Finding{Severity::warning, u.check, u.first,
                                             "left out " + where + " (on_unmapped = \"skip\"): " + u.problem, 0, {}});
            else
                m_findings.push_back(Finding{Severity::error, u.check, u.first,
                                             u.problem + "; " + where + " (map the value, or leave such features out with on_unmapped = \"skip\" in [layers." +
                                                 m_spec.name + "])",
                                             0, {}});
        }
        m_unmapped.clear();
        m_unmapped_index.clear();
    }

    bool check_id(const FeatureRef& ref) {
        if (ref.id.empty()) return true;
        const std::optional<std::int64_t> first = m_seen_ids.first_or_add(ref.id, *ref.fid);
        if (!first) return true;
        problem(ref, "duplicate-id", "id '" + ref.id + "' is used again (first at fid " + std::to_string(*first) + ")");
        return false;
    }

    /// The geometry as linear 2D ISO WKB in the source CRS; nullopt (and a finding) when unusable.
    std::optional<std::string> source_wkb(const OGRGeometry* g, const FeatureRef& ref) {
        if (!g || g->IsEmpty()) {
            problem(ref, "geometry-missing", "feature has no geometry");
            return std::nullopt;
        }
        if (geometry_family(g->getGeometryType()) != m_want) {
            problem(ref, "geometry-type",
                    std::string("a ") + OGRGeometryTypeToName(g->getGeometryType()) + " where a " + m_want + " belongs");
            return std::nullopt;
        }
        if (!all_finite(g)) {
            problem(ref, "coordinates", "NaN or infinite coordinate in the geometry");
            return std::nullopt;
        }
        OGRGeometryUniquePtr linear;
        if (g->hasCurveGeometry()) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        if (!m_extent_checked) {
            OGREnvelope first;
            g->getEnvelope(&first);
            m_crs.check_extent(first);  // the first feature stands for the layer when its extent is not known cheaply
            m_extent_checked = true;
        }
        std::string wkb(static_cast<std::size_t>(g->WkbSize()), '\0');
        g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(wkb.data()), wkbVariantIso);
        return wkb;
    }

    const core::Catalog& m_catalog;
    const core::LayerSpec& m_spec;
    const core::LayerSource& m_src;
    const std::string m_source;
    const std::vector<SourceField> m_fields;
    const DeclaredCrs& m_crs;
    bool m_extent_checked;
    std::vector<Finding>& m_findings;
    const std::string m_want;
    IdIndex m_seen_ids;
    std::int64_t m_sequence = 0;
    Recoder* m_decoder;
    std::unique_ptr<EncodingPlausibility> m_plausibility;  // with a decoder: is its text plausible?
    UnmappedReport m_report;
    struct Unmapped {
        FeatureRef first;
        std::string check, problem;
        std::size_t count;
        std::vector<std::int64_t> fids;
    };
    static constexpr std::size_t kFidsShown = 5;
    std::vector<Unmapped> m_unmapped;
    std::unordered_map<std::string, std::size_t> m_unmapped_index;
    std::map<std::size_t, std::map<std::string, std::size_t>> m_numeric_codes;  // field -> first-level code -> features
    std::unique_ptr<GeoPackageRows> m_rows;  // set: the rows are read with SQLite
    std::unique_ptr<OGRFeature> m_scratch;   // each row's values, for the reading through OGR's text
};

// Transform, check and repair geometry --------------------------------------

/// What became of a feature's geometry besides its new WKB: kept only for the features with
/// something to say (a million parcels each carrying two empty findings was most of the peak).
struct Outcome {
    std::optional<Finding> problem, warning;
    std::optional<core::Repair> repair;
};
using Outcomes = std::vector<std::pair<std::size_t, Outcome>>;  // (index in the batch, outcome)

/// What `wkb` is to the WKB GEOS writes for the layer's multi-geometry (`dim` 2: MultiPolygon,
/// 1: MultiLineString) made of it, when it is plain (PlainWkb: little-endian ISO 2D throughout,
/// no empty part, finite coordinates): the same bytes (a multi-geometry), or those bytes after a
/// multi-geometry's header of one part (a single one).
enum class AsWritten { no, same, one_part };
AsWritten as_written(const std::string& wkb, int dim) {
    const auto* p = reinterpret_cast<const unsigned char*>(wkb.data());
    const std::uint32_t single = dim == 2 ? 3 : 2;
    std::uint32_t type = 0;
    if (wkb.size() < 9 || p[0] != 1) return AsWritten::no;
    std::memcpy(&type, p + 1, 4);
    OGREnvelope env;
    if ((type != single && type != single + 3) || !PlainWkb(p, wkb.size()).read(dim == 2 ? "polygon" : "line", env)) return AsWritten::no;
    return type == single ? AsWritten::one_part : AsWritten::same;
}

/// One feature: to the work CRS, repaired with MakeValid when invalid (recorded), reduced to
/// the layer's dimension, and a polygon must keep some area. The work-CRS WKB replaces the
/// feature's; nullopt when there is nothing to say about it.
std::optional<Outcome> transform_and_repair_one(Worker& w, const geo::GeosContext& geos, SourceFeature& in, const core::LayerSpec& spec) {
    const int want_dim = spec.geometry == core::GeomKind::polygon ? 2 : 1;
    const FeatureRef& ref = in.ref;
    Outcome o;
    auto problem = [&](const std::string& check, const std::string& msg) {
        o.problem = Finding{Severity::error, check, ref, msg, 0, {}};
        return std::optional<Outcome>(std::move(o));
    };
    try {
        geo::GeomPtr geom = geo::from_wkb(geos, in.feature.wkb);
        // Already in the work CRS, a multi-geometry of the layer's kind as plain 2D little-endian
        // ISO WKB, and valid: the transform would copy it unchanged and GEOS write back these very
        // bytes, a third of the workers' time on a source in the work CRS. Kept as they are.
        if (const AsWritten as = w.transformer.is_noop() ? as_written(in.feature.wkb, want_dim) : AsWritten::no;
            as != AsWritten::no && geo::invalid_reason(geos, geom.get()).empty()) {
            if (want_dim == 2 && geo::area(geos, geom.get()) <= 0.0) return problem("geometry-empty", "polygon has zero area");
            if (as == AsWritten::one_part) {
                const unsigned char header[9] = {1, static_cast<unsigned char>(want_dim == 2 ? 6 : 5), 0, 0, 0, 1, 0, 0, 0};
                in.feature.wkb.insert(0, reinterpret_cast<const char*>(header), sizeof header);
            }
            return std::nullopt;
        }
        bool aborted = false;
        geo::GeomPtr moved = geo::transform_xy(
            geos, geom.get(), [&](double& x, double& y) { return w.transformer.transform(x, y); }, aborted);
        if (aborted || !moved)
            return problem("coordinates", "NaN, infinite or untransformable coordinate (from " + w.transformer.source_name() + ")");
        std::string reason = geo::invalid_reason(geos, moved.get());
        if (!reason.empty()) {
            double before = want_dim == 2 ? geo::area(geos, moved.get()) : 0.0;
            geo::GeomPtr fixed = geo::extract_dimension(geos, geo::make_valid(geos, moved.get()).get(), want_dim);
            if (geo::is_empty(geos, fixed.get())) return problem("geometry-invalid", "invalid geometry that cannot be repaired: " + reason);
            double after = want_dim == 2 ? geo::area(geos, fixed.get()) : 0.0;
            o.repair = core::Repair{spec.name, *ref.fid, ref.id, reason, before, after};
            o.warning =
                Finding{Severity::warning, "geometry-repaired", ref, "invalid geometry repaired with GEOS MakeValid: " + reason, 0, {}};
            moved = std::move(fixed);
        } else {
            moved = geo::extract_dimension(geos, moved.get(), want_dim);
        }
        if (want_dim == 2 && geo::area(geos, moved.get()) <= 0.0) return problem("geometry-empty", "polygon has zero area");
        in.feature.wkb = geo::to_wkb(geos, moved.get());
    } catch (const geo::GeosError& e) {
        return problem("geometry", std::string("unreadable geometry: ") + e.what());
    }
    if (!o.repair && !o.warning) return std::nullopt;
    return o;
}

/// Features [begin, end) of `features` to the work CRS, in place.
Outcomes transform_and_repair_range(Worker& w, const geo::GeosContext& geos, std::vector<SourceFeature>& features, std::size_t begin,
                                    std::size_t end, const core::LayerSpec& spec) {
    Outcomes out;
    for (std::size_t i = begin; i < end; ++i)
        if (auto o = transform_and_repair_one(w, geos, features[i], spec)) out.emplace_back(i, std::move(*o));
    return out;
}

/// Keeps the features of `features` in `layer` in order, or leaves out those with a problem;
/// each outcome's findings go to `findings`, its repair to the layer. `outcomes` are in index order.
void keep_features(core::Layer& layer, std::vector<Finding>& findings, std::vector<SourceFeature>& features, Outcomes& outcomes) {
    auto next = outcomes.begin();
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (next != outcomes.end() && next->first == i) {
            Outcome& o = (next++)->second;
            if (o.problem) {
                findings.push_back(std::move(*o.problem));
                continue;
            }
            if (o.repair) layer.repairs.push_back(std::move(*o.repair));
            if (o.warning) findings.push_back(std::move(*o.warning));
        }
        layer.features.push_back(std::move(features[i].feature));
    }
}

ReadResult empty_layer(const core::LayerSpec& spec, const std::string& source, const FeatureRef& layer_ref) {
    ReadResult empty;
    empty.layer.spec = &spec;
    empty.layer.source = source;
    empty.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, "layer has no features", 0, {}});
    return empty;
}

}  // namespace

void transform_and_repair(ReadResult& into, std::vector<SourceFeature> features, const std::string& source_crs,
                          const std::string& work_crs, unsigned threads) {
    const core::LayerSpec& spec = *into.layer.spec;
    WorkerPool pool;
    Outcomes outcomes = core::flatten(core::parallel_chunks_with<Outcomes, LeasedWorker>(
        features.size(), threads, [&](const geo::GeosContext&) { return std::make_unique<LeasedWorker>(pool, source_crs, work_crs); },
        [&](LeasedWorker& w, const geo::GeosContext& geos, std::size_t begin, std::size_t end) {
            return transform_and_repair_range(w.get(), geos, features, begin, end, spec);
        }));
    into.layer.features.reserve(into.layer.features.size() + features.size());
    keep_features(into.layer, into.findings, features, outcomes);
}

namespace {

/// Keeps only the features `where` selects. With a decoder the filter is put into the file's
/// encoding first, so a condition on Chinese text compares like with like.
void apply_where(OGRLayer& layer, const core::LayerSource& src, const FeatureRef& layer_ref, Recoder* decoder) {
    if (src.where.empty()) return;
    std::string filter = src.where;
    if (decoder) {
        Recoder encode("UTF-8", decoder->from());
        Recoder::Failure bad;
        auto encoded = encode.valid() ? encode.convert(src.where, bad) : std::nullopt;
        if (!encoded) throw core::bad_input(layer_ref, "where \"" + src.where + "\" has text " + decoder->from() + " cannot hold");
        filter = *encoded;
    }
    GdalErrorScope scope;
    if (layer.SetAttributeFilter(filter.c_str()) != OGRERR_NONE) {
        throw core::bad_input(layer_ref, "where \"" + src.where + "\" is not a filter GDAL can apply: " +
                                             scope.message_or("syntax error") + " (the source's fields: " +
                                             joined(source_field_names(*layer.GetLayerDefn(), decoder)) + ")");
    }
}

ReadResult read_open_layer(WorkerPool& pool, const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, OGRLayer& ogr_layer,
                           const std::string& work_crs, const std::string& source, unsigned threads, const CrsAdvice& advice,
                           UnmappedReport unmapped, Recoder* decoder, const std::string& geopackage, LayerSink* sink) {
    const FeatureRef layer_ref{source, spec.name, {}, {}};
    const DeclaredCrs crs(resolve_crs(ogr_layer, spec, src, layer_ref), work_crs, spec, layer_ref, advice, pool);
    // Not forced: a forced count or extent would parse a GeoJSON sequence once more each.
    if (ogr_layer.GetFeatureCount(FALSE) == 0) return empty_layer(spec, source, layer_ref);
    OGREnvelope extent;
    const bool extent_known = ogr_layer.GetExtent(&extent, FALSE) == OGRERR_NONE;
    if (extent_known) crs.check_extent(extent);

    // Fields before features: a wrong mapping is one error, not one per feature.
    std::vector<SourceField> fields = map_fields(ogr_layer, catalog, spec, src, layer_ref, decoder);
    apply_where(ogr_layer, src, layer_ref, decoder);
    const std::string none = src.where.empty() ? "layer has no features" : "no feature matches where \"" + src.where + "\"";

    ReadResult result;
    result.layer.spec = &spec;
    result.layer.source = source;
    result.layer.source_crs = crs.name();
    FeatureReader reader(catalog, spec, src, source, std::move(fields), crs, extent_known, result.findings, decoder, unmapped);
    // The features are read in batches on this thread (GDAL's rule) and transformed by the
    // workers while the next batch is read; kept in the order read.
    constexpr std::size_t kBatch = 8 * core::kChunk;
    const std::string& source_crs = crs.definition();
    reader.start(ogr_layer, src.where.empty() ? geopackage : std::string());
    result.layer.features.reserve(feature_count_hint(ogr_layer, source));
    // Each batch, once worked on, is kept in the layer in the order read (and given to the sink)
    // on the pipeline's sink thread, while the next batches are read and transformed.
    std::vector<Finding> transformed;
    auto keep = [&](std::vector<SourceFeature>& batch, Outcomes& outcomes) {
        const std::size_t from = result.layer.features.size();
        keep_features(result.layer, transformed, batch, outcomes);
        std::vector<SourceFeature>().swap(batch);
        if (sink && sink->features(result.layer, from))
            for (std::size_t i = from; i < result.layer.features.size(); ++i) {
                core::Feature& kept = result.layer.features[i];
                std::vector<core::Value>().swap(kept.values);
                std::string().swap(kept.wkb);
            }
    };
    core::pipeline<std::vector<SourceFeature>, Outcomes, LeasedWorker>(
        threads, [&](std::vector<SourceFeature>& batch) { return reader.read_some(ogr_layer, batch, kBatch); },
        [&](const geo::GeosContext&) { return std::make_unique<LeasedWorker>(pool, source_crs, work_crs); },
        [&](LeasedWorker& w, const geo::GeosContext& geos, std::vector<SourceFeature>& batch) {
            return transform_and_repair_range(w.get(), geos, batch, 0, batch.size(), spec);
        },
        keep);
    reader.finish();
    if (reader.count() == 0) result.findings.push_back(Finding{Severity::error, "empty-layer", layer_ref, none, 0, {}});
    // The reader's findings (values, ids, geometry as read) first, then the transform's, as
    // when the whole layer was read before any was transformed.
    result.findings.insert(result.findings.end(), std::make_move_iterator(transformed.begin()), std::make_move_iterator(transformed.end()));
    return result;
}

/// The encoding GDAL's Shapefile driver would recode from on its own (the .cpg, else the DBF's
/// language id), so the reader can do it instead and refuse bytes that do not convert where
/// GDAL would print one warning and put '?' in the names.
std::string shapefile_encoding(GDALDataset& ds) {
    if (!EQUAL(ds.GetDriverName(), "ESRI Shapefile") || ds.GetLayerCount() == 0) return {};
    const char* enc = ds.GetLayer(0)->GetMetadataItem("SOURCE_ENCODING", "SHAPEFILE");
    return enc ? std::string(enc) : std::string();
}

}  // namespace

ReadResult read_ogr_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, OGRLayer& ogr_layer,
                          const std::string& work_crs, const std::string& source, unsigned threads, const CrsAdvice& advice,
                          UnmappedReport unmapped) {
    WorkerPool pool;
    return read_open_layer(pool, catalog, spec, src, ogr_layer, work_crs, source, threads, advice, unmapped, nullptr, {}, nullptr);
}

namespace {

ReadResult read_layer_with(WorkerPool& pool, const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src,
                           const std::string& work_crs, const std::filesystem::path& base_dir, unsigned threads, const CrsAdvice& advice,
                           UnmappedReport unmapped, LayerSink* sink = nullptr) {
    const std::string source = is_connection(src.source) ? src.source : (base_dir / src.source).lexically_normal().string();
    const FeatureRef layer_ref{source, spec.name, {}, {}};

    // SHAPE_RESTORE_SHX is a configuration option in GDAL 3.6, and it writes the rebuilt .shx
    // beside the .shp: it is applied here, to a copy in memory, never to the user's folder.
    std::vector<std::string> options;
    bool restore_shx = false;
    for (const auto& o : src.open_options) {
        if (auto restore = restores_shx(o)) restore_shx = *restore;
        else options.push_back(o);
    }
    std::unique_ptr<MemoryCopy> copy;
    if (restore_shx && !is_connection(source) && core::input_exists(source, layer_ref)) copy = std::make_unique<MemoryCopy>(source, layer_ref);
    const std::string open_path = copy ? copy->path() : source;

    std::string encoding = src.encoding;
    std::unique_ptr<Recoder> decoder;
    auto open = [&]() {
        std::vector<std::string> with = options;
        if (decoder) with.push_back("ENCODING=");  // the bytes as stored: the reader decodes them
        // "NO" otherwise: not even a SHAPE_RESTORE_SHX in the environment writes into the user's folder.
        CPLConfigOptionSetter restore("SHAPE_RESTORE_SHX", restore_shx ? "YES" : "NO", false);
        try {
            return open_vector_with_options(open_path, with, source);
        } catch (const core::Error& e) {
            if (decoder && !src.encoding.empty() && std::string(e.what()).find("open option ENCODING") != std::string::npos)
                throw core::bad_input(layer_ref, "encoding = \"" + src.encoding +
                                                     "\" is for Shapefile (DBF) sources; this source's driver reads its text as UTF-8 itself: "
                                                     "leave encoding out");
            if (!restore_shx && std::string(e.what()).find("SHAPE_RESTORE_SHX") != std::string::npos)
                throw core::bad_input(layer_ref, "the shapefile's .shx index is missing; add open_options = [\"SHAPE_RESTORE_SHX=YES\"] to [layers." +
                                                     spec.name + "] to rebuild it in memory (nothing is written beside the file)");
            throw;
        }
    };
    if (!encoding.empty()) {
        decoder = std::make_unique<Recoder>(encoding, "UTF-8");
        if (!decoder->valid())
            throw core::bad_input(layer_ref, "encoding \"" + encoding +
                                                 "\" is not a character set iconv knows; use iconv's names, e.g. GB18030, GBK, BIG5-HKSCS, "
                                                 "UTF-8 (`iconv -l` lists them all)");
    }
    GDALDatasetUniquePtr ds = open();
    if (!decoder) {
        const std::string own = shapefile_encoding(*ds);
        if (!own.empty()) {
            auto candidate = std::make_unique<Recoder>(own, "UTF-8");
            if (candidate->valid()) {
                ds.reset();
                decoder = std::move(candidate);
                ds = open();
            }
        }
    }
    // A GeoPackage file opened as it is (no open option to honour, no text to decode) may have
    // its rows read with SQLite (GeoPackageRows).
    std::error_code ec;
    const bool plain_geopackage = EQUAL(ds->GetDriverName(), "GPKG") && options.empty() && !copy && !decoder && !is_connection(source) &&
                                  std::filesystem::is_regular_file(open_path, ec);
    return read_open_layer(pool, catalog, spec, src, choose_layer(*ds, spec, src, source), work_crs, source, threads, advice, unmapped,
                           decoder.get(), plain_geopackage ? open_path : std::string(), sink);
}

}  // namespace

ReadResult read_layer(const core::Catalog& catalog, const core::LayerSpec& spec, const core::LayerSource& src, const std::string& work_crs,
                      const std::filesystem::path& base_dir, unsigned threads, const CrsAdvice& advice, UnmappedReport unmapped) {
    WorkerPool pool;
    return read_layer_with(pool, catalog, spec, src, work_crs, base_dir, threads, advice, unmapped);
}

DatasetReadResult read_dataset(const core::Catalog& catalog, const core::DatasetConfig& config, unsigned threads, LayerSink* sink) {
    DatasetReadResult out;
    core::Dataset& d = out.dataset;
    d.metadata["name"] = config.name;
    d.metadata["name_en"] = config.name_en;
    d.metadata["certainty"] = config.certainty;
    d.metadata["description"] = config.description;
    std::string sources, notes;
    for (auto& s : config.sources) sources += s + "\n";
    for (auto& n : config.notes) notes += n + "\n";
    d.metadata["sources"] = sources;
    d.metadata["notes"] = notes;
    config.check_layer_words(catalog);
    for (auto& [key, value] : config.report_metadata()) d.metadata[key] = value;
    d.files["dataset.toml"] = read_text_file(config.file);
    for (auto& name : config.attached_files) d.files[name] = read_text_file(config.dir() / name);

    for (const auto& ls : config.layers)
        if (!catalog.find(ls.layer))
            throw core::bad_input(FeatureRef{config.file.string(), ls.layer, {}, {}},
                                  "unknown layer: the catalog has no layer of that name");
    const WorkCrs work = resolve_work_crs(catalog, config, threads);
    d.metadata["crs"] = work.name;
    d.metadata["crs_wkt"] = work.wkt;
    d.metadata["crs_reason"] = work.reason;
    d.metadata["area"] = config.area;
    if (!work.note.empty())
        out.findings.push_back(Finding{Severity::warning, "crs-area-of-use", FeatureRef{config.file.string(), "boundary", {}, {}}, work.note, 0, {}});
    WorkerPool pool;  // one for all layers: most share a CRS
    if (sink) {
        std::vector<const core::LayerSpec*> read;
        for (const auto& spec : catalog.layers())
            if (std::any_of(config.layers.begin(), config.layers.end(), [&](const core::LayerSource& ls) { return ls.layer == spec.name; }))
                read.push_back(&spec);
        sink->begin(d, read);
    }
    for (const auto& spec : catalog.layers()) {
        const core::LayerSource* src = nullptr;
        for (auto& ls : config.layers)
            if (ls.layer == spec.name) src = &ls;
        if (!src) {
            Severity sev = spec.name == "boundary" ? Severity::error : Severity::warning;
            out.findings.push_back(Finding{sev,
                                           "layer-missing",
                                           FeatureRef{config.file.string(), spec.name, {}, {}},
                                           "the dataset does not provide this catalog layer",
                                           0,
                                           {}});
            continue;
        }
        if (sink) sink->layer_begin(spec);
        ReadResult r = read_layer_with(pool, catalog, spec, *src, work.definition, config.dir(), threads, {}, UnmappedReport::per_value, sink);
        if (sink) sink->layer_done(r.layer);
        d.metadata["source_crs." + spec.name] = r.layer.source_crs;
        out.findings.insert(out.findings.end(), r.findings.begin(), r.findings.end());
        d.layers.push_back(std::move(r.layer));
    }
    return out;
}

}  // namespace zoning::io
