// Writes the fuzzer's seed corpus into a directory: the Noark 5 documents
// of the unit tests, generated here (nothing is copied from ../shared).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "tests/support/noark_test_documents.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: noark_fuzz_seeds DIR\n";
    return 2;
  }
  namespace t = depot::testing;
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  write("small_extraction.xml", t::SmallExtraction());
  write("nested.xml",
        t::ArkivstrukturHead() + "<mappe><systemID>outer</systemID>" +
            t::AnonymousMappe("inner") + "</mappe>" + t::ArkivstrukturTail());
  write("depot_export.xml",
        t::ArkivstrukturHead() +
            "<mappe xmlns:depot=\"urn:x-depot:noark5\"><systemID>m</systemID>"
            "<opprettetDato>1990-01-01T00:00:00</opprettetDato>"
            "<virksomhetsspesifikkeMetadata><depot:record>"
            "<depot:sourceRecordId>src-1</depot:sourceRecordId>"
            "<depot:birthDate>1950-01-01</depot:birthDate>"
            "<depot:noarkMetadata>{}</depot:noarkMetadata>"
            "</depot:record></virksomhetsspesifikkeMetadata>"
            "<part><partNavn>A</partNavn><partRolle>x</partRolle></part>"
            "</mappe>" +
            t::ArkivstrukturTail());
  for (const auto& [name, bytes] : t::HostileDocuments()) {
    write(name + ".xml", bytes);
  }
  return 0;
}
