// XmlWriter: the one libxml2 writer of the journal's and the Noark 5
// exports.
#include "services/common/xml_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace depot {
namespace {

TEST(XmlWriter, WritesAnIndentedDocumentWithEscapedText) {
  std::string xml;
  XmlWriter writer([&](std::string_view chunk) { xml += chunk; }, 1024);
  writer.StartDocument("root", "urn:example", {{"xmlns:x", "urn:x"}});
  writer.Open("item", {{"kind", "a<b"}});
  writer.Element("text", "fish & <chips>");
  writer.OptionalElement("empty", "");
  writer.Close();
  writer.Finish();
  EXPECT_EQ(xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            // libxml2 declares the element's own namespace last.
            "<root xmlns:x=\"urn:x\" xmlns=\"urn:example\">\n"
            "  <item kind=\"a&lt;b\">\n"
            "    <text>fish &amp; &lt;chips&gt;</text>\n"
            "  </item>\n"
            "</root>\n");
}

TEST(XmlWriter, ControlCharactersBecomeSpaces) {
  std::string xml;
  XmlWriter writer([&](std::string_view chunk) { xml += chunk; }, 1024);
  writer.StartDocument("root", "urn:example");
  writer.Element("text", std::string("a\x01"
                                     "b\tc",
                                     5));
  writer.Finish();
  EXPECT_NE(xml.find("<text>a b\tc</text>"), std::string::npos) << xml;
}

TEST(XmlWriter, HandsTheDocumentOverInChunks) {
  std::string xml;
  int chunks = 0;
  XmlWriter writer(
      [&](std::string_view chunk) {
        xml += chunk;
        ++chunks;
      },
      64);
  writer.StartDocument("root", "urn:example");
  for (int i = 0; i < 20; ++i) {
    writer.Open("item");
    writer.Element("n", std::to_string(i));
    writer.Close();
  }
  writer.Finish();
  EXPECT_GE(chunks, 5);
  EXPECT_NE(xml.find("<n>19</n>\n  </item>\n</root>\n"), std::string::npos);
}

}  // namespace
}  // namespace depot
