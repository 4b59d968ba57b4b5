#include "clients/cli/deposit_names.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/private_file.h"
#include "clients/cli/read_file.h"
#include "clients/cli/readingroom_commands.h"
#include "clients/cli/readingroom_output.h"
#include "services/common/sha256.h"

namespace depot::cli {

void AddDeclarationVerify(CLI::App* group, const Commands& commands);

namespace {

struct TextsArgs {
  bool with_text = false;
  std::string add_file;
};

struct SignArgs {
  int64_t visitor_id = 0;
  int text_version = 0;
  bool all = false;
  std::vector<std::string> depositors;
  std::vector<std::string> categories;
  std::vector<int64_t> records;
  std::string valid_from;
  std::string valid_until;
  std::string scan_file;
  std::string scan_sha256;
};

struct RevokeArgs {
  int64_t id = 0;
  std::string reason;
};

void PrintTexts(const v1::ListDeclarationTextsResponse& response) {
  Table table({"VERSION", "SHA-256", "CREATED", "BY"});
  for (const auto& text : response.texts()) {
    table.AddRow({std::to_string(text.version()), text.sha256(),
                  text.created_at(), text.created_by()});
  }
  table.Print(std::cout);
  for (const auto& text : response.texts()) {
    if (!text.text().empty()) {
      std::cout << "\n--- version " << text.version() << "\n"
                << text.text() << "\n";
    }
  }
}

// The text versions, or (--add FILE) a new one.
int Texts(const Connection& connection, const TextsArgs& args, bool json) {
  if (!args.add_file.empty()) {
    v1::AddDeclarationTextRequest request;
    request.set_text(ReadUserFile(args.add_file));
    v1::DeclarationText added;
    grpc::Status status =
        Call(connection, &RoomStub::AddDeclarationText, request, &added);
    if (!status.ok()) return ReportFailure(status);
    PrintAnswer(added, json, [](const v1::DeclarationText& added) {
      std::cout << "added declaration text version " << added.version()
                << " (SHA-256 " << added.sha256() << ")\n";
    });
    return 0;
  }
  v1::ListDeclarationTextsRequest request;
  request.set_with_text(args.with_text);
  v1::ListDeclarationTextsResponse response;
  grpc::Status status =
      Call(connection, &RoomStub::ListDeclarationTexts, request, &response);
  if (!status.ok()) return ReportFailure(status);
  PrintAnswer(response, json, PrintTexts);
  return 0;
}

void AddTexts(CLI::App* group, const Commands& commands) {
  Command<TextsArgs> texts(
      group, commands, "texts",
      "List the declaration text versions, or add a new version");
  texts->add_flag("--with-text", texts.args().with_text,
                  "print the full texts");
  texts->add_option("--add", texts.args().add_file,
                    "add the UTF-8 text in FILE as the newest version "
                    "(archivist)");
  texts.Runs(Texts);
}

// The scope of a signed declaration: exactly one of --all, --depositor,
// --category, --record.
grpc::Status FillScope(const SignArgs& args, v1::DeclarationScope* scope) {
  if (args.all) scope->set_kind(v1::SCOPE_KIND_ALL);
  if (!args.depositors.empty()) {
    scope->set_kind(v1::SCOPE_KIND_DEPOSITOR);
    for (const auto& org : args.depositors) {
      scope->add_organization_numbers(org);
    }
  }
  if (!args.categories.empty()) {
    scope->set_kind(v1::SCOPE_KIND_CATEGORY);
    for (const auto& name : args.categories) {
      auto category = CategoryByName(name);
      if (!category) {
        return grpc::Status(
            grpc::StatusCode::INVALID_ARGUMENT,
            "--category " + name + " is not a register category");
      }
      scope->add_categories(*category);
    }
  }
  if (!args.records.empty()) {
    scope->set_kind(v1::SCOPE_KIND_RECORDS);
    for (int64_t id : args.records) scope->add_record_ids(id);
  }
  if (scope->kind() == v1::SCOPE_KIND_UNSPECIFIED) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                        "give the scope: --all, --depositor, --category or "
                        "--record");
  }
  return grpc::Status::OK;
}

grpc::Status FillSign(const SignArgs& args,
                      v1::SignDeclarationRequest& request) {
  request.set_visitor_id(args.visitor_id);
  request.set_text_version(args.text_version);
  grpc::Status scope = FillScope(args, request.mutable_scope());
  if (!scope.ok()) return scope;
  request.set_valid_from(args.valid_from);
  request.set_valid_until(args.valid_until);
  request.set_signature_scan_sha256(
      args.scan_file.empty() ? args.scan_sha256
                             : Sha256Hex(ReadUserFile(args.scan_file)));
  return grpc::Status::OK;
}

void AddSign(CLI::App* group, const Commands& commands) {
  Command<SignArgs> sign(
      group, commands, "sign",
      "Record a signed declaration (the desk user witnesses it)");
  SignArgs& args = sign.args();
  sign->add_option("--visitor", args.visitor_id, "the visitor's id")
      ->required();
  sign->add_option("--text-version", args.text_version,
                   "the text signed (default: the newest)");
  auto* all =
      sign->add_flag("--all", args.all, "scope: all deposited material");
  auto* depositor = sign->add_option(
      "--depositor", args.depositors,
      "scope: material of this depositor (organisation number; repeatable)");
  auto* category = sign->add_option(
      "--category", args.categories,
      "scope: a register category such as pupil or child-welfare "
      "(repeatable)");
  auto* record = sign->add_option("--record", args.records,
                                  "scope: this record id (repeatable)");
  all->excludes(depositor)->excludes(category)->excludes(record);
  depositor->excludes(category)->excludes(record);
  category->excludes(record);
  sign->add_option("--valid-from", args.valid_from,
                   "YYYY-MM-DD or RFC 3339 (default now)");
  sign->add_option("--valid-until", args.valid_until,
                   "YYYY-MM-DD (through that day) or RFC 3339 (default: the "
                   "configured period, 3 years)");
  sign->add_option("--signature-scan", args.scan_file,
                   "the scanned handwritten signature; its SHA-256 is kept");
  sign->add_option("--signature-scan-sha256", args.scan_sha256,
                   "or the SHA-256 of that scan, in hex");
  sign.Calls(&RoomStub::SignDeclaration, FillSign,
             [](const v1::Declaration& declaration) {
               std::cout << "signed and sealed declaration "
                         << declaration.declaration_id() << " for visitor "
                         << declaration.visitor_id() << ", valid until "
                         << declaration.valid_until() << "\n";
             });
}

void AddShowList(CLI::App* group, const Commands& commands) {
  Command<int64_t> show(group, commands, "show",
                        "Show one declaration; with --json, the file that "
                        "`verify --offline` checks");
  show->add_option("DECLARATION_ID", show.args(), "the declaration's id")
      ->required();
  show.Calls(
      &RoomStub::GetDeclaration,
      [](int64_t id, v1::GetDeclarationRequest& request) {
        request.set_declaration_id(id);
      },
      [](const v1::Declaration& declaration) {
        PrintDeclaration(declaration);
        std::cout << "\n" << declaration.text() << "\n";
      });

  Command<int64_t> list(group, commands, "list",
                        "A visitor's declarations, newest first");
  list->add_option("--visitor", list.args(), "the visitor's id")->required();
  list.Calls(
      &RoomStub::ListDeclarations,
      [](int64_t visitor, v1::ListDeclarationsRequest& request) {
        request.set_visitor_id(visitor);
      },
      [](const v1::ListDeclarationsResponse& response) {
        Table table({"ID", "TEXT", "SCOPE", "VALID FROM", "VALID UNTIL",
                     "WITNESS", "REVOKED"});
        for (const auto& d : response.declarations()) {
          table.AddRow({std::to_string(d.declaration_id()),
                        std::to_string(d.text_version()), ScopeText(d.scope()),
                        d.valid_from(), d.valid_until(), d.witnessed_by(),
                        OrDash(d.revoked_at())});
        }
        table.Print(std::cout);
      });
}

void AddRevoke(CLI::App* group, const Commands& commands) {
  Command<RevokeArgs> revoke(group, commands, "revoke",
                             "Revoke a declaration, with the reason");
  revoke->add_option("DECLARATION_ID", revoke.args().id, "the declaration's id")
      ->required();
  revoke->add_option("--reason", revoke.args().reason, "why it is revoked")
      ->required();
  revoke.Calls(
      &RoomStub::RevokeDeclaration,
      [](const RevokeArgs& args, v1::RevokeDeclarationRequest& request) {
        request.set_declaration_id(args.id);
        request.set_reason(args.reason);
      },
      [](const v1::Declaration& declaration) {
        std::cout << "revoked declaration " << declaration.declaration_id()
                  << " at " << declaration.revoked_at() << "\n";
      });
}

int ExportKey(const Connection& connection, const std::string& out_file,
              bool json) {
  v1::SealPublicKey key;
  grpc::Status status = Call(connection, &RoomStub::GetSealPublicKey,
                             v1::GetSealPublicKeyRequest(), &key);
  if (!status.ok()) return ReportFailure(status);
  if (!out_file.empty()) {
    PrivateFile out(out_file);
    out << key.public_key_pem();
    out.close();
    if (!out) {
      return ReportFailure(kExitOther,
                           "cannot write " + out_file + ": " + out.error());
    }
    if (!json) {
      std::cout << "wrote the seal's public key (key id " << key.key_id()
                << ") to " << out_file << "\n";
      return 0;
    }
  }
  PrintAnswer(key, json, [](const v1::SealPublicKey& key) {
    std::cout << key.public_key_pem();
  });
  return 0;
}

void AddExportKey(CLI::App* group, const Commands& commands) {
  Command<std::string> export_key(group, commands, "export-key",
                                  "The public key of the declaration seal "
                                  "(PEM), for offline verification");
  export_key->add_option("--out", export_key.args(), "write it to FILE");
  export_key.Runs(ExportKey);
}

}  // namespace

void AddDeclarationCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group =
      AddGroup(app, "declaration",
               "Confidentiality declarations (erklæring om teieplikt)");
  AddTexts(group, commands);
  AddSign(group, commands);
  AddShowList(group, commands);
  AddDeclarationVerify(group, commands);
  AddRevoke(group, commands);
  AddExportKey(group, commands);
}

}  // namespace depot::cli
