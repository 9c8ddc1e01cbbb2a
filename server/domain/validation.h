// Validation of master data and of update masks. Every rule that decides
// whether input is acceptable lives here, so that the gRPC layer, the import
// and the tests all apply the same one.
#ifndef BACKOFFICE_SERVER_DOMAIN_VALIDATION_H_
#define BACKOFFICE_SERVER_DOMAIN_VALIDATION_H_

#include <string>
#include <vector>

#include "backoffice/status.h"
#include "domain/model.h"

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

// A business code: 1-32 characters of A-Z, a-z, 0-9, '-' and '_'.
Status ValidateCode(const std::string& field, const std::string& value);
// Text of 1..max_chars UTF-8 characters with no control characters.
Status ValidateName(const std::string& field, const std::string& value,
                    int max_chars = kMaxNameLength);
// Optional text: like ValidateName, but may be empty.
Status ValidateOptionalText(const std::string& field, const std::string& value,
                            int max_chars);
Status ValidateCurrencyCode(const std::string& field, const std::string& value);
// An IANA zone known to this machine's time zone database, or "UTC".
Status ValidateTimeZone(const std::string& field, const std::string& value);
Status ValidateRequestId(const std::string& value);

Status ValidateStore(const Store& store);
Status ValidateTerminal(const Terminal& terminal);
// Also normalises: sorts the barcodes and refuses duplicates among them.
Status ValidateProduct(Product& product);
Status ValidateProductStoreSetting(const ProductStoreSetting& setting,
                                   const std::string& store_currency);
Status ValidateSupplier(const Supplier& supplier);
Status ValidateCustomer(const Customer& customer,
                        const std::string& store_currency);
Status ValidateAccessToken(const AccessToken& token);

// Applies the fields named in `mask` from `patch` to `target`; an empty mask
// means every mutable field. Unknown or immutable paths are refused.
Status ApplyStoreMask(const std::vector<std::string>& mask, const Store& patch,
                      Store& target);
Status ApplyTerminalMask(const std::vector<std::string>& mask,
                         const Terminal& patch, Terminal& target);
Status ApplyProductMask(const std::vector<std::string>& mask,
                        const Product& patch, Product& target);
Status ApplySupplierMask(const std::vector<std::string>& mask,
                         const Supplier& patch, Supplier& target);
Status ApplyCustomerMask(const std::vector<std::string>& mask,
                         const Customer& patch, Customer& target);

// Checks a page size (0 means the default) and decodes a page token.
StatusOr<PageRequest> MakePageRequest(int page_size,
                                      const std::string& page_token);
// Turns up to page_size + 1 fetched items into a page, with the token of the
// next page when there is one. `key_of` gives an item's ordering key.
template <typename T, typename KeyOf>
Page<T> MakePage(std::vector<T> items, const PageRequest& request,
                 KeyOf key_of);
std::string EncodePageToken(const std::string& last_key);

template <typename T, typename KeyOf>
Page<T> MakePage(std::vector<T> items, const PageRequest& request,
                 KeyOf key_of) {
  Page<T> page;
  if (static_cast<int>(items.size()) > request.page_size) {
    items.resize(request.page_size);
    page.next_page_token = EncodePageToken(key_of(items.back()));
  }
  page.items = std::move(items);
  return page;
}

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_DOMAIN_VALIDATION_H_
