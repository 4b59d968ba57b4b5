#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/noark/safe_xml_reader.h"

namespace depot::noark {

inline constexpr char kArkivstrukturNamespace[] =
    "http://www.arkivverket.no/standarder/noark5/arkivstruktur";
inline constexpr char kAddmlNamespace[] =
    "http://www.arkivverket.no/standarder/addml";
inline constexpr char kXsiNamespace[] =
    "http://www.w3.org/2001/XMLSchema-instance";
/// depot's own elements inside virksomhetsspesifikkeMetadata (what Noark 5
/// has no element for: birth date without identity number, death year,
/// box and shelf, the record's id in depot and its Noark metadata).
inline constexpr char kDepotNamespace[] = "urn:x-depot:noark5";

/// A person or organisation named in a mappe: part (v5.0), sakspart (v3.1,
/// v4.0) or korrespondansepart.
struct Party {
  std::string kind;  ///< "part", "sakspart" or "korrespondansepart"
  std::string name;
  std::string id;         ///< partID / sakspartID (may be a fødselsnummer)
  std::string person_id;  ///< personID, foedselsnummer or dNummer
  std::string birth_date;
  std::string role;  ///< partRolle / korrespondanseparttype
  bool in_registrering = false;
  int64_t line = 0;
};

/// A dokumentobjekt: the reference to one document file.
struct DocumentObject {
  std::string system_id;
  std::string file_reference;  ///< referanseDokumentfil
  std::string checksum;        ///< sjekksum
  std::string checksum_algorithm;
  std::string size_text;  ///< filstoerrelse as written
  std::string format;
  int64_t line = 0;
};

/// skjerming (screening) of the mappe or of something in or above it.
struct Screening {
  std::string level;            ///< "mappe", "registrering", "arkivdel", ...
  std::string level_system_id;  ///< systemID of that unit when known
  std::string tilgangsrestriksjon;
  std::string skjermingshjemmel;
  std::vector<std::string> skjerming_metadata;
  std::string skjerming_dokument;
  std::string skjermingsvarighet;
  std::string skjerming_opphoerer_dato;
};

/// kassasjon (disposal decision) of the mappe or of something in or above
/// it.
struct Disposal {
  std::string level;
  std::string level_system_id;
  std::string kassasjonsvedtak;
  std::string kassasjonshjemmel;
  std::string bevaringstid;
  std::string kassasjonsdato;
};

/// depot's own extension (kDepotNamespace), present in depot's exports.
struct DepotExtension {
  bool present = false;
  std::string source_record_id;
  std::string birth_date;
  std::string death_year;
  std::string box;
  std::string shelf;
  std::string noark_metadata;  ///< JSON object
};

/// One mappe as read, with what the mapping to a record needs. Nested
/// mappes are mappes of their own.
struct Mappe {
  int64_t position = 0;  ///< 1-based, in the order mappes end
  int64_t line = 0;      ///< of the start tag
  std::string type;      ///< xsi:type without prefix ("saksmappe"), or ""
  std::string system_id;
  std::string mappe_id;
  std::string title;
  std::string public_title;
  std::string opened_date;  ///< YYYY-MM-DD of opprettetDato, "" if none
  /// The latest date of contact: of the mappe's opprettetDato,
  /// avsluttetDato, saksdato, moetedato and its registreringer's
  /// opprettetDato, journaldato, dokumentetsDato, mottattDato, sendtDato.
  std::string latest_date;
  std::string latest_date_element;
  std::vector<Party> parties;
  /// nasjonalidentifikator / personidentifikator outside any party.
  std::vector<std::string> national_ids;
  std::vector<std::string> birth_dates;
  std::vector<DocumentObject> documents;
  int64_t document_count = 0;  ///< also those over the kept maximum
  std::vector<Screening> screening;
  std::vector<Disposal> disposal;
  DepotExtension depot;
  int64_t registrering_count = 0;
  int64_t sub_mappe_count = 0;
  /// Its metadata passed ReaderOptions::max_mappe_bytes: the rest was not
  /// kept, so the mappe cannot become a record.
  bool oversized = false;
  std::vector<Deviation> deviations;
};

}  // namespace depot::noark
