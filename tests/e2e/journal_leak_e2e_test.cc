// The generated leak test through the real server and the CLI: a sample of
// the domain test's cases (services/journal/domain/public_journal_leak_test.cc runs 10,000 and
// more) journaled into depotd over gRPC, then every public output read
// back with the depot CLI as the desk: `journal public` as a table, as
// JSON and as Noark 5 offentligJournal.xml, and `journal applicants` as
// JSON. The sample: every variant rule into every free-text field once
// (16 x 5 = 80 cases), names random (the seed is printed;
// DEPOT_LEAK_SEED=<seed> replays), applicant lists of a quarter of the
// cases (every released name among them). Each output is checked per case,
// since the masking of a case knows the names of that case only.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>

#include "depot/v1/journal.grpc.pb.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/leak/journal_leak_checker.h"
#include "tests/support/leak/journal_leak_generator.h"

namespace depot {
namespace {

using journal::testing::Field;
using journal::testing::GeneratedName;
using journal::testing::NameGenerator;
using journal::testing::VariantRule;

struct CaseTruth {
  std::vector<GeneratedName> screened;
  std::string description;
  bool released = false;
};

// Per case: the texts of one output and the words of the public names in
// them.
struct CaseTexts {
  std::vector<std::string> texts;
  std::set<std::string> public_words;
};

class JournalLeakE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(depotd_.WaitUntilServing()) << depotd_.process().Log();
    stub_ = v1::JournalService::NewStub(
        testing::ChannelAs(depotd_.port(), "archivist"));
  }

  std::string CreateCase(const std::string& title) {
    v1::CreateCaseRequest request;
    request.set_kind(v1::CASE_KIND_JOB_APPLICATION);
    request.set_title(title);
    v1::JournalCase response;
    grpc::ClientContext context;
    grpc::Status status = stub_->CreateCase(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.case_number();
  }

  void Record(const v1::RecordEntryRequest& request) {
    v1::JournalEntry response;
    grpc::ClientContext context;
    grpc::Status status = stub_->RecordEntry(&context, request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  static v1::RecordEntryRequest Applied(const std::string& number,
                                        const std::string& name) {
    v1::RecordEntryRequest request;
    request.set_case_number(number);
    request.set_entry_type(v1::ENTRY_TYPE_INCOMING);
    request.set_title("Søknad");
    v1::Correspondent* c = request.add_correspondents();
    c->set_name(name);
    c->set_kind(v1::CORRESPONDENT_KIND_SENDER);
    return request;
  }

  // One case: the name written by the rule into the field.
  void Journal(NameGenerator& names, VariantRule rule, Field field) {
    auto& random = names.random();
    GeneratedName applicant = names.Next();
    std::string text = journal::testing::TextWith(
        journal::testing::WriteName(applicant, rule, random), field, random);
    std::string number =
        CreateCase(field == Field::kCaseTitle ? text : "Stilling som arkivar");
    CaseTruth& truth = truth_[number];
    truth.screened.push_back(applicant);
    truth.description = std::string(journal::testing::VariantRuleName(rule)) +
                        " in " + journal::testing::FieldName(field) + ": \"" +
                        text + "\" for \"" + applicant.name + "\"";
    v1::RecordEntryRequest request = Applied(number, applicant.name);
    if (field == Field::kEntryTitle) request.set_title(text);
    if (field == Field::kEntryPublicTitle) request.set_public_title(text);
    if (field == Field::kCorrespondent) {
      v1::Correspondent* c = request.add_correspondents();
      c->set_name(text);
      c->set_kind(v1::CORRESPONDENT_KIND_COPY_RECIPIENT);
      c->set_role(v1::PARTY_ROLE_OTHER);
    }
    v1::Document* d = request.add_documents();
    d->set_description(field == Field::kDocumentDescription ? text
                                                            : "Søknad.pdf");
    d->set_content("application");
    d->set_role(v1::DOCUMENT_ROLE_APPLICATION);
    Record(request);
    if (random() % 3 == 0) {
      GeneratedName other = names.Next();
      truth.screened.push_back(other);
      Record(Applied(number, other.name));
    }
    if (random() % 4 == 0) {
      GeneratedName released = names.Next();
      Record(Applied(number, released.name));
      v1::ReleaseNameRequest release;
      release.set_case_number(number);
      release.set_name(released.name);
      release.set_reason("did not ask to be screened");
      v1::ReleaseNameResponse response;
      grpc::ClientContext context;
      ASSERT_TRUE(stub_->ReleaseName(&context, release, &response).ok());
      truth.released = true;
    }
  }

  testing::CommandResult Desk(const std::vector<std::string>& args) {
    return testing::RunCli(depotd_, "desk", args);
  }

  // Applicant lists: every case with a released name, and a quarter of the
  // rest.
  void ApplicantLists(std::map<std::string, CaseTexts>* lists);

  // Fails the test for each part of a screened name of the case in its
  // texts.
  void Check(const std::string& output,
             const std::map<std::string, CaseTexts>& by_case) {
    int checked = 0;
    for (const auto& [number, texts] : by_case) {
      auto truth = truth_.find(number);
      ASSERT_NE(truth, truth_.end()) << output << ": case " << number;
      for (const std::string& text : texts.texts) {
        ++checked;
        auto leaks = journal::testing::FindLeaks(text, truth->second.screened,
                                                 texts.public_words);
        EXPECT_TRUE(leaks.empty())
            << output << " (seed " << seed_ << "): \"" << leaks[0].part
            << "\" shows in \"" << text << "\"; " << truth->second.description;
      }
    }
    EXPECT_GT(checked, 0) << output;
  }

  testing::TestDatabase db_;
  testing::DepotdProcess depotd_{{db_.dsn(), "", "", {}, ""}};
  std::unique_ptr<v1::JournalService::Stub> stub_;
  std::map<std::string, CaseTruth> truth_;
  uint64_t seed_ = 0;
};

uint64_t SeedFromEnvironment() {
  const char* text = std::getenv("DEPOT_LEAK_SEED");
  if (text != nullptr && *text != '\0') return std::strtoull(text, nullptr, 10);
  return std::random_device{}();
}

// The words of a JSON value's strings, and its strings.
void StringsOf(const nlohmann::json& value, std::vector<std::string>* out) {
  if (value.is_string()) out->push_back(value.get<std::string>());
  if (value.is_array() || value.is_object()) {
    for (const auto& item : value) StringsOf(item, out);
  }
}

void JournalLeakE2eTest::ApplicantLists(
    std::map<std::string, CaseTexts>* lists) {
  int listed = 0;
  for (const auto& [number, truth] : truth_) {
    if (!truth.released && ++listed % 4 != 0) continue;
    auto list = Desk({"--json", "journal", "applicants", number});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    auto parsed = nlohmann::json::parse(list.out);
    CaseTexts& texts = (*lists)[number];
    StringsOf(parsed, &texts.texts);
    for (const auto& name :
         parsed.value("public_names", nlohmann::json::array())) {
      auto words = journal::testing::CheckerWords(name.get<std::string>());
      texts.public_words.insert(words.begin(), words.end());
    }
  }
}

// The public journal's JSON, per case: each entry's strings, and the words
// of the names it shows in clear.
std::map<std::string, CaseTexts> ByCaseOfJson(const std::string& out) {
  std::map<std::string, CaseTexts> by_case;
  for (const auto& entry : nlohmann::json::parse(out)) {
    CaseTexts& texts = by_case[entry.at("case_number").get<std::string>()];
    StringsOf(entry, &texts.texts);
    if (entry.contains("correspondents")) {
      for (const auto& c : entry.at("correspondents")) {
        if (!c.value("screened", false)) {
          auto words = journal::testing::CheckerWords(c.value("name", ""));
          texts.public_words.insert(words.begin(), words.end());
        }
      }
    }
  }
  return by_case;
}

// The table: a line per entry, its case in a column; the words shown in
// clear are those of the JSON.
std::map<std::string, CaseTexts> ByCaseOfTable(
    const std::string& out, const std::map<std::string, CaseTexts>& by_case) {
  std::map<std::string, CaseTexts> table_by_case;
  std::regex case_column(R"(\s(\d{4}/\d+)\s)");
  for (size_t start = 0; start < out.size();) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = out.substr(start, end - start);
    start = end + 1;
    std::smatch match;
    if (!std::regex_search(line, match, case_column)) continue;
    auto found = by_case.find(match[1].str());
    if (found == by_case.end()) continue;  // the header
    table_by_case[match[1].str()].texts.push_back(line);
    table_by_case[match[1].str()].public_words = found->second.public_words;
  }
  return table_by_case;
}

// offentligJournal.xml: per journalregistrering, its saksmappe's case.
void ByCaseOfXml(const std::string& out,
                 const std::map<std::string, CaseTexts>& by_case,
                 std::map<std::string, CaseTexts>* xml_by_case) {
  std::regex registrering(
      R"(<journalregistrering>([\s\S]*?)</journalregistrering>)");
  std::regex mappe(R"(<mappeID>(\d{4}/\d+)</mappeID>)");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), registrering);
       it != std::sregex_iterator(); ++it) {
    std::string element = (*it)[1].str();
    std::smatch id;
    ASSERT_TRUE(std::regex_search(element, id, mappe)) << element;
    std::string text = std::regex_replace(element, std::regex("<[^>]*>"), " ");
    (*xml_by_case)[id[1].str()].texts.push_back(text);
    (*xml_by_case)[id[1].str()].public_words =
        by_case.at(id[1].str()).public_words;
  }
}

TEST_F(JournalLeakE2eTest, NoScreenedNameShowsThroughServerAndCli) {
  seed_ = SeedFromEnvironment();
  std::cout << "journal leak e2e test: seed " << seed_
            << " (replay: DEPOT_LEAK_SEED=" << seed_ << ")" << std::endl;
  NameGenerator names(seed_);
  for (int rule = 0; rule < journal::testing::kVariantRules; ++rule) {
    for (int field = 0; field < journal::testing::kFields; ++field) {
      ASSERT_NO_FATAL_FAILURE(Journal(names, static_cast<VariantRule>(rule),
                                      static_cast<Field>(field)));
    }
  }
  const std::vector<std::string> range = {"--from", "2000-01-01", "--to",
                                          "2099-12-31"};
  auto args = [&](std::vector<std::string> head) {
    head.insert(head.end(), range.begin(), range.end());
    return head;
  };

  // JSON: per entry, its case.
  auto json = Desk(args({"--json", "journal", "public"}));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  std::map<std::string, CaseTexts> by_case = ByCaseOfJson(json.out);
  Check("journal public --json", by_case);

  // The table: a line per entry, its case in a column.
  auto table = Desk(args({"journal", "public"}));
  ASSERT_EQ(table.exit_code, 0) << table.err;
  std::map<std::string, CaseTexts> table_by_case =
      ByCaseOfTable(table.out, by_case);
  Check("journal public (table)", table_by_case);

  // offentligJournal.xml: per journalregistrering, its saksmappe's case.
  auto xml = Desk(args({"journal", "public", "--format", "noark5"}));
  ASSERT_EQ(xml.exit_code, 0) << xml.err;
  std::map<std::string, CaseTexts> xml_by_case;
  ASSERT_NO_FATAL_FAILURE(ByCaseOfXml(xml.out, by_case, &xml_by_case));
  Check("journal public --format noark5", xml_by_case);

  // Applicant lists: every case with a released name, and a quarter of the
  // rest.
  std::map<std::string, CaseTexts> lists;
  ASSERT_NO_FATAL_FAILURE(ApplicantLists(&lists));
  Check("journal applicants --json", lists);
}

}  // namespace
}  // namespace depot
