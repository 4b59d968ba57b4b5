#pragma once

// Proto <-> domain conversions of the rights-request messages
// (depot/v1/subject.proto), shared by the handlers of every service that
// answers SubjectData / EraseSubjectData. Header-only: each handler library
// links depot_proto already.

#include <vector>

#include "depot/v1/subject.pb.h"
#include "services/common/subject_data.h"

namespace depot {

inline SubjectQuery FromProto(const v1::SubjectQuery& query) {
  return {query.national_id(), query.name(), query.birth_date(),
          query.purpose()};
}

inline void ToProto(const SubjectData& data, v1::SubjectDataResponse* out) {
  for (const SubjectItem& item : data.items) {
    auto* o = out->add_items();
    o->set_service(item.service);
    o->set_kind(item.kind);
    o->set_id(item.id);
    o->set_data_json(item.data_json);
    o->set_source(item.source);
  }
  for (const std::string& note : data.notes) out->add_notes(note);
}

inline void ToProto(const std::vector<ErasureOutcome>& outcomes,
                    v1::EraseSubjectDataResponse* out) {
  for (const ErasureOutcome& outcome : outcomes) {
    auto* o = out->add_outcomes();
    o->set_service(outcome.service);
    o->set_kind(outcome.kind);
    o->set_id(outcome.id);
    o->set_erased(outcome.erased);
    o->set_legal_reason(outcome.legal_reason);
  }
}

}  // namespace depot
