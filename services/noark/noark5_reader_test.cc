// The Noark 5 reader: what it takes out of a mappe, the deviations it
// reports, and the hostile input it refuses in bounded memory.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "services/noark/addml.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/record_mapping.h"
#include "services/noark/self_checks.h"
#include "tests/support/process.h"
#include "tests/support/noark_test_documents.h"

namespace depot::noark {
namespace {

namespace fs = std::filesystem;

fs::path SharedNoark5() {
  return fs::path(DEPOT_SOURCE_DIR) / ".." / "shared" / "noark5";
}

#define SKIP_WITHOUT_SHARED()                                                  \
  if (!fs::exists(SharedNoark5() / "sample-extraction" / "arkivstruktur.xml")) \
  GTEST_SKIP() << "../shared/noark5 is not beside the checkout; skipped "      \
                  "(it holds the real extraction and the schemas)"

std::vector<Mappe> ReadAll(std::string_view xml, ReaderOptions options = {},
                           std::vector<Deviation>* outside = nullptr) {
  Noark5Reader reader(xml, std::move(options));
  std::vector<Mappe> mappes;
  Mappe m;
  while (reader.Next(&m)) mappes.push_back(m);
  if (outside) *outside = reader.TakeDeviations();
  return mappes;
}

long MaxRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

TEST(Noark5Reader, ReadsWhatAMappeSaysAboutItsPerson) {
  std::string xml = testing::SmallExtraction();
  Noark5Reader reader(std::string_view(xml), {});
  std::vector<Mappe> mappes;
  Mappe m;
  while (reader.Next(&m)) mappes.push_back(m);
  ASSERT_EQ(mappes.size(), 3u);

  const Mappe& pupil = mappes[0];
  EXPECT_EQ(pupil.position, 1);
  EXPECT_EQ(pupil.system_id, "0a1b2c3d-0000-4000-8000-00000000a001");
  EXPECT_EQ(pupil.mappe_id, "2001/17");
  EXPECT_EQ(pupil.opened_date, "1995-08-15");
  EXPECT_EQ(pupil.latest_date, "2004-06-21");
  EXPECT_EQ(pupil.latest_date_element, "journaldato");
  ASSERT_EQ(pupil.parties.size(), 1u);
  EXPECT_EQ(pupil.parties[0].kind, "part");
  EXPECT_EQ(pupil.parties[0].name, "Kari Nordmann");
  EXPECT_EQ(pupil.parties[0].id, "15076510013");
  ASSERT_EQ(pupil.documents.size(), 1u);
  EXPECT_EQ(pupil.documents[0].file_reference, "dokumenter/a.pdf");
  EXPECT_EQ(pupil.documents[0].checksum_algorithm, "SHA256");
  EXPECT_EQ(pupil.documents[0].size_text, "5");
  ASSERT_EQ(pupil.screening.size(), 1u);
  EXPECT_EQ(pupil.screening[0].level, "mappe");
  EXPECT_EQ(pupil.screening[0].tilgangsrestriksjon, "UO");
  EXPECT_EQ(pupil.screening[0].skjerming_metadata,
            (std::vector<std::string>{"tittel", "part"}));
  // The arkivdel's disposal decision holds for the mappes in it.
  ASSERT_EQ(pupil.disposal.size(), 1u);
  EXPECT_EQ(pupil.disposal[0].level, "arkivdel");
  EXPECT_EQ(pupil.disposal[0].kassasjonsvedtak, "Bevares");
  EXPECT_TRUE(pupil.deviations.empty());

  const Mappe& letter = mappes[1];
  EXPECT_EQ(letter.national_ids, std::vector<std::string>{"01019010046"});
  ASSERT_EQ(letter.parties.size(), 2u);
  EXPECT_TRUE(letter.parties[1].in_registrering);
  EXPECT_EQ(letter.parties[1].role, "Mottaker");
  EXPECT_EQ(letter.latest_date, "2001-02-03");

  EXPECT_EQ(mappes[2].registrering_count, 0);
  EXPECT_EQ(reader.counts().mappe, 3);
  EXPECT_EQ(reader.counts().registrering, 2);
  EXPECT_EQ(reader.counts().journalpost, 2);
  EXPECT_EQ(reader.counts().dokumentobjekt, 1);
}

TEST(Noark5Reader, ReportsEverySystemIdForDuplicateChecks) {
  std::vector<std::string> ids;
  ReaderOptions options;
  options.on_system_id = [&](std::string_view id, std::string_view, int64_t) {
    ids.emplace_back(id);
  };
  ReadAll(testing::SmallExtraction(), options);
  // arkiv, arkivdel, 3 mappes, 2 registreringer, 1 dokumentbeskrivelse,
  // 1 dokumentobjekt.
  EXPECT_EQ(ids.size(), 9u);
}

TEST(Noark5Reader, NestedMappesAreRecordsOfTheirOwn) {
  std::string xml = testing::ArkivstrukturHead() +
                    "<mappe><systemID>outer</systemID>"
                    "<opprettetDato>1990-01-01</opprettetDato>" +
                    testing::AnonymousMappe("inner") +
                    "<avsluttetDato>1991-01-01</avsluttetDato></mappe>" +
                    testing::ArkivstrukturTail();
  auto mappes = ReadAll(xml);
  ASSERT_EQ(mappes.size(), 2u);
  EXPECT_EQ(mappes[0].system_id, "inner");
  EXPECT_EQ(mappes[1].system_id, "outer");
  EXPECT_EQ(mappes[1].latest_date, "1991-01-01");
  ASSERT_FALSE(mappes[1].deviations.empty());
  EXPECT_NE(mappes[1].deviations.back().what.find("sub-mappes"),
            std::string::npos);
}

TEST(Noark5Reader, ReportsDatesThatAreNotDatesAndForeignElements) {
  std::string xml = testing::ArkivstrukturHead() +
                    "<mappe><systemID>m</systemID>"
                    "<opprettetDato>1990-02-30</opprettetDato>"
                    "<avsluttetDato>1991-01-01T00:00:00+01:00</avsluttetDato>"
                    "<x:extra xmlns:x=\"urn:other\"><x:y>1</x:y></x:extra>"
                    "</mappe>" +
                    testing::ArkivstrukturTail();
  auto mappes = ReadAll(xml);
  ASSERT_EQ(mappes.size(), 1u);
  EXPECT_EQ(mappes[0].opened_date, "");
  EXPECT_EQ(mappes[0].latest_date, "1991-01-01");
  ASSERT_EQ(mappes[0].deviations.size(), 2u);
  EXPECT_NE(mappes[0].deviations[0].what.find("opprettetDato '1990-02-30' is "
                                              "not a date"),
            std::string::npos);
  EXPECT_NE(mappes[0].deviations[1].what.find("urn:other"), std::string::npos);
}

TEST(Noark5Reader, RefusesHostileAndBrokenDocuments) {
  std::map<std::string, std::string> expected = {
      {"malformed", "at line"},
      {"truncated", "breaks off at line"},
      {"billion_laughs", "DOCTYPE"},
      {"xxe", "DOCTYPE"},
      {"xxe_parameter", "DOCTYPE"},
      {"undeclared_entity", "nope"},
      {"wrong_root", "not a Noark 5 arkivstruktur"},
      {"empty", "empty or has no root element"},
  };
  for (const auto& [name, xml] : testing::HostileDocuments()) {
    SCOPED_TRACE(name);
    long before = MaxRssKb();
    try {
      ReadAll(xml);
      ADD_FAILURE() << name << " was read";
    } catch (const XmlError& error) {
      EXPECT_NE(std::string(error.what()).find(expected.at(name)),
                std::string::npos)
          << error.what();
      EXPECT_EQ(std::string(error.what()).find("root:"), std::string::npos)
          << "the message must not show a file's content";
    }
    EXPECT_LT(MaxRssKb() - before, 16 * 1024) << "kB more at peak";
  }
}

TEST(ReadAddml, RefusesHostileDocumentsToo) {
  testing::TempDir dir;
  for (const auto& [name, xml] : testing::HostileDocuments()) {
    SCOPED_TRACE(name);
    std::ofstream(dir.path() / "arkivuttrekk.xml", std::ios::binary) << xml;
    EXPECT_THROW(ReadAddml(dir.path() / "arkivuttrekk.xml"), XmlError);
  }
}

// Writes a document whose mappe title is one text node of `bytes`.
fs::path WriteHugeTextNode(const fs::path& dir, size_t bytes) {
  fs::path file = dir / "arkivstruktur.xml";
  std::ofstream out(file, std::ios::binary);
  out << testing::ArkivstrukturHead()
      << "<mappe><systemID>m</systemID><tittel>";
  std::string block(1 << 20, 'x');
  for (size_t written = 0; written < bytes; written += block.size()) {
    out.write(block.data(), static_cast<std::streamsize>(
                                std::min(block.size(), bytes - written)));
  }
  out << "</tittel></mappe>" << testing::ArkivstrukturTail();
  return file;
}

// The line the huge title is on.
std::string HugeNodeLine() {
  std::string head = testing::ArkivstrukturHead();
  return std::to_string(std::count(head.begin(), head.end(), '\n') + 1);
}

TEST(Noark5Reader, RefusesA100MegabyteTextNodeInBoundedMemory) {
  testing::TempDir dir;
  fs::path file = WriteHugeTextNode(dir.path(), 100u << 20);
  long before = MaxRssKb();
  try {
    Noark5Reader reader(file, {});
    Mappe m;
    while (reader.Next(&m)) {
    }
    ADD_FAILURE() << "a 100 MB text node was read";
  } catch (const XmlError& error) {
    EXPECT_EQ(std::string(error.what()),
              "text node longer than 1 MiB at line " + HugeNodeLine());
  }
  long grown_kb = MaxRssKb() - before;
  EXPECT_LT(grown_kb, 64 * 1024) << "peak memory grew by " << grown_kb << " kB";
}

TEST(Noark5Reader, RefusesATextNodeOverItsOwnLimit) {
  testing::TempDir dir;
  fs::path file = WriteHugeTextNode(dir.path(), 2u << 20);
  Noark5Reader reader(file, {});
  Mappe m;
  try {
    reader.Next(&m);
    ADD_FAILURE() << "a 2 MiB text node was read";
  } catch (const XmlError& error) {
    EXPECT_EQ(std::string(error.what()),
              "text node longer than 1 MiB at line " + HugeNodeLine());
    EXPECT_EQ(std::to_string(error.line()), HugeNodeLine());
  }
}

TEST(Noark5Reader, MemoryStaysBoundedOverManyMappes) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer's quarantine keeps freed memory resident, "
                  "so RSS bounds are measured in plain builds (and by "
                  "bench/noark_import in Release)";
#endif
  testing::TempDir dir;
  fs::path file = dir.path() / "arkivstruktur.xml";
  int64_t count = 0;
  {
    std::ofstream out(file, std::ios::binary);
    out << testing::ArkivstrukturHead();
    while (out.tellp() < (40 << 20)) {
      ++count;
      char id[64];
      std::snprintf(id, sizeof id, "0a1b2c3d-0000-4000-8000-%012lld",
                    static_cast<long long>(count));
      out << testing::PupilMappe(id, "Person " + std::to_string(count),
                                 "15076510013", "d.pdf", std::string(64, 'a'));
    }
    out << testing::ArkivstrukturTail();
  }
  long before = MaxRssKb();
  Noark5Reader reader(file, {});
  Mappe m;
  int64_t read = 0;
  while (reader.Next(&m)) ++read;
  EXPECT_EQ(read, count);
  EXPECT_GT(reader.bytes_read(), 40u << 20);
  EXPECT_LT(MaxRssKb() - before, 16 * 1024);
}

TEST(Noark5Reader, TheRealExtractionIsReadWithItsDeviations) {
  SKIP_WITHOUT_SHARED();
  fs::path dir = SharedNoark5() / "sample-extraction";
  ReaderOptions options;
  options.xml.schema = SharedNoark5() / "xsd" / "arkivstruktur.xsd";
  Noark5Reader reader(dir / "arkivstruktur.xml", options);
  std::vector<Mappe> mappes;
  Mappe m;
  while (reader.Next(&m)) mappes.push_back(m);
  ASSERT_EQ(mappes.size(), 2u);
  // v3.1 puts dokumentobjekt and korrespondansepart where v5.0 does not
  // take them: 4 deviations in each mappe.
  EXPECT_EQ(mappes[0].deviations.size(), 4u);
  EXPECT_EQ(mappes[1].deviations.size(), 4u);
  EXPECT_EQ(reader.invalid_count(), 8);
  EXPECT_EQ(mappes[0].type, "saksmappe");
  EXPECT_EQ(mappes[0].opened_date, "2011-09-09");
  EXPECT_EQ(mappes[0].latest_date, "2012-09-09");
  EXPECT_EQ(mappes[0].documents.size(), 2u);
  EXPECT_EQ(mappes[0].documents[0].checksum_algorithm, "SHA-256");
  EXPECT_EQ(reader.counts().journalpost, 4);

  // Nobody in it has an identity number or a birth date.
  MappingOptions mapping;
  mapping.extraction_dir = dir;
  mapping.today = "2026-11-24";
  for (const Mappe& mappe : mappes) {
    MappedRecord record = MapMappe(mappe, mapping);
    ASSERT_TRUE(record.rejection.has_value());
    EXPECT_EQ(record.rejection->reason, kNoIdentityReason);
  }

  AddmlInfo addml = ReadAddml(dir / "arkivuttrekk.xml");
  EXPECT_EQ(addml.noark_version, "3.0");
  int data_files = 0;
  for (const AddmlFile& f : addml.files) data_files += f.schema ? 0 : 1;
  EXPECT_EQ(data_files, 3);
}

TEST(SelfChecks, TheRealExtractionFailsSchemaAndSystemIdChecks) {
  SKIP_WITHOUT_SHARED();
  auto results = RunSelfChecks(SharedNoark5() / "sample-extraction",
                               SharedNoark5() / "xsd");
  ASSERT_EQ(results.size(), 5u);
  std::map<std::string, CheckResult> by_id;
  for (const auto& r : results) by_id[r.id] = r;
  EXPECT_EQ(by_id["N5.01"].outcome, CheckOutcome::kPassed)
      << by_id["N5.01"].detail;
  EXPECT_EQ(by_id["N5.02"].outcome, CheckOutcome::kPassed)
      << by_id["N5.02"].detail;
  // A v3.1 extraction is not valid v5.0 ...
  EXPECT_EQ(by_id["N5.03"].outcome, CheckOutcome::kFailed);
  // ... and it gives two dokumentbeskrivelser the same systemID.
  EXPECT_EQ(by_id["N5.47"].outcome, CheckOutcome::kFailed);
  EXPECT_NE(by_id["N5.47"].detail.find("2872a56c-7e3a-416c-8cad-3ffb9e8f49ce"),
            std::string::npos);
  EXPECT_EQ(by_id["N5.59"].outcome, CheckOutcome::kPassed)
      << by_id["N5.59"].detail;
  EXPECT_FALSE(AllPassed(results));
}

TEST(SelfChecks, MissingFilesAndWrongChecksumsFail) {
  SKIP_WITHOUT_SHARED();
  testing::TempDir dir;
  fs::copy(SharedNoark5() / "sample-extraction", dir.path());
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    fs::permissions(entry.path(),
                    fs::perms::owner_read | fs::perms::owner_write);
  }
  fs::remove(dir.path() / "offentligJournal.xml");
  { std::ofstream(dir.path() / "loependeJournal.xml", std::ios::app) << " "; }
  auto results = RunSelfChecks(dir.path(), {});
  EXPECT_EQ(results[0].outcome, CheckOutcome::kFailed);
  EXPECT_NE(results[0].detail.find("offentligJournal.xml"), std::string::npos);
  EXPECT_EQ(results[1].outcome, CheckOutcome::kFailed);
  EXPECT_NE(results[1].detail.find("loependeJournal.xml"), std::string::npos);
  EXPECT_EQ(results[2].outcome, CheckOutcome::kSkipped);
}

}  // namespace
}  // namespace depot::noark
