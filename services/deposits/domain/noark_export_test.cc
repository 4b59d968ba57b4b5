// A received deposit exported as a Noark 5 v5.0 extraction: it passes the
// self-checks, and importing it gives back the same records. Also the
// sealing and checking of the Noark metadata kept with a record.
#include "services/deposits/domain/noark_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "services/common/error.h"
#include "services/common/national_id.h"
#include "services/deposits/domain/depositors.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record_rules.h"
#include "services/deposits/domain/record_sealing.h"
#include "services/deposits/domain/transfers.h"
#include "services/noark/arkivstruktur_writer.h"
#include "services/noark/noark5_reader.h"
#include "services/noark/record_mapping.h"
#include "services/noark/self_checks.h"
#include "tests/support/fake_clock.h"
#include "tests/support/process.h"
#include "tests/support/synthetic_records.h"
#include "tests/support/fakes/fake_deposit_store.h"

namespace depot::deposits {
namespace {

namespace fs = std::filesystem;

Caller Archivist() { return Caller{"anna", Role::kArchivist, ""}; }

fs::path XsdDir() {
  fs::path dir =
      fs::path(DEPOT_SOURCE_DIR) / ".." / "shared" / "noark5" / "xsd";
  return fs::exists(dir / "arkivstruktur.xsd") ? dir : fs::path();
}

const char kMetadata[] =
    R"({"kassasjon":[{"bevaringstid":"25","kassasjonsdato":"2040-01-01",)"
    R"("kassasjonsvedtak":"Kasseres","level":"mappe"}],)"
    R"("skjerming":[{"level":"mappe","skjermingMetadata":["tittel"],)"
    R"("skjermingshjemmel":"Offl. § 13","tilgangsrestriksjon":"UO"}],)"
    R"("source":{"mappeID":"1999/7","tittel":"Elevmappe <Ås & Ø>"}})";

std::vector<RecordInput> Records() {
  std::vector<RecordInput> records;
  for (const auto& r : testing::MakeSyntheticRecords(1, 1203, "2010-05-01")) {
    RecordInput input;
    input.position = r.position;
    input.source_record_id = r.source_record_id;
    input.person_name = r.person_name;
    input.national_id = r.national_id;
    input.opened_date = r.opened_date;
    input.last_contact_date = r.last_contact_date;
    input.box = r.box;
    input.shelf = r.shelf;
    records.push_back(input);
  }
  // Without identity number, with a death year, documents and metadata.
  records[0].national_id = "";
  records[0].birth_date = "1951-02-03";
  records[0].death_year = 2011;
  records[0].person_name = "Åse \"Ødegård\" <Berg> & co";
  records[1].documents = {{"scan/side 1.pdf", 1234, std::string(64, 'a')},
                          {"vitnemål.pdf", 99, std::string(64, 'b')}};
  records[1].noark_metadata = kMetadata;
  records[2].source_record_id = "0a1b2c3d-0000-4000-8000-00000000a001";
  records[3].box = "";
  records[3].shelf = "";
  return records;
}

class NoarkExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Depositors(store_).Register(Archivist(), {"964338531", "Bergen kommune",
                                              DepositorKind::kMunicipality});
    deposit_ = deposits_.Create(Archivist(),
                                {"964338531", RegisterCategory::kPupilFiles,
                                 "Elevmapper 1960-1975", "2026-06-30"});
  }

  void Deposit(const std::vector<RecordInput>& records) {
    transfers_.Begin(Archivist(), deposit_.id);
    BatchResult result =
        transfers_.StoreBatch(Archivist(), deposit_.id, records);
    ASSERT_EQ(result.outcome.accepted, static_cast<int64_t>(records.size()));
  }

  // Exports into dir; the file names in the order they came.
  std::vector<std::string> Export(const fs::path& dir) {
    std::vector<std::string> order;
    std::map<std::string, std::ofstream> files;
    export_.Export(Archivist(), deposit_.id,
                   [&](const std::string& name, std::string_view data) {
                     if (order.empty() || order.back() != name) {
                       order.push_back(name);
                       files[name].open(dir / name, std::ios::binary);
                     }
                     files[name].write(data.data(), data.size());
                   });
    return order;
  }

  FakeDepositStore store_;
  Keyring keyring_ = Keyring::Random();
  CategoryRules rules_;
  testing::FakeClock clock_{
      std::chrono::sys_days(std::chrono::year(2026) / 11 / 24)};
  DepositContext context_{store_, keyring_, rules_, clock_.clock()};
  Deposits deposits_{context_};
  Transfers transfers_{context_};
  NoarkExport export_{context_};
  deposits::Deposit deposit_;
};

TEST_F(NoarkExportTest, OnlyAReceivedDepositIsExported) {
  Deposit(Records());
  testing::TempDir dir;
  try {
    Export(dir.path());
    FAIL() << "an open deposit was exported";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(std::string(error.what()).find("close it first"),
              std::string::npos);
  }
  try {
    export_.Export(Archivist(), 999,
                   [](const std::string&, std::string_view) {});
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
}

TEST_F(NoarkExportTest,
       TheExportPassesTheSelfChecksAndImportsAsTheSameRecords) {
  std::vector<RecordInput> records = Records();
  Deposit(records);
  deposits_.Close(Archivist(), deposit_.id);
  size_t audit_before = store_.state().audit.size();

  testing::TempDir dir;
  EXPECT_EQ(Export(dir.path()), (std::vector<std::string>{"arkivstruktur.xml",
                                                          "arkivuttrekk.xml"}));

  // One event for the export, one per record read.
  const auto& audit = store_.state().audit;
  ASSERT_EQ(audit.size() - audit_before, records.size() + 1);
  EXPECT_EQ(audit[audit_before].action, "deposit.export");
  EXPECT_EQ(audit.back().action, "record.read");
  EXPECT_FALSE(audit.back().subject.empty());

  auto results = noark::RunSelfChecks(dir.path(), XsdDir());
  for (const auto& r : results) {
    EXPECT_NE(r.outcome, noark::CheckOutcome::kFailed)
        << r.id << ": " << r.detail;
  }
  EXPECT_EQ(results[2].outcome, XsdDir().empty()
                                    ? noark::CheckOutcome::kSkipped
                                    : noark::CheckOutcome::kPassed);

  noark::ReaderOptions reader_options;
  if (!XsdDir().empty()) {
    reader_options.xml.schema = XsdDir() / "arkivstruktur.xsd";
  }
  noark::Noark5Reader reader(dir.path() / "arkivstruktur.xml", reader_options);
  noark::MappingOptions mapping;
  mapping.today = "2026-11-24";
  noark::Mappe mappe;
  size_t i = 0;
  while (reader.Next(&mappe)) {
    ASSERT_LT(i, records.size());
    EXPECT_TRUE(mappe.deviations.empty()) << mappe.deviations[0].what;
    noark::MappedRecord mapped = noark::MapMappe(mappe, mapping);
    ASSERT_FALSE(mapped.rejection) << mapped.rejection->reason;
    const RecordInput& r = mapped.record;
    const RecordInput& in = records[i];
    SCOPED_TRACE(in.source_record_id);
    EXPECT_EQ(r.source_record_id, in.source_record_id);
    EXPECT_EQ(r.person_name, in.person_name);
    EXPECT_EQ(r.national_id, in.national_id);
    // Stored with the record, from the identity number when there is one.
    EXPECT_EQ(
        r.birth_date,
        in.national_id.empty()
            ? in.birth_date
            : CheckNationalId(in.national_id, "2026-11-24").id->birth_date);
    EXPECT_EQ(r.opened_date, in.opened_date);
    EXPECT_EQ(r.last_contact_date, in.last_contact_date);
    EXPECT_EQ(r.death_year, in.death_year);
    EXPECT_EQ(r.box, in.box);
    EXPECT_EQ(r.shelf, in.shelf);
    ASSERT_EQ(r.documents.size(), in.documents.size());
    for (size_t d = 0; d < in.documents.size(); ++d) {
      EXPECT_EQ(r.documents[d].file_name, in.documents[d].file_name);
      EXPECT_EQ(r.documents[d].size_bytes, in.documents[d].size_bytes);
      EXPECT_EQ(r.documents[d].sha256, in.documents[d].sha256);
    }
    if (!in.noark_metadata.empty()) {
      EXPECT_EQ(r.noark_metadata, in.noark_metadata);
    }
    ++i;
  }
  EXPECT_EQ(i, records.size());
  EXPECT_EQ(reader.counts().mappe, static_cast<int64_t>(records.size()));
  EXPECT_EQ(reader.counts().dokumentobjekt, 2);

  // The screening of record 2 is in the Noark elements too.
  std::ifstream in(dir.path() / "arkivstruktur.xml");
  std::string xml((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(xml.find("<skjermingshjemmel>Offl. § 13</skjermingshjemmel>"),
            std::string::npos);
  EXPECT_NE(xml.find("<kassasjonsvedtak>Kasseres</kassasjonsvedtak>"),
            std::string::npos);
}

// Each level's own skjerming as recorded: the mappe carries the mappe's,
// never a registrering's or dokumentbeskrivelse's taken for it (those stay
// in depot:noarkMetadata, as deposited).
TEST(ArkivstrukturScreening, TheMappeCarriesOnlyItsOwnScreening) {
  auto export_with = [](const std::string& metadata) {
    std::string xml;
    noark::ArkivstrukturWriter writer(
        [&](std::string_view chunk) { xml += chunk; },
        {7, "964338531", "Bergen kommune", "Elevmapper", "Elevmappe",
         "2026-01-01T00:00:00", "anna", "2026-06-30", "anna"});
    RecordInput record;
    record.position = 1;
    record.source_record_id = "r1";
    record.person_name = "Kari Nordmann";
    record.opened_date = "1990-01-01";
    record.last_contact_date = "2000-01-01";
    record.documents = {{"vitnemål.pdf", 99, std::string(64, 'b')}};
    record.noark_metadata = metadata;
    writer.Add(record);
    writer.Finish();
    return xml;
  };
  const std::string registrering =
      R"({"skjerming":[{"level":"registrering","skjermingMetadata":["navn"],)"
      R"("skjermingshjemmel":"Offl. § 25","tilgangsrestriksjon":"UO"}]})";
  const std::string document =
      R"({"skjerming":[{"level":"dokumentbeskrivelse","skjermingMetadata":)"
      R"(["dokument"],"skjermingshjemmel":"Offl. § 13","tilgangsrestriksjon":)"
      R"("UO"}]})";
  for (const std::string& other : {registrering, document}) {
    std::string xml = export_with(other);
    EXPECT_EQ(xml.find("<skjerming>"), std::string::npos) << xml;
    // Kept as deposited.
    EXPECT_NE(xml.find("Offl. § "), std::string::npos) << xml;
  }
  const std::string both =
      R"({"skjerming":[{"level":"registrering","skjermingMetadata":["navn"],)"
      R"("skjermingshjemmel":"Offl. § 25","tilgangsrestriksjon":"UO"},)"
      R"({"level":"mappe","skjermingMetadata":["tittel"],)"
      R"("skjermingshjemmel":"Offl. § 13","tilgangsrestriksjon":"UO"}]})";
  std::string xml = export_with(both);
  size_t open = xml.find("<skjerming>");
  ASSERT_NE(open, std::string::npos) << xml;
  std::string skjerming = xml.substr(open, xml.find("</skjerming>") - open);
  EXPECT_NE(skjerming.find("Offl. § 13"), std::string::npos) << skjerming;
  EXPECT_EQ(skjerming.find("Offl. § 25"), std::string::npos) << skjerming;
  EXPECT_EQ(xml.find("<skjerming>", open + 1), std::string::npos) << xml;
}

TEST_F(NoarkExportTest, AnEmptyDepositExportsAValidExtraction) {
  deposits_.Close(Archivist(), deposit_.id);
  testing::TempDir dir;
  Export(dir.path());
  auto results = noark::RunSelfChecks(dir.path(), XsdDir());
  EXPECT_TRUE(noark::AllPassed(results));
}

TEST_F(NoarkExportTest, NoarkMetadataIsSealedAndBoundToItsRecord) {
  std::vector<RecordInput> records = Records();
  RecordVerdict verdict =
      CheckRecord(records[1], rules_.For(RegisterCategory::kPupilFiles),
                  *ParseDate("2026-06-30"), *ParseDate("2026-11-24"), false);
  ASSERT_TRUE(verdict.accepted);
  SealedRecord sealed =
      SealRecord(records[1], *verdict.accepted, deposit_.id, keyring_);
  EXPECT_FALSE(sealed.noark_sealed.empty());
  EXPECT_EQ(sealed.noark_sealed.find("Offl"), std::string::npos);
  EXPECT_EQ(OpenRecord(sealed, deposit_.id, keyring_).noark_metadata,
            kMetadata);
  // Moved to another record, it no longer opens.
  sealed.source_record_id = "another";
  EXPECT_THROW(OpenRecord(sealed, deposit_.id, keyring_), std::exception);
}

TEST_F(NoarkExportTest, NoarkMetadataMustBeAJsonObject) {
  RecordInput record = Records()[1];
  for (std::string bad : std::vector<std::string>{
           "[1,2]", "{not json", std::string(70000, ' ') + "{}"}) {
    record.noark_metadata = bad;
    RecordVerdict verdict =
        CheckRecord(record, rules_.For(RegisterCategory::kPupilFiles),
                    *ParseDate("2026-06-30"), *ParseDate("2026-11-24"), false);
    ASSERT_TRUE(verdict.rejection);
    EXPECT_EQ(verdict.rejection->field, "noark_metadata");
  }
}

}  // namespace
}  // namespace depot::deposits
