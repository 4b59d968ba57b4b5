// depot-field-reference [--update FILE]: prints the field reference of the
// depot.v1 requests (markdown), or writes it into FILE between the marker
// lines (docs/integrators.md).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "services/common/field_reference.h"

int main(int argc, char** argv) {
  std::string arg = argc > 1 ? argv[1] : "";
  if (argc == 1) {
    std::cout << depot::FieldReferenceMarkdown();
    return 0;
  }
  if (arg != "--update" || argc != 3) {
    std::cerr
        << "usage: depot-field-reference [--update docs/integrators.md]\n";
    return 2;
  }
  std::ifstream in(argv[2]);
  if (!in) {
    std::cerr << "depot-field-reference: cannot read " << argv[2] << "\n";
    return 1;
  }
  std::stringstream document;
  document << in.rdbuf();
  std::string updated = depot::WithFieldReference(document.str());
  if (updated == document.str() &&
      document.str().find(depot::kFieldReferenceBegin) == std::string::npos) {
    std::cerr << "depot-field-reference: " << argv[2]
              << " has no field-reference markers\n";
    return 1;
  }
  std::ofstream(argv[2]) << updated;
  return 0;
}
