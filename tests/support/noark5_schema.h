#pragma once

// Noark 5 XML schema validation for the journal tests, with libxml2. The
// schemas live in ../shared/noark5/xsd beside the checkout and are never
// copied into the repository; tests skip when they are absent.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <filesystem>
#include <string>

namespace depot::testing {

/// ../shared/noark5/xsd, or an empty path when it is not there.
inline std::filesystem::path Noark5XsdDir() {
  std::filesystem::path dir = std::filesystem::path(DEPOT_SOURCE_DIR) / ".." /
                              "shared" / "noark5" / "xsd";
  if (!std::filesystem::exists(dir / "offentligJournal.xsd")) return {};
  return dir;
}

inline void CollectSchemaError(void* context, xmlErrorPtr error) {
  auto* errors = static_cast<std::string*>(context);
  if (error != nullptr && error->message != nullptr) {
    *errors += "line " + std::to_string(error->line) + ": " + error->message;
  }
}

/// Validates xml against NAME.xsd of Noark5XsdDir(); "" when valid, else
/// the errors.
inline std::string Noark5SchemaErrors(const std::string& schema_name,
                                      const std::string& xml) {
  std::string errors;
  std::string path = (Noark5XsdDir() / schema_name).string();
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path.c_str());
  xmlSchemaSetParserStructuredErrors(parser, CollectSchemaError, &errors);
  xmlSchemaPtr schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (schema == nullptr) return "cannot parse " + path + ": " + errors;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()),
                                "journal.xml", nullptr, XML_PARSE_NONET);
  if (doc == nullptr) {
    xmlSchemaFree(schema);
    return "not well-formed XML";
  }
  xmlSchemaValidCtxtPtr validator = xmlSchemaNewValidCtxt(schema);
  xmlSchemaSetValidStructuredErrors(validator, CollectSchemaError, &errors);
  int result = xmlSchemaValidateDoc(validator, doc);
  xmlSchemaFreeValidCtxt(validator);
  xmlFreeDoc(doc);
  xmlSchemaFree(schema);
  if (result != 0 && errors.empty())
    errors = "invalid (code " + std::to_string(result) + ")";
  return errors;
}

}  // namespace depot::testing

/// Skips the test, saying why, when ../shared/noark5/xsd is absent.
#define SKIP_WITHOUT_NOARK5_SCHEMAS()                                       \
  if (::depot::testing::Noark5XsdDir().empty())                             \
  GTEST_SKIP() << "../shared/noark5/xsd is not beside the checkout; Noark " \
                  "5 schema validation skipped"
