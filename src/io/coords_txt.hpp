// SPDX-License-Identifier: MIT
#pragma once
// The 界址点坐标 exchange TXT of 建设用地报批 (docs/coords-txt.md): a [属性描述] head naming
// the CRS (坐标系, 几度分带, 带号) and a [地块坐标] body of parcels, each a line
// `点数,面积,编号,名称,面,图幅号,用途,地类编码,@` and its points `J1,1,X,Y`, where X is the
// northing and Y the easting with the zone number in front, rings numbered 1, 2, ...
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zoning::io {

struct CoordsPoint {
    std::string name;  ///< 点号, "J1"
    int ring = 1;      ///< 地块圈号
    double x_north = 0, y_east = 0;  ///< as written: Y carries the zone number (38430000.000)
    int line = 0;      ///< where it was read, for messages
};

struct CoordsParcel {
    int point_count = 0;       ///< 界址点数 as stated
    std::string area_ha;       ///< 地块面积 (公顷) as stated, text so it is written back as read
    std::string id, name, shape = "面", sheet, use, landuse_code;  ///< 编号, 名称, 图形属性, 图幅号, 地块用途, 地类编码
    std::vector<CoordsPoint> points;  ///< every point line, closing points included, in file order
    int line = 0;
};

struct CoordsFile {
    /// The [属性描述] keys in file order, values as written (格式版本号, 数据产生单位, ...).
    std::vector<std::pair<std::string, std::string>> head;
    std::vector<CoordsParcel> parcels;
    std::string value(const std::string& key) const;  ///< empty when absent
};

/// Parses the text (UTF-8, or GB18030 as Windows tools write it; 【】 brackets and CRLF accepted).
/// Throws core::Error(bad_input) naming `origin`, the line and what is wrong: no [地块坐标],
/// a parcel line without its 9 fields and `@`, a point line that is not `name,ring,X,Y`, a
/// point count that disagrees with the points that follow, a ring number that goes back.
CoordsFile parse_coords_txt(const std::string& text, const std::string& origin);
CoordsFile read_coords_txt(const std::filesystem::path& path);
/// The file's text, UTF-8, CRLF line ends as the Windows tools that read it expect;
/// coordinates with 3 decimals (1 mm).
std::string format_coords_txt(const CoordsFile& file);

/// The EPSG code ("EPSG:4526") of the head's CRS: 坐标系 (2000国家大地坐标系, 1980西安坐标系,
/// 1954北京坐标系), 几度分带 (3 or 6, or inferred from the zone), 带号 (or the zone in front of
/// the first Y). Throws bad_input naming `origin` and the key.
std::string coords_crs(const CoordsFile& file, const std::string& origin);

/// One parcel as 2D WKB polygon (or multipolygon) in the coords_crs: ring 1 and every ring
/// outside the others are outer rings, a ring inside one is its hole; an unclosed ring is
/// closed. Throws bad_input naming `origin` and the parcel's line.
std::string parcel_wkb(const CoordsParcel& parcel, const std::string& origin);

/// A site to write: polygonal WKB in `work_crs`.
struct CoordsSite {
    std::string id, name, use, landuse_code, wkb;
};
struct CoordsHeadValues {
    std::string organisation, date;  ///< 数据产生单位, 数据产生日期
};
/// Sites as a coordinate file in the CGCS2000 3-degree Gauss-Kruger zone of their centre:
/// points J1.. numbered through each parcel, each ring closed by repeating its first point,
/// 面积 in hectares (4 decimals). Throws bad_input when a site cannot be transformed.
CoordsFile coords_from_sites(const std::vector<CoordsSite>& sites, const std::string& work_crs, const CoordsHeadValues& head);

/// A site's 界址点 for a table: named as coords_from_sites names them, in the work CRS and as
/// CGCS2000 lon/lat (degrees).
struct BoundaryVertex {
    std::string name;
    int ring = 1;
    double x = 0, y = 0, lon = 0, lat = 0;
};
std::vector<BoundaryVertex> boundary_vertices(const std::string& wkb, const std::string& work_crs);

/// The work CRS in words for a coordinate table: a CGCS2000 Gauss-Kruger CRS as surveyors name it
/// ("2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线114°E"), any other by PROJ's name.
std::string crs_words(const std::string& work_crs, bool zh);

}  // namespace zoning::io
