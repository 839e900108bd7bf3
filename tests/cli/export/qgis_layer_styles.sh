run 0 build --store x.gpkg
run 0 export --store x.gpkg --qgis q
[ -s q/x.gpkg ] && [ -s q/x.qgs ] || fail "export files missing"
python3 - "$work/q/x.gpkg" "$work/q/x.qgs" <<'PY' || fail "layer_styles / qgs"
import sqlite3, sys, xml.etree.ElementTree as ET
db = sqlite3.connect(sys.argv[1])
assert db.execute("select data_type from gpkg_contents where table_name = 'layer_styles'").fetchone() == ("attributes",)
rows = db.execute("select f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, owner, update_time from layer_styles").fetchall()
tables = {r[0] for r in db.execute("select table_name from gpkg_contents where data_type = 'features'")}
styled = {r[2] for r in rows}
assert tables == styled, (tables - styled, styled - tables)
for cat, schema, name, geom, style_name, qml, sld, default, owner, updated in rows:
    assert schema == "" and cat == "" and geom == "geom" and default == 1, (name, schema, geom, default)
    ET.fromstring(qml.split("\n", 1)[1]); ET.fromstring(sld.encode())
    assert "renderer-v2" in qml, name
    assert updated and "T" in updated, updated
qml = dict((r[2], r[5]) for r in rows)
assert 'type="categorizedSymbol" attr="status"' in qml["projects"]
assert 'name="style" value="b_diagonal"' in qml["conflicts"] and '255,0,0' not in qml["boundary"]
assert 'value="0701" label="0701 城镇住宅用地"' in qml["parcels"]
assert 'fieldName="name"' in qml["functional_zones"]
counts = dict(db.execute("select table_name, 1 from gpkg_contents").fetchall())
for t in ["overlay_landuse", "project_coverage", "conflicts", "progress", "zoning_metadata"]:
    assert t in counts, t
assert db.execute("select count(*) from conflicts").fetchone()[0] >= 5
qgs = ET.parse(sys.argv[2]).getroot()
assert qgs.find("projectCrs/spatialrefsys/authid").text == "EPSG:4547"
groups = [g.get("name") for g in qgs.find("layer-tree-group").findall("layer-tree-group")]
assert groups[:5] == ["规划分区", "五区四圈两带一楼宇", "一带一区、三核五廊", "项目", "分析结果"], groups
for ml in qgs.find("projectlayers"):
    src = ml.find("datasource").text
    assert src.startswith("./x.gpkg|layername="), src
    if ml.get("geometry") != "No geometry":
        assert ml.find("renderer-v2") is not None, src
order = [i.text for i in qgs.find("layer-tree-group/custom-order")]
assert order[0] == "zoning_boundary" and order.index("zoning_roads") < order.index("zoning_parcels"), order
# A Chinese legend: no category labelled with an English code (completed, review, ...), and the
# data-quality findings (质检) an entry of their own apart from the plan's 需复核.
import re
text = open(sys.argv[2], encoding="utf-8").read()
assert not re.findall(r'<category [^>]*label="[a-z_]+"', text), re.findall(r'<category [^>]*label="[a-z_]+"', text)[:3]
for label in ("已建成", "在建", "规划", "冲突", "需复核", "数据质检"):
    assert f'label="{label}"' in text, label
assert 'attr="finding"' in qml["conflicts"] and 'value="quality" label="数据质检"' in qml["conflicts"]
assert db.execute("select count(*) from conflicts where finding = 'quality' and category = 'quality'").fetchone()[0] >= 1
assert db.execute("select count(*) from conflicts where finding <> severity and category = 'plan'").fetchone()[0] == 0
print("layer_styles and .qgs well-formed:", len(rows), "styles")
PY
