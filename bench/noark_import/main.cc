// bench/noark_import: a generated Noark 5 arkivstruktur.xml of at least
// 1 GB imported into a running depotd over mTLS through the same client
// code as `depot deposit import-noark5` (clients/cli/noark_import). Prints
// `name: value` lines: the size, the records, the rate and the peak memory
// of the importer and of depotd.
#include <grpcpp/grpcpp.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "clients/cli/noark_import.h"
#include "services/noark/noark5_reader.h"
#include "tests/support/depotd.h"
#include "tests/support/pki.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/records.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

long PeakRssKb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return -1;
}

long OwnPeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// What the n-th generated mappe is made of.
struct Pupil {
  int64_t n;
  std::string id;    // fødselsnummer
  int opened;        // the year the mappe was opened
  std::string uuid;  // the mappe's systemID
  unsigned long long id48;
};

Pupil PupilNumber(int64_t n) {
  // Born 1940-1999 on one of 21,900 days, the n-th number of that day.
  int64_t day_slot = n % (60 * 365);
  int year = 1940 + static_cast<int>(day_slot / 365);
  int month = 1 + static_cast<int>(day_slot % 365) / 31 % 12;
  int day = 1 + static_cast<int>(day_slot % 28);
  std::string id = depot::testing::MakeFodselsnummer(
      day, month, year, static_cast<int>(n / (60 * 365)) % 100);
  int opened = year + 7 < 2005 ? year + 7 : 2005;
  char uuid[64];
  std::snprintf(uuid, sizeof uuid, "0a1b2c3d-%04x-4000-8000-%012llx",
                static_cast<unsigned>(n >> 48) & 0xffff,
                static_cast<unsigned long long>(n) & 0xffffffffffffULL);
  return {n, id, opened, uuid,
          static_cast<unsigned long long>(n) & 0xffffffffffffULL};
}

// The mappe's own fields, its part (with the fødselsnummer) and screening.
void WriteMappeHead(std::FILE* out, const Pupil& p) {
  int64_t n = p.n;
  int opened = p.opened;
  std::fprintf(out,
               "    <mappe xsi:type=\"saksmappe\">\n"
               "      <systemID>%s</systemID>\n"
               "      <mappeID>%d/%lld</mappeID>\n"
               "      <tittel>Elevmappe Elev Nummer %lld</tittel>\n"
               "      <opprettetDato>%d-08-15T09:00:00</opprettetDato>\n"
               "      <opprettetAv>skolekontoret</opprettetAv>\n"
               "      <avsluttetDato>%d-06-20T12:00:00</avsluttetDato>\n"
               "      <avsluttetAv>skolekontoret</avsluttetAv>\n"
               "      <part>\n"
               "        <partID>%s</partID>\n"
               "        <partNavn>Elev Nummer %lld</partNavn>\n"
               "        <partRolle>Elev</partRolle>\n"
               "        <postadresse>Skolegata %lld</postadresse>\n"
               "        <postnummer>5003</postnummer>\n"
               "        <poststed>Bergen</poststed>\n"
               "      </part>\n"
               "      <skjerming>\n"
               "        <tilgangsrestriksjon>UO</tilgangsrestriksjon>\n"
               "        <skjermingshjemmel>Offl. § 13</skjermingshjemmel>\n"
               "        <skjermingMetadata>tittel</skjermingMetadata>\n"
               "      </skjerming>\n",
               p.uuid.c_str(), opened, static_cast<long long>(n),
               static_cast<long long>(n), opened, opened + 9, p.id.c_str(),
               static_cast<long long>(n), static_cast<long long>(n % 200));
}

// The mappe's journalpost with one document, and the mappe's end.
void WriteJournalpostAndEnd(std::FILE* out, const Pupil& p) {
  int64_t n = p.n;
  int opened = p.opened;
  auto id48 = p.id48;
  std::fprintf(
      out,
      "      <registrering xsi:type=\"journalpost\">\n"
      "        <systemID>0a1b2c3d-0001-4000-8000-%012llx</systemID>\n"
      "        <opprettetDato>%d-03-01T10:00:00</opprettetDato>\n"
      "        <opprettetAv>skolekontoret</opprettetAv>\n"
      "        <arkivertDato>%d-03-02T10:00:00</arkivertDato>\n"
      "        <arkivertAv>arkivar</arkivertAv>\n"
      "        <dokumentbeskrivelse>\n"
      "          <systemID>0a1b2c3d-0002-4000-8000-%012llx</systemID>\n"
      "          <dokumenttype>Vitnemål</dokumenttype>\n"
      "          <dokumentstatus>Dokumentet er ferdigstilt</dokumentstatus>\n"
      "          <tittel>Vitnemål</tittel>\n"
      "          <opprettetDato>%d-06-19T10:00:00</opprettetDato>\n"
      "          <opprettetAv>skolekontoret</opprettetAv>\n"
      "          "
      "<tilknyttetRegistreringSom>Hoveddokument</tilknyttetRegistreringSom>\n"
      "          <dokumentnummer>1</dokumentnummer>\n"
      "          <tilknyttetDato>%d-06-19T10:00:00</tilknyttetDato>\n"
      "          <tilknyttetAv>skolekontoret</tilknyttetAv>\n"
      "          <dokumentobjekt>\n"
      "            <systemID>0a1b2c3d-0003-4000-8000-%012llx</systemID>\n"
      "            <versjonsnummer>1</versjonsnummer>\n"
      "            <variantformat>Arkivformat</variantformat>\n"
      "            <format>pdf</format>\n"
      "            <opprettetDato>%d-06-19T10:00:00</opprettetDato>\n"
      "            <opprettetAv>skolekontoret</opprettetAv>\n"
      "            "
      "<referanseDokumentfil>dokumenter/%s.pdf</referanseDokumentfil>\n"
      "            <sjekksum>%064llx</sjekksum>\n"
      "            <sjekksumAlgoritme>SHA256</sjekksumAlgoritme>\n"
      "            <filstoerrelse>%lld</filstoerrelse>\n"
      "          </dokumentobjekt>\n"
      "        </dokumentbeskrivelse>\n"
      "        <tittel>Vitnemål</tittel>\n"
      "        <journalaar>%d</journalaar>\n"
      "        <journalsekvensnummer>%lld</journalsekvensnummer>\n"
      "        <journalpostnummer>%lld</journalpostnummer>\n"
      "        <journalposttype>Utgående dokument</journalposttype>\n"
      "        <journalstatus>Arkivert</journalstatus>\n"
      "        <journaldato>%d-06-21</journaldato>\n"
      "        <dokumentetsDato>%d-06-19</dokumentetsDato>\n"
      "      </registrering>\n"
      "      <saksaar>%d</saksaar>\n"
      "      <sakssekvensnummer>%lld</sakssekvensnummer>\n"
      "      <saksdato>%d-08-15</saksdato>\n"
      "      <administrativEnhet>Skolekontoret</administrativEnhet>\n"
      "      <saksansvarlig>Rektor</saksansvarlig>\n"
      "      <saksstatus>Avsluttet</saksstatus>\n"
      "    </mappe>\n",
      id48, opened + 9, opened + 9, id48, opened + 9, opened + 9, id48,
      opened + 9, p.uuid.c_str(),
      static_cast<unsigned long long>(n) * 2654435761ULL,
      static_cast<long long>(20000 + n % 100000), opened + 9,
      static_cast<long long>(n), static_cast<long long>(n), opened + 9,
      opened + 9, opened, static_cast<long long>(n), opened);
}

// One pupil's mappe of about 2.5 kB: a part with a fødselsnummer, screening,
// and a journalpost with one document.
void WriteMappe(std::FILE* out, int64_t n) {
  Pupil pupil = PupilNumber(n);
  WriteMappeHead(out, pupil);
  WriteJournalpostAndEnd(out, pupil);
}

// Writes mappes until the file has at least `bytes`; returns how many.
int64_t Generate(const fs::path& file, uint64_t bytes) {
  std::FILE* out = std::fopen(file.c_str(), "wb");
  if (out == nullptr) throw std::runtime_error("cannot write " + file.string());
  std::fputs(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/"
      "arkivstruktur\" xmlns:xsi=\"http://www.w3.org/2001/"
      "XMLSchema-instance\">\n"
      "  <systemID>0a1b2c3d-ffff-4000-8000-000000000001</systemID>\n"
      "  <tittel>Bergen kommune</tittel>\n"
      "  <opprettetDato>1990-01-01T00:00:00</opprettetDato>\n"
      "  <opprettetAv>arkivar</opprettetAv>\n"
      "  <avsluttetDato>2015-01-01T00:00:00</avsluttetDato>\n"
      "  <avsluttetAv>arkivar</avsluttetAv>\n"
      "  <arkivskaper>\n    <arkivskaperID>964338531</arkivskaperID>\n"
      "    <arkivskaperNavn>Bergen kommune</arkivskaperNavn>\n"
      "  </arkivskaper>\n  <arkivdel>\n"
      "    <systemID>0a1b2c3d-ffff-4000-8000-000000000002</systemID>\n"
      "    <tittel>Elevmapper</tittel>\n"
      "    <arkivdelstatus>Avsluttet periode</arkivdelstatus>\n"
      "    <opprettetDato>1990-01-01T00:00:00</opprettetDato>\n"
      "    <opprettetAv>arkivar</opprettetAv>\n"
      "    <avsluttetDato>2015-01-01T00:00:00</avsluttetDato>\n"
      "    <avsluttetAv>arkivar</avsluttetAv>\n",
      out);
  int64_t n = 0;
  while (static_cast<uint64_t>(std::ftell(out)) < bytes) WriteMappe(out, ++n);
  std::fputs("  </arkivdel>\n</arkiv>\n", out);
  std::fclose(out);
  return n;
}

double SecondsSince(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// The reader alone, for its share of the time: how many mappes it read.
int64_t ParseOnly(const fs::path& file, double* seconds) {
  auto started = Clock::now();
  int64_t parsed = 0;
  depot::noark::Noark5Reader reader(file, {});
  depot::noark::Mappe mappe;
  while (reader.Next(&mappe)) ++parsed;
  *seconds = SecondsSince(started);
  return parsed;
}

// What the import through depotd measured, for Report.
struct Import {
  depot::cli::NoarkImportSummary summary;
  double seconds = 0;
  long rss_before_kb = 0;
  long depotd_rss_kb = 0;
};

// The extraction imported into a new deposit of a depotd of its own, with
// the report written to `report`; false when the import fails.
bool ImportIntoDepotd(const fs::path& extraction, const fs::path& report,
                      bool schema, Import* import) {
  depot::testing::TestDatabase db;
  depot::testing::DepotdProcess depotd(
      {db.dsn(), "", "", {"--log-level=warn"}, ""});
  if (!depotd.WaitUntilServing()) {
    std::cerr << depotd.process().Log();
    return false;
  }
  auto channel = depot::testing::ChannelAs(depotd.port(), "archivist");
  int64_t deposit = depot::testing::CreateDeposit(
      channel, depot::testing::kOwnMunicipality,
      depot::v1::REGISTER_CATEGORY_PUPIL_FILES, "2026-06-30");
  auto stub = depot::v1::DepositService::NewStub(channel);

  depot::cli::NoarkImportOptions options;
  options.deposit_id = deposit;
  options.dir = extraction;
  options.report = report;
  if (schema) {
    options.xsd_dir =
        depot::testing::SourceDir() / ".." / "shared" / "noark5" / "xsd";
  }
  import->rss_before_kb = OwnPeakRssKb();
  auto started = Clock::now();
  grpc::Status status = depot::cli::ImportNoark5(
      *stub, [] { return std::make_unique<grpc::ClientContext>(); }, options,
      {}, &import->summary);
  import->seconds = SecondsSince(started);
  import->depotd_rss_kb = PeakRssKb(depotd.process().pid());
  if (!status.ok()) {
    std::cerr << "import failed: " << status.error_message() << "\n";
    return false;
  }
  return true;
}

void Report(const Import& import, bool schema, double parse_seconds,
            double generate_seconds) {
  const depot::cli::NoarkImportSummary& summary = import.summary;
  double seconds = import.seconds;
  std::printf("bytes: %llu\n", static_cast<unsigned long long>(summary.bytes));
  std::printf("mappes: %lld\n", static_cast<long long>(summary.mappes));
  std::printf("records: %lld\n", static_cast<long long>(summary.accepted));
  std::printf("rejected: %lld\n",
              static_cast<long long>(summary.rejected_here +
                                     summary.rejected_by_server));
  std::printf("deviations: %lld\n", static_cast<long long>(summary.deviations));
  std::printf("schema_validation: %s\n", schema ? "on" : "off");
  std::printf("seconds: %.1f\n", seconds);
  std::printf("records_per_s: %.0f\n", summary.accepted / seconds);
  std::printf("mb_per_s: %.1f\n", summary.bytes / 1e6 / seconds);
  std::printf("peak_rss_mb: %.1f\n", OwnPeakRssKb() / 1024.0);
  std::printf("peak_rss_before_import_mb: %.1f\n",
              import.rss_before_kb / 1024.0);
  std::printf("depotd_peak_rss_mb: %.1f\n", import.depotd_rss_kb / 1024.0);
  std::printf("parse_only_mb_per_s: %.1f\n",
              summary.bytes / 1e6 / parse_seconds);
  std::printf("generate_seconds: %.1f\n", generate_seconds);
}

// What was rejected or deviated, if anything (the generated people are all
// eligible and the mappes sound).
void ShowProblems(const fs::path& report_file) {
  std::ifstream report(report_file);
  std::string line;
  for (int shown = 0; std::getline(report, line) && shown < 3;) {
    if (line.find(",rejected,") != std::string::npos ||
        line.find(",deviation,") != std::string::npos) {
      std::cerr << "report: " << line << "\n";
      ++shown;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t bytes = 1ULL << 30;
  bool schema = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--bytes" && i + 1 < argc) bytes = std::stoull(argv[++i]);
    if (arg == "--xsd") schema = true;
  }
  depot::testing::TempDir dir;
  fs::path extraction = dir.path() / "extraction";
  fs::create_directories(extraction);
  auto started = Clock::now();
  int64_t generated = Generate(extraction / "arkivstruktur.xml", bytes);
  double generate_seconds = SecondsSince(started);
  double parse_seconds = 0;
  int64_t parsed = ParseOnly(extraction / "arkivstruktur.xml", &parse_seconds);

  Import import;
  fs::path report = dir.path() / "report.csv";
  if (!ImportIntoDepotd(extraction, report, schema, &import)) return 1;
  Report(import, schema, parse_seconds, generate_seconds);
  ShowProblems(report);
  return import.summary.mappes == generated && parsed == generated ? 0 : 1;
}
