#pragma once

#include "depot/v1/privacy.pb.h"
#include "services/privacy/domain/access_requests.h"
#include "services/privacy/domain/breaches.h"
#include "services/privacy/domain/erasure.h"
#include "services/privacy/domain/retention.h"

namespace depot::privacy {

/// Conversions between depot.v1 privacy messages and the privacy domain.

v1::AccessRequestStatus ToProto(RequestStatus status);
/// DELIVERED, REFUSED or WITHDRAWN; InvalidArgument for any other number
/// (UNSPECIFIED included: closing needs an outcome).
RequestStatus FromProto(v1::CloseOutcome outcome);

NewAccessRequest FromProto(const v1::OpenAccessRequestRequest& request);
RequestQuery FromProto(const v1::ListAccessRequestsRequest& request);
ErasureInput FromProto(const v1::EraseSubjectRequest& request);
NewBreach FromProto(const v1::RegisterBreachRequest& request);

void ToProto(const AccessRequestView& view, v1::AccessRequest* out);
void ToProto(const CompiledRequest& compiled, v1::AccessExtract* out);
void ToProto(const ErasureResult& result, v1::EraseSubjectResponse* out);
void ToProto(const RetentionCount& count, v1::RetentionCount* out);
/// With whether it is overdue or was notified late as of `now`.
void ToProto(const Breach& breach, TimePoint now, v1::Breach* out);

}  // namespace depot::privacy
