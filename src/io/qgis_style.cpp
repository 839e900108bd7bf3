// SPDX-License-Identifier: MIT
#include "io/qgis_style.hpp"

#include <cstdio>
#include <sstream>

#include "core/text.hpp"
#include "io/gdal.hpp"

namespace zoning::io {

namespace {

constexpr const char* kQgisVersion = "3.22.16-Białowieża";

std::string esc(const std::string& s) { return core::xml_escape(s); }

/// "#rrggbb" + opacity -> "r,g,b,a" as QGIS writes colours.
std::string rgba(const std::string& hex, double opacity = 1.0) {
    unsigned r = 128, g = 128, b = 128;
    if (hex.size() == 7 && hex[0] == '#') std::sscanf(hex.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    int a = static_cast<int>(opacity * 255.0 + 0.5);
    return std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + "," + std::to_string(a);
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string option(const char* name, const std::string& value) {
    return std::string("<Option type=\"QString\" name=\"") + name + "\" value=\"" + esc(value) + "\"/>";
}

/// One symbol: a fill for polygon layers, a line for line layers.
std::string symbol_xml(const core::LayerSpec& spec, const std::string& name, const std::string& colour) {
    const core::StyleSpec& st = spec.style;
    std::ostringstream o;
    if (spec.geometry == core::GeomKind::line) {
        o << "<symbol type=\"line\" name=\"" << esc(name) << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
          << "<layer class=\"SimpleLine\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" << option("line_color", rgba(colour))
          << option("line_width", num(st.width_mm)) << option("line_width_unit", "MM") << option("line_style", st.line_style)
          << option("capstyle", "round") << option("joinstyle", "round") << "</Option></layer></symbol>";
    } else {
        // Categorised fills are tinted by category; their outline follows the category unless one is set.
        std::string outline = st.renderer == "single" || st.outline != "#424242" ? st.outline : colour;
        std::string fill_style = st.fill_opacity <= 0 ? std::string("no") : st.fill_style;
        double opacity = st.fill_style == "solid" ? st.fill_opacity : 1.0;  // hatching is drawn in the full colour
        o << "<symbol type=\"fill\" name=\"" << esc(name) << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
          << "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">" << option("color", rgba(colour, opacity))
          << option("style", fill_style) << option("outline_color", rgba(outline)) << option("outline_style", "solid")
          << option("outline_width", num(st.width_mm)) << option("outline_width_unit", "MM") << option("joinstyle", "bevel")
          << "</Option></layer></symbol>";
    }
    return o.str();
}

}  // namespace

std::vector<StyleCategory> style_categories(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present) {
    std::vector<StyleCategory> out;
    const core::StyleSpec& st = spec.style;
    if (st.renderer == "landuse") {
        std::vector<std::string> codes = present;
        if (codes.empty())
            for (auto& c : landuse.classes()) codes.push_back(c.code);
        for (auto& code : codes) {
            const core::LanduseClass* c = landuse.find(code);
            out.push_back(StyleCategory{code, code + " " + (c ? c->name_zh : std::string()), c ? c->color : std::string("#cccccc")});
        }
    } else {
        // The legend is read in Chinese: a value kept as an English code shows the catalog's word (words_zh).
        for (auto& [v, colour] : st.categories) out.push_back(StyleCategory{v, spec.word_zh(st.attribute, v), colour});
        // Values in the data the catalog has no category for (another district's zone names):
        // each its catch-all colour, as the report's map draws them.
        for (auto& v : present) {
            if (v.empty()) continue;
            bool listed = false;
            for (auto& [c, colour] : st.categories) listed = listed || c == v;
            if (!listed) out.push_back(StyleCategory{v, spec.word_zh(st.attribute, v), st.color_of(v)});
        }
        // Values added later (edited in QGIS): QGIS draws a category of value "" for all other values.
        out.push_back(StyleCategory{"", "其他", st.color});
    }
    return out;
}

namespace {

std::string labeling_xml(const core::LayerSpec& spec) {
    const core::StyleSpec& st = spec.style;
    if (st.label.empty()) return {};
    const bool line = spec.geometry == core::GeomKind::line;
    std::ostringstream o;
    o << "<labeling type=\"simple\"><settings calloutType=\"simple\">"
      << "<text-style fieldName=\"" << esc(st.label) << "\" isExpression=\"0\" fontFamily=\"Noto Sans CJK SC\" namedStyle=\"Regular\" fontSize=\""
      << num(st.label_size) << "\" fontSizeUnit=\"Point\" fontWeight=\"50\" fontItalic=\"0\" textColor=\"33,33,33,255\" textOpacity=\"1\""
      << " fontLetterSpacing=\"0\" fontWordSpacing=\"0\" blendMode=\"0\" multilineHeight=\"1\" previewBkgrdColor=\"255,255,255,255\">"
      << "<text-buffer bufferDraw=\"1\" bufferSize=\"0.8\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"0.9\""
      << " bufferNoFill=\"1\" bufferJoinStyle=\"128\" bufferBlendMode=\"0\"/></text-style>"
      << "<text-format wrapChar=\"\" multilineAlign=\"3\" formatNumbers=\"0\" decimals=\"3\" plussign=\"0\" addDirectionSymbol=\"0\"/>"
      << "<placement placement=\"" << (line ? 2 : 1) << "\" placementFlags=\"10\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\""
      << " dist=\"0\" distUnits=\"MM\" priority=\"5\" repeatDistance=\"0\" overrunDistance=\"0\"/>"
      << "<rendering obstacle=\"1\" obstacleFactor=\"1\" obstacleType=\"1\" scaleVisibility=\"0\" upsidedownLabels=\"0\" labelPerPart=\"0\""
      << " mergeLines=\"" << (line ? 1 : 0) << "\" minFeatureSize=\"0\" limitNumLabels=\"0\" maxNumLabels=\"2000\" displayAll=\"0\" drawLabels=\"1\"/>"
      << "</settings></labeling>";
    return o.str();
}

}  // namespace

std::string qgis_renderer_xml(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present) {
    const core::StyleSpec& st = spec.style;
    std::ostringstream o;
    if (st.renderer == "single") {
        o << "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\"><symbols>"
          << symbol_xml(spec, "0", st.color) << "</symbols><rotation/><sizescale/></renderer-v2>";
    } else {
        auto cats = style_categories(spec, landuse, present);
        o << "<renderer-v2 type=\"categorizedSymbol\" attr=\"" << esc(st.attribute)
          << "\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\"><categories>";
        for (std::size_t i = 0; i < cats.size(); ++i)
            o << "<category render=\"true\" symbol=\"" << i << "\" value=\"" << esc(cats[i].value) << "\" label=\"" << esc(cats[i].label)
              << "\" type=\"string\"/>";
        o << "</categories><symbols>";
        for (std::size_t i = 0; i < cats.size(); ++i) o << symbol_xml(spec, std::to_string(i), cats[i].colour);
        o << "</symbols><source-symbol>" << symbol_xml(spec, "0", st.color) << "</source-symbol><rotation/><sizescale/></renderer-v2>";
    }
    o << labeling_xml(spec);
    return o.str();
}

std::string qgis_qml(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present) {
    std::ostringstream o;
    o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"" << kQgisVersion
      << "\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"" << (spec.style.label.empty() ? 0 : 1) << "\">\n"
      << qgis_renderer_xml(spec, landuse, present) << "\n<blendMode>0</blendMode>\n<featureBlendMode>0</featureBlendMode>\n"
      << "<layerGeometryType>" << (spec.geometry == core::GeomKind::line ? 1 : 2) << "</layerGeometryType>\n</qgis>\n";
    return o.str();
}

std::string sld(const core::LayerSpec& spec, const core::LanduseTable& landuse, const std::vector<std::string>& present) {
    const core::StyleSpec& st = spec.style;
    std::ostringstream o;
    auto symbolizer = [&](const std::string& colour) {
        std::ostringstream s;
        if (spec.geometry == core::GeomKind::line) {
            s << "<se:LineSymbolizer><se:Stroke><se:SvgParameter name=\"stroke\">" << colour << "</se:SvgParameter>"
              << "<se:SvgParameter name=\"stroke-width\">" << num(st.width_mm * 3.78) << "</se:SvgParameter></se:Stroke></se:LineSymbolizer>";
        } else {
            s << "<se:PolygonSymbolizer><se:Fill><se:SvgParameter name=\"fill\">" << colour << "</se:SvgParameter>"
              << "<se:SvgParameter name=\"fill-opacity\">" << num(st.fill_opacity) << "</se:SvgParameter></se:Fill><se:Stroke>"
              << "<se:SvgParameter name=\"stroke\">" << (st.renderer == "single" ? st.outline : colour) << "</se:SvgParameter>"
              << "<se:SvgParameter name=\"stroke-width\">" << num(st.width_mm * 3.78) << "</se:SvgParameter></se:Stroke></se:PolygonSymbolizer>";
        }
        return s.str();
    };
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\""
         " xmlns:se=\"http://www.opengis.net/se\" version=\"1.1.0\"><NamedLayer><se:Name>"
      << esc(spec.name) << "</se:Name><UserStyle><se:Name>" << esc(spec.name) << "</se:Name><se:FeatureTypeStyle>";
    if (st.renderer == "single") {
        o << "<se:Rule><se:Name>" << esc(spec.title_zh) << "</se:Name>" << symbolizer(st.color) << "</se:Rule>";
    } else {
        for (auto& c : style_categories(spec, landuse, present))
            o << "<se:Rule><se:Name>" << esc(c.label) << "</se:Name>"
              << (c.value.empty() ? std::string("<se:ElseFilter/>")
                                  : "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>" + esc(st.attribute) + "</ogc:PropertyName><ogc:Literal>" +
                                        esc(c.value) + "</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>")
              << symbolizer(c.colour) << "</se:Rule>";
    }
    o << "</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>\n";
    return o.str();
}

namespace {
/// The <spatialrefsys> QGIS reads a CRS from, written from the work CRS itself.
std::string spatialrefsys(const std::string& work_crs) {
    const OGRSpatialReference ref = work_srs(work_crs);
    char* raw = nullptr;
    ref.exportToProj4(&raw);
    const CplString proj4(raw);
    const std::string p4 = proj4 ? proj4.get() : "";
    const auto acronym = [&](const std::string& key) {
        const auto at = p4.find(key);
        return at == std::string::npos ? std::string() : p4.substr(at + key.size(), p4.find(' ', at) - at - key.size());
    };
    const char* auth = ref.GetAuthorityName(nullptr);
    const char* code = ref.GetAuthorityCode(nullptr);
    const bool epsg = auth && code && std::string(auth) == "EPSG";
    const char* spheroid_auth = ref.GetAuthorityName("SPHEROID");
    const char* spheroid_code = ref.GetAuthorityCode("SPHEROID");
    const std::string ellipsoid = spheroid_auth && spheroid_code ? std::string(spheroid_auth) + ":" + spheroid_code : acronym("+ellps=");
    return "<spatialrefsys nativeFormat=\"Wkt\"><wkt>" + esc(srs_wkt(ref)) + "</wkt><proj4>" + esc(p4) + "</proj4><srid>" +
           (epsg ? std::string(code) : std::string("0")) + "</srid><authid>" + (auth && code ? esc(std::string(auth) + ":" + code) : std::string()) +
           "</authid><description>" + esc(ref.GetName() ? ref.GetName() : "") + "</description><projectionacronym>" + esc(acronym("+proj=")) +
           "</projectionacronym><ellipsoidacronym>" + esc(ellipsoid) + "</ellipsoidacronym><geographicflag>" +
           (ref.IsGeographic() ? "true" : "false") + "</geographicflag></spatialrefsys>";
}
}  // namespace

std::string qgs_project(const std::string& title, const std::string& gpkg_file, const std::vector<std::string>& group_order,
                        const std::vector<QgsLayer>& layers, const core::LanduseTable& landuse, const std::string& work_crs) {
    const std::string srs = spatialrefsys(work_crs);
    const OGRSpatialReference ref = work_srs(work_crs);
    const char* auth = ref.GetAuthorityName(nullptr);
    const char* code = ref.GetAuthorityCode(nullptr);
    // QGIS takes the project CRS by its authority id, else by the WKT.
    const std::string project_crs = auth && code ? std::string(auth) + ":" + code : srs_wkt(ref);
    auto source = [&](const QgsLayer& l) { return "./" + gpkg_file + "|layername=" + l.table; };
    std::ostringstream o;
    o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis projectname=\"" << esc(title) << "\" version=\"" << kQgisVersion << "\">\n"
      << "<homePath path=\"\"/>\n<title>" << esc(title) << "</title>\n<projectCrs>" << srs << "</projectCrs>\n<layer-tree-group>\n<customproperties/>\n";
    for (auto& group : group_order) {
        o << "<layer-tree-group name=\"" << esc(group) << "\" checked=\"Qt::Checked\" expanded=\"1\">\n";
        for (auto& l : layers)
            if (l.group == group)
                o << "<layer-tree-layer id=\"" << esc(l.id) << "\" name=\"" << esc(l.name) << "\" source=\"" << esc(source(l))
                  << "\" providerKey=\"ogr\" checked=\"" << (l.visible ? "Qt::Checked" : "Qt::Unchecked") << "\" expanded=\"0\"/>\n";
        o << "</layer-tree-group>\n";
    }
    // Drawing order: lines over polygons, the district outline on top (the list order).
    o << "<custom-order enabled=\"1\">";
    for (auto& l : layers) o << "<item>" << esc(l.id) << "</item>";
    o << "</custom-order>\n</layer-tree-group>\n<projectlayers>\n";
    for (auto& l : layers) {
        const bool none = l.spec->geometry == core::GeomKind::none;
        const bool line = l.spec->geometry == core::GeomKind::line;
        o << "<maplayer type=\"vector\" geometry=\"" << (none ? "No geometry" : line ? "Line" : "Polygon") << "\" wkbType=\""
          << (none ? "NoGeometry" : line ? "MultiLineString" : "MultiPolygon") << "\" hasScaleBasedVisibilityFlag=\"0\" labelsEnabled=\""
          << (l.spec->style.label.empty() ? 0 : 1) << "\">\n";
        if (!none)
            o << "<extent><xmin>" << num(l.xmin) << "</xmin><ymin>" << num(l.ymin) << "</ymin><xmax>" << num(l.xmax) << "</xmax><ymax>" << num(l.ymax)
              << "</ymax></extent>\n";
        o << "<id>" << esc(l.id) << "</id>\n<datasource>" << esc(source(l)) << "</datasource>\n<layername>" << esc(l.name) << "</layername>\n"
          << "<srs>" << srs << "</srs>\n<provider encoding=\"UTF-8\">ogr</provider>\n";
        if (!none) o << qgis_renderer_xml(*l.spec, landuse, l.present_values) << "\n<blendMode>0</blendMode>\n<featureBlendMode>0</featureBlendMode>\n";
        o << "</maplayer>\n";
    }
    o << "</projectlayers>\n<layerorder>";
    for (auto& l : layers) o << "<layer id=\"" << esc(l.id) << "\"/>";
    o << "</layerorder>\n<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths><SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled><ProjectCrs type=\"QString\">" << esc(project_crs) << "</ProjectCrs></SpatialRefSys></properties>\n</qgis>\n";
    return o.str();
}

}  // namespace zoning::io
