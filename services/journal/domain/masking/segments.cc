#include "services/journal/domain/masking/segments.h"

#include <unicode/uchar.h>

#include "services/journal/domain/masking/skeleton.h"
#include "services/journal/domain/masking/utf8.h"

namespace depot::journal {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || u_isUWhiteSpace(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

bool IsApostropheCharacter(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

bool IsNameJoiner(char32_t c) {
  return c == ',' || c == '.' || c == '-' || c == '_' || c == '@' ||
         IsApostropheCharacter(c) || (c >= 0x2010 && c <= 0x2014) ||
         c == 0x2212 || c == 0xFE63 || c == 0xFF0D || c == 0xFF0C ||
         c == 0xFF0E;
}

// A piece boundary inside a word: lower-case followed by upper-case
// ("kariNordmann") or a change between letters and digits ("cv2024").
bool PieceBoundary(char32_t previous, char32_t current) {
  if (IsLowerCaseLetter(previous) && IsUpperCaseLetter(current)) return true;
  bool previous_digit = IsDigitCharacter(previous);
  bool current_digit = IsDigitCharacter(current);
  return previous_digit != current_digit && !IsInvisibleCharacter(previous) &&
         !IsInvisibleCharacter(current);
}

void SplitPieces(std::string_view text, TextSegment* segment) {
  std::vector<std::string> pieces;
  size_t start = segment->begin;
  char32_t previous = 0;
  bool have_previous = false;
  for (size_t i = segment->begin; i < segment->end;) {
    Decoded d = DecodeUtf8At(text, i);
    if (have_previous && !IsInvisibleCharacter(d.code) &&
        PieceBoundary(previous, d.code)) {
      pieces.push_back(Skeleton(text.substr(start, i - start)));
      start = i;
    }
    if (!IsInvisibleCharacter(d.code)) {
      previous = d.code;
      have_previous = true;
    }
    i += d.length;
  }
  if (pieces.empty()) return;
  pieces.push_back(Skeleton(text.substr(start, segment->end - start)));
  segment->pieces = std::move(pieces);
}

}  // namespace

std::vector<TextSegment> SegmentText(std::string_view text) {
  std::vector<TextSegment> segments;
  size_t i = 0;
  while (i < text.size()) {
    TextSegment segment;
    segment.begin = i;
    segment.word = IsWordCharacter(DecodeUtf8At(text, i).code);
    while (i < text.size()) {
      Decoded d = DecodeUtf8At(text, i);
      bool word = IsWordCharacter(d.code);
      if (!word && segment.word && IsInvisibleCharacter(d.code)) {
        // Invisible characters inside a word belong to it ("Nord\u200Bmann"
        // shows as one word); at its end they belong to the gap.
        size_t k = i + d.length;
        while (k < text.size() &&
               IsInvisibleCharacter(DecodeUtf8At(text, k).code)) {
          k += DecodeUtf8At(text, k).length;
        }
        if (k < text.size() && IsWordCharacter(DecodeUtf8At(text, k).code)) {
          i = k;
          continue;
        }
      }
      if (word != segment.word) break;
      i += d.length;
    }
    segment.end = i;
    if (segment.word) {
      segment.skeleton =
          Skeleton(text.substr(segment.begin, segment.end - segment.begin));
      SplitPieces(text, &segment);
    }
    segments.push_back(std::move(segment));
  }
  return segments;
}

GapKind ClassifyGap(std::string_view gap) {
  int joiners = 0;
  for (size_t i = 0; i < gap.size();) {
    Decoded d = DecodeUtf8At(gap, i);
    i += d.length;
    if (IsSpace(d.code) || IsInvisibleCharacter(d.code)) continue;
    if (IsNameJoiner(d.code) && ++joiners == 1) continue;
    return GapKind::kOther;
  }
  return joiners == 0 ? GapKind::kSpace : GapKind::kNameJoiner;
}

bool IsApostrophe(std::string_view gap) {
  if (gap.empty()) return false;
  Decoded d = DecodeUtf8At(gap, 0);
  return d.length == gap.size() && IsApostropheCharacter(d.code);
}

bool StartsWithTrailingApostrophe(std::string_view gap, size_t* length) {
  if (gap.empty()) return false;
  Decoded d = DecodeUtf8At(gap, 0);
  if (!IsApostropheCharacter(d.code)) return false;
  if (d.length < gap.size() && !IsSpace(DecodeUtf8At(gap, d.length).code)) {
    return false;
  }
  *length = d.length;
  return true;
}

}  // namespace depot::journal
