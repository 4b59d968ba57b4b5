#include "services/noark/noark_metadata.h"

#include <nlohmann/json.hpp>

namespace depot::noark {
namespace {

using nlohmann::json;

void Put(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

std::string Get(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// The mappe's own screening or disposal comes before inherited ones.
int LevelRank(const std::string& level) { return level == "mappe" ? 0 : 1; }

}  // namespace

std::string NoarkMetadataJson(const Mappe& mappe,
                              const std::string& noark_version) {
  json root = json::object();
  json source = json::object();
  Put(source, "systemID", mappe.system_id);
  Put(source, "mappeID", mappe.mappe_id);
  Put(source, "tittel", mappe.title);
  Put(source, "offentligTittel", mappe.public_title);
  Put(source, "type", mappe.type);
  Put(source, "noarkVersion", noark_version);
  if (!source.empty()) root["source"] = source;
  json screening = json::array();
  for (const Screening& s : mappe.screening) {
    json item = json::object();
    Put(item, "level", s.level);
    Put(item, "levelSystemID", s.level_system_id);
    Put(item, "tilgangsrestriksjon", s.tilgangsrestriksjon);
    Put(item, "skjermingshjemmel", s.skjermingshjemmel);
    if (!s.skjerming_metadata.empty()) {
      item["skjermingMetadata"] = s.skjerming_metadata;
    }
    Put(item, "skjermingDokument", s.skjerming_dokument);
    Put(item, "skjermingsvarighet", s.skjermingsvarighet);
    Put(item, "skjermingOpphoererDato", s.skjerming_opphoerer_dato);
    screening.push_back(item);
  }
  if (!screening.empty()) root["skjerming"] = screening;
  json disposal = json::array();
  for (const Disposal& d : mappe.disposal) {
    json item = json::object();
    Put(item, "level", d.level);
    Put(item, "levelSystemID", d.level_system_id);
    Put(item, "kassasjonsvedtak", d.kassasjonsvedtak);
    Put(item, "kassasjonshjemmel", d.kassasjonshjemmel);
    Put(item, "bevaringstid", d.bevaringstid);
    Put(item, "kassasjonsdato", d.kassasjonsdato);
    disposal.push_back(item);
  }
  if (!disposal.empty()) root["kassasjon"] = disposal;
  return root.dump();
}

NoarkMetadataView ParseNoarkMetadata(const std::string& text) {
  NoarkMetadataView view;
  if (text.empty()) return view;
  json root = json::parse(text, nullptr, false);
  if (!root.is_object()) return view;
  if (auto source = root.find("source");
      source != root.end() && source->is_object()) {
    view.mappe_id = Get(*source, "mappeID");
    view.title = Get(*source, "tittel");
    view.public_title = Get(*source, "offentligTittel");
  }
  if (auto list = root.find("skjerming");
      list != root.end() && list->is_array()) {
    for (const json& item : *list) {
      if (!item.is_object()) continue;
      view.any_screening = true;
      Screening s;
      s.level = Get(item, "level");
      s.tilgangsrestriksjon = Get(item, "tilgangsrestriksjon");
      s.skjermingshjemmel = Get(item, "skjermingshjemmel");
      if (auto m = item.find("skjermingMetadata");
          m != item.end() && m->is_array()) {
        for (const json& code : *m) {
          if (code.is_string()) s.skjerming_metadata.push_back(code);
        }
      }
      s.skjerming_dokument = Get(item, "skjermingDokument");
      s.skjermingsvarighet = Get(item, "skjermingsvarighet");
      s.skjerming_opphoerer_dato = Get(item, "skjermingOpphoererDato");
      if (s.level == "mappe" && !view.screening) view.screening = s;
    }
  }
  if (auto list = root.find("kassasjon");
      list != root.end() && list->is_array()) {
    for (const json& item : *list) {
      if (!item.is_object()) continue;
      Disposal d;
      d.level = Get(item, "level");
      d.kassasjonsvedtak = Get(item, "kassasjonsvedtak");
      d.kassasjonshjemmel = Get(item, "kassasjonshjemmel");
      d.bevaringstid = Get(item, "bevaringstid");
      d.kassasjonsdato = Get(item, "kassasjonsdato");
      if (!view.disposal ||
          LevelRank(d.level) < LevelRank(view.disposal->level)) {
        view.disposal = d;
      }
    }
  }
  return view;
}

}  // namespace depot::noark
