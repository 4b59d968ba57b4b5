// docs/integrators.md carries the field reference made from the
// descriptors; this fails when a field or rule changed and the document
// was not regenerated.
#include "services/common/field_reference.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace depot {
namespace {

TEST(FieldReference, IntegratorsGuideIsUpToDate) {
  std::ifstream in(std::string(DEPOT_SOURCE_DIR) + "/docs/integrators.md");
  ASSERT_TRUE(in) << "docs/integrators.md not found";
  std::stringstream document;
  document << in.rdbuf();
  ASSERT_NE(document.str().find(kFieldReferenceBegin), std::string::npos)
      << "docs/integrators.md lacks the field-reference markers";
  EXPECT_TRUE(WithFieldReference(document.str()) == document.str())
      << "docs/integrators.md's field reference is stale: run "
         "build/asan/bin/depot-field-reference --update docs/integrators.md";
}

TEST(FieldReference, NamesEveryRuleKind) {
  std::string reference = FieldReferenceMarkdown();
  EXPECT_NE(reference.find("| `description` | text, at most"),
            std::string::npos);
  EXPECT_NE(reference.find("line breaks and tabs allowed"), std::string::npos);
  EXPECT_NE(reference.find("`ENTRY_STATUS_UTGAAR` (4)"), std::string::npos);
  EXPECT_NE(reference.find("`scope.kind`"), std::string::npos);
  EXPECT_NE(reference.find("`item_refs[]`"), std::string::npos);
}

}  // namespace
}  // namespace depot
