#pragma once

// End to end: deposits and records through the depot CLI against depotd.
// The fixture of deposit_cli*_test.cc: a depotd with the own municipality
// registered, and transfer files of generated people.
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>

#include "depot/v1/deposit.grpc.pb.h"
#include "services/common/tls.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"

namespace depot {

inline constexpr char kHeader[] =
    "source_record_id,person_name,national_id,birth_date,opened_date,"
    "last_contact_date,death_year,box,shelf,documents\n";

inline int CurrentYear() {
  std::chrono::year_month_day today{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year());
}

// A valid Norwegian fødselsnummer born on the day, with the first individual
// number from `individual` on (000-499: born 1900-1999) whose two mod-11
// check digits exist.
inline std::string BirthNumber(int year, int month, int day, int individual) {
  static const int kFirst[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int kSecond[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  for (;; individual = (individual + 1) % 500) {
    char nine[16];
    std::snprintf(nine, sizeof nine, "%02d%02d%02d%03d", day, month, year % 100,
                  individual);
    std::string number = nine;
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (number[i] - '0') * kFirst[i];
    int k1 = (11 - sum % 11) % 11;
    if (k1 == 10) continue;
    number += static_cast<char>('0' + k1);
    sum = 0;
    for (int i = 0; i < 10; ++i) sum += (number[i] - '0') * kSecond[i];
    int k2 = (11 - sum % 11) % 11;
    if (k2 == 10) continue;
    return number + static_cast<char>('0' + k2);
  }
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void WriteFile(const std::filesystem::path& path,
                      const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

inline int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The people of the transfer file. Records 5, 10, 15, 20 and 25 were seen
// three years ago (too young for the 10-year rule); record 30 has an identity
// number with a wrong check digit.
struct People {
  std::string csv;
  std::vector<std::string> national_ids;  // [i - 1] for record i
};

inline People MakePeople(int count) {
  People people;
  people.csv = kHeader;
  for (int i = 1; i <= count; ++i) {
    int year = 1950 + i % 10, month = 1 + i % 12, day = 1 + i % 28;
    std::string id = BirthNumber(year, month, day, 100 + i);
    if (i == 30)
      id.back() = static_cast<char>('0' + (id.back() - '0' + 1) % 10);
    people.national_ids.push_back(id);
    std::string name = "Test Person " + std::to_string(i);
    if (i == 1) name = "\"Ødegård, Åse\"";
    if (i == 2) name = "\"Nils \"\"Junior\"\" Berg\"";
    std::string last = i % 5 == 0 && i <= 25
                           ? std::to_string(CurrentYear() - 3) + "-06-15"
                           : std::to_string(year + 16) + "-06-20";
    std::string documents;
    if (i == 3) {
      documents = "scan:side 1.pdf:1234:" + std::string(64, 'a') +
                  ";vitnemal.pdf:99:" + std::string(64, 'b');
    }
    char birth[16];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, month, day);
    people.csv += "SRC-" + std::to_string(i) + "," + name + "," + id + "," +
                  birth + "," + std::to_string(year + 7) + "-08-15," + last +
                  ",," + "Boks " + std::to_string(1 + i / 10) + ",Hylle A," +
                  documents + "\r\n";
  }
  return people;
}

inline std::string Capture(const std::string& text,
                           const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(pattern))) return "";
  return match[1];
}

class DepositCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    auto added = testing::RunCli(
        depotd_, "archivist",
        {"depositor", "add", "--org-number", testing::kOwnMunicipality,
         "--name", "Bergen kommune"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }

  // Creates a pupil-file deposit of the own municipality; its number.
  std::string CreateDeposit() {
    auto created = testing::RunCli(
        depotd_, "archivist",
        {"deposit", "create", "--org-number", testing::kOwnMunicipality,
         "--category", "pupil", "--description", "Elevmapper 1957-1975"});
    EXPECT_EQ(created.exit_code, 0) << created.err;
    std::string id = Capture(created.out, R"(created deposit (\d+))");
    EXPECT_FALSE(id.empty()) << created.out;
    return id;
  }

  std::string Show(const std::string& id) {
    auto shown = testing::RunCli(depotd_, "archivist",
                                 {"--json", "deposit", "show", id});
    EXPECT_EQ(shown.exit_code, 0) << shown.err;
    return shown.out;
  }

  // The parts of TransferReportResumeSearchAndException: a transfer with its
  // rejection report, resumed; searches by identity and a box as an item;
  // an archivist's exception; searches by name and deposit, and a closed
  // deposit refusing more.
  void TransferAndReport(const std::string& id,
                         const std::filesystem::path& file,
                         const People& people);
  void SearchByIdentity(const std::string& id, const People& people);
  void ExceptionLetsARecordIn(const std::string& id,
                              const std::filesystem::path& file,
                              const People& people);
  void SearchAndClose(const std::string& id, const std::filesystem::path& file);

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  testing::TempDir dir_;
};

}  // namespace depot
