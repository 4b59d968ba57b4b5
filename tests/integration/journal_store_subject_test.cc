// JournalService's storage on real PostgreSQL: correspondents' identities
// sealed, and a rights request's entries.
#include <gtest/gtest.h>

#include "tests/integration/journal_store_fixture.h"

namespace depot::journal {
namespace {

using testing::Archivist;
using testing::Desk;
using testing::Incoming;
using testing::JobCase;
using testing::NoonOf;
using testing::OrdinaryCase;

// Eight correspondents stored: no birth date or number in clear, the
// number's and the person's index where the identity has them, the name
// only as a keyed index.
void ExpectIdentitiesSealed(const pqxx::result& stored,
                            const std::string& first_id) {
  ASSERT_EQ(stored.size(), 8u);
  for (const auto& row : stored) {
    for (const auto& field : row) {
      if (field.is_null()) continue;
      EXPECT_EQ(field.as<std::string>().find("1980-05-17"), std::string::npos);
      EXPECT_EQ(field.as<std::string>().find("1980-09-02"), std::string::npos);
      EXPECT_EQ(field.as<std::string>().find(first_id), std::string::npos);
    }
  }
  EXPECT_FALSE(stored[2]["national_id_index"].is_null());
  EXPECT_TRUE(stored[6]["person_index"].is_null());
  // The folded name is only a keyed index: the same for "kari  NORDMANN"
  // as for "Kari Nordmann", and not the name.
  EXPECT_TRUE(stored[6]["folded_name"].is_null());
  EXPECT_EQ(stored[6]["name_index"].as<std::string>().size(), 64u);
  EXPECT_EQ(stored[6]["name_index"].as<std::string>(),
            stored[0]["name_index"].as<std::string>());
}

// Correspondents with an identity: two with the same name and birth year but
// other birth dates, and one with the same name and no identity. A rights
// request gets exactly the entries of its person; the name-only correspondent
// is only counted in a note. The identity is stored sealed.
TEST_F(PgJournalStoreTest, SubjectDataFindsOnlyThePersonsEntries) {
  const std::string name = "Kari Nordmann";
  const std::string first_id =
      depot::testing::MakeFodselsnummer(17, 5, 1980, 0);
  auto c = journal_.CreateCase(Archivist(), OrdinaryCase("Sak")).Number();
  auto record = [&](const std::string& title, const std::string& who,
                    const std::string& birth_date, const std::string& id) {
    NewEntry e = Incoming(c, title, who);
    e.correspondents[0].birth_date = birth_date;
    e.correspondents[0].national_id = id;
    e.correspondents.push_back(
        {"Anna Arkivar", CorrespondentKind::kRecipient, PartyRole::kOther, {}});
    return journal_.RecordEntry(Archivist(), e).entry.JournalNumber();
  };
  std::string mine = record("Brev 1", name, "1980-05-17", "");
  std::string mine_by_number = record("Brev 2", name, "", first_id);
  record("Brev 3", name, "1980-09-02", "");
  record("Brev 4", "kari  NORDMANN", "", "");

  auto stored = Sql(depot::testing::sql::kListSealedCorrespondents);
  ASSERT_NO_FATAL_FAILURE(ExpectIdentitiesSealed(stored, first_id));

  SubjectEntries subject(store_, keyring_, clock_.clock());
  Caller service{"privacy", Role::kService, ""};
  SubjectData data =
      subject.Data(service, {"", name, "1980-05-17", "access-request/7"});
  std::vector<std::string> entries;
  for (const SubjectItem& item : data.items) {
    if (item.kind == "journal_entry") entries.push_back(item.id);
    EXPECT_EQ(item.data_json.find("Brev 3"), std::string::npos);
    EXPECT_EQ(item.data_json.find("Brev 4"), std::string::npos);
    EXPECT_EQ(item.data_json.find("Anna"), std::string::npos);
  }
  EXPECT_EQ(entries, (std::vector<std::string>{"entry/" + mine,
                                               "entry/" + mine_by_number}));
  ASSERT_EQ(data.notes.size(), 1u);
  EXPECT_EQ(
      data.notes[0].rfind("1 journal correspondent(s) have the same name", 0),
      0u)
      << data.notes[0];

  data = subject.Data(service, {first_id, "", "", "access-request/8"});
  entries.clear();
  int trail = 0;
  for (const SubjectItem& item : data.items) {
    if (item.kind == "journal_entry") entries.push_back(item.id);
    if (item.kind == "audit_event") ++trail;
  }
  EXPECT_EQ(entries, std::vector<std::string>{"entry/" + mine_by_number});
  // Under the number's pseudonym: the recording, and the first request's
  // read of that entry and its subject.data event.
  EXPECT_EQ(trail, 3);
  // Every request audited: the first under both of the person's pseudonyms
  // (name + birth date, and the number of the entry it found), the second
  // under the number's.
  EXPECT_EQ(Sql(depot::testing::sql::kCountJournalAuditEventsOfAction,
                "subject.data")[0][0]
                .as<int>(),
            3);

  auto outcomes = subject.Erase(service, {first_id, name, "", "erase/1"});
  int refused = 0;
  for (const ErasureOutcome& o : outcomes) {
    EXPECT_FALSE(o.erased);
    if (o.kind == "journal_entry") ++refused;
  }
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(Sql(depot::testing::sql::kCountJournalEntries)[0][0].as<int>(), 4);
}

}  // namespace
}  // namespace depot::journal
