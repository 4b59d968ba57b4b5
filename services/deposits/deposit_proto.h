#pragma once

#include <optional>
#include <string>

#include "depot/v1/deposit.pb.h"
#include "services/deposits/domain/categories.h"
#include "services/deposits/domain/depositor.h"
#include "services/deposits/domain/deposits.h"
#include "services/deposits/domain/record.h"
#include "services/deposits/domain/record_correction.h"
#include "services/deposits/domain/record_search.h"
#include "services/deposits/domain/transfers.h"

namespace depot::deposits {

/// Conversions between depot.v1 deposit messages and the deposit domain.
/// An enum conversion from proto answers nullopt for UNSPECIFIED (the
/// domain decides whether the field is required) and throws
/// InvalidArgument for a number it does not know.

std::optional<DepositorKind> FromProto(v1::DepositorKind kind);
v1::DepositorKind ToProto(DepositorKind kind);
/// UNSPECIFIED is nullopt: required or "any", as the call decides.
std::optional<RegisterCategory> CategoryFromProto(
    v1::RegisterCategory category);
v1::DepositState ToProto(DepositState state);

NewDepositor FromProto(const v1::RegisterDepositorRequest& request);
CreateDepositCommand FromProto(const v1::CreateDepositRequest& request);
SearchCommand FromProto(const v1::SearchRecordsRequest& request);
CorrectRecordCommand FromProto(const v1::CorrectRecordRequest& request);
/// RecordData as the domain takes it.
RecordInput FromProto(const v1::RecordData& record);

void ToProto(const Depositor& depositor, v1::Depositor* out);
void ToProto(const CategoryRule& rule, v1::CategoryRule* out);
void ToProto(const Deposit& deposit, v1::Deposit* out);
/// The record with its category's special-category flag from `rules`.
void ToProto(const RecordView& record, const CategoryRules& rules,
             v1::RecordSummary* out);
void ToProto(const Rejection& rejection, v1::Rejection* out);
void ToProto(const RecordException& exception, v1::RecordException* out);
void ToProto(const ItemInfo& item, v1::Item* out);
/// The deposit's totals and, when the deposit knows it, the transfer's
/// state; next_position is 1 for a transfer not begun.
void ToProto(const TransferReport& report, const std::string& transfer_id,
             v1::TransferProgress* out);

}  // namespace depot::deposits
