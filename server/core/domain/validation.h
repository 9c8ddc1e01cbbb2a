// Validation shared by every module: codes, names, currencies, time zones,
// request ids, money, update masks and page tokens. Each module keeps the
// rules of its own documents next to them.
#ifndef BACKOFFICE_SERVER_CORE_DOMAIN_VALIDATION_H_
#define BACKOFFICE_SERVER_CORE_DOMAIN_VALIDATION_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/status.h"
#include "core/domain/model.h"

namespace backoffice::domain {

inline constexpr int kMaxCodeLength = 32;
inline constexpr int kMaxSkuLength = 64;
inline constexpr int kMaxBarcodeLength = 64;
inline constexpr int kMaxBarcodesPerProduct = 20;
inline constexpr int kMaxNameLength = 200;
inline constexpr int kMaxRequestIdLength = 64;
inline constexpr int kMaxPageSize = 1000;
inline constexpr int kDefaultPageSize = 100;
inline constexpr int kMaxImportRows = 1000;
inline constexpr std::int64_t kMaxQuantityMilli = 1'000'000'000;  // 1e6 units
inline constexpr std::int64_t kMaxAmountMinor = 10'000'000'000'000;  // 1e13

// A character of a business code: A-Z, a-z, 0-9, '-' and '_'.
bool IsCodeChar(char c);
// A business code: 1-32 characters of A-Z, a-z, 0-9, '-' and '_'.
Status ValidateCode(const std::string& field, const std::string& value);
// Text of 1..max_chars UTF-8 characters with no control characters.
Status ValidateName(const std::string& field, const std::string& value,
                    int max_chars = kMaxNameLength);
// Optional text: like ValidateName, but may be empty.
Status ValidateOptionalText(const std::string& field, const std::string& value,
                            int max_chars);
Status ValidateCurrencyCode(const std::string& field, const std::string& value);
// An IANA zone name that the time-zone library (absl) loads, or "UTC": not a
// path, not a file of the zone folder that is no zone (leapseconds, zone.tab,
// posixrules), not "localtime".
Status ValidateTimeZone(const std::string& field, const std::string& value);
Status ValidateRequestId(const std::string& value);
// A client's document id (the idempotency key of a sale, a return, an
// adjustment...): 1-64 characters of A-Z, a-z, 0-9, '-', '_'.
Status ValidateIdempotencyKey(const std::string& field, const std::string& key);

Status ValidateMoney(const std::string& field, const Money& money);

// Update masks (AIP-134). The mask the domain receives is explicit: when a
// request sends none, transport computes one from the fields the request
// sets. "*" names every updatable field (a full replacement).
inline constexpr const char* kFullReplacementMask = "*";
// Whether an update mask names `path` (or is "*").
bool MaskHas(const std::vector<std::string>& mask, const char* path);
// INVALID_ARGUMENT (INVALID_UPDATE_MASK) for a path not in `allowed`; "*" is
// allowed on its own only.
Status CheckMaskPaths(const std::vector<std::string>& mask,
                      std::initializer_list<const char*> allowed);

// Paging. A page token is "p2", the hex of a digest of the list and its
// filters (the scope), then the hex of the last key of the previous page. A
// token is refused (INVALID_ARGUMENT, INVALID_PAGE_TOKEN) unless it decodes,
// its digest is the scope's of this call, and its key has the shape the list
// issues; a forged token never reaches a query.
enum class PageKeyKind {
  // A business code or a SKU: 1-64 bytes of UTF-8 text without controls.
  kText,
  // A sequence number (a row id), written in decimal as issued.
  kSequence,
};

// The list and the filter values that a page token is bound to. Filters that
// change the items listed are added, in a fixed order; the page size is not
// (a client may change it between pages).
class PageScope {
 public:
  PageScope(const std::string& list, PageKeyKind kind);
  PageScope& Add(const std::string& filter_value);
  PageScope& Add(const char* filter_value);
  PageScope& Add(std::int64_t filter_value);
  PageScope& Add(bool filter_value);
  PageScope& Add(const std::optional<std::int64_t>& filter_value);

  PageKeyKind kind() const { return kind_; }
  // 16 hex digits.
  std::string Digest() const;

 private:
  PageKeyKind kind_;
  std::string text_;
};

// Checks a page size (0 means the default) and decodes and checks a page
// token against `scope`.
StatusOr<PageRequest> MakePageRequest(int page_size,
                                      const std::string& page_token,
                                      const PageScope& scope);
// Turns up to page_size + 1 fetched items into a page, with the token of the
// next page when there is one. `key_of` gives an item's ordering key.
template <typename T, typename KeyOf>
Page<T> MakePage(std::vector<T> items, const PageRequest& request,
                 KeyOf key_of);
// The token of the page after `last_key` in the list of `scope_digest`.
std::string EncodePageToken(const std::string& scope_digest,
                            const std::string& last_key);

template <typename T, typename KeyOf>
Page<T> MakePage(std::vector<T> items, const PageRequest& request,
                 KeyOf key_of) {
  Page<T> page;
  if (static_cast<int>(items.size()) > request.page_size) {
    items.resize(request.page_size);
    page.next_page_token =
        EncodePageToken(request.scope_digest, key_of(items.back()));
  }
  page.items = std::move(items);
  return page;
}

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_CORE_DOMAIN_VALIDATION_H_
