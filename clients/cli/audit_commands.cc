#include "clients/cli/audit_commands.h"

#include <fstream>
#include <iostream>
#include <memory>

#include "clients/cli/audit_export_file.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/offline_verify.h"
#include "clients/cli/output.h"
#include "clients/cli/private_file.h"
#include "depot/v1/audit.grpc.pb.h"
#include "services/audit/domain/audit_log.h"
#include "services/audit/domain/canonical.h"
#include "services/audit/domain/signing_key.h"

namespace depot::cli {
namespace {

constexpr char kLogsHelp[] =
    "deposits, readingroom, journal or privacy (default: all of them)";

struct VerifyArgs {
  std::string log;
  std::string offline_file;
  std::string public_key_file;
};

struct ExportArgs {
  std::string log;
  std::string out;
};

int LocalFailure(int code, const std::string& message) {
  std::cerr << "depot: " << message << std::endl;
  return code;
}

std::vector<std::string> LogsOf(const std::string& log) {
  if (!log.empty()) return {log};
  return audit::KnownLogs();
}

std::string Short(const std::string& hex) {
  return hex.size() > 16 ? hex.substr(0, 16) + "…" : hex;
}

// Prints one verification; true when the log is intact (or absent).
bool PrintVerification(const v1::AuditVerification& v) {
  if (!v.present()) {
    std::cout << v.log() << ": absent (no such log in this database)\n";
    return true;
  }
  if (v.ok()) {
    std::cout << v.log() << ": OK, " << v.events_checked()
              << " events chained, " << v.heads_checked()
              << " signed heads checked";
    if (v.unsealed() > 0)
      std::cout << ", " << v.unsealed() << " not sealed yet";
    std::cout << "\n";
    return true;
  }
  const auto& bad = v.first_bad();
  std::cout << v.log() << ": TAMPERED: first bad event at seq " << bad.seq();
  if (bad.event_id() != 0) std::cout << " (event id " << bad.event_id() << ")";
  std::cout << ": " << bad.what() << "\n  " << bad.detail() << "\n";
  return false;
}

// With no server, no certificate and no configuration: the export file and
// a public key obtained independently (depot audit key, or from the key
// file's owner).
int VerifyOffline(const VerifyArgs& args, bool json) {
  std::ifstream key_in(args.public_key_file);
  if (!key_in) {
    return LocalFailure(kExitOther, "cannot read " + args.public_key_file);
  }
  std::string pem((std::istreambuf_iterator<char>(key_in)),
                  std::istreambuf_iterator<char>());
  try {
    audit::HeadVerifier verifier(pem);
    AuditExportFile file(args.offline_file);
    audit::Verification result =
        audit::VerifyChain(file.log(), file.Events(), file.heads(), verifier);
    v1::AuditVerification out;
    out.set_log(file.log());
    out.set_present(true);
    out.set_ok(result.ok());
    out.set_events_checked(result.events_checked);
    out.set_heads_checked(result.heads_checked);
    if (result.first_bad) {
      auto* bad = out.mutable_first_bad();
      bad->set_seq(result.first_bad->seq);
      bad->set_event_id(result.first_bad->event_id);
      bad->set_what(result.first_bad->what);
      bad->set_detail(result.first_bad->detail);
    }
    if (json) {
      std::cout << ToJson(out);
    } else {
      PrintVerification(out);
      std::cout << "  (offline, key " << verifier.key_id() << ")\n";
    }
    return result.ok() ? kExitOk : kExitRefused;
  } catch (const std::exception& error) {  // unreadable file, not a key
    return LocalFailure(kExitBadInput,
                        std::string("bad input: ") + error.what());
  }
}

}  // namespace

void AddAuditCommands(CLI::App& app, const ConnectionOptions& options,
                      Action* action) {
  CLI::App* group = app.add_subcommand(
      "audit",
      "The tamper-evident audit logs: signed heads, verification, export");
  group->require_subcommand(1);

  auto head_log = std::make_shared<std::string>();
  CLI::App* head = group->add_subcommand(
      "head",
      "Seal what is pending and show the latest signed tree head of each "
      "log (size, root, time)");
  head->add_option("LOG", *head_log, kLogsHelp)
      ->check(CLI::IsMember(audit::KnownLogs()));
  head->callback([head_log, &options, action] {
    *action = [head_log, &options](const Connection& connection) {
      auto stub = v1::AuditService::NewStub(connection.channel());
      Table table({"LOG", "SIZE", "ROOT", "SIGNED AT", "PENDING"});
      std::vector<std::string> json;
      for (const std::string& log : LogsOf(*head_log)) {
        v1::GetTreeHeadRequest request;
        request.set_log(log);
        v1::TreeHead response;
        auto context = connection.NewContext();
        grpc::Status status =
            stub->GetTreeHead(context.get(), request, &response);
        if (!status.ok()) return ReportFailure(status);
        json.push_back(ToJson(response));
        if (!response.present()) {
          table.AddRow({log, "absent", "-", "-", "-"});
        } else {
          table.AddRow({log, std::to_string(response.size()),
                        Short(response.root()), response.signed_at(),
                        std::to_string(response.pending())});
        }
      }
      if (options.json) {
        if (json.size() == 1) {
          std::cout << json[0];
        } else {
          std::cout << "[\n";
          for (size_t i = 0; i < json.size(); ++i) {
            std::cout << json[i] << (i + 1 < json.size() ? ",\n" : "\n");
          }
          std::cout << "]\n";
        }
      } else {
        table.Print(std::cout);
      }
      return 0;
    };
  });

  auto verify_args = std::make_shared<VerifyArgs>();
  CLI::App* verify = group->add_subcommand(
      "verify",
      "Recompute each log's hash chain and check its signed heads; name the "
      "first event changed, removed, inserted or reordered. On the server, "
      "or offline from an export with the public key. Exit code 3 when "
      "anything was tampered with");
  verify->add_option("LOG", verify_args->log, kLogsHelp)
      ->check(CLI::IsMember(audit::KnownLogs()));
  AddOfflineVerifyOptions(
      verify, &verify_args->offline_file, &verify_args->public_key_file,
      "verify FILE (written by depot audit export) without a server",
      "the heads' Ed25519 public key (PEM, from depot audit key)");
  verify->callback([verify_args, &options, action] {
    VerifyOfflineIfAsked(verify_args->offline_file, [&] {
      return VerifyOffline(*verify_args, options.json);
    });
    *action = [verify_args, &options](const Connection& connection) {
      auto stub = v1::AuditService::NewStub(connection.channel());
      bool intact = true;
      std::vector<std::string> json;
      for (const std::string& log : LogsOf(verify_args->log)) {
        v1::VerifyAuditRequest request;
        request.set_log(log);
        v1::AuditVerification response;
        auto context = connection.NewContext();
        grpc::Status status =
            stub->VerifyAudit(context.get(), request, &response);
        if (!status.ok()) return ReportFailure(status);
        if (options.json) {
          json.push_back(ToJson(response));
          intact &= !response.present() || response.ok();
        } else {
          intact &= PrintVerification(response);
        }
      }
      if (options.json) {
        if (json.size() == 1) {
          std::cout << json[0];
        } else {
          std::cout << "[\n";
          for (size_t i = 0; i < json.size(); ++i) {
            std::cout << json[i] << (i + 1 < json.size() ? ",\n" : "\n");
          }
          std::cout << "]\n";
        }
      }
      return static_cast<int>(intact ? kExitOk : kExitRefused);
    };
  });

  auto export_args = std::make_shared<ExportArgs>();
  CLI::App* exp = group->add_subcommand(
      "export",
      "Write a log's sealed events with their chain hashes and its signed "
      "heads to a file (JSON Lines) for depot audit verify --offline. "
      "Recorded in the log itself");
  exp->add_option("LOG", export_args->log,
                  "deposits, readingroom, journal or privacy")
      ->required()
      ->check(CLI::IsMember(audit::KnownLogs()));
  exp->add_option("--out", export_args->out, "file to write")->required();
  exp->callback([export_args, action] {
    *action = [export_args](const Connection& connection) {
      PrivateFile out(export_args->out);
      if (!out) {
        return LocalFailure(kExitOther, "cannot write " + export_args->out +
                                            ": " + out.error());
      }
      auto stub = v1::AuditService::NewStub(connection.channel());
      v1::ExportAuditRequest request;
      request.set_log(export_args->log);
      auto context = connection.NewContext();
      // A big log takes longer than one call's usual deadline.
      context->set_deadline(std::chrono::system_clock::now() +
                            std::chrono::hours(6));
      auto reader = stub->ExportAudit(context.get(), request);
      AuditExportWriter writer(out);
      v1::AuditExportChunk chunk;
      while (reader->Read(&chunk)) writer.Write(chunk);
      grpc::Status status = reader->Finish();
      if (!status.ok()) {
        out.Discard();
        return ReportFailure(status);
      }
      if (!writer.present()) {
        out.Discard();
        return LocalFailure(kExitNotFound, "not found: there is no " +
                                               export_args->log +
                                               " log in this database");
      }
      std::cout << "exported " << writer.events() << " events and "
                << writer.heads() << " signed heads of " << export_args->log
                << " to " << export_args->out << "\n";
      return 0;
    };
  });

  auto key_out = std::make_shared<std::string>();
  CLI::App* key_cmd = group->add_subcommand(
      "key", "Print (or write) the Ed25519 public key that signs tree heads");
  key_cmd->add_option("--out", *key_out, "write the PEM to this file");
  key_cmd->callback([key_out, &options, action] {
    *action = [key_out, &options](const Connection& connection) {
      auto stub = v1::AuditService::NewStub(connection.channel());
      v1::AuditPublicKey response;
      auto context = connection.NewContext();
      grpc::Status status = stub->GetAuditPublicKey(
          context.get(), v1::GetAuditPublicKeyRequest(), &response);
      if (!status.ok()) return ReportFailure(status);
      if (!key_out->empty()) {
        PrivateFile out(*key_out);
        out << response.public_key_pem();
        out.close();
        if (!out) {
          return LocalFailure(kExitOther,
                              "cannot write " + *key_out + ": " + out.error());
        }
        std::cout << "wrote the audit public key (key id " << response.key_id()
                  << ") to " << *key_out << "\n";
      } else if (options.json) {
        std::cout << ToJson(response);
      } else {
        std::cout << response.public_key_pem();
      }
      return 0;
    };
  });
}

}  // namespace depot::cli
