#include "services/common/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/server_builder.h>
#include <signal.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "services/common/error.h"
#include "services/common/rpc_gate.h"
#include "services/common/server_stream.h"
#include "services/common/unreadable_request.h"

namespace depot {
namespace {

constexpr int kMaxIdleThreads = 64;

}  // namespace

bool IsLoopbackAddress(const std::string& listen) {
  std::string host = listen.substr(0, listen.rfind(':'));
  return host == "localhost" || host.starts_with("127.") || host == "[::1]";
}

void ConfigureLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("depot");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  spdlog::set_default_logger(logger);
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    throw StartupError("log_level must be trace, debug, info, warn or error");
  }
  spdlog::set_level(parsed);
}

DepotServer::DepotServer(const ServerConfig& config) : config_(config) {}

DepotServer::~DepotServer() {
  health_.reset();
  if (server_) server_->Shutdown(std::chrono::system_clock::now());
}

void DepotServer::AddService(grpc::Service* service, std::string name) {
  services_.push_back(service);
  names_.push_back(std::move(name));
}

void DepotServer::FollowHealth(std::function<void()> probe) {
  health_probe_ = std::move(probe);
}

void DepotServer::Start() {
  std::shared_ptr<grpc::ServerCredentials> credentials;
  if (config_.insecure_dev) {
    if (!IsLoopbackAddress(config_.listen)) {
      throw StartupError("--insecure-dev serves only on a loopback address, "
                         "not on " + config_.listen);
    }
    spdlog::warn(
        "INSECURE DEVELOPMENT MODE: plaintext, no client certificates; the "
        "caller names itself in {} metadata. Never use this with real data.",
        "x-depot-dev-identity");
    credentials = grpc::InsecureServerCredentials();
  } else {
    credentials = MutualTlsServerCredentials(config_.tls);
  }
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // The sync server ends a handler thread after each call once more than
  // MAX_POLLERS threads wait for work (default 2), so under concurrent load
  // it made and ended a thread per call. Keeping more threads costs a
  // little memory and saves that churn.
  builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MAX_POLLERS,
                              kMaxIdleThreads);
  builder.AddListeningPort(config_.listen, credentials, &port_);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<UnreadableRequestInterceptorFactory>());
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  for (grpc::Service* service : services_) builder.RegisterService(service);
  server_ = builder.BuildAndStart();
  if (!server_ || port_ == 0) {
    throw StartupError("cannot listen on " + config_.listen +
                       ": is the address right and the port free? (set "
                       "listen, DEPOT_LISTEN or --listen)");
  }
  SetStreamLimits({config_.streams_per_caller,
                   std::chrono::milliseconds(config_.stream_stall_timeout_ms)});
  auto* health = server_->GetHealthCheckService();
  if (health_probe_) {
    health_ = std::make_unique<HealthProbe>(
        health, names_, health_probe_,
        std::chrono::milliseconds(config_.health_check_interval_ms));
  } else {
    health->SetServingStatus("", true);
    for (const std::string& name : names_) health->SetServingStatus(name, true);
  }
}

void DepotServer::Shutdown(std::chrono::milliseconds grace) {
  if (!server_) return;
  auto deadline = std::chrono::steady_clock::now() + grace;
  // The probe first, so that it cannot turn SERVING again; Shutdown makes
  // every name NOT_SERVING and keeps it so.
  health_.reset();
  server_->GetHealthCheckService()->Shutdown();
  // Drain first: new calls get UNAVAILABLE from RpcGate while running ones
  // finish; only then does the transport stop (which would cancel calls it
  // has accepted but not yet started).
  BeginDraining();
  constexpr auto kQuietPeriod = std::chrono::milliseconds(100);
  while (std::chrono::steady_clock::now() + kQuietPeriod < deadline &&
         CallsInFlight() > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(
      std::min<std::chrono::steady_clock::duration>(
          kQuietPeriod, std::max<std::chrono::steady_clock::duration>(
                            deadline - std::chrono::steady_clock::now(),
                            std::chrono::steady_clock::duration::zero())));
  auto left = std::max<std::chrono::steady_clock::duration>(
      deadline - std::chrono::steady_clock::now(),
      std::chrono::milliseconds(200));
  server_->Shutdown(std::chrono::system_clock::now() + left);
  EndDraining();
}

void DepotServer::Wait() {
  if (server_) server_->Wait();
}

void BlockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

void ShutdownOnSignal(DepotServer& server, std::chrono::milliseconds grace) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received {}; finishing in-flight calls (up to {} ms)",
               received == SIGTERM ? "SIGTERM" : "SIGINT", grace.count());
  server.Shutdown(grace);
  server.Wait();
  spdlog::info("stopped");
}

}  // namespace depot
