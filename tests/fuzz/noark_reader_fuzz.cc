// libFuzzer target: any bytes through the Noark 5 reader. It must end with
// mappes or an XmlError, never crash, hang or grow without bound.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "services/noark/noark5_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  depot::noark::ReaderOptions options;
  // Small limits, so that inputs of fuzzer size reach them.
  options.xml.max_text_bytes = 4096;
  options.max_documents_per_mappe = 8;
  options.max_parties_per_mappe = 8;
  options.max_screenings_per_mappe = 4;
  options.max_deviations_per_mappe = 8;
  options.max_mappe_bytes = 16 * 1024;
  size_t ids = 0;
  options.on_system_id = [&](std::string_view, std::string_view, int64_t) {
    ++ids;
  };
  try {
    depot::noark::Noark5Reader reader(bytes, options);
    depot::noark::Mappe mappe;
    while (reader.Next(&mappe)) {
      if (mappe.documents.size() > 8 || mappe.parties.size() > 8)
        __builtin_trap();
      reader.TakeDeviations();
    }
    reader.TakeDeviations();
  } catch (const depot::noark::XmlError&) {
  }
  return 0;
}
