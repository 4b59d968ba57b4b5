#include "tests/integration/journal_leak_corpus.h"

#include <algorithm>

#include "services/journal/domain/masking/words.h"

namespace depot::testing {
namespace {

// Generated people: names from pools that include common words ("Sol",
// "Berg", "Storm") and Norwegian letters, in three or more words, each
// full name unique and never a run of words of another.
class NameGenerator {
 public:
  explicit NameGenerator(unsigned seed) : random_(seed) {}

  std::string Next() {
    static const std::vector<std::string> kFirst = {
        "Kari", "Ola", "Øyvind",     "Åse",    "Bjørn", "Sol",
        "Mai",  "Liv", "Storm",      "Eli",    "Ask",   "Vår",
        "Siv",  "Per", "Anne-Marie", "Jørgen", "Håkon", "Mia",
        "Else", "Tor", "Dag",        "Rose",   "Ærle",  "Ørjan"};
    static const std::vector<std::string> kLast = {
        "Nordmann", "Hansen", "Ødegård", "Sæther", "Berg",    "Dal",
        "Lie",      "Strand", "Aas",     "Ås",     "Bø",      "Øye",
        "Haugen",   "Fjeld",  "Moen",    "Vik",    "Rønning", "Bakke",
        "Stein",    "Nilsen", "Sol",     "Løvås",  "Ærø"};
    while (true) {
      std::string name = Pick(kFirst) + " " + Pick(kLast) + " " + Pick(kLast);
      std::vector<std::string> words = journal::FoldedWords(name);
      bool clash = false;
      for (const auto& other : taken_) {
        if (Contains(words, other) || Contains(other, words)) {
          clash = true;
          break;
        }
      }
      if (clash) continue;
      taken_.push_back(words);
      return name;
    }
  }
  std::mt19937& random() { return random_; }

 private:
  const std::string& Pick(const std::vector<std::string>& from) {
    return from[random_() % from.size()];
  }
  static bool Contains(const std::vector<std::string>& haystack,
                       const std::vector<std::string>& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(),
                       needle.end()) != haystack.end();
  }
  std::mt19937 random_;
  std::vector<std::vector<std::string>> taken_;
};

// Upper, lower or as is: titles spell names in every way.
std::string Spelled(const std::string& name, int how) {
  if (how == 0) return name;
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = name[i + 1];
      bool upper = next >= 0x80 && next <= 0x9E;
      if (how == 1 && !upper && next >= 0xA0 && next <= 0xBE) next -= 0x20;
      if (how == 2 && upper) next += 0x20;
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
      continue;
    }
    out += static_cast<char>(how == 1 ? std::toupper(c) : std::tolower(c));
  }
  return out;
}

const std::vector<std::string> kCommon = {"Berg",   "Sol", "Storm", "Dal",
                                          "Strand", "Vik", "Ås",    "Bø"};

// One applicant of a job-application case: the application (its title
// naming them in one of five ways, a CV as document), sometimes a reply;
// one in five will have their name released.
void JournalApplicant(journal::Journal& journal, const Caller& archivist,
                      NameGenerator& names, const std::string& number,
                      LeakCorpus& corpus) {
  auto& random = names.random();
  CaseTruth& t = corpus.truth[number];
  std::string name = names.Next();
  std::string canonical = journal::CanonicalName(name);
  ++t.applicants;
  bool release = random() % 5 == 0;
  if (release) {
    t.released.insert(canonical);
    corpus.to_release.emplace_back(
        number, Spelled(name, static_cast<int>(random() % 3)));
  } else {
    t.screened.insert(canonical);
    corpus.all_screened.insert(canonical);
    for (const auto& part : journal::FoldedWords(name)) {
      t.screened_parts.insert(part);
    }
  }
  std::vector<std::string> words = journal::FoldedWords(name);
  std::string last = name.substr(name.rfind(' ') + 1);
  const std::string titles[] = {
      "Søknad på stilling - " + Spelled(name, static_cast<int>(random() % 3)),
      "Søknad fra " + Spelled(name, 1), Spelled(name, 2) + ": søknad og CV",
      last + "s søknad",
      "Attester for " + name + " (" + Spelled(last, 1) + ")"};
  journal::NewEntry e;
  e.case_number = number;
  e.type = journal::EntryType::kIncoming;
  e.title = titles[random() % 5];
  e.correspondents.push_back(
      {name, journal::CorrespondentKind::kSender, std::nullopt, {}});
  journal::NewDocument d;
  d.description = "CV " + name + ".pdf";
  d.content = "cv";
  d.role = journal::DocumentRole::kApplication;
  e.documents.push_back(d);
  journal.RecordEntry(archivist, e);
  ++corpus.entries;
  if (random() % 4 == 0) {
    journal::NewEntry reply;
    reply.case_number = number;
    reply.type = journal::EntryType::kOutgoing;
    reply.title = "Innkalling til intervju - " + Spelled(name, 2);
    reply.correspondents = {
        {name, journal::CorrespondentKind::kRecipient, std::nullopt, {}},
        {"Personalavdelingen",
         journal::CorrespondentKind::kSender,
         journal::PartyRole::kOther,
         {}}};
    journal.RecordEntry(archivist, reply);
    ++corpus.entries;
  }
}

// A job-application case of 60 applicants and a recommendation whose title
// names several of them.
void JournalJobCase(journal::Journal& journal, const Caller& archivist,
                    NameGenerator& names, int k, LeakCorpus& corpus) {
  journal::NewCase job;
  job.kind = journal::CaseKind::kJobApplication;
  job.title =
      "Stilling som lærer ved " + kCommon[k % kCommon.size()] + " skole";
  std::string number = journal.CreateCase(archivist, job).Number();
  corpus.truth[number];
  for (int a = 0; a < 60; ++a) {
    JournalApplicant(journal, archivist, names, number, corpus);
  }
  const CaseTruth& t = corpus.truth[number];
  journal::NewEntry recommendation;
  recommendation.case_number = number;
  recommendation.type = journal::EntryType::kInternalFollowUp;
  std::string listed;
  for (const auto& n : t.screened) {
    if (listed.size() > 200) break;
    listed += (listed.empty() ? "" : ", ") + n;
  }
  recommendation.title = "Innstilling: " + listed;
  recommendation.correspondents.push_back({"Rektor",
                                           journal::CorrespondentKind::kSender,
                                           journal::PartyRole::kOther,
                                           {}});
  journal.RecordEntry(archivist, recommendation);
  ++corpus.entries;
}

// An ordinary case: common words in titles, organisations as parties.
void JournalOrdinaryCase(journal::Journal& journal, const Caller& archivist,
                         std::mt19937& random, int k, LeakCorpus& corpus) {
  journal::NewCase c;
  c.kind = journal::CaseKind::kOrdinary;
  c.title = "Reguleringsplan " + kCommon[k % kCommon.size()];
  std::string number = journal.CreateCase(archivist, c).Number();
  corpus.truth[number];
  for (int i = 0; i < 60; ++i) {
    journal::NewEntry e;
    e.case_number = number;
    e.type = journal::EntryType::kIncoming;
    e.title = "Merknad om " + kCommon[random() % kCommon.size()] + " og vei";
    e.correspondents.push_back({"Vestland fylkeskommune",
                                journal::CorrespondentKind::kSender,
                                std::nullopt,
                                {}});
    journal.RecordEntry(archivist, e);
    ++corpus.entries;
  }
}

}  // namespace

LeakCorpus JournalLeakCorpus(journal::Journal& journal, const Caller& archivist,
                             unsigned seed) {
  NameGenerator names(seed);
  LeakCorpus corpus;
  for (int k = 0; k < 30; ++k) {
    JournalJobCase(journal, archivist, names, k, corpus);
  }
  for (int k = 0; k < 10; ++k) {
    JournalOrdinaryCase(journal, archivist, names.random(), k, corpus);
  }
  return corpus;
}

}  // namespace depot::testing
