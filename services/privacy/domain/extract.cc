#include "services/privacy/domain/extract.h"

#include <map>
#include <nlohmann/json.hpp>

#include "services/common/time_format.h"

namespace depot::privacy {

Extract BuildExtract(const AccessRequest& request,
                     const SubjectIdentity& identity, TimePoint compiled_at,
                     const std::vector<SubjectData>& sources) {
  using Json = nlohmann::ordered_json;
  Extract extract;
  Json document;
  document["format"] = "depot-access-extract/1";
  document["access_request"] = {
      {"id", request.id},
      {"received_on", FormatDate(request.received_on)},
      {"due_on", FormatDate(request.due_on)},
      {"verified_by", request.verified_by}};
  // The identity the person gave: their own data, so it belongs here.
  Json subject = Json::object();
  if (identity.ByNationalId()) {
    subject["national_id"] = identity.national_id;
  } else {
    subject["name"] = identity.name;
    subject["birth_date"] = identity.birth_date;
  }
  document["subject"] = subject;
  document["compiled_at"] = FormatRfc3339(compiled_at);

  Json services = Json::array();
  std::string lines;
  size_t total = 0;
  for (const SubjectData& source : sources) {
    Json items = Json::array();
    std::map<std::string, int> kinds;
    for (const SubjectItem& item : source.items) {
      Json data = Json::parse(item.data_json, nullptr, false);
      // A service's item that is not JSON still reaches the person, as text.
      if (data.is_discarded()) data = item.data_json;
      items.push_back({{"kind", item.kind},
                       {"id", item.id},
                       {"source", item.source},
                       {"data", data}});
      ++kinds[item.kind];
      extract.items.push_back(item);
    }
    total += source.items.size();
    Json counts = Json::object();
    std::string line = "  " + source.service + ": ";
    if (kinds.empty()) line += "nothing";
    bool first = true;
    for (const auto& [kind, count] : kinds) {
      counts[kind] = count;
      line += (first ? "" : ", ") + std::to_string(count) + " " + kind;
      first = false;
    }
    lines += line + "\n";
    for (const std::string& note : source.notes) {
      extract.notes.push_back(source.service + ": " + note);
    }
    services.push_back({{"service", source.service},
                        {"counts", counts},
                        {"items", items},
                        {"notes", source.notes}});
  }
  document["services"] = services;
  extract.document_json = document.dump(2) + "\n";

  extract.summary = "Access request " + std::to_string(request.id) +
                    " compiled " + FormatRfc3339(compiled_at) + ": " +
                    std::to_string(total) + " items\n" + lines;
  if (!extract.notes.empty()) {
    extract.summary += "Notes:\n";
    for (const std::string& note : extract.notes) {
      extract.summary += "  " + note + "\n";
    }
  }
  extract.summary += "Due " + FormatDate(request.due_on) +
                     " (internal target " + FormatDate(request.target_on) +
                     ")\n";
  return extract;
}

}  // namespace depot::privacy
