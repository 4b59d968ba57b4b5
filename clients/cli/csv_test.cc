// The CLI's CSV reader, transfer-file mapping and progress line.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "clients/cli/csv.h"
#include "clients/cli/progress.h"
#include "clients/cli/record_csv.h"
#include "tests/support/process.h"

namespace depot::cli {
namespace {

std::vector<std::vector<std::string>> ReadAll(const std::string& text) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (reader.Next(&fields)) rows.push_back(fields);
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, ReadsQuotedFieldsAsRfc4180Says) {
  EXPECT_EQ(ReadAll("a,b,c\n1,,3\n"), (Rows{{"a", "b", "c"}, {"1", "", "3"}}));
  EXPECT_EQ(ReadAll("\"Ødegård, Åse\",\"say \"\"hi\"\"\",x\r\n"),
            (Rows{{"Ødegård, Åse", "say \"hi\"", "x"}}));
  EXPECT_EQ(ReadAll("\"two\r\nlines\",b\nnext,\"\"\n"),
            (Rows{{"two\nlines", "b"}, {"next", ""}}));
  EXPECT_EQ(ReadAll("a,\n,b"), (Rows{{"a", ""}, {"", "b"}}));
  // A byte-order mark and empty lines are not data.
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFh1,h2\n\n\r\nv1,v2\n\n"),
            (Rows{{"h1", "h2"}, {"v1", "v2"}}));
}

TEST(CsvReader, CountsLinesAndNamesWhereARecordStarts) {
  std::istringstream in("h\n\n\"a\nb\"\nc\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 1);
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 3);
  ASSERT_TRUE(reader.Next(&fields));
  EXPECT_EQ(reader.record_line(), 5);
  EXPECT_FALSE(reader.Next(&fields));
}

TEST(CsvReader, RefusesBrokenQuoting) {
  for (const char* text : {"a,\"open\n", "a,\"closed\"x,b\n", "a,b\"c\n"}) {
    std::istringstream in(std::string("ok\n") + text);
    CsvReader reader(in);
    std::vector<std::string> fields;
    ASSERT_TRUE(reader.Next(&fields));
    try {
      reader.Next(&fields);
      ADD_FAILURE() << "accepted " << text;
    } catch (const CsvError& error) {
      EXPECT_EQ(error.line(), 2) << text;
    }
  }
}

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  std::ostringstream out;
  WriteCsvRow(out, {"1", "a,b", "say \"x\"", "plain"});
  EXPECT_EQ(out.str(), "1,\"a,b\",\"say \"\"x\"\"\",plain\n");
  EXPECT_EQ(ReadAll(out.str()), (Rows{{"1", "a,b", "say \"x\"", "plain"}}));
}

class RecordCsvTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    auto path = (dir_.path() / "records.csv").string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  testing::TempDir dir_;
};

constexpr char kHeader[] =
    "source_record_id,person_name,national_id,birth_date,opened_date,"
    "last_contact_date,death_year,box,shelf,documents\n";

TEST_F(RecordCsvTest, MapsColumnsAndPositions) {
  std::string sha(64, 'c');
  RecordCsvFile file(
      Write(std::string(kHeader) +
            "S1,\"Berg, Kari\",15108695088,,1990-01-01,2000-01-01,2010,B1,H1,"
            "a:b.pdf:12:" +
            sha + "; c.pdf:0:" + sha +
            ";\n"
            "\n"
            " S2 ,Ola,,1950-01-02,1957-08-15,1966-06-20,,,,\n"));
  v1::RecordData record;
  ASSERT_TRUE(file.Next(&record));
  EXPECT_EQ(record.position(), 1);
  EXPECT_EQ(record.source_record_id(), "S1");
  EXPECT_EQ(record.person_name(), "Berg, Kari");
  EXPECT_EQ(record.national_id(), "15108695088");
  EXPECT_EQ(record.death_year(), 2010);
  EXPECT_EQ(record.box(), "B1");
  ASSERT_EQ(record.documents_size(), 2);
  EXPECT_EQ(record.documents(0).file_name(), "a:b.pdf");
  EXPECT_EQ(record.documents(0).size_bytes(), 12);
  EXPECT_EQ(record.documents(1).file_name(), "c.pdf");
  EXPECT_EQ(record.documents(1).sha256(), sha);
  ASSERT_TRUE(file.Next(&record));
  // The empty line keeps its number: positions are data line numbers.
  EXPECT_EQ(record.position(), 3);
  EXPECT_EQ(record.source_record_id(), "S2");
  EXPECT_EQ(record.birth_date(), "1950-01-02");
  EXPECT_EQ(record.death_year(), 0);
  EXPECT_EQ(record.documents_size(), 0);
  EXPECT_FALSE(file.Next(&record));
}

TEST_F(RecordCsvTest, NamesTheLineOfAMalformedRecord) {
  struct Case {
    std::string line;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"S1,a,b\n", "line 2 (file line 3): expected 10 fields, found 3"},
           {"S1,a,,,,,19x5,,,\n", "line 2 (file line 3): death_year"},
           {"S1,a,,,,,,,,x.pdf:12\n",
            "line 2 (file line 3): documents entry 1"},
           {"S1,a,,,,,,,,x.pdf:big:abc\n", "the size must be a number"}}) {
    RecordCsvFile file(Write(std::string(kHeader) + "S0,a,,,,,,,,\n" + c.line));
    v1::RecordData record;
    ASSERT_TRUE(file.Next(&record));
    try {
      file.Next(&record);
      ADD_FAILURE() << "accepted " << c.line;
    } catch (const CsvError& error) {
      EXPECT_NE(std::string(error.what()).find(c.message), std::string::npos)
          << error.what();
    }
  }
  EXPECT_THROW(RecordCsvFile(Write("id,name\n")), CsvError);
  EXPECT_THROW(RecordCsvFile(Write("")), CsvError);
  EXPECT_THROW(RecordCsvFile((dir_.path() / "missing.csv").string()),
               std::runtime_error);
}

TEST(ProgressLine, RedrawsAtMostFiveTimesASecond) {
  std::ostringstream out;
  ProgressLine line(1000, true, out);
  auto start = ProgressLine::Clock::now();
  for (int ms = 0; ms <= 1000; ms += 10) {
    line.Update(ms, start + std::chrono::milliseconds(ms));
  }
  std::string text = out.str();
  EXPECT_LE(std::count(text.begin(), text.end(), '\r'), 6);
  EXPECT_GE(std::count(text.begin(), text.end(), '\r'), 5);
  line.Finish();

  std::ostringstream quiet;
  ProgressLine off(1000, false, quiet);
  off.Update(10);
  off.Finish();
  EXPECT_EQ(quiet.str(), "");
}

TEST(ProgressLine, ShowsRateAndTimeLeft) {
  EXPECT_EQ(ProgressLine::Format(500, 2000, 2.0),
            "sent 500 of 2000 records, 250 records/s, about 0:06 left");
  EXPECT_EQ(ProgressLine::Format(0, 2000, 0.0), "sent 0 of 2000 records");
  EXPECT_EQ(ProgressLine::Format(100, 100, 1.0),
            "sent 100 of 100 records, 100 records/s");
}

}  // namespace
}  // namespace depot::cli
