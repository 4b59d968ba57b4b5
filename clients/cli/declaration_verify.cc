#include "clients/cli/declaration_verify.h"

#include <google/protobuf/util/json_util.h>

#include <chrono>
#include <memory>

#include "clients/cli/exit_codes.h"
#include "clients/cli/offline_verify.h"
#include "clients/cli/read_file.h"
#include "clients/cli/readingroom_output.h"
#include "services/readingroom/domain/declaration_seal.h"
#include "services/readingroom/domain/time_text.h"
#include "services/readingroom/readingroom_proto.h"

namespace depot::cli {
namespace {

struct VerifyArgs {
  int64_t id = 0;
  std::string offline_file;
  std::string public_key_file;
};

// One report for online and offline verification; 0 when valid, else the
// "refused" exit code.
int PrintVerification(const v1::DeclarationVerification& result, bool json) {
  PrintAnswer(result, json, [](const v1::DeclarationVerification& result) {
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
  });
  return result.valid() ? kExitOk : kExitRefused;
}

// The declaration exported to `path`, or a bad-input failure.
v1::Declaration ParseExport(const std::string& exported,
                            const std::string& path) {
  v1::Declaration declaration;
  google::protobuf::util::JsonParseOptions parse;
  parse.ignore_unknown_fields = true;
  if (!google::protobuf::util::JsonStringToMessage(exported, &declaration,
                                                   parse)
           .ok()) {
    throw CommandFailure(kExitBadInput,
                         "bad input: " + path +
                             " is not a declaration exported with depot "
                             "declaration show ID --json");
  }
  return declaration;
}

// Checks the declaration's seal, text, revocation and validity as the
// server would.
v1::DeclarationVerification Check(const v1::Declaration& declaration,
                                  const readingroom::SealVerifier& verifier) {
  auto now = std::chrono::system_clock::now();
  auto from = readingroom::ParseLenientRfc3339(declaration.valid_from());
  auto until = readingroom::ParseLenientRfc3339(declaration.valid_until());
  readingroom::DeclarationCheck check = readingroom::CheckSealedDeclaration(
      readingroom::SealedFieldsFromProto(declaration), declaration.seal(),
      declaration.text(), !declaration.revoked_at().empty(),
      from.value_or(now + std::chrono::hours(1)),
      until.value_or(now - std::chrono::hours(1)), verifier, now);
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
  for (const std::string& problem : check.problems) {
    result.add_problems(problem);
  }
  return result;
}

// Verifies an exported declaration (depot declaration show ID --json)
// against the seal's public key, with no server.
int VerifyOffline(const VerifyArgs& args, bool json) {
  std::string exported = ReadUserFile(args.offline_file);
  std::string pem = ReadUserFile(args.public_key_file);
  v1::Declaration declaration = ParseExport(exported, args.offline_file);
  std::unique_ptr<readingroom::SealVerifier> verifier;
  try {
    verifier = std::make_unique<readingroom::SealVerifier>(pem);
  } catch (const std::exception& error) {
    return ReportFailure(kExitBadInput,
                         std::string("bad input: ") + error.what());
  }
  return PrintVerification(Check(declaration, *verifier), json);
}

int VerifyOnServer(const Connection& connection, const VerifyArgs& args,
                   bool json) {
  if (args.id <= 0) {
    return ReportFailure(grpc::StatusCode::INVALID_ARGUMENT,
                         "give DECLARATION_ID, or --offline FILE "
                         "--public-key KEY");
  }
  v1::VerifyDeclarationRequest request;
  request.set_declaration_id(args.id);
  v1::DeclarationVerification result;
  grpc::Status status =
      Call(connection, &RoomStub::VerifyDeclaration, request, &result);
  if (!status.ok()) return ReportFailure(status);
  return PrintVerification(result, json);
}

}  // namespace

void AddDeclarationVerify(CLI::App* group, const Commands& commands) {
  Command<VerifyArgs> verify(
      group, commands, "verify",
      "Check a declaration's seal, text hash, revocation and validity: on "
      "the server by id, or offline from an exported file. Exit code 3 when "
      "it is not valid");
  VerifyArgs& args = verify.args();
  verify->add_option("DECLARATION_ID", args.id, "the declaration's id");
  AddOfflineVerifyOptions(
      verify.app(), &args.offline_file, &args.public_key_file,
      "verify FILE (written by depot declaration show ID --json) without a "
      "server",
      "the seal's public key (PEM, from depot declaration export-key)");
  verify.RunsLocallyWhen(
      [](const VerifyArgs& args) { return !args.offline_file.empty(); },
      VerifyOffline);
  verify.Runs(VerifyOnServer);
}

}  // namespace depot::cli
