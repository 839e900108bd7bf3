// SPDX-License-Identifier: MIT
// A catalog layer file (layers/*.toml): core::Catalog::load_layer_file on a file holding the
// input, then what the exporter makes of a layer file that loaded: its QGIS style (QML) and SLD,
// so a value the catalog lets through but cannot be drawn (a NaN opacity) is found here.
#include "core/catalog.hpp"
#include "fuzz_common.hpp"
#include "io/qgis_style.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const zoning::core::Catalog catalog = zoning::core::Catalog::load(zoning::core::Catalog::default_dir());
    const auto file = zoning::fuzz::write_temp("layer.toml", data, size);
    zoning::fuzz::guarded([&] {
        const zoning::core::LayerSpec spec = zoning::core::Catalog::load_layer_file(file);
        (void)zoning::io::qgis_qml(spec, catalog.landuse(), {"a", "b"});
        (void)zoning::io::sld(spec, catalog.landuse(), {"a", "b"});
    });
    return 0;
}
