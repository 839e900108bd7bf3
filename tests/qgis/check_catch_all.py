#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Renders functional_zones of a `zoning export --qgis DIR` in real QGIS (headless) and checks
that every zone is drawn in its style's colour, though no catalog category names it.

    check_catch_all.py DIR NAME OUT.png

- the layer, loaded straight from the GeoPackage, takes its default style from layer_styles: a
  categorized renderer with a category for every zone name and an "all other values" category;
- rendered alone on white, the pixel at each zone's point on surface is its category's colour
  over white at the style's opacity (so each zone is drawn, and in its colour, not grey or blank);
- a zone named later (not in the data at export) still gets a symbol: the "all other values" one.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsMapRendererParallelJob,  # noqa: E402
                       QgsMapSettings, QgsRenderContext, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

folder, name, png = sys.argv[1], sys.argv[2], sys.argv[3]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
problems = []

layer = QgsVectorLayer(os.path.join(folder, name + ".gpkg") + "|layername=functional_zones", "zones", "ogr")
if not layer.isValid():
    print("qgis: PROBLEMS functional_zones does not load")
    sys.stdout.flush()
    os._exit(1)
renderer = layer.renderer()
if renderer.type() != "categorizedSymbol":
    print("qgis: PROBLEMS default style not applied: " + renderer.type())
    sys.stdout.flush()
    os._exit(1)
colours = {c.value(): c.symbol().color() for c in renderer.categories()}
names = [f["name"] for f in layer.getFeatures()]
missing = [n for n in names if n not in colours]
if missing:
    problems.append(f"{len(missing)} zones without a category, e.g. {missing[:3]}")
if "" not in colours:
    problems.append("no 'all other values' category")
if len({colours[n].name() for n in names if n in colours}) < 6:
    problems.append("the zones are not told apart by colour")

layer.setLabelsEnabled(False)  # the fill is what is checked; a label would cover the centre
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
extent = layer.extent()
extent.scale(1.02)
settings.setExtent(extent)
settings.setOutputSize(QSize(1200, 1200))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
image.save(png)
to_pixel = job.mapSettings().mapToPixel()
drawn = 0
for f in layer.getFeatures():
    at = f.geometry().pointOnSurface().asPoint()
    p = to_pixel.transform(at.x(), at.y())
    got = QColor(image.pixel(int(p.x()), int(p.y())))
    want = colours.get(f["name"])
    if want is None:
        continue
    a = want.alphaF()
    expected = [round(v * a + 255 * (1 - a)) for v in (want.red(), want.green(), want.blue())]
    actual = [got.red(), got.green(), got.blue()]
    if actual == [255, 255, 255]:
        problems.append(f"{f['name']}: not drawn (white at its centre)")
    elif any(abs(x - y) > 6 for x, y in zip(actual, expected)):
        problems.append(f"{f['name']}: {actual} at its centre, expected {expected} ({want.name()} at {a:.2f})")
    else:
        drawn += 1

# A zone named after the export: the "all other values" category draws it.
context = QgsRenderContext.fromMapSettings(settings)
renderer.startRender(context, layer.fields())
later = QgsFeature(layer.fields())
later.setAttribute("name", "后来新增的区")
if renderer.symbolForFeature(later, context) is None:
    problems.append("a zone named later gets no symbol")
renderer.stopRender(context)

if problems:
    print("qgis: PROBLEMS " + "; ".join(problems[:8]))
    sys.stdout.flush()
    os._exit(1)
print(f"qgis: {drawn} of {len(names)} zones drawn in their catch-all colours; {len(colours)} categories")
sys.stdout.flush()
os._exit(0)  # app.exitQgis() segfaults on Debian's 3.22 while layers are alive (CLIENTS.md)
