// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <cstdio>

#include "io/qgis_style.hpp"

using namespace zoning;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

core::LanduseTable table() {
    core::LanduseTable t;
    t.add(core::LanduseClass{"0701", "城镇住宅用地", "urban housing", true, "#ffff2d"});
    t.add(core::LanduseClass{"1001", "工业用地", "industry", true, "#bb9674"});
    return t;
}

core::LayerSpec polygon_spec(const std::string& renderer) {
    core::LayerSpec s;
    s.name = "parcels";
    s.title_zh = "地块";
    s.geometry = core::GeomKind::polygon;
    s.style.renderer = renderer;
    s.style.attribute = "landuse";
    s.style.color = "#102030";
    s.style.fill_opacity = 0.5;
    return s;
}

}  // namespace

TEST(QgisStyle, SingleFillCarriesColourAndOpacityAsQgisWritesThem) {
    const core::LayerSpec spec = polygon_spec("single");
    const std::string qml = io::qgis_qml(spec, table());
    EXPECT_EQ(qml.rfind("<!DOCTYPE qgis", 0), 0u);
    EXPECT_NE(qml.find("type=\"singleSymbol\""), std::string::npos);
    EXPECT_NE(qml.find("name=\"color\" value=\"16,32,48,128\""), std::string::npos) << qml;  // #102030 at 0.5
    EXPECT_NE(qml.find("<layerGeometryType>2</layerGeometryType>"), std::string::npos);
    EXPECT_NE(qml.find("labelsEnabled=\"0\""), std::string::npos);
}

TEST(QgisStyle, LanduseCategoriesAreThePresentCodesInTheTablesColours) {
    const core::LayerSpec spec = polygon_spec("landuse");
    const std::string xml = io::qgis_renderer_xml(spec, table(), {"1001", "9999"});
    EXPECT_EQ(count(xml, "<category "), 2u);
    EXPECT_NE(xml.find("value=\"1001\" label=\"1001 工业用地\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("value=\"187,150,116,128\""), std::string::npos);  // #bb9674
    EXPECT_NE(xml.find("value=\"204,204,204,128\""), std::string::npos);  // unknown code: grey
    // With nothing present, every class of the table.
    EXPECT_EQ(count(io::qgis_renderer_xml(spec, table()), "<category "), 2u);
}

TEST(QgisStyle, LinesAndLabels) {
    core::LayerSpec roads;
    roads.name = "roads";
    roads.geometry = core::GeomKind::line;
    roads.style.color = "#ff0000";
    roads.style.label = "name";
    const std::string qml = io::qgis_qml(roads, table());
    EXPECT_NE(qml.find("class=\"SimpleLine\""), std::string::npos);
    EXPECT_NE(qml.find("name=\"line_color\" value=\"255,0,0,255\""), std::string::npos);
    EXPECT_NE(qml.find("<text-style fieldName=\"name\""), std::string::npos);
    EXPECT_NE(qml.find("labelsEnabled=\"1\""), std::string::npos);
    EXPECT_NE(qml.find("<layerGeometryType>1</layerGeometryType>"), std::string::npos);
}

TEST(QgisStyle, SldHasOneRulePerCategoryWithItsFilter) {
    const std::string doc = io::sld(polygon_spec("landuse"), table(), {"0701", "1001"});
    EXPECT_EQ(count(doc, "<se:Rule>"), 2u);
    EXPECT_NE(doc.find("<ogc:PropertyName>landuse</ogc:PropertyName><ogc:Literal>0701</ogc:Literal>"), std::string::npos);
    EXPECT_NE(doc.find("<se:SvgParameter name=\"fill\">#ffff2d</se:SvgParameter>"), std::string::npos);
    const std::string single = io::sld(polygon_spec("single"), table());
    EXPECT_EQ(count(single, "<se:Rule>"), 1u);
    EXPECT_NE(single.find("<se:Name>地块</se:Name>"), std::string::npos);
}

TEST(QgisStyle, ProjectNamesTheGeoPackageLayersRelativelyIn4547) {
    const core::LayerSpec spec = polygon_spec("single");
    io::QgsLayer l;
    l.id = "zoning_parcels";
    l.name = "地块 & <more>";
    l.table = "parcels";
    l.group = "用地";
    l.spec = &spec;
    l.xmin = 1, l.ymin = 2, l.xmax = 3, l.ymax = 4;
    const std::string qgs = io::qgs_project("新华", "xinhua.gpkg", {"用地"}, {l}, table(), "EPSG:4547");
    EXPECT_NE(qgs.find("./xinhua.gpkg|layername=parcels"), std::string::npos);
    EXPECT_NE(qgs.find("<authid>EPSG:4547</authid>"), std::string::npos);
    EXPECT_NE(qgs.find("ID[&quot;EPSG&quot;,4547]"), std::string::npos);  // the full WKT, escaped
    EXPECT_NE(qgs.find("地块 &amp; &lt;more&gt;"), std::string::npos);
    EXPECT_EQ(qgs.find("<more>"), std::string::npos);
}

TEST(QgisStyle, CategorizedValuesTheCatalogLacksGetCatchAllColoursAndAnElseCategory) {
    core::LayerSpec zones = polygon_spec("categorized");
    zones.name = "functional_zones";
    zones.style.attribute = "name";
    zones.style.categories = {{"北片", "#112233"}};
    const std::string xml = io::qgis_renderer_xml(zones, table(), {"北片", "南片", "第83片区"});
    EXPECT_EQ(count(xml, "<category "), 4u) << xml;  // 北片, 南片, 第83片区, all other values
    EXPECT_NE(xml.find("value=\"北片\" label=\"北片\""), std::string::npos);
    // 南片: its palette colour, the one the report's map uses (core::catch_all_colour).
    const std::string south = core::catch_all_colour("南片");
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(south.c_str() + 1, "%02x%02x%02x", &r, &g, &b);
    EXPECT_NE(xml.find("name=\"color\" value=\"" + std::to_string(r) + "," + std::to_string(g) + "," + std::to_string(b) + ",128\""),
              std::string::npos)
        << south << xml;
    EXPECT_NE(xml.find("value=\"\" label=\"其他\""), std::string::npos);
    const std::string doc = io::sld(zones, table(), {"北片", "南片"});
    EXPECT_EQ(count(doc, "<se:ElseFilter/>"), 1u);
    EXPECT_EQ(count(doc, "<se:Rule>"), 3u);
}

TEST(QgisStyle, ValuesKeptAsEnglishCodesAreLabelledInChinese) {
    // status completed is a code in the data; the legend a Chinese reader sees says 已建成 (words_zh).
    core::LayerSpec projects = polygon_spec("categorized");
    projects.name = "projects";
    projects.style.attribute = "status";
    projects.style.categories = {{"completed", "#2e7d32"}, {"planned", "#90a4ae"}};
    core::FieldSpec id, status;
    id.name = "id";
    status.name = "status";
    status.words_zh = {{"completed", "已建成"}, {"planned", "规划"}, {"under_construction", "在建"}};
    projects.fields = {id, status};
    const std::string xml = io::qgis_renderer_xml(projects, table(), {"completed", "under_construction"});
    EXPECT_NE(xml.find("value=\"completed\" label=\"已建成\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("value=\"planned\" label=\"规划\""), std::string::npos) << xml;
    EXPECT_NE(xml.find("value=\"under_construction\" label=\"在建\""), std::string::npos) << xml;  // present, no category
    EXPECT_EQ(xml.find("label=\"completed\""), std::string::npos) << xml;
}
