// JournalService's leak test: a generated postjournal of thousands of
// entries (applicants' names spelled every way, common words among them)
// read through every public output over gRPC; no screened name shows in
// any, and every released name does.
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "services/journal/domain/journal.h"
#include "services/journal/domain/masking/skeleton.h"
#include "services/journal/domain/masking/words.h"
#include "storage/journal/pg_journal_store.h"
#include "tests/integration/journal_leak_corpus.h"
#include "tests/integration/journal_service_fixture.h"
#include "tests/support/noark5_schema.h"

namespace depot {
namespace {

using testing::CaseTruth;
using testing::LeakCorpus;

// Every canonical name of `names` found as a run of words.
std::vector<std::string> NamesIn(const std::vector<std::string>& words,
                                 const std::set<std::string>& names) {
  std::vector<std::string> found;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t n = 0; n < 6 && i + n < words.size(); ++n) {
      if (n > 0) run += ' ';
      run += words[i + n];
      if (names.count(run)) found.push_back(run);
    }
  }
  return found;
}

std::vector<std::string> ScreenedNamesIn(const std::string& text,
                                         const std::set<std::string>& names) {
  return NamesIn(journal::FoldedWords(text), names);
}

// All string values of a JSON document (so escapes do not hide a name).
void StringsOf(const nlohmann::json& json, std::string* out) {
  if (json.is_string()) {
    *out += json.get<std::string>() + "\n";
  } else if (json.is_array() || json.is_object()) {
    for (const auto& item : json) StringsOf(item, out);
  }
}

// No part of a name screened in the case shows in the entry's free text,
// except where the masking rules leave it (docs/journal.md): a part of
// fewer than 3 letters, or a word of a released name of the case, standing
// alone.
void ExpectNoScreenedPartInFreeText(const v1::PublicJournalEntry& e,
                                    const CaseTruth& t) {
  std::set<std::string> public_words;
  for (const std::string& name : t.released) {
    for (const std::string& word : journal::FoldedWords(name)) {
      public_words.insert(journal::Skeleton(word));  // Ås is Aas
    }
  }
  std::vector<std::string> free_text = {e.public_title(),
                                        e.case_public_title()};
  for (const auto& d : e.documents()) free_text.push_back(d.description());
  auto letters = [](const std::string& w) {
    return std::count_if(w.begin(), w.end(),
                         [](char c) { return (c & 0xC0) != 0x80; });
  };
  for (const std::string& text : free_text) {
    for (const std::string& word : journal::FoldedWords(text)) {
      // The part the word is (or whose genitive it is).
      std::string part = word;
      if (!t.screened_parts.count(word) && word.size() > 1 &&
          word.back() == 's') {
        part = word.substr(0, word.size() - 1);
      }
      if (letters(part) < 3 || public_words.count(journal::Skeleton(part))) {
        continue;
      }
      ASSERT_FALSE(t.screened_parts.count(part))
          << "'" << word << "' of a screened name in '" << text << "' ("
          << e.journal_number() << ")";
    }
  }
}

// 1. The stream, entry by entry, and its JSON. Adds the released names it
// shows to released_seen.
void ExpectNoLeakInStream(const std::vector<v1::PublicJournalEntry>& stream,
                          const LeakCorpus& corpus,
                          std::set<std::string>* released_seen) {
  google::protobuf::util::JsonPrintOptions json_options;
  json_options.preserve_proto_field_names = true;
  for (const v1::PublicJournalEntry& e : stream) {
    const CaseTruth& t = corpus.truth.at(e.case_number());
    std::string json;
    ASSERT_TRUE(
        google::protobuf::util::MessageToJsonString(e, &json, json_options)
            .ok());
    std::string values;
    StringsOf(nlohmann::json::parse(json), &values);
    for (const std::string* text : {&json, &values}) {
      auto leaked = ScreenedNamesIn(*text, corpus.all_screened);
      ASSERT_TRUE(leaked.empty())
          << "screened name '" << leaked[0] << "' in " << e.journal_number();
    }
    ASSERT_TRUE(ScreenedNamesIn(e.DebugString(), corpus.all_screened).empty());
    ASSERT_NO_FATAL_FAILURE(ExpectNoScreenedPartInFreeText(e, t));
    for (const auto& c : e.correspondents()) {
      std::string canonical = journal::CanonicalName(c.name());
      if (c.applicant()) {
        EXPECT_EQ(c.screened(), c.name() == "******");
        if (!c.screened()) {
          EXPECT_TRUE(t.released.count(canonical)) << c.name();
          released_seen->insert(canonical);
        }
      }
    }
  }
}

// 3. An applicant list, as a message and as JSON.
void ExpectApplicantListHolds(const v1::ApplicantListResponse& list,
                              const std::string& number, const CaseTruth& t,
                              const std::set<std::string>& all_screened) {
  EXPECT_EQ(list.applicant_count(), t.applicants);
  EXPECT_EQ(list.screened_count(), static_cast<int>(t.screened.size()));
  std::set<std::string> shown;
  for (const auto& name : list.public_names()) {
    shown.insert(journal::CanonicalName(name));
  }
  EXPECT_EQ(shown, t.released);
  // Each string on its own: two names side by side in a list could
  // otherwise read as a third.
  std::string json;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(list, &json).ok());
  for (const auto& value : nlohmann::json::parse(json)) {
    nlohmann::json items =
        value.is_array() ? value : nlohmann::json::array({value});
    for (const auto& item : items) {
      std::string one;
      StringsOf(item, &one);
      auto found = ScreenedNamesIn(one, all_screened);
      EXPECT_TRUE(found.empty()) << "screened name '" << found[0]
                                 << "' in the applicant list of " << number;
    }
  }
}

TEST_F(JournalServiceTest, NoScreenedNameLeaksIntoAnyPublicOutput) {
  // Generation goes through the domain on the server's database (fast);
  // every output is then read over gRPC, as clients read it.
  storage::ConnectionPool pool(
      db_.dsn() + " options='-c synchronous_commit=off'", 4);
  storage::PgJournalStore store(pool, server_.keyring());
  journal::Journal journal(store, server_.keyring(), SystemClock());
  Caller archivist{"archivist", Role::kArchivist, ""};
  testing::LeakCorpus corpus =
      testing::JournalLeakCorpus(journal, archivist, 20260310);
  ASSERT_GE(corpus.entries, 2500);

  for (const auto& [number, name] : corpus.to_release) {
    v1::ReleaseNameRequest request;
    request.set_case_number(number);
    request.set_name(name);
    request.set_reason("did not ask to be screened");
    v1::ReleaseNameResponse response;
    grpc::ClientContext context;
    ASSERT_TRUE(
        Stub("archivist")->ReleaseName(&context, request, &response).ok());
  }

  auto stream = PublicJournal("desk");
  ASSERT_EQ(static_cast<int>(stream.size()), corpus.entries);
  std::set<std::string> released_seen;
  ASSERT_NO_FATAL_FAILURE(ExpectNoLeakInStream(stream, corpus, &released_seen));
  size_t released_total = 0;
  for (const auto& [number, t] : corpus.truth) {
    released_total += t.released.size();
  }
  EXPECT_GT(released_total, 0u);
  EXPECT_EQ(released_seen.size(), released_total) << "released names must show";

  // 2. offentligJournal.xml.
  std::string xml = Export("desk", false);
  std::vector<std::string> xml_words = journal::FoldedWords(xml);
  auto leaked = NamesIn(xml_words, corpus.all_screened);
  EXPECT_TRUE(leaked.empty()) << "screened name '" << leaked[0] << "' in XML";
  auto shown_in_xml = NamesIn(xml_words, released_seen);
  EXPECT_EQ(std::set<std::string>(shown_in_xml.begin(), shown_in_xml.end()),
            released_seen)
      << "released names must show in the XML";

  for (const auto& [number, t] : corpus.truth) {
    if (t.applicants == 0) continue;
    ASSERT_NO_FATAL_FAILURE(ExpectApplicantListHolds(Applicants(number), number,
                                                     t, corpus.all_screened));
  }

  SKIP_WITHOUT_NOARK5_SCHEMAS();
  EXPECT_EQ(testing::Noark5SchemaErrors("offentligJournal.xsd", xml), "");
}

}  // namespace
}  // namespace depot
