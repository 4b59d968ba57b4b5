#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "clients/cli/deposit_names.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/offline_verify.h"
#include "clients/cli/private_file.h"
#include "clients/cli/readingroom_commands.h"
#include "clients/cli/readingroom_output.h"
#include "services/common/sha256.h"
#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/readingroom_proto.h"

namespace depot::cli {
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

struct VerifyArgs {
  int64_t id = 0;
  std::string offline_file;
  std::string public_key_file;
};

struct RevokeArgs {
  int64_t id = 0;
  std::string reason;
};

std::optional<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

int LocalFailure(int code, const std::string& message) {
  std::cerr << "depot: " << message << std::endl;
  return code;
}

// One report for online and offline verification; 0 when valid, else the
// "refused" exit code.
int PrintVerification(const v1::DeclarationVerification& result, bool json) {
  if (json) {
    std::cout << ToJson(result);
  } else {
    std::cout << "declaration " << result.declaration_id() << ": "
              << (result.valid() ? "VALID" : "NOT VALID") << "\n"
              << "  seal: " << (result.seal_valid() ? "ok" : "FAILED") << "\n"
              << "  text: " << (result.text_intact() ? "intact" : "ALTERED")
              << "\n  revoked: " << (result.revoked() ? "YES" : "no")
              << "\n  within validity: "
              << (result.within_validity() ? "yes" : "NO") << "\n";
    for (const std::string& problem : result.problems()) {
      std::cout << "  - " << problem << "\n";
    }
  }
  return result.valid() ? kExitOk : kExitRefused;
}

// Verifies an exported declaration (depot declaration show ID --json)
// against the seal's public key, with no server.
int VerifyOffline(const VerifyArgs& args, bool json) {
  auto exported = ReadFile(args.offline_file);
  if (!exported) {
    return LocalFailure(kExitOther, "cannot read " + args.offline_file);
  }
  auto pem = ReadFile(args.public_key_file);
  if (!pem) {
    return LocalFailure(kExitOther, "cannot read " + args.public_key_file);
  }
  v1::Declaration declaration;
  google::protobuf::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = true;
  if (!google::protobuf::util::JsonStringToMessage(*exported, &declaration,
                                                   parse)
           .ok()) {
    return LocalFailure(kExitBadInput,
                        "bad input: " + args.offline_file +
                            " is not a declaration exported with depot "
                            "declaration show ID --json");
  }
  std::unique_ptr<readingroom::SealVerifier> verifier;
  try {
    verifier = std::make_unique<readingroom::SealVerifier>(*pem);
  } catch (const std::exception& error) {
    return LocalFailure(kExitBadInput,
                        std::string("bad input: ") + error.what());
  }
  auto now = std::chrono::system_clock::now();
  auto from = readingroom::ParseRfc3339(declaration.valid_from());
  auto until = readingroom::ParseRfc3339(declaration.valid_until());
  readingroom::DeclarationCheck check = readingroom::CheckSealedDeclaration(
      readingroom::SealedFieldsFromProto(declaration), declaration.seal(),
      declaration.text(), !declaration.revoked_at().empty(),
      from.value_or(now + std::chrono::hours(1)),
      until.value_or(now - std::chrono::hours(1)), *verifier, now);
  if (declaration.encoding() != readingroom::kDeclarationEncoding) {
    check.seal_valid = false;
    check.problems.push_back("unknown encoding '" + declaration.encoding() +
                             "' (this depot writes " +
                             readingroom::kDeclarationEncoding + ")");
  }
  v1::DeclarationVerification result;
  result.set_declaration_id(declaration.declaration_id());
  result.set_seal_valid(check.seal_valid);
  result.set_text_intact(check.text_intact);
  result.set_revoked(check.revoked);
  result.set_within_validity(check.within_validity);
  result.set_valid(check.valid());
  for (const std::string& problem : check.problems)
    result.add_problems(problem);
  return PrintVerification(result, json);
}

}  // namespace

void AddDeclarationCommands(CLI::App& app, const ConnectionOptions& options,
                            Action* action) {
  CLI::App* group = app.add_subcommand(
      "declaration", "Confidentiality declarations (erklæring om teieplikt)");
  group->require_subcommand(1);

  auto texts_args = std::make_shared<TextsArgs>();
  CLI::App* texts = group->add_subcommand(
      "texts", "List the declaration text versions, or add a new version");
  texts->add_flag("--with-text", texts_args->with_text, "print the full texts");
  texts->add_option("--add", texts_args->add_file,
                    "add the UTF-8 text in FILE as the newest version "
                    "(archivist)");
  texts->callback([texts_args, &options, action] {
    *action = [texts_args, &options](const Connection& connection) {
      if (!texts_args->add_file.empty()) {
        auto text = ReadFile(texts_args->add_file);
        if (!text) {
          return LocalFailure(kExitOther,
                              "cannot read " + texts_args->add_file);
        }
        v1::AddDeclarationTextRequest request;
        request.set_text(*text);
        v1::DeclarationText added;
        if (int failed = CallRoom(connection, &RoomStub::AddDeclarationText,
                                  request, &added)) {
          return failed;
        }
        if (options.json) {
          std::cout << ToJson(added);
        } else {
          std::cout << "added declaration text version " << added.version()
                    << " (SHA-256 " << added.sha256() << ")\n";
        }
        return 0;
      }
      v1::ListDeclarationTextsRequest request;
      request.set_with_text(texts_args->with_text);
      v1::ListDeclarationTextsResponse response;
      if (int failed = CallRoom(connection, &RoomStub::ListDeclarationTexts,
                                request, &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
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
      return 0;
    };
  });

  auto sign_args = std::make_shared<SignArgs>();
  CLI::App* sign = group->add_subcommand(
      "sign", "Record a signed declaration (the desk user witnesses it)");
  sign->add_option("--visitor", sign_args->visitor_id, "the visitor's id")
      ->required();
  sign->add_option("--text-version", sign_args->text_version,
                   "the text signed (default: the newest)");
  auto* all =
      sign->add_flag("--all", sign_args->all, "scope: all deposited material");
  auto* depositor = sign->add_option(
      "--depositor", sign_args->depositors,
      "scope: material of this depositor (organisation number; repeatable)");
  auto* category = sign->add_option(
      "--category", sign_args->categories,
      "scope: a register category such as pupil or child-welfare "
      "(repeatable)");
  auto* record = sign->add_option("--record", sign_args->records,
                                  "scope: this record id (repeatable)");
  all->excludes(depositor)->excludes(category)->excludes(record);
  depositor->excludes(category)->excludes(record);
  category->excludes(record);
  sign->add_option("--valid-from", sign_args->valid_from,
                   "YYYY-MM-DD or RFC 3339 (default now)");
  sign->add_option("--valid-until", sign_args->valid_until,
                   "YYYY-MM-DD (through that day) or RFC 3339 (default: the "
                   "configured period, 3 years)");
  sign->add_option("--signature-scan", sign_args->scan_file,
                   "the scanned handwritten signature; its SHA-256 is kept");
  sign->add_option("--signature-scan-sha256", sign_args->scan_sha256,
                   "or the SHA-256 of that scan, in hex");
  sign->callback([sign_args, &options, action] {
    *action = [sign_args, &options](const Connection& connection) {
      v1::SignDeclarationRequest request;
      request.set_visitor_id(sign_args->visitor_id);
      request.set_text_version(sign_args->text_version);
      v1::DeclarationScope* scope = request.mutable_scope();
      if (sign_args->all) scope->set_kind(v1::SCOPE_KIND_ALL);
      if (!sign_args->depositors.empty()) {
        scope->set_kind(v1::SCOPE_KIND_DEPOSITOR);
        for (const auto& org : sign_args->depositors) {
          scope->add_organization_numbers(org);
        }
      }
      if (!sign_args->categories.empty()) {
        scope->set_kind(v1::SCOPE_KIND_CATEGORY);
        for (const auto& name : sign_args->categories) {
          auto category = CategoryByName(name);
          if (!category) {
            return LocalFailure(kExitBadInput,
                                "bad input: --category " + name +
                                    " is not a register category");
          }
          scope->add_categories(*category);
        }
      }
      if (!sign_args->records.empty()) {
        scope->set_kind(v1::SCOPE_KIND_RECORDS);
        for (int64_t id : sign_args->records) scope->add_record_ids(id);
      }
      if (scope->kind() == v1::SCOPE_KIND_UNSPECIFIED) {
        return LocalFailure(kExitBadInput,
                            "bad input: give the scope: --all, --depositor, "
                            "--category or --record");
      }
      request.set_valid_from(sign_args->valid_from);
      request.set_valid_until(sign_args->valid_until);
      std::string scan_hash = sign_args->scan_sha256;
      if (!sign_args->scan_file.empty()) {
        auto scan = ReadFile(sign_args->scan_file);
        if (!scan) {
          return LocalFailure(kExitOther,
                              "cannot read " + sign_args->scan_file);
        }
        scan_hash = Sha256Hex(*scan);
      }
      request.set_signature_scan_sha256(scan_hash);
      v1::Declaration declaration;
      if (int failed = CallRoom(connection, &RoomStub::SignDeclaration, request,
                                &declaration)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(declaration);
      } else {
        std::cout << "signed and sealed declaration "
                  << declaration.declaration_id() << " for visitor "
                  << declaration.visitor_id() << ", valid until "
                  << declaration.valid_until() << "\n";
      }
      return 0;
    };
  });

  auto show_id = std::make_shared<int64_t>(0);
  CLI::App* show =
      group->add_subcommand("show",
                            "Show one declaration; with --json, the file that "
                            "`verify --offline` checks");
  show->add_option("DECLARATION_ID", *show_id, "the declaration's id")
      ->required();
  show->callback([show_id, &options, action] {
    *action = [show_id, &options](const Connection& connection) {
      v1::GetDeclarationRequest request;
      request.set_declaration_id(*show_id);
      v1::Declaration declaration;
      if (int failed = CallRoom(connection, &RoomStub::GetDeclaration, request,
                                &declaration)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(declaration);
      } else {
        PrintDeclaration(declaration);
        std::cout << "\n" << declaration.text() << "\n";
      }
      return 0;
    };
  });

  auto list_visitor = std::make_shared<int64_t>(0);
  CLI::App* list =
      group->add_subcommand("list", "A visitor's declarations, newest first");
  list->add_option("--visitor", *list_visitor, "the visitor's id")->required();
  list->callback([list_visitor, &options, action] {
    *action = [list_visitor, &options](const Connection& connection) {
      v1::ListDeclarationsRequest request;
      request.set_visitor_id(*list_visitor);
      v1::ListDeclarationsResponse response;
      if (int failed = CallRoom(connection, &RoomStub::ListDeclarations,
                                request, &response)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(response);
        return 0;
      }
      Table table({"ID", "TEXT", "SCOPE", "VALID FROM", "VALID UNTIL",
                   "WITNESS", "REVOKED"});
      for (const auto& d : response.declarations()) {
        table.AddRow({std::to_string(d.declaration_id()),
                      std::to_string(d.text_version()), ScopeText(d.scope()),
                      d.valid_from(), d.valid_until(), d.witnessed_by(),
                      OrDash(d.revoked_at())});
      }
      table.Print(std::cout);
      return 0;
    };
  });

  auto verify_args = std::make_shared<VerifyArgs>();
  CLI::App* verify = group->add_subcommand(
      "verify",
      "Check a declaration's seal, text hash, revocation and validity: on "
      "the server by id, or offline from an exported file. Exit code 3 when "
      "it is not valid");
  verify->add_option("DECLARATION_ID", verify_args->id, "the declaration's id");
  AddOfflineVerifyOptions(
      verify, &verify_args->offline_file, &verify_args->public_key_file,
      "verify FILE (written by depot declaration show ID --json) without a "
      "server",
      "the seal's public key (PEM, from depot declaration export-key)");
  verify->callback([verify_args, &options, action] {
    VerifyOfflineIfAsked(verify_args->offline_file, [&] {
      return VerifyOffline(*verify_args, options.json);
    });
    *action = [verify_args, &options](const Connection& connection) {
      if (verify_args->id <= 0) {
        return LocalFailure(kExitBadInput,
                            "bad input: give DECLARATION_ID, or --offline "
                            "FILE --public-key KEY");
      }
      v1::VerifyDeclarationRequest request;
      request.set_declaration_id(verify_args->id);
      v1::DeclarationVerification result;
      if (int failed = CallRoom(connection, &RoomStub::VerifyDeclaration,
                                request, &result)) {
        return failed;
      }
      return PrintVerification(result, options.json);
    };
  });

  auto revoke_args = std::make_shared<RevokeArgs>();
  CLI::App* revoke =
      group->add_subcommand("revoke", "Revoke a declaration, with the reason");
  revoke->add_option("DECLARATION_ID", revoke_args->id, "the declaration's id")
      ->required();
  revoke->add_option("--reason", revoke_args->reason, "why it is revoked")
      ->required();
  revoke->callback([revoke_args, &options, action] {
    *action = [revoke_args, &options](const Connection& connection) {
      v1::RevokeDeclarationRequest request;
      request.set_declaration_id(revoke_args->id);
      request.set_reason(revoke_args->reason);
      v1::Declaration declaration;
      if (int failed = CallRoom(connection, &RoomStub::RevokeDeclaration,
                                request, &declaration)) {
        return failed;
      }
      if (options.json) {
        std::cout << ToJson(declaration);
      } else {
        std::cout << "revoked declaration " << declaration.declaration_id()
                  << " at " << declaration.revoked_at() << "\n";
      }
      return 0;
    };
  });

  auto out_file = std::make_shared<std::string>();
  CLI::App* export_key =
      group->add_subcommand("export-key",
                            "The public key of the declaration seal (PEM), for "
                            "offline verification");
  export_key->add_option("--out", *out_file, "write it to FILE");
  export_key->callback([out_file, &options, action] {
    *action = [out_file, &options](const Connection& connection) {
      v1::SealPublicKey key;
      if (int failed = CallRoom(connection, &RoomStub::GetSealPublicKey,
                                v1::GetSealPublicKeyRequest(), &key)) {
        return failed;
      }
      if (!out_file->empty()) {
        PrivateFile out(*out_file);
        out << key.public_key_pem();
        out.close();
        if (!out) {
          return LocalFailure(kExitOther,
                              "cannot write " + *out_file + ": " + out.error());
        }
        if (!options.json) {
          std::cout << "wrote the seal's public key (key id " << key.key_id()
                    << ") to " << *out_file << "\n";
          return 0;
        }
      }
      if (options.json) {
        std::cout << ToJson(key);
      } else {
        std::cout << key.public_key_pem();
      }
      return 0;
    };
  });
}

}  // namespace depot::cli
