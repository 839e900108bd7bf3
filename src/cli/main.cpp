// SPDX-License-Identifier: MIT
// The one catch site: every error becomes one line on stderr and an exit code.
#include <iostream>

#include "cli/command.hpp"
#include "geo/geos.hpp"
#include "geo/proj.hpp"
#include "io/runtime.hpp"

namespace {

/// GDAL never prints (io::GdalRuntime): what it raised outside an error scope during a command
/// that succeeded reaches the user here, as warnings in our own form, unless --quiet. After an
/// error they are dropped: they come from closing half-written files on the way out, and the
/// error line already names the cause.
void print_gdal_messages(const std::string& which, const CLI::App* sub) {
    std::size_t dropped = 0;
    auto messages = zoning::io::take_gdal_messages(&dropped);
    const CLI::Option* quiet = sub ? sub->get_option_no_throw("--quiet") : nullptr;
    if (quiet && quiet->count() > 0) return;
    for (auto& m : messages) std::cerr << which << ": warning: GDAL: " << m.text << '\n';
    if (dropped) std::cerr << which << ": warning: GDAL: " << dropped << " more messages\n";
}

}  // namespace

int main(int argc, char** argv) {
    using zoning::core::ExitCode;
    // Declared before the commands so GDAL is torn down after every dataset is gone.
    zoning::io::GdalRuntime gdal;
    CLI::App app{"zoning: hold a district's development plan against the land (coverage, progress, conflicts, siting)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "zoning 0.1.0");
    auto commands = zoning::cli::make_commands();
    std::vector<std::pair<CLI::App*, zoning::cli::Command*>> subs;
    for (auto& c : commands) {
        CLI::App* sub = app.add_subcommand(c->name(), c->description());
        c->setup(*sub);
        subs.emplace_back(sub, c.get());
    }
    std::string which = "zoning";
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "zoning: " << e.what() << " (see zoning --help)\n";
        return static_cast<int>(ExitCode::bad_input);
    }
    try {
        for (auto& [sub, cmd] : subs) {
            if (sub->parsed()) {
                which = std::string("zoning ") + cmd->name();
                cmd->check_options();
                const auto code = cmd->run();
                print_gdal_messages(which, sub);
                return static_cast<int>(code);
            }
        }
        return static_cast<int>(ExitCode::bad_input);
    } catch (const zoning::core::Error& e) {
        zoning::io::take_gdal_messages();
        std::cerr << which << ": " << e.what() << '\n';
        return static_cast<int>(e.code());
    } catch (const zoning::geo::GeosError& e) {
        std::cerr << which << ": geometry error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::internal);
    } catch (const std::exception& e) {
        std::cerr << which << ": internal error: " << e.what() << '\n';
        return static_cast<int>(ExitCode::internal);
    }
}
