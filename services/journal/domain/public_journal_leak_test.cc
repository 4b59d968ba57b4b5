// The generated leak test of the public journal, through the domain: at
// least 10,000 generated cases (DEPOT_LEAK_CASES, default 10000), each a
// job-application case whose screened applicant's name is written by one
// variant rule into one free-text field, journaled, then every public
// output read back (the PublicJournal entries, offentligJournal.xml, the
// applicant list): no part of a screened name (3 letters or more, and not
// also a word of a public name beside it) may show. The seed is printed;
// DEPOT_LEAK_SEED=<seed> replays a run. ops/fuzz runs it longer
// (DEPOT_LEAK_CASES, and DEPOT_LEAK_SECONDS to stop after that long). The
// end-to-end test (tests/e2e/journal_leak_e2e_test) sends a sample through
// depotd and the CLI.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>

#include "services/journal/domain/codes.h"
#include "services/journal/domain/journal.h"
#include "services/journal/domain/public_journal.h"
#include "tests/support/fakes/fake_journal_store.h"
#include "tests/support/leak/journal_leak_checker.h"
#include "tests/support/leak/journal_leak_generator.h"
#include "tests/support/fakes/journal_test_support.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::FakeClock;
using testing::Field;
using testing::GeneratedName;
using testing::Leak;
using testing::NameGenerator;
using testing::VariantRule;

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  return std::strtoull(text, nullptr, 10);
}

// One generated case and what the public sees of it.
struct CaseOutput {
  std::vector<std::string> texts;      // every public string
  std::set<std::string> public_words;  // words of public names shown
  std::vector<GeneratedName> screened;
  std::string description;  // for a failure message
};

class LeakCase {
 public:
  LeakCase(NameGenerator& names, VariantRule rule, Field field)
      : names_(names), rule_(rule), field_(field) {}

  CaseOutput Run() {
    auto& random = names_.random();
    FakeJournalStore store;
    FakeClock clock{testing::kFirstTestDay};
    Keyring keyring = keyring_;
    Journal journal(store, keyring, clock.clock());
    PublicJournal reports(store, keyring, clock.clock());
    CaseOutput out;
    GeneratedName applicant = names_.Next();
    out.screened.push_back(applicant);
    std::string written = testing::WriteName(applicant, rule_, random);
    std::string text = testing::TextWith(written, field_, random);
    out.description = std::string(testing::VariantRuleName(rule_)) + " in " +
                      testing::FieldName(field_) + ": \"" + text + "\" for \"" +
                      applicant.name + "\"";

    NewCase job;
    job.kind = CaseKind::kJobApplication;
    job.title = field_ == Field::kCaseTitle ? text : "Stilling som arkivar";
    std::string number = journal.CreateCase(Archivist(), job).Number();

    NewEntry e;
    e.case_number = number;
    e.type = EntryType::kIncoming;
    e.title = field_ == Field::kEntryTitle ? text : "Søknad på stilling";
    if (field_ == Field::kEntryPublicTitle) e.public_title = text;
    e.correspondents.push_back(
        {applicant.name, CorrespondentKind::kSender, std::nullopt, {}});
    if (field_ == Field::kCorrespondent) {
      e.correspondents.push_back(
          {text, CorrespondentKind::kCopyRecipient, PartyRole::kOther, {}});
    }
    NewDocument d;
    d.description = field_ == Field::kDocumentDescription ? text : "Søknad.pdf";
    d.content = "application";
    d.role = DocumentRole::kApplication;
    e.documents.push_back(d);
    journal.RecordEntry(Archivist(), e);

    // Now and then a second screened applicant and a released one.
    if (random() % 3 == 0) {
      GeneratedName other = names_.Next();
      out.screened.push_back(other);
      journal.RecordEntry(Archivist(), Applied(number, other.name));
    }
    if (random() % 3 == 0) {
      GeneratedName released = names_.Next();
      journal.RecordEntry(Archivist(), Applied(number, released.name));
      journal.ReleaseName(Archivist(), number, released.name,
                          "did not ask to be screened");
    }
    // Two applicants sharing a name with a released one are not a leak
    // case: a released name is public.
    Collect(reports, number, &out);
    return out;
  }

 private:
  static NewEntry Applied(const std::string& number, const std::string& name) {
    NewEntry e;
    e.case_number = number;
    e.type = EntryType::kIncoming;
    e.title = "Søknad";
    e.correspondents.push_back(
        {name, CorrespondentKind::kSender, std::nullopt, {}});
    return e;
  }

  void Collect(PublicJournal& reports, const std::string& number,
               CaseOutput* out) {
    reports.Stream(Desk(), "2000-01-01", "2099-12-31",
                   [&](const PublicEntry& p) {
                     out->texts.push_back(p.case_public_title);
                     out->texts.push_back(p.public_title);
                     out->texts.push_back(p.administrative_unit);
                     out->texts.push_back(p.case_officer);
                     for (const auto& c : p.correspondents) {
                       out->texts.push_back(c.name);
                       if (!c.screened) {
                         auto words = testing::CheckerWords(c.name);
                         out->public_words.insert(words.begin(), words.end());
                       }
                     }
                     for (const auto& d : p.documents) {
                       out->texts.push_back(d.description);
                     }
                   });
    std::string xml;
    reports.ExportOffentlig(Desk(), "2000-01-01", "2099-12-31",
                            [&](std::string_view chunk) { xml += chunk; });
    // The text of the XML: its element names are not the journal's to mask.
    std::string text;
    bool in_tag = false;
    for (char c : xml) {
      if (c == '<') in_tag = true;
      if (!in_tag) text += c;
      if (c == '>') {
        in_tag = false;
        text += ' ';
      }
    }
    out->texts.push_back(text);
    ApplicantList list = reports.Applicants(Desk(), number);
    out->texts.push_back(list.case_public_title);
    for (const std::string& name : list.public_names) {
      out->texts.push_back(name);
    }
  }

  NameGenerator& names_;
  VariantRule rule_;
  Field field_;
  Keyring keyring_ = Keyring::Random();
};

TEST(JournalLeak, NoScreenedNameShowsInAnyPublicOutput) {
  uint64_t seed = EnvNumber("DEPOT_LEAK_SEED", std::random_device{}());
  uint64_t cases = EnvNumber("DEPOT_LEAK_CASES", 10000);
  // ops/fuzz: as many cases as fit in this many seconds.
  uint64_t seconds = EnvNumber("DEPOT_LEAK_SECONDS", 0);
  auto started = std::chrono::steady_clock::now();
  std::cout << "journal leak test: seed " << seed << ", " << cases
            << " cases (replay: DEPOT_LEAK_SEED=" << seed << ")" << std::endl;
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  NameGenerator names(seed);
  std::vector<int> per_rule(testing::kVariantRules, 0);
  int leaked_cases = 0;
  for (uint64_t i = 0; i < cases; ++i) {
    // Every rule into every field, in turn; the names are random.
    auto rule = static_cast<VariantRule>(i % testing::kVariantRules);
    auto field =
        static_cast<Field>((i / testing::kVariantRules) % testing::kFields);
    CaseOutput out = LeakCase(names, rule, field).Run();
    ++per_rule[static_cast<int>(rule)];
    for (const std::string& text : out.texts) {
      std::vector<Leak> leaks =
          testing::FindLeaks(text, out.screened, out.public_words);
      if (leaks.empty()) continue;
      ++leaked_cases;
      ADD_FAILURE() << "case " << i << " (seed " << seed << "): \""
                    << leaks[0].part << "\" shows in \"" << text.substr(0, 300)
                    << "\"; " << out.description;
      break;
    }
    if (leaked_cases >= 20) break;  // enough to see what leaks
    if (seconds > 0 && i >= testing::kVariantRules &&
        std::chrono::steady_clock::now() - started >=
            std::chrono::seconds(seconds)) {
      std::cout << "journal leak test: " << i + 1 << " cases in " << seconds
                << " s" << std::endl;
      break;
    }
  }
  EXPECT_EQ(leaked_cases, 0) << "seed " << seed;
  for (int count : per_rule) EXPECT_GT(count, 0);
}

}  // namespace
}  // namespace depot::journal
