#include "clients/cli/command.h"

#include <cstdlib>
#include <iostream>

namespace depot::cli {

CLI::App* AddGroup(CLI::App* parent, const std::string& name,
                   const std::string& help) {
  CLI::App* group = parent->add_subcommand(name, help);
  group->require_subcommand(1);
  return group;
}

void RunLocally(const std::function<int()>& run) {
  int code = 0;
  try {
    code = run();
  } catch (const CommandFailure& failure) {
    code = ReportFailure(failure.code(), failure.what());
  }
  std::cout.flush();
  std::exit(code);
}

}  // namespace depot::cli
