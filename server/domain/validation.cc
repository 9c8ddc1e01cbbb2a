#include "domain/validation.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "domain/errors.h"

namespace backoffice::domain {
namespace {

bool IsCodeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

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

bool HasPath(const std::vector<std::string>& mask, const char* path) {
  return mask.empty() ||
         std::find(mask.begin(), mask.end(), path) != mask.end();
}

Status CheckMaskPaths(const std::vector<std::string>& mask,
                      std::initializer_list<const char*> allowed) {
  for (const auto& path : mask) {
    bool known = false;
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

Status ValidateMoney(const std::string& field, const Money& money) {
  if (auto s =
          ValidateCurrencyCode(field + ".currency_code", money.currency_code);
      !s.ok()) {
    return s;
  }
  if (money.minor_units < 0) {
    return InvalidField(field + ".minor_units", "must not be negative");
  }
  return Status();
}

}  // namespace

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
  bool shape_ok = !value.empty() && value.size() <= 64 &&
                  value.front() != '/' &&
                  value.find("..") == std::string::npos &&
                  std::all_of(value.begin(), value.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) ||
                           c == '/' || c == '_' || c == '-' || c == '+';
                  });
  struct stat info {};
  if (!shape_ok || stat(("/usr/share/zoneinfo/" + value).c_str(), &info) != 0 ||
      !S_ISREG(info.st_mode)) {
    return InvalidField(field,
                        "must be an IANA time zone such as Asia/Jakarta");
  }
  return Status();
}

Status ValidateRequestId(const std::string& value) {
  if (value.size() > kMaxRequestIdLength) {
    return InvalidField("request_id", "is longer than 64 characters");
  }
  return ValidateOptionalText("request_id", value, kMaxRequestIdLength);
}

Status ValidateStore(const Store& store) {
  if (auto s = ValidateCode("code", store.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", store.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateTimeZone("time_zone", store.time_zone); !s.ok()) {
    return s;
  }
  return ValidateCurrencyCode("currency_code", store.currency_code);
}

Status ValidateTerminal(const Terminal& terminal) {
  if (auto s = ValidateCode("store_code", terminal.store_code); !s.ok()) {
    return s;
  }
  if (auto s = ValidateCode("code", terminal.code); !s.ok()) return s;
  return ValidateName("display_name", terminal.display_name);
}

Status ValidateProduct(Product& product) {
  const std::string& sku = product.sku;
  if (sku.empty()) return InvalidField("sku", "is required");
  if (sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is longer than 64 characters");
  }
  if (!std::all_of(sku.begin(), sku.end(),
                   [](char c) { return IsCodeChar(c) || c == '.'; })) {
    return InvalidField("sku", "may hold only A-Z, a-z, 0-9, '.', '-', '_'");
  }
  if (product.barcodes.size() > kMaxBarcodesPerProduct) {
    return InvalidField("barcodes", "more than 20 barcodes");
  }
  for (const auto& barcode : product.barcodes) {
    if (barcode.empty() || barcode.size() > kMaxBarcodeLength ||
        !std::all_of(barcode.begin(), barcode.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c));
        })) {
      return InvalidField("barcodes", "each barcode is 1-64 letters or digits");
    }
  }
  std::sort(product.barcodes.begin(), product.barcodes.end());
  if (std::adjacent_find(product.barcodes.begin(), product.barcodes.end()) !=
      product.barcodes.end()) {
    return InvalidField("barcodes", "the same barcode is listed twice");
  }
  if (auto s = ValidateName("display_name", product.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateName("unit_of_measure", product.unit_of_measure, 16);
      !s.ok()) {
    return s;
  }
  if (product.tax_rate_basis_points < 0 ||
      product.tax_rate_basis_points > 10000) {
    return InvalidField("tax_rate_basis_points", "must be within 0-10000");
  }
  return ValidateMoney("default_price", product.default_price);
}

Status ValidateProductStoreSetting(const ProductStoreSetting& setting,
                                   const std::string& store_currency) {
  if (auto s = ValidateCode("store_code", setting.store_code); !s.ok()) {
    return s;
  }
  if (setting.sku.empty() || setting.sku.size() > kMaxSkuLength) {
    return InvalidField("sku", "is required, at most 64 characters");
  }
  if (setting.price_override) {
    if (auto s = ValidateMoney("price_override", *setting.price_override);
        !s.ok()) {
      return s;
    }
    if (setting.price_override->currency_code != store_currency) {
      return InvalidField("price_override.currency_code",
                          "must be the store's currency " + store_currency);
    }
  }
  if (setting.reorder_point_milli < 0) {
    return InvalidField("reorder_point_milli", "must not be negative");
  }
  if (setting.min_quantity_milli < 0) {
    return InvalidField("min_quantity_milli", "must not be negative");
  }
  if (setting.max_quantity_milli < 0 ||
      (setting.max_quantity_milli != 0 &&
       setting.max_quantity_milli < setting.min_quantity_milli)) {
    return InvalidField("max_quantity_milli",
                        "must be 0 (no maximum) or at least the minimum");
  }
  return Status();
}

Status ValidateSupplier(const Supplier& supplier) {
  if (auto s = ValidateCode("code", supplier.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", supplier.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("phone", supplier.phone, 32); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("email", supplier.email, 200); !s.ok()) {
    return s;
  }
  if (!supplier.email.empty() &&
      supplier.email.find('@') == std::string::npos) {
    return InvalidField("email", "is not an e-mail address");
  }
  if (auto s = ValidateOptionalText("address", supplier.address, 500);
      !s.ok()) {
    return s;
  }
  if (supplier.payment_terms_days < 0 || supplier.payment_terms_days > 365) {
    return InvalidField("payment_terms_days", "must be within 0-365");
  }
  return Status();
}

Status ValidateCustomer(const Customer& customer,
                        const std::string& store_currency) {
  if (auto s = ValidateCode("store_code", customer.store_code); !s.ok()) {
    return s;
  }
  if (auto s = ValidateCode("code", customer.code); !s.ok()) return s;
  if (auto s = ValidateName("display_name", customer.display_name); !s.ok()) {
    return s;
  }
  if (auto s = ValidateOptionalText("phone", customer.phone, 32); !s.ok()) {
    return s;
  }
  if (auto s = ValidateMoney("credit_limit", customer.credit_limit); !s.ok()) {
    return s;
  }
  if (customer.credit_limit.currency_code != store_currency) {
    return InvalidField("credit_limit.currency_code",
                        "must be the store's currency " + store_currency);
  }
  return Status();
}

Status ValidateAccessToken(const AccessToken& token) {
  if (auto s = ValidateName("display_name", token.display_name); !s.ok()) {
    return s;
  }
  if (token.role == Role::kUnspecified) {
    return InvalidField("role", "is required");
  }
  if (IsChainWide(token.role)) {
    if (!token.store_code.empty() || !token.terminal_code.empty()) {
      return InvalidField("store_code",
                          "head office and admin tokens have no store");
    }
    return Status();
  }
  if (auto s = ValidateCode("store_code", token.store_code); !s.ok()) return s;
  if (token.role == Role::kPosTerminal) {
    return ValidateCode("terminal_code", token.terminal_code);
  }
  if (!token.terminal_code.empty()) {
    return InvalidField("terminal_code", "only till tokens have a terminal");
  }
  return Status();
}

Status ApplyStoreMask(const std::vector<std::string>& mask, const Store& patch,
                      Store& target) {
  if (auto s =
          CheckMaskPaths(mask, {"display_name", "time_zone", "currency_code"});
      !s.ok()) {
    return s;
  }
  if (HasPath(mask, "display_name")) target.display_name = patch.display_name;
  if (HasPath(mask, "time_zone")) target.time_zone = patch.time_zone;
  if (HasPath(mask, "currency_code")) {
    target.currency_code = patch.currency_code;
  }
  return ValidateStore(target);
}

Status ApplyTerminalMask(const std::vector<std::string>& mask,
                         const Terminal& patch, Terminal& target) {
  if (auto s = CheckMaskPaths(mask, {"display_name", "active"}); !s.ok()) {
    return s;
  }
  if (HasPath(mask, "display_name")) target.display_name = patch.display_name;
  if (HasPath(mask, "active")) target.active = patch.active;
  return ValidateTerminal(target);
}

Status ApplyProductMask(const std::vector<std::string>& mask,
                        const Product& patch, Product& target) {
  if (auto s =
          CheckMaskPaths(mask, {"barcodes", "display_name", "unit_of_measure",
                                "sold_by_weight", "tax_rate_basis_points",
                                "default_price", "active"});
      !s.ok()) {
    return s;
  }
  if (HasPath(mask, "barcodes")) target.barcodes = patch.barcodes;
  if (HasPath(mask, "display_name")) target.display_name = patch.display_name;
  if (HasPath(mask, "unit_of_measure")) {
    target.unit_of_measure = patch.unit_of_measure;
  }
  if (HasPath(mask, "sold_by_weight")) {
    target.sold_by_weight = patch.sold_by_weight;
  }
  if (HasPath(mask, "tax_rate_basis_points")) {
    target.tax_rate_basis_points = patch.tax_rate_basis_points;
  }
  if (HasPath(mask, "default_price")) {
    target.default_price = patch.default_price;
  }
  if (HasPath(mask, "active")) target.active = patch.active;
  return ValidateProduct(target);
}

Status ApplySupplierMask(const std::vector<std::string>& mask,
                         const Supplier& patch, Supplier& target) {
  if (auto s =
          CheckMaskPaths(mask, {"display_name", "phone", "email", "address",
                                "payment_terms_days", "active"});
      !s.ok()) {
    return s;
  }
  if (HasPath(mask, "display_name")) target.display_name = patch.display_name;
  if (HasPath(mask, "phone")) target.phone = patch.phone;
  if (HasPath(mask, "email")) target.email = patch.email;
  if (HasPath(mask, "address")) target.address = patch.address;
  if (HasPath(mask, "payment_terms_days")) {
    target.payment_terms_days = patch.payment_terms_days;
  }
  if (HasPath(mask, "active")) target.active = patch.active;
  return ValidateSupplier(target);
}

Status ApplyCustomerMask(const std::vector<std::string>& mask,
                         const Customer& patch, Customer& target) {
  if (auto s = CheckMaskPaths(
          mask, {"display_name", "phone", "credit_limit", "active"});
      !s.ok()) {
    return s;
  }
  if (HasPath(mask, "display_name")) target.display_name = patch.display_name;
  if (HasPath(mask, "phone")) target.phone = patch.phone;
  if (HasPath(mask, "credit_limit")) target.credit_limit = patch.credit_limit;
  if (HasPath(mask, "active")) target.active = patch.active;
  // The store's currency cannot be read here; the customer keeps the
  // currency it was created with unless the patch names the same one.
  return ValidateCustomer(target, target.credit_limit.currency_code);
}

std::string EncodePageToken(const std::string& last_key) {
  return "p1" + ToHex(last_key);
}

StatusOr<PageRequest> MakePageRequest(int page_size,
                                      const std::string& page_token) {
  if (page_size < 0 || page_size > kMaxPageSize) {
    return InvalidField("page_size", "must be within 0-1000");
  }
  PageRequest request;
  request.page_size = page_size == 0 ? kDefaultPageSize : page_size;
  if (page_token.empty()) return request;
  if (page_token.size() % 2 != 0 || page_token.rfind("p1", 0) != 0 ||
      page_token.size() > 2 + 2 * 256) {
    return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not valid")
        .WithMetadata("field", "page_token");
  }
  for (std::size_t i = 2; i < page_token.size(); i += 2) {
    int hi = HexValue(page_token[i]);
    int lo = HexValue(page_token[i + 1]);
    if (hi < 0 || lo < 0) {
      return InvalidArgument("INVALID_PAGE_TOKEN", "page_token is not valid")
          .WithMetadata("field", "page_token");
    }
    request.after_key += static_cast<char>(hi * 16 + lo);
  }
  return request;
}

}  // namespace backoffice::domain
