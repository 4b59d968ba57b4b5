#include "clients/cli/journal_screening_commands.h"

#include <iostream>
#include <optional>

#include "clients/cli/journal_commands.h"
#include "clients/cli/output.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

using Stub = v1::JournalService::Stub;

// A preview streams for as long as the range takes; the global --timeout is
// for the answer to begin.
constexpr std::chrono::seconds kPreviewTime{3600};

const char* FlagText(v1::FlagReason reason) {
  switch (reason) {
    case v1::FLAG_REASON_EQUALS_PART:
      return "is";
    case v1::FLAG_REASON_CONTAINS_PART:
      return "contains";
    case v1::FLAG_REASON_BEGINS_PART:
      return "begins";
    default:
      return "is like";
  }
}

struct ScreenWordsArgs {
  std::string journal_number;
  std::vector<std::string> words;
  std::string authority;
};

void PrintEntryPreview(const v1::PreviewEntry& preview, std::ostream& out) {
  const v1::PublicJournalEntry& e = preview.entry();
  out << e.journal_number() << "  " << e.journal_date() << "  case "
      << e.case_number() << "\n";
  for (const v1::PreviewText& text : preview.texts()) {
    if (text.text().empty()) continue;
    out << "  " << text.field() << ": " << ShowMasks(text) << "\n";
    for (const v1::FlaggedWord& flag : text.flagged()) {
      out << "    check \"" << flag.word() << "\": it "
          << FlagText(flag.reason()) << " \"" << flag.part()
          << "\", part of a screened name or word\n";
    }
  }
}

}  // namespace

std::string ShowMasks(const v1::PreviewText& text) {
  std::string shown;
  size_t at = 0;
  const std::string& published = text.text();
  for (const v1::MaskedSpan& span : text.masked()) {
    size_t begin = static_cast<size_t>(span.begin());
    size_t end = static_cast<size_t>(span.end());
    if (begin < at || end > published.size() || end < begin) continue;
    shown += published.substr(at, begin - at);
    shown +=
        "[" + published.substr(begin, end - begin) + ": " + span.hidden() + "]";
    at = end;
  }
  return shown + published.substr(std::min(at, published.size()));
}

int PrintPublicPreview(const Connection& connection,
                       const v1::PublicJournalRequest& request, bool json,
                       std::ostream& out) {
  std::optional<JsonArrayWriter> array;
  if (json) array.emplace(out);
  bool any = false;
  grpc::Status status = ReadStream(connection, &Stub::PreviewPublicJournal,
                                   request, CallTime::AtMost(kPreviewTime),
                                   [&](const v1::PreviewEntry& preview) {
                                     if (array) {
                                       array->Add(preview);
                                     } else {
                                       PrintEntryPreview(preview, out);
                                     }
                                     any = true;
                                     return true;
                                   });
  if (!status.ok()) return ReportFailure(status);
  if (array) array->Close();
  if (!json && !any) out << "no journal entries in the range\n";
  return 0;
}

void AddScreenWordsCommand(CLI::App* journal, const Commands& commands) {
  Command<ScreenWordsArgs> command(
      journal, commands, "screen-words",
      "Screen further words of a journaled entry in every public text of its "
      "case (a nickname, a name in a title); audited");
  ScreenWordsArgs& args = command.args();
  command
      ->add_option("ENTRY", args.journal_number,
                   "journal number, e.g. 2026/000045")
      ->required();
  command
      ->add_option("--word", args.words,
                   "a word to screen, as written in the entry (repeatable)")
      ->required();
  command
      ->add_option("--authority", args.authority,
                   "skjermingshjemmel, e.g. \"offentleglova § 13\"")
      ->required();
  command.Calls(
      &Stub::ScreenWords,
      [](const ScreenWordsArgs& args, v1::ScreenWordsRequest& request) {
        request.set_journal_number(args.journal_number);
        for (const auto& word : args.words) {
          request.mutable_screening()->add_words(word);
        }
        request.mutable_screening()->set_authority(args.authority);
      },
      [](const v1::JournalEntry& entry, const ScreenWordsArgs& args) {
        std::cout << "screened " << args.words.size() << " word(s) in case "
                  << entry.case_number() << "; public title of "
                  << entry.journal_number() << ": " << entry.public_title()
                  << "\n";
      });
}

}  // namespace depot::cli
