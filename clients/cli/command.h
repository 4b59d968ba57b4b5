#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <type_traits>

#include "clients/cli/call.h"
#include "clients/cli/connection.h"
#include "clients/cli/output.h"

namespace depot::cli {

/// A command's action: runs once arguments are parsed, returns the exit code.
using Action = std::function<int(const Connection&)>;

/// What every command is declared with: the global options it runs under
/// (--json) and where the command that was given leaves its action for
/// main to run once connected.
struct Commands {
  const ConnectionOptions& options;
  Action* action;
};

/// A group of commands (`depot journal ...`): one of them must be given.
CLI::App* AddGroup(CLI::App* parent, const std::string& name,
                   const std::string& help);

/// Runs a command that needs no server nor client certificate and ends the
/// process with its exit code: called while arguments are parsed, it is
/// done before main would connect. A CommandFailure is reported.
[[noreturn]] void RunLocally(const std::function<int()>& run);

/// The arguments of a command that has none.
struct NoArgs {};

/// Fills a request that has no fields (Calls(..., kNoFields, ...)).
inline constexpr auto kNoFields = [](const auto&, auto&) {};

/// A subcommand as it is declared: options bound to the fields of Args
/// (`command->add_option("--name", command.args().name, ...)`), then what
/// it does: one call (Calls), or a run of its own (Runs), or work without a
/// server (RunsLocally). The arguments live as long as the command.
template <typename Args>
class Command {
 public:
  Command(CLI::App* parent, const Commands& commands, const std::string& name,
          const std::string& help)
      : app_(parent->add_subcommand(name, help)),
        state_(std::make_shared<State>()) {
    auto state = state_;
    Action* action = commands.action;
    const ConnectionOptions* options = &commands.options;
    app_->callback([state, action, options] {
      if (state->local && state->local_when(state->args)) {
        RunLocally([&] { return state->local(state->args, options->json); });
      }
      if (!state->run) return;
      *action = [state, options](const Connection& connection) {
        return state->run(connection, state->args, options->json);
      };
    });
  }

  CLI::App* operator->() const { return app_; }
  CLI::App* app() const { return app_; }
  Args& args() const { return state_->args; }

  /// The command's own run: run(connection, args, json) returns the exit
  /// code.
  template <typename Run>
  void Runs(Run run) {
    state_->run = std::move(run);
  }

  /// Without a server: when wanted(args) (say --offline FILE),
  /// run(args, json) instead, before main would connect.
  template <typename Wanted, typename Run>
  void RunsLocallyWhen(Wanted wanted, Run run) {
    state_->local_when = std::move(wanted);
    state_->local = std::move(run);
  }
  /// Never contacts the server: run(args, json).
  template <typename Run>
  void RunsLocally(Run run) {
    RunsLocallyWhen([](const Args&) { return true; }, std::move(run));
  }

  /// One unary call. build(args, request) fills the request; it may return
  /// a grpc::Status, and one that is not OK is reported instead of calling.
  /// The answer is printed as JSON with --json, else by print(response) or
  /// print(response, args).
  template <typename Stub, typename Request, typename Response, typename Build,
            typename Print>
  void Calls(UnaryMethod<Stub, Request, Response> method, Build build,
             Print print) {
    Runs([method, build, print](const Connection& connection, const Args& args,
                                bool json) {
      Request request;
      if constexpr (std::is_same_v<decltype(build(args, request)),
                                   grpc::Status>) {
        grpc::Status built = build(args, request);
        if (!built.ok()) return ReportFailure(built);
      } else {
        build(args, request);
      }
      Response response;
      grpc::Status status = Call(connection, method, request, &response);
      if (!status.ok()) return ReportFailure(status);
      if (json) {
        std::cout << ToJson(response);
      } else if constexpr (std::is_invocable_v<Print, const Response&,
                                               const Args&>) {
        print(response, args);
      } else {
        print(response);
      }
      return 0;
    });
  }

 private:
  struct State {
    Args args{};
    std::function<int(const Connection&, const Args&, bool)> run;
    std::function<bool(const Args&)> local_when;
    std::function<int(const Args&, bool)> local;
  };

  CLI::App* app_;
  std::shared_ptr<State> state_;
};

}  // namespace depot::cli
