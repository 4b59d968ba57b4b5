#include "tests/support/records.h"

#include <grpcpp/client_context.h>

#include <cstdio>
#include <stdexcept>

namespace depot::testing {

std::string MakeFodselsnummer(int day, int month, int year, int n) {
  static const int kWeights1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  static const int kWeights2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int found = 0;
  for (int individual = 0; individual < 500; ++individual) {
    char digits[48];  // room for any int, though the caller gives 2 digits each
    std::snprintf(digits, sizeof(digits), "%02d%02d%02d%03d", day, month,
                  year % 100, individual);
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[i] - '0') * kWeights1[i];
    int k1 = 11 - sum % 11;
    if (k1 == 11) k1 = 0;
    if (k1 == 10) continue;
    digits[9] = static_cast<char>('0' + k1);
    sum = 0;
    for (int i = 0; i < 10; ++i) sum += (digits[i] - '0') * kWeights2[i];
    int k2 = 11 - sum % 11;
    if (k2 == 11) k2 = 0;
    if (k2 == 10) continue;
    digits[10] = static_cast<char>('0' + k2);
    digits[11] = '\0';
    if (found++ == n) return digits;
  }
  throw std::runtime_error("no more fødselsnumre on that day");
}

std::vector<v1::RecordData> MakeRecords(int first_position, int count,
                                        const std::string& last_contact_date) {
  std::vector<v1::RecordData> records;
  records.reserve(count);
  for (int i = 0; i < count; ++i) {
    int position = first_position + i;
    // Spread over 1950-1959, 28 days a month, so numbers stay unique.
    int slot = position;
    int day = 1 + slot % 28;
    int month = 1 + (slot / 28) % 12;
    int year = 1950 + (slot / (28 * 12)) % 10;
    int n = slot / (28 * 12 * 10);
    v1::RecordData record;
    record.set_position(position);
    record.set_source_record_id("src-" + std::to_string(position));
    record.set_person_name("Test Person " + std::to_string(position));
    record.set_national_id(MakeFodselsnummer(day, month, year, n));
    record.set_opened_date("1970-01-01");
    record.set_last_contact_date(last_contact_date);
    record.set_box("box-" + std::to_string(position / 100));
    record.set_shelf("A-1");
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
