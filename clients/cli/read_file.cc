#include "clients/cli/read_file.h"

#include <fstream>
#include <iterator>

#include "clients/cli/output.h"

namespace depot::cli {

std::string ReadUserFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandFailure(kExitOther, "cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace depot::cli
