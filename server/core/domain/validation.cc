#include "core/domain/validation.h"

#include <absl/time/time.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/domain/errors.h"
#include "core/domain/fingerprint.h"

namespace backoffice::domain {
namespace {

// Counts UTF-8 code points; returns -1 for malformed UTF-8 or control
// characters, which have no place in master data.
int CountDisplayChars(const std::string& s) {
  int count = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f) return -1;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
    } else {
      return -1;
    }
    if (i + extra >= s.size()) return -1;  // Truncated sequence.
    for (int k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return -1;
    }
    i += extra + 1;
    ++count;
  }
  return count;
}

}  // namespace

bool IsCodeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool MaskHas(const std::vector<std::string>& mask, const char* path) {
  for (const auto& p : mask) {
    if (p == path || p == kFullReplacementMask) return true;
  }
  return false;
}

Status CheckMaskPaths(const std::vector<std::string>& mask,
                      std::initializer_list<const char*> allowed) {
  for (const auto& path : mask) {
    bool known = path == kFullReplacementMask && mask.size() == 1;
    for (const char* a : allowed) known = known || path == a;
    if (!known) {
      return InvalidArgument(
                 "INVALID_UPDATE_MASK",
                 "update_mask: '" + path + "' is unknown or cannot be changed")
          .WithMetadata("field", "update_mask");
    }
  }
  return Status();
}

namespace {

std::string ToHex(const std::string& s) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Status ValidateMoney(const std::string& field, const Money& money) {
  if (auto s =
          ValidateCurrencyCode(field + ".currency_code", money.currency_code);
      !s.ok()) {
    return s;
  }
  if (money.minor_units < 0) {
    return InvalidField(field + ".minor_units", "must not be negative");
  }
  // Bounded so that sums and products of amounts stay exact in 64 bits.
  if (money.minor_units > kMaxAmountMinor) {
    return InvalidField(field + ".minor_units",
                        "must be at most " + std::to_string(kMaxAmountMinor));
  }
  return Status();
}

Status ValidateCode(const std::string& field, const std::string& value) {
  if (value.empty()) return InvalidField(field, "is required");
  if (value.size() > kMaxCodeLength) {
    return InvalidField(field, "is longer than 32 characters");
  }
  if (!std::all_of(value.begin(), value.end(), IsCodeChar)) {
    return InvalidField(field, "may hold only A-Z, a-z, 0-9, '-' and '_'");
  }
  return Status();
}

Status ValidateName(const std::string& field, const std::string& value,
                    int max_chars) {
  if (value.empty()) return InvalidField(field, "is required");
  return ValidateOptionalText(field, value, max_chars);
}

Status ValidateOptionalText(const std::string& field, const std::string& value,
                            int max_chars) {
  int n = CountDisplayChars(value);
  if (n < 0) {
    return InvalidField(field, "is not valid UTF-8 text without controls");
  }
  if (n > max_chars) {
    return InvalidField(
        field, "is longer than " + std::to_string(max_chars) + " characters");
  }
  return Status();
}

Status ValidateCurrencyCode(const std::string& field,
                            const std::string& value) {
  if (value.size() != 3 || !std::all_of(value.begin(), value.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
      })) {
    return InvalidField(field, "must be an ISO 4217 code such as IDR");
  }
  return Status();
}

Status ValidateTimeZone(const std::string& field, const std::string& value) {
  if (value == "UTC") return Status();
  // A name, not a path: the library would also open an absolute path.
  const bool shape_ok = !value.empty() && value.size() <= 64 &&
                        value.front() != '/' && value.back() != '/' &&
                        value.find("..") == std::string::npos &&
                        value.find("//") == std::string::npos &&
                        std::all_of(value.begin(), value.end(), [](char c) {
                          return std::isalnum(static_cast<unsigned char>(c)) ||
                                 c == '/' || c == '_' || c == '-' || c == '+';
                        });
  // "localtime" is the server's own zone and "posixrules" the rules of POSIX
  // TZ strings: files of the zone folder, neither one a store's zone.
  const bool reserved = value == "localtime" || value == "posixrules";
  // The zone must be one the library that computes business days loads:
  // tables (zone.tab), leap second lists and folders do not.
  absl::TimeZone zone;
  if (!shape_ok || reserved || !absl::LoadTimeZone(value, &zone)) {
    return InvalidField(field,
                        "must be an IANA time zone such as Asia/Jakarta");
  }
  return Status();
}

Status ValidateIdempotencyKey(const std::string& field,
                              const std::string& key) {
  if (key.empty() || key.size() > 64 ||
      !std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
               c == '_';
      })) {
    return InvalidField(field,
                        "must be 1-64 characters of A-Z, a-z, 0-9, '-', '_'");
  }
  return Status();
}

Status ValidateRequestId(const std::string& value) {
  if (value.size() > kMaxRequestIdLength) {
    return InvalidField("request_id", "is longer than 64 characters");
  }
  return ValidateOptionalText("request_id", value, kMaxRequestIdLength);
}

namespace {

constexpr char kPageTokenPrefix[] = "p2";
constexpr std::size_t kScopeDigestHexLength = 16;
constexpr std::size_t kMaxPageKeyBytes = 64;

Status InvalidPageToken(const std::string& why) {
  return InvalidArgument("INVALID_PAGE_TOKEN", "page_token " + why +
                                                   "; start again without "
                                                   "one")
      .WithMetadata("field", "page_token");
}

bool IsLowerHex(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return HexValue(c) >= 0; });
}

// The decimal of a non-negative int64, as std::to_string writes it.
std::optional<std::int64_t> ParseSequence(const std::string& key) {
  if (key.empty() || key.size() > 18 || (key.size() > 1 && key[0] == '0') ||
      !std::all_of(key.begin(), key.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char c : key) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

PageScope::PageScope(const std::string& list, PageKeyKind kind) : kind_(kind) {
  Add(list);
  Add(static_cast<std::int64_t>(kind));
}

PageScope& PageScope::Add(const std::string& filter_value) {
  // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
  text_ += std::to_string(filter_value.size());
  text_ += ':';
  text_ += filter_value;
  text_ += ';';
  return *this;
}

PageScope& PageScope::Add(const char* filter_value) {
  return Add(std::string(filter_value));
}

PageScope& PageScope::Add(std::int64_t filter_value) {
  return Add(std::to_string(filter_value));
}

PageScope& PageScope::Add(bool filter_value) {
  return Add(std::string(filter_value ? "true" : "false"));
}

PageScope& PageScope::Add(const std::optional<std::int64_t>& filter_value) {
  return filter_value ? Add(std::string("=") + std::to_string(*filter_value))
                      : Add(std::string("unset"));
}

std::string PageScope::Digest() const {
  FingerprintBuilder digest("page-scope/v1");
  digest.Add(text_);
  return digest.Finish().substr(0, kScopeDigestHexLength);
}

std::string EncodePageToken(const std::string& scope_digest,
                            const std::string& last_key) {
  return kPageTokenPrefix + scope_digest + ToHex(last_key);
}

StatusOr<PageRequest> MakePageRequest(int page_size,
                                      const std::string& page_token,
                                      const PageScope& scope) {
  if (page_size < 0 || page_size > kMaxPageSize) {
    return InvalidField("page_size", "must be within 0-1000");
  }
  PageRequest request;
  request.page_size = page_size == 0 ? kDefaultPageSize : page_size;
  request.scope_digest = scope.Digest();
  if (page_token.empty()) return request;

  const std::size_t header =
      sizeof(kPageTokenPrefix) - 1 + kScopeDigestHexLength;
  if (page_token.size() > header + 2 * kMaxPageKeyBytes ||
      page_token.size() <= header || page_token.size() % 2 != 0 ||
      page_token.compare(0, 2, kPageTokenPrefix) != 0 ||
      !IsLowerHex(page_token.substr(2))) {
    return InvalidPageToken("is not a token this server issued");
  }
  if (page_token.compare(2, kScopeDigestHexLength, request.scope_digest) != 0) {
    return InvalidPageToken(
        "belongs to another list or to other filters than this request's");
  }
  for (std::size_t i = header; i < page_token.size(); i += 2) {
    request.after_key += static_cast<char>(HexValue(page_token[i]) * 16 +
                                           HexValue(page_token[i + 1]));
  }
  switch (scope.kind()) {
    case PageKeyKind::kText:
      if (CountDisplayChars(request.after_key) < 0) {
        return InvalidPageToken("is not a token this server issued");
      }
      break;
    case PageKeyKind::kSequence:
      request.after_sequence = ParseSequence(request.after_key);
      if (!request.after_sequence) {
        return InvalidPageToken("is not a token this server issued");
      }
      break;
  }
  return request;
}

}  // namespace backoffice::domain
