#include "clients/cli/journal_commands.h"

#include <google/protobuf/util/json_util.h>

#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "clients/cli/exit_codes.h"
#include "clients/cli/journal_screening_commands.h"
#include "clients/cli/output.h"
#include "clients/cli/private_file.h"
#include "depot/v1/journal.grpc.pb.h"

namespace depot::cli {
namespace {

// Reports stream for as long as they take; the global --timeout is for
// the answer to begin, not to end.
constexpr int kExportTimeoutSeconds = 3600;

const char* KindName(v1::CaseKind kind) {
  switch (kind) {
    case v1::CASE_KIND_ORDINARY:
      return "ordinary";
    case v1::CASE_KIND_JOB_APPLICATION:
      return "job-application";
    case v1::CASE_KIND_PERSONNEL:
      return "personnel";
    default:
      return "-";
  }
}

const char* TypeLetter(v1::EntryType type) {
  switch (type) {
    case v1::ENTRY_TYPE_INCOMING:
      return "I";
    case v1::ENTRY_TYPE_OUTGOING:
      return "U";
    case v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP:
      return "N";
    case v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP:
      return "X";
    case v1::ENTRY_TYPE_CASE_PRESENTATION:
      return "S";
    default:
      return "-";
  }
}

const char* StatusLetter(v1::EntryStatus status) {
  switch (status) {
    case v1::ENTRY_STATUS_JOURNALFOERT:
      return "J";
    case v1::ENTRY_STATUS_EKSPEDERT:
      return "E";
    case v1::ENTRY_STATUS_ARKIVERT:
      return "A";
    case v1::ENTRY_STATUS_UTGAAR:
      return "U";
    default:
      return "-";
  }
}

const char* CorrespondentKindName(v1::CorrespondentKind kind) {
  switch (kind) {
    case v1::CORRESPONDENT_KIND_SENDER:
      return "sender";
    case v1::CORRESPONDENT_KIND_RECIPIENT:
      return "recipient";
    case v1::CORRESPONDENT_KIND_COPY_RECIPIENT:
      return "copy";
    default:
      return "-";
  }
}

v1::EntryType ParseType(const std::string& letter) {
  if (letter == "I") return v1::ENTRY_TYPE_INCOMING;
  if (letter == "U") return v1::ENTRY_TYPE_OUTGOING;
  if (letter == "N") return v1::ENTRY_TYPE_INTERNAL_FOLLOW_UP;
  if (letter == "X") return v1::ENTRY_TYPE_INTERNAL_NO_FOLLOW_UP;
  if (letter == "S") return v1::ENTRY_TYPE_CASE_PRESENTATION;
  return v1::ENTRY_TYPE_UNSPECIFIED;
}

v1::EntryStatus ParseStatus(const std::string& letter) {
  if (letter == "E") return v1::ENTRY_STATUS_EKSPEDERT;
  if (letter == "A") return v1::ENTRY_STATUS_ARKIVERT;
  if (letter == "U") return v1::ENTRY_STATUS_UTGAAR;
  return v1::ENTRY_STATUS_JOURNALFOERT;
}

std::string Join(const google::protobuf::RepeatedPtrField<std::string>& items,
                 const char* separator) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += separator;
    joined += item;
  }
  return joined;
}

std::string ScreeningText(const v1::Screening& s) {
  if (s.access_restriction().empty()) return "-";
  std::string text = s.access_restriction() + ", " + s.authority();
  if (s.metadata_size() > 0) text += " [" + Join(s.metadata(), ",") + "]";
  if (!s.ends().empty()) text += " until " + s.ends();
  return text;
}

// The screening options shared by `case create` and `add`.
struct ScreeningArgs {
  std::string restriction;
  std::string authority;
  std::vector<std::string> metadata;
  std::string until;

  void AddTo(CLI::App* command) {
    command->add_option("--restriction", restriction,
                        "screen it: tilgangsrestriksjon UO (Unntatt "
                        "offentlighet), P (Personalsaker) or KL (Klientsaker)");
    command->add_option("--authority", authority,
                        "skjermingshjemmel, e.g. \"offentleglova § 13\"");
    command
        ->add_option("--screen", metadata,
                     "skjermingMetadata codes (NA, NM, NPS, TR1, TRO, TD, "
                     "M, ...), comma-separated or repeated")
        ->delimiter(',');
    command->add_option("--screen-until", until,
                        "skjermingOpphoererDato YYYY-MM-DD");
  }
  void Fill(v1::Screening* out) const {
    out->set_access_restriction(restriction);
    out->set_authority(authority);
    for (const auto& code : metadata) out->add_metadata(code);
    out->set_ends(until);
  }
};

void PrintCase(const v1::JournalCase& c) {
  Table table({"FIELD", "VALUE"});
  table.AddRow({"case", c.case_number()});
  table.AddRow({"kind", KindName(c.kind())});
  table.AddRow({"title", c.title()});
  table.AddRow(
      {"public title", c.public_title().empty() ? "-" : c.public_title()});
  table.AddRow(
      {"status", c.status() == v1::CASE_STATUS_CLOSED ? "closed" : "open"});
  table.AddRow({"screening", ScreeningText(c.screening())});
  table.AddRow({"entries", std::to_string(c.entry_count())});
  table.AddRow({"created", c.created_at() + " by " + c.created_by()});
  if (!c.closed_at().empty()) {
    table.AddRow({"closed", c.closed_at() + " by " + c.closed_by()});
  }
  table.Print(std::cout);
}

void PrintEntry(const v1::JournalEntry& e) {
  Table table({"FIELD", "VALUE"});
  table.AddRow({"journal number", e.journal_number()});
  table.AddRow({"registry id", e.registry_id()});
  table.AddRow({"case", e.case_number()});
  table.AddRow({"type", TypeLetter(e.entry_type())});
  table.AddRow({"status", StatusLetter(e.status())});
  table.AddRow({"title", e.title()});
  table.AddRow({"public title", e.public_title()});
  table.AddRow({"journal date", e.journal_date()});
  table.AddRow(
      {"document date", e.document_date().empty() ? "-" : e.document_date()});
  table.AddRow({"screening", ScreeningText(e.screening())});
  for (const auto& marked : e.screened_words()) {
    table.AddRow({"screened words", Join(marked.words(), ", ") + " (" +
                                        marked.authority() + "; " +
                                        marked.screened_at() + " by " +
                                        marked.screened_by() + ")"});
  }
  table.AddRow({"recorded", e.recorded_at() + " by " + e.recorded_by()});
  table.Print(std::cout);
  std::cout << "\n";
  Table parties({"CORRESPONDENT", "KIND", "ROLE", "PUBLIC"});
  for (const auto& c : e.correspondents()) {
    parties.AddRow(
        {c.name(), CorrespondentKindName(c.kind()),
         c.role() == v1::PARTY_ROLE_APPLICANT ? "applicant" : "other",
         c.name_screened()
             ? "screened: " + ScreeningText(c.effective_screening())
             : "shown"});
  }
  parties.Print(std::cout);
  if (e.documents_size() > 0) {
    std::cout << "\n";
    Table documents({"DOCUMENT", "ROLE", "SIZE", "SHA-256", "STATE"});
    for (const auto& d : e.documents()) {
      documents.AddRow(
          {d.description(),
           d.role() == v1::DOCUMENT_ROLE_APPLICATION ? "application" : "other",
           std::to_string(d.size_bytes()), d.sha256().substr(0, 16) + "...",
           d.disposed()
               ? "disposed " + d.disposed_at() + " by " + d.disposed_by()
               : (d.content_ref().empty() ? "kept"
                                          : "ref " + d.content_ref())});
    }
    documents.Print(std::cout);
  }
}

// Output of a report: stdout or --output FILE. A report that did not come
// through whole leaves no file behind.
class ReportOutput {
 public:
  explicit ReportOutput(const std::string& path) : path_(path) {
    if (!path.empty()) {
      file_.open(path);
      if (!file_) {
        throw std::runtime_error("cannot write " + path + ": " + file_.error());
      }
    }
  }
  std::ostream& out() { return file_.is_open() ? file_ : std::cout; }
  // The exit code once the call has ended with status.
  int Finish(const grpc::Status& status) {
    if (!status.ok()) {
      file_.Discard();
      return ReportFailure(status);
    }
    if (!file_.is_open()) {
      std::cout.flush();
      return 0;
    }
    file_.close();
    if (file_) return 0;
    std::string why = file_.error();
    file_.Discard();
    std::cerr << "depot: cannot write " << path_ << ": " << why << std::endl;
    return kExitOther;
  }

 private:
  std::string path_;
  PrivateFile file_;
};

std::unique_ptr<grpc::ClientContext> ReportContext(
    const Connection& connection) {
  auto context = connection.NewContext();
  context->set_deadline(std::chrono::system_clock::now() +
                        std::chrono::seconds(kExportTimeoutSeconds));
  return context;
}

template <typename Request>
int StreamXml(const Connection& connection, const Request& request,
              bool internal, const std::string& path) {
  auto stub = v1::JournalService::NewStub(connection.channel());
  auto context = ReportContext(connection);
  auto reader = internal ? stub->ExportLoependeJournal(context.get(), request)
                         : stub->ExportOffentligJournal(context.get(), request);
  ReportOutput output(path);
  v1::XmlChunk chunk;
  while (reader->Read(&chunk)) output.out() << chunk.data();
  return output.Finish(reader->Finish());
}

struct CaseCreateArgs {
  std::string kind = "ordinary";
  std::string title;
  std::string public_title;
  std::string unit;
  std::string officer;
  ScreeningArgs screening;
};

struct AddArgs {
  std::string case_number;
  std::string type;
  std::string status = "J";
  std::string title;
  std::string public_title;
  std::string document_date;
  std::string journal_date;
  std::vector<std::string> senders;
  std::vector<std::string> recipients;
  std::vector<std::string> copies;
  std::vector<std::string> internal_senders;
  std::vector<std::string> internal_recipients;
  std::vector<std::string> documents;
  std::vector<std::string> applications;
  // NAME=VALUE: the identity of the correspondent of that name (issue 7).
  std::vector<std::string> birth_dates;
  std::vector<std::string> national_ids;
  ScreeningArgs screening;
  std::vector<std::string> screened_words;
  std::string word_authority;
};

// "NAME=VALUE" split at the last '=' (names do not hold one; values never).
std::pair<std::string, std::string> SplitAssignment(const std::string& text) {
  size_t at = text.rfind('=');
  return {text.substr(0, at), text.substr(at + 1)};
}

// Puts each NAME=VALUE of `given` on the correspondents named NAME; a name
// that is not among them is an error (a typo would silently drop the
// identity otherwise).
grpc::Status ApplyIdentity(
    const std::vector<std::string>& given, const char* option,
    v1::RecordEntryRequest* request,
    const std::function<void(v1::Correspondent&, const std::string&)>& set) {
  for (const std::string& text : given) {
    auto [name, value] = SplitAssignment(text);
    bool found = false;
    for (v1::Correspondent& c : *request->mutable_correspondents()) {
      if (c.name() == name) {
        set(c, value);
        found = true;
      }
    }
    if (!found) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                          std::string(option) +
                              ": NAME must be given exactly as in --sender, "
                              "--recipient, --copy or --internal-*");
    }
  }
  return grpc::Status::OK;
}

struct ReleaseArgs {
  std::string case_number;
  std::string name;
  std::string reason;
};

struct RangeArgs {
  std::string from;
  std::string to;
  std::string format = "table";
  std::string output;
  bool preview = false;
};

struct DisposeArgs {
  bool dry_run = false;
  std::string decision;
};

struct SettingsArgs {
  std::string creator_id;
  std::string creator_name;
  int retention_months = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void AddCaseCommands(CLI::App* group, const ConnectionOptions& options,
                     Action* action) {
  CLI::App* cases =
      group->add_subcommand("case", "Cases (saksmapper): create, show, close");
  cases->require_subcommand(1);

  auto create_args = std::make_shared<CaseCreateArgs>();
  CLI::App* create = cases->add_subcommand(
      "create", "Open a case; prints its number (year/sequence)");
  create
      ->add_option("--kind", create_args->kind,
                   "ordinary, job-application (applicants screened, "
                   "application documents disposed of) or personnel")
      ->check(CLI::IsMember({"ordinary", "job-application", "personnel"}))
      ->capture_default_str();
  create->add_option("--title", create_args->title, "the case's title")
      ->required();
  create->add_option("--public-title", create_args->public_title,
                     "title for the public journal (default: the title, "
                     "with screened names replaced)");
  create->add_option("--unit", create_args->unit, "administrativEnhet");
  create->add_option("--officer", create_args->officer,
                     "saksansvarlig (case officer)");
  create_args->screening.AddTo(create);
  create->callback([create_args, &options, action] {
    *action = [create_args, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::CreateCaseRequest request;
      request.set_kind(
          create_args->kind == "job-application" ? v1::CASE_KIND_JOB_APPLICATION
          : create_args->kind == "personnel"     ? v1::CASE_KIND_PERSONNEL
                                                 : v1::CASE_KIND_ORDINARY);
      request.set_title(create_args->title);
      request.set_public_title(create_args->public_title);
      request.set_administrative_unit(create_args->unit);
      request.set_case_officer(create_args->officer);
      create_args->screening.Fill(request.mutable_screening());
      v1::JournalCase response;
      auto context = connection.NewContext();
      grpc::Status status = stub->CreateCase(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "created case " << response.case_number() << " ("
                  << KindName(response.kind()) << ")\n";
      }
      return 0;
    };
  });

  for (const char* verb : {"show", "close"}) {
    bool close = std::string(verb) == "close";
    auto number = std::make_shared<std::string>();
    CLI::App* command = cases->add_subcommand(
        verb, close ? "Close a case (Avsluttet); the disposal period of its "
                      "application documents starts"
                    : "Show a case as recorded, unscreened (archivists only)");
    command->add_option("CASE", *number, "case number, e.g. 2026/12")
        ->required();
    command->callback([number, close, &options, action] {
      *action = [number, close, &options](const Connection& connection) {
        auto stub = v1::JournalService::NewStub(connection.channel());
        v1::JournalCase response;
        auto context = connection.NewContext();
        grpc::Status status;
        if (close) {
          v1::CloseCaseRequest request;
          request.set_case_number(*number);
          status = stub->CloseCase(context.get(), request, &response);
        } else {
          v1::GetCaseRequest request;
          request.set_case_number(*number);
          status = stub->GetCase(context.get(), request, &response);
        }
        if (!status.ok()) return ReportFailure(status);
        if (options.json) {
          std::cout << ToJson(response);
        } else if (close) {
          std::cout << "closed case " << response.case_number() << "\n";
        } else {
          PrintCase(response);
        }
        return 0;
      };
    });
  }
}

void AddEntryCommand(CLI::App* group, const ConnectionOptions& options,
                     Action* action) {
  auto args = std::make_shared<AddArgs>();
  CLI::App* add = group->add_subcommand(
      "add", "Journal an entry in a case; prints its journal number");
  add->footer(
      "In a job-application case, --sender/--recipient/--copy are applicants "
      "(screened under offentleglova § 25); the employer's own people go in "
      "--internal-sender/--internal-recipient.");
  add->add_option("CASE", args->case_number, "case number, e.g. 2026/12")
      ->required();
  add->add_option("--type", args->type,
                  "journalposttype: I incoming, U outgoing, N/X internal, S "
                  "case presentation")
      ->check(CLI::IsMember({"I", "U", "N", "X", "S"}))
      ->required();
  add->add_option("--title", args->title, "the entry's title")->required();
  add->add_option("--public-title", args->public_title,
                  "title for the public journal (required with --screen TRO)");
  add->add_option("--status", args->status,
                  "journalstatus: J journalført, E ekspedert, A arkivert, U "
                  "utgår")
      ->check(CLI::IsMember({"J", "E", "A", "U"}))
      ->capture_default_str();
  add->add_option("--document-date", args->document_date,
                  "dokumentetsDato YYYY-MM-DD");
  add->add_option("--journal-date", args->journal_date,
                  "journaldato YYYY-MM-DD (default today)");
  add->add_option("--sender", args->senders, "sender (repeatable)");
  add->add_option("--recipient", args->recipients, "recipient (repeatable)");
  add->add_option("--copy", args->copies, "copy recipient (repeatable)");
  add->add_option("--internal-sender", args->internal_senders,
                  "sender who is not an applicant (repeatable)");
  add->add_option("--internal-recipient", args->internal_recipients,
                  "recipient who is not an applicant (repeatable)");
  add->add_option("--document", args->documents,
                  "a document FILE kept with the entry (repeatable)");
  add->add_option("--application", args->applications,
                  "an application document FILE (application, CV, "
                  "certificates): disposed of after the retention period "
                  "(repeatable)");
  auto assignment = CLI::Validator(
      [](std::string& text) {
        size_t at = text.rfind('=');
        return at == std::string::npos || at == 0 || at + 1 == text.size()
                   ? std::string("expected NAME=VALUE")
                   : std::string();
      },
      "NAME=VALUE");
  add->add_option("--birth-date", args->birth_dates,
                  "NAME=YYYY-MM-DD: the birth date of the correspondent NAME, "
                  "so that the person's access request finds the entry "
                  "(stored encrypted, never public; repeatable)")
      ->check(assignment);
  add->add_option("--national-id", args->national_ids,
                  "NAME=NUMBER: the national identity number of the "
                  "correspondent NAME (stored encrypted, never public or "
                  "shown again; repeatable)")
      ->check(assignment);
  args->screening.AddTo(add);
  add->add_option("--screen-word", args->screened_words,
                  "a word of the title, descriptions or correspondents to "
                  "screen in every public text of the case (repeatable; "
                  "needs --word-authority)");
  add->add_option("--word-authority", args->word_authority,
                  "skjermingshjemmel of --screen-word, e.g. \"offentleglova "
                  "§ 13\"");
  add->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::RecordEntryRequest request;
      request.set_case_number(args->case_number);
      request.set_entry_type(ParseType(args->type));
      request.set_status(ParseStatus(args->status));
      request.set_title(args->title);
      request.set_public_title(args->public_title);
      request.set_document_date(args->document_date);
      request.set_journal_date(args->journal_date);
      args->screening.Fill(request.mutable_screening());
      for (const auto& word : args->screened_words) {
        request.mutable_screened_words()->add_words(word);
      }
      request.mutable_screened_words()->set_authority(args->word_authority);
      auto add_parties = [&](const std::vector<std::string>& names,
                             v1::CorrespondentKind kind, v1::PartyRole role) {
        for (const auto& name : names) {
          v1::Correspondent* c = request.add_correspondents();
          c->set_name(name);
          c->set_kind(kind);
          c->set_role(role);
        }
      };
      add_parties(args->senders, v1::CORRESPONDENT_KIND_SENDER,
                  v1::PARTY_ROLE_UNSPECIFIED);
      add_parties(args->recipients, v1::CORRESPONDENT_KIND_RECIPIENT,
                  v1::PARTY_ROLE_UNSPECIFIED);
      add_parties(args->copies, v1::CORRESPONDENT_KIND_COPY_RECIPIENT,
                  v1::PARTY_ROLE_UNSPECIFIED);
      add_parties(args->internal_senders, v1::CORRESPONDENT_KIND_SENDER,
                  v1::PARTY_ROLE_OTHER);
      add_parties(args->internal_recipients, v1::CORRESPONDENT_KIND_RECIPIENT,
                  v1::PARTY_ROLE_OTHER);
      grpc::Status identity =
          ApplyIdentity(args->birth_dates, "--birth-date", &request,
                        [](v1::Correspondent& c, const std::string& v) {
                          c.set_birth_date(v);
                        });
      if (identity.ok()) {
        identity =
            ApplyIdentity(args->national_ids, "--national-id", &request,
                          [](v1::Correspondent& c, const std::string& v) {
                            c.set_national_id(v);
                          });
      }
      if (!identity.ok()) return ReportFailure(identity);
      auto add_documents = [&](const std::vector<std::string>& paths,
                               v1::DocumentRole role) {
        for (const auto& path : paths) {
          v1::Document* d = request.add_documents();
          d->set_description(BaseName(path));
          d->set_content(ReadFile(path));
          d->set_role(role);
        }
      };
      add_documents(args->documents, v1::DOCUMENT_ROLE_OTHER);
      add_documents(args->applications, v1::DOCUMENT_ROLE_APPLICATION);
      v1::JournalEntry response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->RecordEntry(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "journaled " << response.journal_number() << " ("
                  << response.registry_id() << ")\n";
      }
      return 0;
    };
  });
}

void AddShowCommand(CLI::App* group, const ConnectionOptions& options,
                    Action* action) {
  auto number = std::make_shared<std::string>();
  CLI::App* show = group->add_subcommand(
      "show",
      "Show a journal entry as recorded, unscreened (archivists only; the "
      "read is audited)");
  show->add_option("ENTRY", *number, "journal number, e.g. 2026/000045")
      ->required();
  show->callback([number, &options, action] {
    *action = [number, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::GetEntryRequest request;
      request.set_journal_number(*number);
      v1::JournalEntry response;
      auto context = connection.NewContext();
      grpc::Status status = stub->GetEntry(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        PrintEntry(response);
      }
      return 0;
    };
  });
}

void AddReleaseCommand(CLI::App* group, const ConnectionOptions& options,
                       Action* action) {
  auto args = std::make_shared<ReleaseArgs>();
  CLI::App* release = group->add_subcommand(
      "release-name",
      "Make an applicant's name public in a job-application case (the "
      "applicant did not ask to be screened); audited");
  release->add_option("CASE", args->case_number, "case number")->required();
  release->add_option("--name", args->name, "the applicant's name as journaled")
      ->required();
  release->add_option("--reason", args->reason, "why the name may be public")
      ->required();
  release->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::ReleaseNameRequest request;
      request.set_case_number(args->case_number);
      request.set_name(args->name);
      request.set_reason(args->reason);
      v1::ReleaseNameResponse response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->ReleaseName(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << "released the name in case " << response.case_number()
                  << " (" << response.correspondents_released()
                  << " correspondent(s)";
        if (response.still_screened() > 0) {
          std::cout << ", " << response.still_screened()
                    << " still screened on other grounds";
        }
        std::cout << ")\n";
      }
      return 0;
    };
  });
}

void AddReportCommands(CLI::App* group, const ConnectionOptions& options,
                       Action* action) {
  auto args = std::make_shared<RangeArgs>();
  CLI::App* public_journal = group->add_subcommand(
      "public",
      "The public journal for journal dates --from..--to, screened: a table, "
      "JSON, or Noark 5 offentligJournal.xml");
  public_journal->add_option("--from", args->from, "first day YYYY-MM-DD")
      ->required();
  public_journal->add_option("--to", args->to, "last day YYYY-MM-DD")
      ->required();
  public_journal
      ->add_option("--format", args->format,
                   "table, json or noark5 (offentligJournal.xml)")
      ->check(CLI::IsMember({"table", "json", "noark5"}))
      ->capture_default_str();
  public_journal->add_option("--output", args->output,
                             "write to FILE instead of standard output");
  public_journal->add_flag(
      "--preview", args->preview,
      "the archivist's look before publishing (never public): each public "
      "text with what is masked, [******: what it hides], and the words "
      "left that look like part of a screened name (table or --json)");
  public_journal->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      std::string format = options.json ? "json" : args->format;
      if (args->preview) {
        if (format == "noark5") {
          return ReportFailure(
              grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                           "--preview shows a table or JSON, not Noark 5"));
        }
        v1::PublicJournalRequest request;
        request.set_from_date(args->from);
        request.set_to_date(args->to);
        ReportOutput output(args->output);
        return PrintPublicPreview(connection, request, format == "json",
                                  output.out());
      }
      if (format == "noark5") {
        v1::ExportJournalRequest request;
        request.set_from_date(args->from);
        request.set_to_date(args->to);
        return StreamXml(connection, request, false, args->output);
      }
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::PublicJournalRequest request;
      request.set_from_date(args->from);
      request.set_to_date(args->to);
      auto context = ReportContext(connection);
      auto reader = stub->PublicJournal(context.get(), request);
      ReportOutput output(args->output);
      std::ostream& out = output.out();
      v1::PublicJournalEntry entry;
      Table table(
          {"JOURNAL NO", "DATE", "TYPE", "CASE", "TITLE", "CORRESPONDENTS"});
      google::protobuf::util::JsonPrintOptions json;
      json.preserve_proto_field_names = true;
      // JSON goes out entry by entry: memory does not grow with the range.
      bool first = true;
      if (format == "json") out << "[";
      while (reader->Read(&entry)) {
        if (format == "json") {
          std::string line;
          (void)google::protobuf::util::MessageToJsonString(entry, &line, json);
          out << (first ? "\n" : ",\n") << line;
          first = false;
          continue;
        }
        std::string parties;
        for (const auto& c : entry.correspondents()) {
          if (!parties.empty()) parties += "; ";
          parties += c.name();
        }
        table.AddRow({entry.journal_number(), entry.journal_date(),
                      TypeLetter(entry.entry_type()), entry.case_number(),
                      entry.public_title(), parties});
      }
      grpc::Status status = reader->Finish();
      if (status.ok() && format == "json") {
        out << (first ? "]\n" : "\n]\n");
      } else if (status.ok()) {
        table.Print(out);
      }
      return output.Finish(status);
    };
  });

  auto internal_args = std::make_shared<RangeArgs>();
  CLI::App* internal = group->add_subcommand(
      "internal",
      "The internal, unscreened Noark 5 loependeJournal.xml (archivists "
      "only; audited)");
  internal->add_option("--from", internal_args->from, "first day YYYY-MM-DD")
      ->required();
  internal->add_option("--to", internal_args->to, "last day YYYY-MM-DD")
      ->required();
  internal->add_option("--output", internal_args->output,
                       "write to FILE instead of standard output");
  internal->callback([internal_args, action] {
    *action = [internal_args](const Connection& connection) {
      v1::ExportJournalRequest request;
      request.set_from_date(internal_args->from);
      request.set_to_date(internal_args->to);
      return StreamXml(connection, request, true, internal_args->output);
    };
  });

  auto number = std::make_shared<std::string>();
  CLI::App* applicants = group->add_subcommand(
      "applicants",
      "The public applicant list (søkjarliste) of a job-application case");
  applicants->add_option("CASE", *number, "case number")->required();
  applicants->callback([number, &options, action] {
    *action = [number, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::ApplicantListRequest request;
      request.set_case_number(*number);
      v1::ApplicantListResponse response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->ApplicantList(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      std::cout << "case " << response.case_number() << ": "
                << response.case_public_title() << "\n"
                << "applicants: " << response.applicant_count()
                << " (screened: " << response.screened_count() << ")\n";
      for (const auto& name : response.public_names()) {
        std::cout << "  " << name << "\n";
      }
      return 0;
    };
  });
}

void AddDisposalCommands(CLI::App* group, const ConnectionOptions& options,
                         Action* action) {
  auto args = std::make_shared<DisposeArgs>();
  CLI::App* dispose = group->add_subcommand(
      "dispose",
      "Dispose of application documents of closed job-application cases "
      "past their retention period: deletes their content, keeps the "
      "entries");
  dispose->add_flag("--dry-run", args->dry_run,
                    "only list what would be disposed of");
  dispose->add_option("--decision", args->decision,
                      "the disposal decision (kassasjonsvedtak) carried out; "
                      "required unless --dry-run");
  dispose->callback([args, &options, action] {
    *action = [args, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::RunDisposalRequest request;
      request.set_dry_run(args->dry_run);
      request.set_decision(args->decision);
      v1::DisposalReport response;
      auto context = connection.NewContext();
      grpc::Status status =
          stub->RunDisposal(context.get(), request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      if (response.items_size() > 0) {
        Table table({"DOCUMENT", "ENTRY", "CASE", "DUE", "DESCRIPTION"});
        for (const auto& item : response.items()) {
          table.AddRow({std::to_string(item.document_id()),
                        item.journal_number(), item.case_number(),
                        item.due_date(), item.description()});
        }
        table.Print(std::cout);
      }
      std::cout << (response.dry_run() ? "would dispose of " : "disposed of ")
                << response.items_size()
                << " application document(s) (retention "
                << response.retention_months() << " months after closing)\n";
      return 0;
    };
  });

  auto settings = std::make_shared<SettingsArgs>();
  CLI::App* command = group->add_subcommand(
      "settings",
      "Show the journal's settings, or change them with the options");
  command->add_option("--creator-id", settings->creator_id,
                      "arkivskaperID in Noark 5 exports");
  command->add_option("--creator-name", settings->creator_name,
                      "arkivskaperNavn in Noark 5 exports");
  command->add_option("--retention-months", settings->retention_months,
                      "months after closing before application documents "
                      "are disposed of (1-120)");
  command->callback([settings, &options, action] {
    *action = [settings, &options](const Connection& connection) {
      auto stub = v1::JournalService::NewStub(connection.channel());
      v1::JournalSettings response;
      auto context = connection.NewContext();
      grpc::Status status;
      if (settings->creator_id.empty() && settings->creator_name.empty() &&
          settings->retention_months == 0) {
        status = stub->GetJournalSettings(
            context.get(), v1::GetJournalSettingsRequest(), &response);
      } else {
        v1::UpdateJournalSettingsRequest request;
        request.set_archive_creator_id(settings->creator_id);
        request.set_archive_creator_name(settings->creator_name);
        request.set_application_retention_months(settings->retention_months);
        status = stub->UpdateJournalSettings(context.get(), request, &response);
      }
      if (!status.ok()) return ReportFailure(status);
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      Table table({"SETTING", "VALUE"});
      table.AddRow({"archive creator id", response.archive_creator_id()});
      table.AddRow({"archive creator name", response.archive_creator_name()});
      table.AddRow({"retention of applications (months)",
                    std::to_string(response.application_retention_months())});
      table.AddRow(
          {"updated", response.updated_at() + " by " + response.updated_by()});
      table.Print(std::cout);
      return 0;
    };
  });
}

}  // namespace

void AddJournalCommands(CLI::App& app, const ConnectionOptions& options,
                        Action* action) {
  CLI::App* group = app.add_subcommand(
      "journal",
      "The postjournal: cases, entries, screening, the public journal, "
      "disposal of application documents");
  group->require_subcommand(1);
  AddCaseCommands(group, options, action);
  AddEntryCommand(group, options, action);
  AddShowCommand(group, options, action);
  AddReleaseCommand(group, options, action);
  AddScreenWordsCommand(group, options, action);
  AddReportCommands(group, options, action);
  AddDisposalCommands(group, options, action);
}

}  // namespace depot::cli
