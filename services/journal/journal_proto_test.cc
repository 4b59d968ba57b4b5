#include "services/journal/journal_proto.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/error_of.h"

namespace depot::journal {
namespace {

using depot::testing::ErrorOf;

// The field named at the start of the message of the error `action` throws.
std::string RefusedField(const std::function<void()>& action) {
  Error error = ErrorOf(action);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument) << error.what();
  std::string message = error.what();
  return message.substr(0, message.find(':'));
}

template <typename Enum>
Enum Unknown() {
  return static_cast<Enum>(99);
}

TEST(JournalProto, EnumsMapBothWays) {
  for (CaseKind kind :
       {CaseKind::kOrdinary, CaseKind::kJobApplication, CaseKind::kPersonnel}) {
    EXPECT_EQ(FromProto(ToProto(kind)), kind);
  }
  for (EntryType type :
       {EntryType::kIncoming, EntryType::kOutgoing,
        EntryType::kInternalFollowUp, EntryType::kInternalNoFollowUp,
        EntryType::kCasePresentation}) {
    EXPECT_EQ(FromProto(ToProto(type)), type);
  }
  for (EntryStatus status :
       {EntryStatus::kJournalfoert, EntryStatus::kEkspedert,
        EntryStatus::kArkivert, EntryStatus::kUtgaar}) {
    EXPECT_EQ(FromProto(ToProto(status)), status);
  }
  for (CorrespondentKind kind :
       {CorrespondentKind::kSender, CorrespondentKind::kRecipient,
        CorrespondentKind::kCopyRecipient}) {
    EXPECT_EQ(FromProto(ToProto(kind)), kind);
  }
  for (PartyRole role : {PartyRole::kApplicant, PartyRole::kOther}) {
    EXPECT_EQ(FromProto(ToProto(role)), role);
  }
  for (DocumentRole role : {DocumentRole::kApplication, DocumentRole::kOther}) {
    EXPECT_EQ(FromProto(ToProto(role)), role);
  }
  EXPECT_EQ(ToProto(CaseStatus::kOpen), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(ToProto(CaseStatus::kClosed), v1::CASE_STATUS_CLOSED);
}

TEST(JournalProto, UnspecifiedMeansWhatJournalProtoSays) {
  // Required, or decided by the case: left to the domain.
  EXPECT_EQ(FromProto(v1::CASE_KIND_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(FromProto(v1::ENTRY_TYPE_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(FromProto(v1::CORRESPONDENT_KIND_UNSPECIFIED), std::nullopt);
  EXPECT_EQ(FromProto(v1::PARTY_ROLE_UNSPECIFIED), std::nullopt);
  // Documented defaults.
  EXPECT_EQ(FromProto(v1::ENTRY_STATUS_UNSPECIFIED),
            EntryStatus::kJournalfoert);
  EXPECT_EQ(FromProto(v1::DOCUMENT_ROLE_UNSPECIFIED), DocumentRole::kOther);
}

TEST(JournalProto, UnknownNumbersAreRefusedNamingTheField) {
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::CaseKind>()); }), "kind");
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::EntryType>()); }),
            "entry_type");
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::EntryStatus>()); }),
            "status");
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::CorrespondentKind>()); }),
            "correspondents.kind");
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::PartyRole>()); }),
            "correspondents.role");
  EXPECT_EQ(RefusedField([] { FromProto(Unknown<v1::DocumentRole>()); }),
            "documents.role");
}

TEST(JournalProto, AnEntryRequestKeepsEmptyContentApartFromNone) {
  v1::RecordEntryRequest request;
  request.set_case_number("2026/1");
  request.set_entry_type(v1::ENTRY_TYPE_OUTGOING);
  request.mutable_screened_words()->add_words("Berg");
  request.mutable_screened_words()->set_authority("offentleglova § 25");
  v1::Correspondent* c = request.add_correspondents();
  c->set_name("Kari Nordmann");
  c->set_kind(v1::CORRESPONDENT_KIND_RECIPIENT);
  v1::Document* referenced = request.add_documents();
  referenced->set_content_ref("arkiv://1");
  v1::Document* attached = request.add_documents();
  attached->set_content("cv");
  attached->set_role(v1::DOCUMENT_ROLE_APPLICATION);

  NewEntry entry = FromProto(request);
  EXPECT_EQ(entry.case_number, "2026/1");
  EXPECT_EQ(entry.type, EntryType::kOutgoing);
  EXPECT_EQ(entry.status, EntryStatus::kJournalfoert);
  EXPECT_EQ(entry.screened_words, std::vector<std::string>{"Berg"});
  EXPECT_EQ(entry.screened_words_authority, "offentleglova § 25");
  ASSERT_EQ(entry.correspondents.size(), 1u);
  EXPECT_EQ(entry.correspondents[0].kind, CorrespondentKind::kRecipient);
  EXPECT_EQ(entry.correspondents[0].role, std::nullopt);
  ASSERT_EQ(entry.documents.size(), 2u);
  EXPECT_EQ(entry.documents[0].content, std::nullopt);
  EXPECT_EQ(entry.documents[0].role, DocumentRole::kOther);
  EXPECT_EQ(entry.documents[1].content, "cv");
  EXPECT_EQ(entry.documents[1].role, DocumentRole::kApplication);
}

}  // namespace
}  // namespace depot::journal
