// SPDX-License-Identifier: MIT
// main() for the tests of io, which use GDAL directly.
#include <gtest/gtest.h>

#include "io/runtime.hpp"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    zoning::io::GdalRuntime gdal;  // as in zoning's main(): GDAL registered once, on the main thread
    return RUN_ALL_TESTS();
}
