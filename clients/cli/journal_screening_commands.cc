#include "clients/cli/journal_screening_commands.h"

#include <google/protobuf/util/json_util.h>

#include <iostream>
#include <memory>

#include "clients/cli/output.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

// A preview streams for as long as the range takes; the global --timeout is
// for the answer to begin.
constexpr int kPreviewTimeoutSeconds = 3600;

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
  auto stub = v1::JournalService::NewStub(connection.channel());
  auto context = connection.NewContext();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(kPreviewTimeoutSeconds));
  auto reader = stub->PreviewPublicJournal(context.get(), request);
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  bool first = true;
  if (json) out << "[";
  v1::PreviewEntry preview;
  while (reader->Read(&preview)) {
    if (json) {
      std::string line;
      (void)google::protobuf::util::MessageToJsonString(preview, &line,
                                                        options);
      out << (first ? "\n" : ",\n") << line;
    } else {
      PrintEntryPreview(preview, out);
    }
    first = false;
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return ReportFailure(status);
  if (json) out << (first ? "]\n" : "\n]\n");
  if (!json && first) out << "no journal entries in the range\n";
  return 0;
}

void AddScreenWordsCommand(CLI::App* group, const ConnectionOptions& options,
                           Action* action) {
  auto args = std::make_shared<ScreenWordsArgs>();
  CLI::App* command = group->add_subcommand(
      "screen-words",
      "Screen further words of a journaled entry in every public text of its "
      "case (a nickname, a name in a title); audited");
  command
      ->add_option("ENTRY", args->journal_number,
                   "journal number, e.g. 2026/000045")
      ->required();
  command
      ->add_option("--word", args->words,
                   "a word to screen, as written in the entry (repeatable)")
      ->required();
  command
      ->add_option("--authority", args->authority,
                   "skjermingshjemmel, e.g. \"offentleglova § 13\"")
      ->required();
  command->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::ScreenWordsRequest request;
      request.set_journal_number(args->journal_number);
      for (const auto& word : args->words) {
        request.mutable_screening()->add_words(word);
      }
      request.mutable_screening()->set_authority(args->authority);
      v1::JournalEntry response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->ScreenWords(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "screened " << args->words.size() << " word(s) in case "
                  << response.case_number() << "; public title of "
                  << response.journal_number() << ": "
                  << response.public_title() << "\n";
      }
      return 0;
    };
  });
}

}  // namespace depot::cli
