// From a Noark 5 mappe to a depot record: who the person is, the dates,
// documents and their checksums, screening and disposal metadata.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "services/noark/noark5_reader.h"
#include "services/noark/record_mapping.h"
#include "tests/support/process.h"
#include "tests/support/noark_test_documents.h"

namespace depot::noark {
namespace {

namespace fs = std::filesystem;

constexpr char kHelloSha256[] =
    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

std::vector<Mappe> Read(const std::string& xml) {
  Noark5Reader reader(std::string_view(xml), {});
  std::vector<Mappe> mappes;
  Mappe m;
  while (reader.Next(&m)) mappes.push_back(m);
  return mappes;
}

Mappe One(const std::string& mappe_xml) {
  auto mappes = Read(testing::ArkivstrukturHead() + mappe_xml +
                     testing::ArkivstrukturTail());
  EXPECT_EQ(mappes.size(), 1u);
  return mappes.at(0);
}

class NoarkMappingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(dir_.path() / "dokumenter");
    options_.extraction_dir = dir_.path();
    options_.today = "2026-11-24";
    options_.noark_version = "5.0";
  }
  void WriteDocument(const std::string& content) {
    std::ofstream(dir_.path() / "dokumenter" / "a.pdf", std::ios::binary)
        << content;
  }
  Mappe Pupil(const std::string& file = "dokumenter/a.pdf",
              const std::string& sha = kHelloSha256) {
    return One(testing::PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001",
                                   "Kari Nordmann", "15076510013", file, sha));
  }
  testing::TempDir dir_;
  MappingOptions options_;
};

TEST_F(NoarkMappingTest, APupilsMappeBecomesARecord) {
  WriteDocument("hello");
  MappedRecord mapped = MapMappe(Pupil(), options_);
  ASSERT_FALSE(mapped.rejection) << mapped.rejection->reason;
  const RecordInput& r = mapped.record;
  EXPECT_EQ(r.position, 1);
  EXPECT_EQ(r.source_record_id, "0a1b2c3d-0000-4000-8000-00000000a001");
  EXPECT_EQ(r.person_name, "Kari Nordmann");
  EXPECT_EQ(r.national_id, "15076510013");
  EXPECT_EQ(r.opened_date, "1995-08-15");
  EXPECT_EQ(r.last_contact_date, "2004-06-21");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].file_name, "dokumenter/a.pdf");
  EXPECT_EQ(r.documents[0].size_bytes, 5);
  EXPECT_EQ(r.documents[0].sha256, kHelloSha256);
  EXPECT_EQ(mapped.missing_files, 0);
  EXPECT_TRUE(mapped.deviations.empty());

  auto metadata = nlohmann::json::parse(r.noark_metadata);
  EXPECT_EQ(metadata["source"]["mappeID"], "2001/17");
  EXPECT_EQ(metadata["source"]["noarkVersion"], "5.0");
  EXPECT_EQ(metadata["skjerming"][0]["level"], "mappe");
  EXPECT_EQ(metadata["skjerming"][0]["skjermingshjemmel"], "Offl. § 13");
  EXPECT_EQ(metadata["skjerming"][0]["skjermingMetadata"][1], "part");
  EXPECT_EQ(metadata["kassasjon"][0]["level"], "arkivdel");
  EXPECT_EQ(metadata["kassasjon"][0]["kassasjonsvedtak"], "Bevares");
}

TEST_F(NoarkMappingTest, ADocumentThatDoesNotMatchItsChecksumIsRejected) {
  WriteDocument("hello, changed");
  MappedRecord mapped = MapMappe(Pupil(), options_);
  ASSERT_TRUE(mapped.rejection);
  EXPECT_EQ(mapped.rejection->field, "documents.sha256");
  EXPECT_NE(mapped.rejection->reason.find("does not match its sjekksum"),
            std::string::npos);
}

TEST_F(NoarkMappingTest, AMissingFileKeepsTheChecksumGiven) {
  MappedRecord mapped = MapMappe(Pupil(), options_);
  ASSERT_FALSE(mapped.rejection);
  EXPECT_EQ(mapped.missing_files, 1);
  EXPECT_EQ(mapped.record.documents[0].sha256, kHelloSha256);
  EXPECT_EQ(mapped.record.documents[0].size_bytes, 5);
}

TEST_F(NoarkMappingTest, AReferenceOutsideTheExtractionIsNotRead) {
  Mappe m = Pupil("../../../../etc/passwd");
  MappedRecord mapped = MapMappe(m, options_);
  ASSERT_FALSE(mapped.rejection);
  ASSERT_EQ(mapped.deviations.size(), 1u);
  EXPECT_NE(mapped.deviations[0].what.find("outside the extraction"),
            std::string::npos);
  EXPECT_EQ(mapped.record.documents[0].sha256, kHelloSha256);
}

TEST_F(NoarkMappingTest, OtherChecksumsNeedTheFile) {
  std::string xml = testing::PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001",
                                        "Kari Nordmann", "15076510013",
                                        "dokumenter/a.pdf", "abc");
  size_t at = xml.find("SHA256");
  xml.replace(at, 6, "MD5");
  Mappe m = One(xml);
  MappedRecord without_file = MapMappe(m, options_);
  ASSERT_TRUE(without_file.rejection);
  EXPECT_EQ(without_file.rejection->field, "documents.sha256");

  WriteDocument("hello");
  MappedRecord with_file = MapMappe(m, options_);
  ASSERT_FALSE(with_file.rejection);
  EXPECT_EQ(with_file.record.documents[0].sha256, kHelloSha256);
  EXPECT_FALSE(with_file.deviations.empty());
}

TEST_F(NoarkMappingTest, SizesInKilobytesAreADeviation) {
  std::string xml =
      testing::PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001", "Kari",
                          "15076510013", "x.pdf", kHelloSha256);
  xml.replace(xml.find("<filstoerrelse>5<"), 17, "<filstoerrelse>87 kB<");
  MappedRecord mapped = MapMappe(One(xml), options_);
  ASSERT_FALSE(mapped.rejection);
  EXPECT_EQ(mapped.record.documents[0].size_bytes, 87000);
  ASSERT_EQ(mapped.deviations.size(), 1u);
  EXPECT_NE(mapped.deviations[0].what.find("not a number of bytes"),
            std::string::npos);
}

TEST_F(NoarkMappingTest,
       ThePersonOfANasjonalidentifikatorNamedByCorrespondence) {
  Mappe m = One(testing::IdentifiedMappe("0a1b2c3d-0000-4000-8000-00000000a002",
                                         "Ola Nordmann", "01019010046"));
  MappedRecord mapped = MapMappe(m, options_);
  ASSERT_FALSE(mapped.rejection);
  EXPECT_EQ(mapped.record.national_id, "01019010046");
  // The internal sender is the case officer, not the person.
  EXPECT_EQ(mapped.record.person_name, "Ola Nordmann");
  EXPECT_EQ(mapped.record.opened_date, "1996-01-10");
  EXPECT_EQ(mapped.record.last_contact_date, "2001-02-03");
  EXPECT_TRUE(mapped.record.documents.empty());
}

TEST_F(NoarkMappingTest, NoIdentityNumberNorBirthDateIsARejection) {
  MappedRecord mapped = MapMappe(
      One(testing::AnonymousMappe("0a1b2c3d-0000-4000-8000-000000000003")),
      options_);
  ASSERT_TRUE(mapped.rejection);
  EXPECT_EQ(mapped.rejection->field, "national_id");
  EXPECT_EQ(mapped.rejection->reason, kNoIdentityReason);
}

TEST_F(NoarkMappingTest, ABirthDateWithTheTitleAsNameIsADeviation) {
  std::string xml = testing::AnonymousMappe("m-1");
  xml.replace(xml.find("<avsluttetAv>"), 0,
              "<personidentifikator><foedselsdato>1950-05-04</foedselsdato>"
              "</personidentifikator>");
  MappedRecord mapped = MapMappe(One(xml), options_);
  ASSERT_FALSE(mapped.rejection) << mapped.rejection->reason;
  EXPECT_EQ(mapped.record.person_name, "Byggesak Storgata 1");
  EXPECT_EQ(mapped.record.birth_date, "1950-05-04");
  EXPECT_EQ(mapped.record.national_id, "");
  ASSERT_EQ(mapped.deviations.size(), 1u);
  EXPECT_NE(mapped.deviations[0].what.find("title is taken"),
            std::string::npos);
}

TEST_F(NoarkMappingTest, APartIdThatIsNoIdentityNumberIsNotTaken) {
  std::string xml =
      testing::PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001", "Kari",
                          "P-1234", "x.pdf", kHelloSha256);
  MappedRecord mapped = MapMappe(One(xml), options_);
  ASSERT_TRUE(mapped.rejection);
  EXPECT_EQ(mapped.rejection->reason, kNoIdentityReason);
}

TEST_F(NoarkMappingTest, AMappeWithoutSystemIdIsRejected) {
  std::string xml = testing::AnonymousMappe("");
  MappedRecord mapped = MapMappe(One(xml), options_);
  ASSERT_TRUE(mapped.rejection);
  EXPECT_EQ(mapped.rejection->field, "source_record_id");
}

}  // namespace
}  // namespace depot::noark
