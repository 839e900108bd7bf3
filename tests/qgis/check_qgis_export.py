#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Opens a `zoning export --qgis DIR` folder in real QGIS (PyQGIS, headless) and checks it.

    check_qgis_export.py DIR NAME OUT.png

- the .qgs opens; every layer is valid, in EPSG:4547, and carries the renderer its catalog style asks for
  (categorised layers with their categories); labels are on where the style labels;
- a layer loaded straight from the GeoPackage gets its default style from layer_styles;
- every layer_styles row is well-formed XML (QML and SLD);
- the project renders to a PNG that is not blank.
"""
import os
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsRectangle,  # noqa: E402
                       QgsVectorLayer, QgsCoordinateReferenceSystem)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

folder, name, png = sys.argv[1], sys.argv[2], sys.argv[3]
gpkg = os.path.join(folder, name + ".gpkg")
qgs = os.path.join(folder, name + ".qgs")

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
problems = []

categorized = {"parcels", "functional_zones", "service_layout", "eco_structure", "redevelopment_areas", "projects", "roads", "axes",
               "overlay_landuse", "project_coverage", "conflicts"}
single = {"boundary", "industrial_parks", "water"}
labelled = {"boundary", "functional_zones", "service_layout", "eco_structure", "industrial_parks", "redevelopment_areas", "projects", "roads", "conflicts"}

prj = QgsProject.instance()
if not prj.read(qgs):
    sys.exit("the project does not open: " + qgs)
if prj.crs().authid() != "EPSG:4547":
    problems.append("project CRS is " + prj.crs().authid())
layers = {l.id(): l for l in prj.mapLayers().values()}
if len(layers) < 15:
    problems.append(f"only {len(layers)} layers in the project")
root = prj.layerTreeRoot()
groups = [g.name() for g in root.children()]
for g in ["规划分区", "五区四圈两带一楼宇", "一带一区、三核五廊", "项目", "分析结果"]:
    if g not in groups:
        problems.append("no layer-tree group " + g)
layers = {(lid[len("zoning_"):] if lid.startswith("zoning_") else lid): l for lid, l in layers.items()}
for lid, layer in layers.items():
    if not layer.isValid():
        problems.append(f"{lid}: invalid")
        continue
    if lid == "progress":
        if layer.featureCount() < 10:
            problems.append("progress table is nearly empty")
        continue
    if layer.crs().authid() != "EPSG:4547":
        problems.append(f"{lid}: CRS {layer.crs().authid()}")
    if layer.renderer() is None:
        problems.append(f"{lid}: no renderer")
        continue
    kind = layer.renderer().type()
    if lid in categorized:
        if kind != "categorizedSymbol":
            problems.append(f"{lid}: renderer {kind}, expected categorizedSymbol")
        elif len(layer.renderer().categories()) < 2:
            problems.append(f"{lid}: fewer than 2 categories")
    if lid in single and kind != "singleSymbol":
        problems.append(f"{lid}: renderer {kind}, expected singleSymbol")
    if lid in labelled and not layer.labelsEnabled():
        problems.append(f"{lid}: labels are off")
    if layer.featureCount() == 0 and lid != "conflicts":
        problems.append(f"{lid}: no features")

# Straight from the GeoPackage: the default style from layer_styles.
direct = QgsVectorLayer(gpkg + "|layername=functional_zones", "zones", "ogr")
if not direct.isValid():
    problems.append("functional_zones does not load from the GeoPackage")
elif direct.renderer().type() != "categorizedSymbol":
    problems.append("default style not applied from layer_styles: " + direct.renderer().type())
else:
    colours = {c.value(): c.symbol().color().name() for c in direct.renderer().categories()}
    if colours.get("生态产业区") != "#d9ecc8":
        problems.append(f"layer_styles colours not applied: {colours}")
styles = QgsVectorLayer(gpkg + "|layername=layer_styles", "styles", "ogr")
rows = 0
for f in styles.getFeatures():
    rows += 1
    for col in ("styleQML", "styleSLD"):
        text = f[col]
        try:
            ET.fromstring(text.split("\n", 1)[1] if text.startswith("<!DOCTYPE") else text.encode("utf-8"))
        except ET.ParseError as e:
            problems.append(f"layer_styles {f['f_table_name']} {col}: {e}")
    if f["f_table_schema"] != "" or f["f_geometry_column"] != "geom":
        problems.append(f"layer_styles {f['f_table_name']}: schema/geometry column not as QGIS looks them up")
if rows < 14:
    problems.append(f"only {rows} layer_styles rows")

# Render the project as it opens.
settings = QgsMapSettings()
visible = [l for l in root.layerOrder() if root.findLayer(l.id()) and root.findLayer(l.id()).isVisible()]
settings.setLayers(visible)
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
extent = QgsRectangle()
for l in visible:
    if l.id() == "zoning_boundary":
        extent = l.extent()
extent.scale(1.05)
settings.setExtent(extent)
settings.setOutputSize(QSize(1400, 900))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
image.save(png)
white = coloured = 0
seen = set()
for y in range(0, image.height(), 6):
    for x in range(0, image.width(), 6):
        c = QColor(image.pixel(x, y))
        if c.red() > 245 and c.green() > 245 and c.blue() > 245:
            white += 1
        else:
            coloured += 1
            seen.add((c.red() // 16, c.green() // 16, c.blue() // 16))
if coloured < 0.3 * (white + coloured) or len(seen) < 12:
    problems.append(f"the rendered map looks blank: {coloured} coloured samples, {len(seen)} colours")

print(f"qgis: {len(layers)} layers valid and styled, {rows} layer_styles rows, rendered {coloured} coloured samples in {len(seen)} colours")
sys.stdout.flush()
if problems:
    print("qgis: PROBLEMS\n  " + "\n  ".join(problems))
    sys.stdout.flush()
    os._exit(1)
os._exit(0)  # app.exitQgis() segfaults on Debian's 3.22 while layers are alive (CLIENTS.md)
