# A circular arc whose linearisation has no finite extent (found by the wkt fuzzer): bad input, not exit 5.
check_wkt 3 "CURVEPOLYGON(CIRCULARSTRING(430000 3740000,430100 3740041,030200 3740000,430100 3739900,430000 374))"
stderr_has "zoning check: --wkt: the geometry has no finite extent"
