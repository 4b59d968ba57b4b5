#include "services/privacy/grpc_subject_sources.h"

#include <grpcpp/client_context.h>

#include <future>

#include "services/common/auth/caller_resolver.h"
#include "services/common/client_status.h"

namespace depot::privacy {
namespace {

// A compile waits for the slowest service; long enough for a person with
// thousands of records, short enough that a hung service is reported.
constexpr auto kDeadline = std::chrono::seconds(30);

v1::SubjectQuery QueryOf(const SubjectIdentity& identity,
                         const std::string& purpose) {
  v1::SubjectQuery query;
  if (identity.ByNationalId()) {
    query.set_national_id(identity.national_id);
  } else {
    query.set_name(identity.name);
    query.set_birth_date(identity.birth_date);
  }
  query.set_purpose(purpose);
  return query;
}

[[noreturn]] void Fail(const std::string& service, const grpc::Status& status) {
  throw ErrorFromClientStatus(status,
                              service + " did not answer the rights request");
}

SubjectData FromProto(const std::string& service,
                      const v1::SubjectDataResponse& response) {
  SubjectData data;
  data.service = service;
  for (const auto& item : response.items()) {
    // The service name is ours, not what the answer claims.
    data.items.push_back(
        {service, item.kind(), item.id(), item.data_json(), item.source()});
  }
  data.notes.assign(response.notes().begin(), response.notes().end());
  return data;
}

}  // namespace

GrpcSubjectSources::GrpcSubjectSources(Channels channels,
                                       std::string dev_identity)
    : channels_(std::move(channels)), dev_identity_(std::move(dev_identity)) {}

GrpcSubjectSources::Stubs& GrpcSubjectSources::stubs() {
  std::call_once(once_, [this] {
    stubs_.deposits = v1::DepositService::NewStub(channels_.deposits());
    stubs_.readingroom =
        v1::ReadingRoomService::NewStub(channels_.readingroom());
    stubs_.journal = v1::JournalService::NewStub(channels_.journal());
  });
  return stubs_;
}

std::unique_ptr<grpc::ClientContext> GrpcSubjectSources::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(std::chrono::system_clock::now() + kDeadline);
  if (!dev_identity_.empty()) {
    context->AddMetadata(kDevIdentityMetadata, dev_identity_);
  }
  return context;
}

std::vector<SubjectData> GrpcSubjectSources::Collect(
    const SubjectIdentity& identity, const std::string& purpose) {
  Stubs& s = stubs();
  v1::SubjectQuery query = QueryOf(identity, purpose);
  // The three services answer in parallel: a compile takes as long as the
  // slowest, not the sum.
  struct Call {
    explicit Call(std::unique_ptr<grpc::ClientContext> c)
        : context(std::move(c)) {}
    std::unique_ptr<grpc::ClientContext> context;
    v1::SubjectDataResponse response;
    grpc::Status status;
  };
  Call deposits(NewContext()), readingroom(NewContext()), journal(NewContext());
  auto pending_readingroom = std::async(std::launch::async, [&] {
    readingroom.status = s.readingroom->SubjectData(
        readingroom.context.get(), query, &readingroom.response);
  });
  auto pending_journal = std::async(std::launch::async, [&] {
    journal.status =
        s.journal->SubjectData(journal.context.get(), query, &journal.response);
  });
  deposits.status = s.deposits->SubjectData(deposits.context.get(), query,
                                            &deposits.response);
  pending_readingroom.get();
  pending_journal.get();
  if (!deposits.status.ok()) Fail("DepositService", deposits.status);
  if (!readingroom.status.ok()) Fail("ReadingRoomService", readingroom.status);
  if (!journal.status.ok()) Fail("JournalService", journal.status);
  return {FromProto("deposits", deposits.response),
          FromProto("readingroom", readingroom.response),
          FromProto("journal", journal.response)};
}

std::vector<ErasureOutcome> GrpcSubjectSources::Erase(
    const SubjectIdentity& identity, const std::string& purpose) {
  Stubs& s = stubs();
  v1::SubjectQuery query = QueryOf(identity, purpose);
  std::vector<ErasureOutcome> outcomes;
  auto collect = [&](const std::string& service, const grpc::Status& status,
                     const v1::EraseSubjectDataResponse& response) {
    if (!status.ok()) {
      // Reported, not thrown: the other services' erasures happened and
      // the caller must see them; the erasure can be run again.
      outcomes.push_back({service, "service", service, false,
                          "not reached (" + status.error_message() +
                              "): nothing was erased here; run the erasure "
                              "again"});
      return;
    }
    for (const auto& o : response.outcomes()) {
      outcomes.push_back(
          {service, o.kind(), o.id(), o.erased(), o.legal_reason()});
    }
  };
  {
    v1::EraseSubjectDataResponse response;
    auto context = NewContext();
    collect("deposits",
            s.deposits->EraseSubjectData(context.get(), query, &response),
            response);
  }
  {
    v1::EraseSubjectDataResponse response;
    auto context = NewContext();
    collect("readingroom",
            s.readingroom->EraseSubjectData(context.get(), query, &response),
            response);
  }
  {
    v1::EraseSubjectDataResponse response;
    auto context = NewContext();
    collect("journal",
            s.journal->EraseSubjectData(context.get(), query, &response),
            response);
  }
  return outcomes;
}

std::vector<RetentionCount> GrpcSubjectSources::ApplyRetention(bool dry_run) {
  v1::RetentionRequest request;
  request.set_dry_run(dry_run);
  v1::RetentionReport report;
  auto context = NewContext();
  grpc::Status status =
      stubs().readingroom->ApplyRetention(context.get(), request, &report);
  if (!status.ok()) Fail("ReadingRoomService", status);
  std::vector<RetentionCount> counts;
  for (const auto& c : report.counts()) {
    counts.push_back({c.service().empty() ? "readingroom" : c.service(),
                      c.kind(), c.count(), c.cutoff(), c.period()});
  }
  return counts;
}

}  // namespace depot::privacy
