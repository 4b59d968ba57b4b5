#include "services/privacy/domain/model.h"

namespace depot::privacy {

const char* SubjectIdentity::KindName() const {
  return ByNationalId() ? "national_id" : "name_birth_date";
}

const char* StatusName(RequestStatus status) {
  switch (status) {
    case RequestStatus::kReceived:
      return "received";
    case RequestStatus::kCompiling:
      return "compiling";
    case RequestStatus::kCompiled:
      return "compiled";
    case RequestStatus::kDelivered:
      return "delivered";
    case RequestStatus::kRefused:
      return "refused";
    case RequestStatus::kWithdrawn:
      return "withdrawn";
  }
  return "received";
}

std::optional<RequestStatus> ParseStatus(const std::string& name) {
  for (auto status : {RequestStatus::kReceived, RequestStatus::kCompiling,
                      RequestStatus::kCompiled, RequestStatus::kDelivered,
                      RequestStatus::kRefused, RequestStatus::kWithdrawn}) {
    if (name == StatusName(status)) return status;
  }
  return std::nullopt;
}

bool IsClosed(RequestStatus status) {
  return status == RequestStatus::kDelivered ||
         status == RequestStatus::kRefused ||
         status == RequestStatus::kWithdrawn;
}

}  // namespace depot::privacy
