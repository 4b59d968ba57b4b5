#include "tests/support/records.h"

#include <grpcpp/client_context.h>

#include <cstdio>
#include <stdexcept>

namespace depot::testing {

std::vector<v1::RecordData> MakeRecords(int first_position, int count,
                                        const std::string& last_contact_date) {
  std::vector<v1::RecordData> records;
  records.reserve(count);
  for (const SyntheticRecord& synthetic :
       MakeSyntheticRecords(first_position, count, last_contact_date)) {
    v1::RecordData record;
    record.set_position(synthetic.position);
    record.set_source_record_id(synthetic.source_record_id);
    record.set_person_name(synthetic.person_name);
    record.set_national_id(synthetic.national_id);
    record.set_opened_date(synthetic.opened_date);
    record.set_last_contact_date(synthetic.last_contact_date);
    record.set_box(synthetic.box);
    record.set_shelf(synthetic.shelf);
    records.push_back(std::move(record));
  }
  return records;
}

int64_t CreateDeposit(const std::shared_ptr<grpc::Channel>& channel,
                      const std::string& organisation_number,
                      v1::RegisterCategory category,
                      const std::string& deposit_date) {
  auto stub = v1::DepositService::NewStub(channel);
  {
    v1::RegisterDepositorRequest request;
    request.set_organization_number(organisation_number);
    request.set_name("Test kommune " + organisation_number);
    request.set_kind(v1::DEPOSITOR_KIND_MUNICIPALITY);
    v1::Depositor depositor;
    grpc::ClientContext context;
    grpc::Status status =
        stub->RegisterDepositor(&context, request, &depositor);
    if (!status.ok() && status.error_code() != grpc::ALREADY_EXISTS) {
      throw std::runtime_error("RegisterDepositor: " + status.error_message());
    }
  }
  v1::CreateDepositRequest request;
  request.set_organization_number(organisation_number);
  request.set_category(category);
  request.set_description("test deposit");
  request.set_deposit_date(deposit_date);
  v1::Deposit deposit;
  grpc::ClientContext context;
  grpc::Status status = stub->CreateDeposit(&context, request, &deposit);
  if (!status.ok()) {
    throw std::runtime_error("CreateDeposit: " + status.error_message());
  }
  return deposit.deposit_id();
}

grpc::Status Transfer(const std::shared_ptr<grpc::Channel>& channel,
                      int64_t deposit_id,
                      const std::vector<v1::RecordData>& records, int batch,
                      v1::TransferSummary* summary,
                      const std::string& transfer_id,
                      const std::string& source_sha256) {
  auto stub = v1::DepositService::NewStub(channel);
  grpc::ClientContext context;
  auto writer = stub->TransferRecords(&context, summary);
  v1::TransferRecordsRequest start;
  start.mutable_start()->set_deposit_id(deposit_id);
  start.mutable_start()->set_transfer_id(transfer_id);
  start.mutable_start()->set_source_sha256(source_sha256);
  bool open = writer->Write(start);
  for (size_t i = 0; open && i < records.size(); i += batch) {
    v1::TransferRecordsRequest message;
    for (size_t j = i; j < records.size() && j < i + batch; ++j) {
      *message.mutable_batch()->add_records() = records[j];
    }
    open = writer->Write(message);
  }
  writer->WritesDone();
  return writer->Finish();
}

}  // namespace depot::testing
