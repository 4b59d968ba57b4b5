// depot deposit check-noark5 reads the extraction and nothing else: a file
// that arkivuttrekk.xml names by an absolute path, with '..' or through a
// symbolic link that leads out is refused by name, never opened or hashed.
#include <gtest/gtest.h>

#include <fstream>

#include "services/noark/extraction_path.h"
#include "services/noark/file_hash.h"
#include "services/noark/self_checks.h"
#include "tests/support/process.h"

namespace depot::noark {
namespace {

namespace fs = std::filesystem;

// arkivuttrekk.xml (ADDML) listing each name as a data file with a SHA-256.
std::string Addml(const std::vector<std::pair<std::string, std::string>>&
                      names_and_checksums) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<addml xmlns=\"http://www.arkivverket.no/standarder/addml\">"
      "<dataset><dataObjects><dataObject name=\"Noark 5 arkivuttrekk\">"
      "<dataObjects>";
  for (const auto& [name, checksum] : names_and_checksums) {
    xml +=
        "<dataObject name=\"data\"><properties><property name=\"file\">"
        "<properties><property name=\"name\"><value>" +
        name +
        "</value></property><property name=\"checksum\"><properties>"
        "<property name=\"algorithm\"><value>SHA256</value></property>"
        "<property name=\"value\"><value>" +
        checksum +
        "</value></property></properties></property></properties>"
        "</property></properties></dataObject>";
  }
  return xml + "</dataObjects></dataObject></dataObjects></dataset></addml>\n";
}

class ExtractionConfinementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(outside_);
    fs::create_directories(extraction_ / "dokumenter");
    std::ofstream(outside_ / "secret.txt") << "not part of the extraction\n";
    std::ofstream(extraction_ / "dokumenter" / "a.pdf") << "hello";
    secret_sha_ = *Sha256OfFile(outside_ / "secret.txt");
  }

  const CheckResult& Check(const std::vector<CheckResult>& results,
                           const std::string& id) {
    for (const CheckResult& r : results) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << "no " << id;
    return results.front();
  }

  testing::TempDir temp_;
  fs::path outside_ = temp_.path() / "outside";
  fs::path extraction_ = temp_.path() / "uttrekk";
  std::string secret_sha_;
};

TEST_F(ExtractionConfinementTest, FilesNamedOutsideTheExtractionAreNotRead) {
  fs::create_symlink(outside_ / "secret.txt", extraction_ / "link.txt");
  fs::create_directory_symlink(outside_, extraction_ / "linkdir");
  const std::vector<std::string> outside = {
      "../outside/secret.txt", (outside_ / "secret.txt").string(), "link.txt",
      "linkdir/secret.txt", "dokumenter\\..\\..\\outside\\secret.txt"};
  std::vector<std::pair<std::string, std::string>> listed = {
      {"dokumenter/a.pdf", *Sha256OfFile(extraction_ / "dokumenter/a.pdf")}};
  for (const std::string& name : outside) listed.push_back({name, secret_sha_});
  std::ofstream(extraction_ / "arkivuttrekk.xml") << Addml(listed);

  auto results = RunSelfChecks(extraction_, {});
  const CheckResult& present = Check(results, "N5.01");
  EXPECT_EQ(present.outcome, CheckOutcome::kFailed);
  for (const std::string& name : outside) {
    std::string quoted = "\"";  // as messages quote input: '\' escaped
    for (char c : name) {
      quoted += c == '\\' ? std::string("\\\\") : std::string(1, c);
    }
    EXPECT_NE(present.detail.find(quoted + "\" (listed in arkivuttrekk.xml) "
                                           "points outside the extraction"),
              std::string::npos)
        << name << ": " << present.detail;
  }
  // Only the file inside was hashed.
  EXPECT_EQ(Check(results, "N5.02").detail, "1 checksums match");
}

TEST_F(ExtractionConfinementTest, ARefusalDoesNotTellWhetherTheFileExists) {
  fs::create_symlink(outside_ / "secret.txt", extraction_ / "there.txt");
  fs::create_symlink(outside_ / "nothing.txt", extraction_ / "not-there.txt");
  std::ofstream(extraction_ / "arkivuttrekk.xml")
      << Addml({{"there.txt", secret_sha_}, {"not-there.txt", secret_sha_}});
  std::string detail = Check(RunSelfChecks(extraction_, {}), "N5.01").detail;
  for (const char* name : {"there.txt", "not-there.txt"}) {
    EXPECT_NE(detail.find("\"" + std::string(name) +
                          "\" (listed in arkivuttrekk.xml) points outside"),
              std::string::npos)
        << detail;
  }
}

TEST_F(ExtractionConfinementTest, LinksThatStayInsideAreFollowed) {
  fs::create_symlink(extraction_ / "dokumenter" / "a.pdf",
                     extraction_ / "alias.pdf");
  fs::create_directory_symlink("dokumenter", extraction_ / "docs");
  std::string sha = *Sha256OfFile(extraction_ / "dokumenter/a.pdf");
  std::ofstream(extraction_ / "arkivuttrekk.xml")
      << Addml({{"alias.pdf", sha}, {"docs/a.pdf", sha}});
  auto results = RunSelfChecks(extraction_, {});
  EXPECT_EQ(Check(results, "N5.02").detail, "2 checksums match");
  EXPECT_EQ(Check(results, "N5.01").detail.find("points outside"),
            std::string::npos)
      << Check(results, "N5.01").detail;
}

TEST_F(ExtractionConfinementTest, FileInExtractionResolvesOnlyInside) {
  fs::create_directory_symlink(outside_, extraction_ / "linkdir");
  fs::create_symlink("dokumenter/a.pdf", extraction_ / "alias.pdf");
  fs::path root = fs::canonical(extraction_);
  EXPECT_EQ(FileInExtraction(extraction_, "dokumenter/a.pdf"),
            root / "dokumenter" / "a.pdf");
  EXPECT_EQ(FileInExtraction(extraction_, "alias.pdf"),
            root / "dokumenter" / "a.pdf");
  // Missing inside: a path to report as missing.
  EXPECT_EQ(FileInExtraction(extraction_, "dokumenter/b.pdf"),
            root / "dokumenter" / "b.pdf");
  for (const char* refused :
       {"", "/etc/passwd", "../uttrekk/dokumenter/a.pdf", "a/../../x",
        "linkdir/secret.txt", "linkdir/nothing.txt", "..\\x"}) {
    EXPECT_EQ(FileInExtraction(extraction_, refused), std::nullopt) << refused;
  }
}

}  // namespace
}  // namespace depot::noark
