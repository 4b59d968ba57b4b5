#include "services/noark/addml.h"

#include <memory>

#include "services/noark/mappe.h"

namespace depot::noark {
namespace {

constexpr uintmax_t kMaxAddmlBytes = 16 << 20;
constexpr size_t kMaxNodes = 200000;

// A small tree of the ADDML document: it is short, and its meaning is in
// nested property names.
struct Node {
  std::string element;
  std::string name;  // the name attribute
  std::string text;
  std::vector<std::unique_ptr<Node>> children;
};

std::unique_ptr<Node> ReadTree(const std::filesystem::path& file) {
  std::error_code error;
  uintmax_t size = std::filesystem::file_size(file, error);
  if (error) throw XmlError("cannot read " + file.string(), 0);
  if (size > kMaxAddmlBytes) {
    throw XmlError(file.filename().string() + " is larger than 16 MiB", 0);
  }
  SafeXmlReader xml(file, {});
  std::unique_ptr<Node> root;
  std::vector<Node*> open;
  size_t nodes = 0;
  while (true) {
    switch (xml.Next()) {
      case SafeXmlReader::Event::kStart: {
        if (++nodes > kMaxNodes) {
          throw XmlError("arkivuttrekk.xml has too many elements", xml.line());
        }
        auto node = std::make_unique<Node>();
        node->element = std::string(xml.local_name());
        node->name = xml.Attribute("name", nullptr).value_or("");
        Node* raw = node.get();
        if (open.empty()) {
          if (xml.local_name() != "addml" ||
              xml.namespace_uri() != kAddmlNamespace) {
            throw XmlError(
                "not an ADDML document: the root element is not <addml> in " +
                    std::string(kAddmlNamespace),
                xml.line());
          }
          root = std::move(node);
        } else {
          open.back()->children.push_back(std::move(node));
        }
        open.push_back(raw);
        break;
      }
      case SafeXmlReader::Event::kEnd:
        open.pop_back();
        break;
      case SafeXmlReader::Event::kText:
        if (!open.empty()) open.back()->text += xml.text();
        break;
      case SafeXmlReader::Event::kEndOfDocument:
        return root;
    }
  }
}

const Node* Child(const Node* node, const std::string& element) {
  if (node == nullptr) return nullptr;
  for (const auto& child : node->children) {
    if (child->element == element) return child.get();
  }
  return nullptr;
}

// The property children of a node's <properties>.
std::vector<const Node*> Properties(const Node* node) {
  std::vector<const Node*> out;
  const Node* properties = Child(node, "properties");
  if (properties == nullptr) return out;
  for (const auto& child : properties->children) {
    if (child->element == "property") out.push_back(child.get());
  }
  return out;
}

const Node* Property(const Node* node, const std::string& name) {
  for (const Node* p : Properties(node)) {
    if (p->name == name) return p;
  }
  return nullptr;
}

std::string Value(const Node* node) {
  const Node* value = Child(node, "value");
  if (value == nullptr) return "";
  std::string text = value->text;
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

AddmlFile FileOf(const Node* file_property, bool schema) {
  AddmlFile file;
  file.schema = schema;
  file.name = Value(Property(file_property, "name"));
  const Node* checksum = Property(file_property, "checksum");
  file.algorithm = Value(Property(checksum, "algorithm"));
  file.checksum = Value(Property(checksum, "value"));
  return file;
}

void Walk(const Node* node, AddmlInfo& info) {
  if (node->element == "dataObject") {
    std::string data_file;
    for (const Node* p : Properties(node)) {
      if (p->name == "file") {
        AddmlFile file = FileOf(p, false);
        data_file = file.name;
        if (!file.name.empty()) info.files.push_back(file);
      } else if (p->name == "schema") {
        AddmlFile file = FileOf(Property(p, "file"), true);
        if (!file.name.empty()) info.files.push_back(file);
      }
    }
    for (const Node* p : Properties(node)) {
      if (p->name != "info") continue;
      for (const Node* q : Properties(p)) {
        if (q->name == "type" && Value(q) == "Noark 5") {
          info.noark_version = Value(Property(q, "version"));
        } else if (q->name == "numberOfOccurrences") {
          AddmlCount count;
          count.file = data_file;
          count.element = Value(q);
          try {
            count.count = std::stoll(Value(Property(q, "value")));
          } catch (const std::exception&) {
            count.count = -1;  // stated but not a number
          }
          info.counts.push_back(count);
        }
      }
    }
  }
  for (const auto& child : node->children) Walk(child.get(), info);
}

}  // namespace

AddmlInfo ReadAddml(const std::filesystem::path& file) {
  std::unique_ptr<Node> root = ReadTree(file);
  AddmlInfo info;
  if (root) Walk(root.get(), info);
  return info;
}

}  // namespace depot::noark
