// depot: the command-line client for depot's staff and scripts.
#include <CLI/CLI.hpp>
#include <iostream>

#include "clients/cli/audit_commands.h"
#include "clients/cli/breach_commands.h"
#include "clients/cli/command.h"
#include "clients/cli/connection.h"
#include "clients/cli/deposit_commands.h"
#include "clients/cli/depositor_commands.h"
#include "clients/cli/exit_codes.h"
#include "clients/cli/journal_commands.h"
#include "clients/cli/output.h"
#include "clients/cli/privacy_commands.h"
#include "clients/cli/readingroom_commands.h"
#include "clients/cli/record_commands.h"

int main(int argc, char** argv) {
  using namespace depot::cli;
  CLI::App app(
      "depot: command-line client of the archive depot.\n"
      "Connects to depotd over mutual TLS with the certificate named in the "
      "CLI configuration ($DEPOT_HOME/cli.conf, written by ops/run), the "
      "environment or flags.",
      "depot");
  app.footer(std::string(ExitCodeHelp()) + "\n");
  app.require_subcommand(1);
  // Global options (--json, --as, ...) may also follow the subcommand;
  // subcommands inherit this.
  app.fallthrough();

  ConnectionOptions options;
  app.add_option("--server", options.server,
                 "depotd address host:port (env DEPOT_SERVER; default "
                 "localhost:7443)");
  app.add_option("--ca", options.ca, "CA certificate (env DEPOT_CA)");
  app.add_option("--cert", options.cert, "client certificate (env DEPOT_CERT)");
  app.add_option("--key", options.key, "client private key (env DEPOT_KEY)");
  app.add_option("--as", options.identity,
                 "use certificate NAME.crt/.key from the configured pki_dir "
                 "(e.g. --as desk)");
  app.add_option("--config", options.config,
                 "CLI configuration file (env DEPOT_CLI_CONFIG; default "
                 "$DEPOT_HOME/cli.conf)");
  app.add_option("--timeout", options.timeout_seconds,
                 "seconds to wait for the server")
      ->capture_default_str();
  app.add_flag("--insecure-dev", options.insecure_dev,
               "plaintext to a depotd started with --insecure-dev");
  app.add_flag("--json", options.json, "print JSON for scripts");

  Action action;
  Commands commands{options, &action};
  AddDepositorCommands(&app, commands);
  AddReadingRoomCommands(&app, commands);
  AddDepositCommands(&app, commands);
  AddRecordCommands(&app, commands);
  AddJournalCommands(&app, commands);
  AddAuditCommands(&app, commands);
  AddPrivacyCommands(&app, commands);
  AddBreachCommands(&app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  if (!action) return kExitBadInput;
  try {
    Connection connection(options);
    return action(connection);
  } catch (const CommandFailure& failure) {
    return ReportFailure(failure.code(), failure.what());
  } catch (const std::exception& error) {
    return ReportFailure(kExitOther, error.what());
  }
}
