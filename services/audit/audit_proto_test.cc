#include "services/audit/audit_proto.h"

#include <gtest/gtest.h>

namespace depot::audit {
namespace {

TEST(AuditProto, AnAbsentLogIsNeverReportedOk) {
  VerifyOutcome outcome;
  outcome.log = "journal";
  outcome.present = false;
  v1::AuditVerification out;
  ToProto(outcome, "key-1", &out);
  EXPECT_FALSE(out.present());
  EXPECT_FALSE(out.ok());
  EXPECT_FALSE(out.has_latest_head());
  EXPECT_FALSE(out.has_first_bad());

  outcome.present = true;
  ToProto(outcome, "key-1", &out);
  EXPECT_TRUE(out.ok());
}

TEST(AuditProto, HashesAndSignaturesGoOutAsHex) {
  SignedHead head;
  head.size = 2;
  head.root = std::string("\x01\xab", 2);
  head.signature = std::string("\xff", 1);
  head.signed_at_us = 1;
  v1::TreeHead out;
  ToProto("deposits", head, "key-1", &out);
  EXPECT_TRUE(out.present());
  EXPECT_EQ(out.root(), "01ab");
  EXPECT_EQ(out.signature(), "ff");
  EXPECT_EQ(out.key_id(), "key-1");
}

TEST(AuditProto, ATreeHeadWithoutSignedHeadStillNamesItsLog) {
  TreeHeadView view;
  view.log = "readingroom";
  view.present = true;
  view.pending = 4;
  v1::TreeHead out;
  ToProto(view, "key-1", &out);
  EXPECT_EQ(out.log(), "readingroom");
  EXPECT_TRUE(out.present());
  EXPECT_EQ(out.pending(), 4);
  EXPECT_EQ(out.size(), 0);
  EXPECT_EQ(out.key_id(), "");
}

}  // namespace
}  // namespace depot::audit
