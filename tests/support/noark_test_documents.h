#pragma once

// Noark 5 documents for the tests of services/noark, and the fuzzer's seed
// corpus (tests/fuzz writes them out): written here, never copied from
// ../shared.
#include <string>
#include <utility>
#include <vector>

namespace depot::testing {

inline std::string ArkivstrukturHead() {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<arkiv xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <systemID>0a1b2c3d-0000-4000-8000-000000000001</systemID>
  <tittel>Testkommune</tittel>
  <opprettetDato>2000-01-01T00:00:00</opprettetDato>
  <opprettetAv>arkivar</opprettetAv>
  <avsluttetDato>2010-01-01T00:00:00</avsluttetDato>
  <avsluttetAv>arkivar</avsluttetAv>
  <arkivskaper>
    <arkivskaperID>964338531</arkivskaperID>
    <arkivskaperNavn>Testkommune</arkivskaperNavn>
  </arkivskaper>
  <arkivdel>
    <systemID>0a1b2c3d-0000-4000-8000-000000000002</systemID>
    <tittel>Elevmapper</tittel>
    <arkivdelstatus>Avsluttet periode</arkivdelstatus>
    <opprettetDato>2000-01-01T00:00:00</opprettetDato>
    <opprettetAv>arkivar</opprettetAv>
    <avsluttetDato>2010-01-01T00:00:00</avsluttetDato>
    <avsluttetAv>arkivar</avsluttetAv>
    <kassasjon>
      <kassasjonsvedtak>Bevares</kassasjonsvedtak>
      <bevaringstid>0</bevaringstid>
      <kassasjonsdato>2100-01-01</kassasjonsdato>
    </kassasjon>
)";
}

inline std::string ArkivstrukturTail() { return "  </arkivdel>\n</arkiv>\n"; }

/// A mappe of a pupil with a part that has an identity number, screening,
/// and one journalpost with a document (file reference and SHA-256).
inline std::string PupilMappe(const std::string& system_id,
                              const std::string& name,
                              const std::string& national_id,
                              const std::string& file,
                              const std::string& sha256) {
  return R"(    <mappe>
      <systemID>)" +
         system_id + R"(</systemID>
      <mappeID>2001/17</mappeID>
      <tittel>Elevmappe )" +
         name + R"(</tittel>
      <opprettetDato>1995-08-15T09:00:00</opprettetDato>
      <opprettetAv>skole</opprettetAv>
      <avsluttetDato>2004-06-20T12:00:00</avsluttetDato>
      <avsluttetAv>skole</avsluttetAv>
      <part>
        <partID>)" +
         national_id + R"(</partID>
        <partNavn>)" +
         name + R"(</partNavn>
        <partRolle>Elev</partRolle>
      </part>
      <skjerming>
        <tilgangsrestriksjon>UO</tilgangsrestriksjon>
        <skjermingshjemmel>Offl. § 13</skjermingshjemmel>
        <skjermingMetadata>tittel</skjermingMetadata>
        <skjermingMetadata>part</skjermingMetadata>
      </skjerming>
      <registrering xsi:type="journalpost">
        <systemID>)" +
         system_id.substr(0, 30) + R"(aaaaaa</systemID>
        <opprettetDato>2001-03-01T10:00:00</opprettetDato>
        <opprettetAv>skole</opprettetAv>
        <arkivertDato>2011-01-01T10:00:00</arkivertDato>
        <arkivertAv>arkivar</arkivertAv>
        <dokumentbeskrivelse>
          <systemID>)" +
         system_id.substr(0, 30) + R"(bbbbbb</systemID>
          <dokumenttype>Brev</dokumenttype>
          <dokumentstatus>Dokumentet er ferdigstilt</dokumentstatus>
          <tittel>Vitnemål</tittel>
          <opprettetDato>2004-06-19T10:00:00</opprettetDato>
          <opprettetAv>skole</opprettetAv>
          <tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>
          <dokumentnummer>1</dokumentnummer>
          <tilknyttetDato>2004-06-19T10:00:00</tilknyttetDato>
          <tilknyttetAv>skole</tilknyttetAv>
          <dokumentobjekt>
            <systemID>)" +
         system_id.substr(0, 30) + R"(cccccc</systemID>
            <versjonsnummer>1</versjonsnummer>
            <variantformat>Arkivformat</variantformat>
            <format>pdf</format>
            <opprettetDato>2004-06-19T10:00:00</opprettetDato>
            <opprettetAv>skole</opprettetAv>
            <referanseDokumentfil>)" +
         file + R"(</referanseDokumentfil>
            <sjekksum>)" +
         sha256 + R"(</sjekksum>
            <sjekksumAlgoritme>SHA256</sjekksumAlgoritme>
            <filstoerrelse>5</filstoerrelse>
          </dokumentobjekt>
        </dokumentbeskrivelse>
        <tittel>Vitnemål</tittel>
        <journalaar>2004</journalaar>
        <journalsekvensnummer>1</journalsekvensnummer>
        <journalpostnummer>1</journalpostnummer>
        <journalposttype>Utgående dokument</journalposttype>
        <journalstatus>Arkivert</journalstatus>
        <journaldato>2004-06-21</journaldato>
        <dokumentetsDato>2004-06-19</dokumentetsDato>
      </registrering>
    </mappe>
)";
}

/// A Noark 5.5-style mappe: the person in nasjonalidentifikator, named by
/// a korrespondansepart, no documents.
inline std::string IdentifiedMappe(const std::string& system_id,
                                   const std::string& name,
                                   const std::string& national_id) {
  return R"(    <mappe>
      <systemID>)" +
         system_id + R"(</systemID>
      <mappeID>2002/3</mappeID>
      <tittel>Sak</tittel>
      <opprettetDato>1996-01-10T00:00:00</opprettetDato>
      <opprettetAv>saksbehandler</opprettetAv>
      <avsluttetDato>1999-02-01T00:00:00</avsluttetDato>
      <avsluttetAv>saksbehandler</avsluttetAv>
      <nasjonalidentifikator>
        <personidentifikator>
          <foedselsnummer>)" +
         national_id + R"(</foedselsnummer>
        </personidentifikator>
      </nasjonalidentifikator>
      <registrering xsi:type="journalpost">
        <systemID>)" +
         system_id.substr(0, 30) + R"(dddddd</systemID>
        <opprettetDato>2000-05-05T00:00:00</opprettetDato>
        <opprettetAv>saksbehandler</opprettetAv>
        <arkivertDato>2000-05-06T00:00:00</arkivertDato>
        <arkivertAv>arkivar</arkivertAv>
        <tittel>Brev</tittel>
        <korrespondansepart>
          <korrespondanseparttype>Intern avsender</korrespondanseparttype>
          <korrespondansepartNavn>Saksbehandler Sand</korrespondansepartNavn>
        </korrespondansepart>
        <korrespondansepart>
          <korrespondanseparttype>Mottaker</korrespondanseparttype>
          <korrespondansepartNavn>)" +
         name + R"(</korrespondansepartNavn>
        </korrespondansepart>
        <journalaar>2000</journalaar>
        <journalsekvensnummer>5</journalsekvensnummer>
        <journalpostnummer>5</journalpostnummer>
        <journalposttype>Utgående dokument</journalposttype>
        <journalstatus>Arkivert</journalstatus>
        <journaldato>2001-02-03</journaldato>
      </registrering>
    </mappe>
)";
}

/// A mappe that names nobody by number or birth date.
inline std::string AnonymousMappe(const std::string& system_id) {
  return R"(    <mappe>
      <systemID>)" +
         system_id + R"(</systemID>
      <mappeID>2003/1</mappeID>
      <tittel>Byggesak Storgata 1</tittel>
      <opprettetDato>1997-01-01T00:00:00</opprettetDato>
      <opprettetAv>x</opprettetAv>
      <avsluttetDato>1998-01-01T00:00:00</avsluttetDato>
      <avsluttetAv>x</avsluttetAv>
    </mappe>
)";
}

/// Hostile and broken documents: (name, bytes).
inline std::vector<std::pair<std::string, std::string>> HostileDocuments() {
  const std::string ns =
      "xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\"";
  std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE arkiv [\n"
      "<!ENTITY lol \"lol\">\n";
  laughs +=
      "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"
      "&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    std::string prev = "&lol" + std::to_string(i - 1) + ";";
    std::string value;
    for (int j = 0; j < 10; ++j) value += prev;
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" + value + "\">\n";
  }
  laughs += "]>\n<arkiv " + ns + "><tittel>&lol9;</tittel></arkiv>\n";
  return {
      {"malformed", "<?xml version=\"1.0\"?>\n<arkiv " + ns +
                        "><systemID>x</systemID><tittel>a</arkiv>\n"},
      {"truncated",
       ArkivstrukturHead() + PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001",
                                        "Kari", "12345678901", "a.pdf",
                                        std::string(64, 'a'))
                                 .substr(0, 300)},
      {"billion_laughs", laughs},
      {"xxe",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE arkiv [\n<!ENTITY xxe "
       "SYSTEM \"file:///etc/passwd\">\n]>\n<arkiv " +
           ns + "><tittel>&xxe;</tittel></arkiv>\n"},
      {"xxe_parameter",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE arkiv [\n<!ENTITY % p SYSTEM "
       "\"http://127.0.0.1:1/evil.dtd\">\n%p;\n]>\n<arkiv " +
           ns + "/>\n"},
      {"undeclared_entity", "<?xml version=\"1.0\"?>\n<arkiv " + ns +
                                "><tittel>&nope;</tittel>"
                                "</arkiv>\n"},
      {"wrong_root", "<?xml version=\"1.0\"?>\n<addml/>\n"},
      {"empty", ""},
  };
}

/// A well-formed extraction of three mappes (the seed of the fuzzer).
inline std::string SmallExtraction() {
  return ArkivstrukturHead() +
         PupilMappe("0a1b2c3d-0000-4000-8000-00000000a001", "Kari Nordmann",
                    "15076510013", "dokumenter/a.pdf",
                    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e7304336293"
                    "8b9824") +
         IdentifiedMappe("0a1b2c3d-0000-4000-8000-00000000a002", "Ola Nordmann",
                         "01019010046") +
         AnonymousMappe("0a1b2c3d-0000-4000-8000-00000000a003") +
         ArkivstrukturTail();
}

}  // namespace depot::testing
