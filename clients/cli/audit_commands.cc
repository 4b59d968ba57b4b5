#include "clients/cli/audit_commands.h"

#include <iostream>

#include "clients/cli/audit_export_file.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/offline_verify.h"
#include "clients/cli/private_file.h"
#include "clients/cli/read_file.h"
#include "depot/v1/audit.grpc.pb.h"
#include "services/audit/domain/audit_log.h"
#include "services/audit/domain/canonical.h"
#include "services/audit/domain/signing_key.h"

namespace depot::cli {
namespace {

using Stub = v1::AuditService::Stub;

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
    if (v.unsealed() > 0) {
      std::cout << ", " << v.unsealed() << " not sealed yet";
    }
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
  std::string pem = ReadUserFile(args.public_key_file);
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
    PrintAnswer(out, json, [&](const v1::AuditVerification& out) {
      PrintVerification(out);
      std::cout << "  (offline, key " << verifier.key_id() << ")\n";
    });
    return result.ok() ? kExitOk : kExitRefused;
  } catch (const std::exception& error) {  // unreadable file, not a key
    return ReportFailure(kExitBadInput,
                         std::string("bad input: ") + error.what());
  }
}

int Head(const Connection& connection, const std::string& log, bool json) {
  Table table({"LOG", "SIZE", "ROOT", "SIGNED AT", "PENDING"});
  std::vector<std::string> objects;
  for (const std::string& name : LogsOf(log)) {
    v1::GetTreeHeadRequest request;
    request.set_log(name);
    v1::TreeHead head;
    grpc::Status status = Call(connection, &Stub::GetTreeHead, request, &head);
    if (!status.ok()) return ReportFailure(status);
    objects.push_back(ToJson(head));
    if (!head.present()) {
      table.AddRow({name, "absent", "-", "-", "-"});
    } else {
      table.AddRow({name, std::to_string(head.size()), Short(head.root()),
                    head.signed_at(), std::to_string(head.pending())});
    }
  }
  if (json) {
    PrintJsonObjects(objects);
  } else {
    table.Print(std::cout);
  }
  return 0;
}

void AddHead(CLI::App* group, const Commands& commands) {
  Command<std::string> head(
      group, commands, "head",
      "Seal what is pending and show the latest signed tree head of each "
      "log (size, root, time)");
  head->add_option("LOG", head.args(), kLogsHelp)
      ->check(CLI::IsMember(audit::KnownLogs()));
  head.Runs(Head);
}

int Verify(const Connection& connection, const VerifyArgs& args, bool json) {
  bool intact = true;
  std::vector<std::string> objects;
  for (const std::string& log : LogsOf(args.log)) {
    v1::VerifyAuditRequest request;
    request.set_log(log);
    v1::AuditVerification response;
    grpc::Status status =
        Call(connection, &Stub::VerifyAudit, request, &response);
    if (!status.ok()) return ReportFailure(status);
    if (json) {
      objects.push_back(ToJson(response));
      intact &= !response.present() || response.ok();
    } else {
      intact &= PrintVerification(response);
    }
  }
  if (json) PrintJsonObjects(objects);
  return intact ? kExitOk : kExitRefused;
}

void AddVerify(CLI::App* group, const Commands& commands) {
  Command<VerifyArgs> verify(
      group, commands, "verify",
      "Recompute each log's hash chain and check its signed heads; name the "
      "first event changed, removed, inserted or reordered. On the server, "
      "or offline from an export with the public key. Exit code 3 when "
      "anything was tampered with");
  VerifyArgs& args = verify.args();
  verify->add_option("LOG", args.log, kLogsHelp)
      ->check(CLI::IsMember(audit::KnownLogs()));
  AddOfflineVerifyOptions(
      verify.app(), &args.offline_file, &args.public_key_file,
      "verify FILE (written by depot audit export) without a server",
      "the heads' Ed25519 public key (PEM, from depot audit key)");
  verify.RunsLocallyWhen(
      [](const VerifyArgs& args) { return !args.offline_file.empty(); },
      VerifyOffline);
  verify.Runs(Verify);
}

int Export(const Connection& connection, const ExportArgs& args, bool) {
  PrivateFile out(args.out);
  if (!out) {
    return ReportFailure(kExitOther,
                         "cannot write " + args.out + ": " + out.error());
  }
  v1::ExportAuditRequest request;
  request.set_log(args.log);
  AuditExportWriter writer(out);
  // A big log takes longer than one call's usual deadline.
  grpc::Status status = ReadStream(connection, &Stub::ExportAudit, request,
                                   CallTime::AtMost(std::chrono::hours(6)),
                                   [&](const v1::AuditExportChunk& chunk) {
                                     writer.Write(chunk);
                                     return true;
                                   });
  if (!status.ok()) {
    out.Discard();
    return ReportFailure(status);
  }
  if (!writer.present()) {
    out.Discard();
    return ReportFailure(kExitNotFound, "not found: there is no " + args.log +
                                            " log in this database");
  }
  std::cout << "exported " << writer.events() << " events and "
            << writer.heads() << " signed heads of " << args.log << " to "
            << args.out << "\n";
  return 0;
}

void AddExport(CLI::App* group, const Commands& commands) {
  Command<ExportArgs> exp(
      group, commands, "export",
      "Write a log's sealed events with their chain hashes and its signed "
      "heads to a file (JSON Lines) for depot audit verify --offline. "
      "Recorded in the log itself");
  exp->add_option("LOG", exp.args().log,
                  "deposits, readingroom, journal or privacy")
      ->required()
      ->check(CLI::IsMember(audit::KnownLogs()));
  exp->add_option("--out", exp.args().out, "file to write")->required();
  exp.Runs(Export);
}

int Key(const Connection& connection, const std::string& out_file, bool json) {
  v1::AuditPublicKey key;
  grpc::Status status = Call(connection, &Stub::GetAuditPublicKey,
                             v1::GetAuditPublicKeyRequest(), &key);
  if (!status.ok()) return ReportFailure(status);
  if (out_file.empty()) {
    PrintAnswer(key, json, [](const v1::AuditPublicKey& key) {
      std::cout << key.public_key_pem();
    });
    return 0;
  }
  PrivateFile out(out_file);
  out << key.public_key_pem();
  out.close();
  if (!out) {
    return ReportFailure(kExitOther,
                         "cannot write " + out_file + ": " + out.error());
  }
  std::cout << "wrote the audit public key (key id " << key.key_id() << ") to "
            << out_file << "\n";
  return 0;
}

void AddKey(CLI::App* group, const Commands& commands) {
  Command<std::string> key(
      group, commands, "key",
      "Print (or write) the Ed25519 public key that signs tree heads");
  key->add_option("--out", key.args(), "write the PEM to this file");
  key.Runs(Key);
}

}  // namespace

void AddAuditCommands(CLI::App* app, const Commands& commands) {
  CLI::App* group = AddGroup(
      app, "audit",
      "The tamper-evident audit logs: signed heads, verification, export");
  AddHead(group, commands);
  AddVerify(group, commands);
  AddExport(group, commands);
  AddKey(group, commands);
}

}  // namespace depot::cli
