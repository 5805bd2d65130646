#include "services/domain/text_fold.h"

#include <cstdint>

namespace parley {
namespace {

// ASCII base letters of U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A);
// '\0' where the code point is not a letter with an ASCII base.
constexpr char kLatinBase[] =
    "aaaaaaaceeeeiiii"   // C0-CF
    "dnooooo\0ouuuuyts"  // D0-DF (D7 is the multiplication sign, DF is sharp s)
    "aaaaaaaceeeeiiii"   // E0-EF
    "dnooooo\0ouuuuyty"  // F0-FF
    "aaaaaaccccccccdd"   // 100-10F
    "ddeeeeeeeeeegggg"   // 110-11F
    "gggghhhhiiiiiiii"   // 120-12F
    "iijjjjkkklllllll"   // 130-13F
    "lllnnnnnnnnnoooo"   // 140-14F
    "oooorrrrrrssssss"   // 150-15F
    "ssttttttuuuuuuuu"   // 160-16F
    "uuuuwwyyyzzzzzzs";  // 170-17F

bool DecodeOne(absl::string_view text, size_t i, uint32_t* cp, size_t* len) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *cp = c;
    *len = 1;
    return true;
  }
  int n = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    *cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    *cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    *cp = c & 0x07;
  } else {
    return false;
  }
  if (i + n > text.size()) {
    return false;
  }
  for (int k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(text[i + k]);
    if ((cc & 0xC0) != 0x80) {
      return false;
    }
    *cp = (*cp << 6) | (cc & 0x3F);
  }
  *len = n;
  return true;
}

}  // namespace

std::string FoldForMatch(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  auto emit = [&](absl::string_view piece) {
    if (pending_space && !out.empty()) {
      out.push_back(' ');
    }
    pending_space = false;
    out.append(piece.data(), piece.size());
  };
  size_t i = 0;
  while (i < text.size()) {
    uint32_t cp = 0;
    size_t len = 1;
    if (!DecodeOne(text, i, &cp, &len)) {
      ++i;  // Skip a malformed byte.
      continue;
    }
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(absl::string_view(&c, 1));
      } else if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c - 'A' + 'a');
        emit(absl::string_view(&lower, 1));
      } else if (c == '\'') {
        // Apostrophes vanish: "Cote d'Ivoire" and "Cote dIvoire" fold alike.
      } else {
        pending_space = true;
      }
    } else if (cp >= 0xC0 && cp <= 0x17F && kLatinBase[cp - 0xC0] != '\0') {
      const char base = kLatinBase[cp - 0xC0];
      emit(absl::string_view(&base, 1));
      if (cp == 0xDF) {
        emit("s");  // Sharp s -> "ss".
      }
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      // Typographic apostrophes vanish like ASCII ones.
    } else if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0 || cp == 0xD7 || cp == 0xF7 ||
               (cp >= 0xA1 && cp <= 0xBF)) {
      pending_space = true;  // Punctuation and spaces.
    } else {
      emit(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace parley
