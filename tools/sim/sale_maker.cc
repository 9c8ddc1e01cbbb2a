#include "sale_maker.h"

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <sstream>

namespace backoffice::sim {

std::int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void SetTimestamp(std::int64_t micros, google::protobuf::Timestamp* out) {
  out->set_seconds(micros / 1'000'000);
  out->set_nanos(static_cast<std::int32_t>(micros % 1'000'000) * 1000);
}

std::uint64_t StableHash(const std::string& text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

double Percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto index = static_cast<std::size_t>(fraction * (values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

StatusOr<std::vector<CatalogItem>> LoadCatalog(CatalogClient& catalog) {
  std::vector<CatalogItem> items;
  v1::ListProductsRequest request;
  request.set_page_size(1000);
  request.set_active_only(true);
  do {
    auto page = catalog.ListProducts(request);
    if (!page) return page.status();
    for (const auto& product : page->products()) {
      if (product.default_price().minor_units() <= 0) continue;
      CatalogItem item;
      item.sku = product.sku();
      item.barcodes.assign(product.barcodes().begin(),
                           product.barcodes().end());
      item.unit_price_minor = product.default_price().minor_units();
      item.tax_rate_basis_points = product.tax_rate_basis_points();
      item.sold_by_weight = product.sold_by_weight();
      items.push_back(std::move(item));
    }
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  return items;
}

std::int64_t NetTotal(const v1::Sale& sale) {
  std::int64_t total = 0;
  for (const auto& line : sale.lines()) {
    total += line.amount_minor() - line.discount_minor();
  }
  return total;
}

std::int64_t TenderedTotal(const v1::Sale& sale) {
  std::int64_t total = 0;
  for (const auto& tender : sale.tenders()) {
    total += tender.amount_minor() - tender.change_minor();
  }
  return total;
}

SaleMaker::SaleMaker(const std::vector<CatalogItem>& catalog,
                     std::uint64_t seed, std::string store,
                     std::string terminal,
                     std::int64_t first_receipt_of_late_shift)
    : catalog_(catalog),
      store_(std::move(store)),
      terminal_(std::move(terminal)),
      first_receipt_of_late_shift_(first_receipt_of_late_shift),
      random_(seed ^ StableHash(store_ + "/" + terminal_)) {}

std::int64_t SaleMaker::Uniform(std::int64_t low, std::int64_t high) {
  return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
}

v1::Sale SaleMaker::Make(const std::string& sale_id, std::int64_t receipt) {
  v1::Sale sale;
  sale.set_sale_id(sale_id);
  sale.set_store_code(store_);
  sale.set_terminal_code(terminal_);
  sale.set_cashier(Cashier(receipt));
  sale.set_receipt_number(receipt);
  // The till posts a moment after the customer has paid.
  SetTimestamp(NowMicros() - Uniform(500'000, 4'000'000),
               sale.mutable_sale_time());
  const int line_count = static_cast<int>(Uniform(1, 6));
  std::int64_t due = 0;
  for (int n = 1; n <= line_count; ++n) due += AddLine(n, sale.add_lines());
  AddTenders(due, sale);
  return sale;
}

// Two shifts a day, one cashier each.
std::string SaleMaker::Cashier(std::int64_t receipt) const {
  static const char* const kNames[] = {"Siti", "Budi", "Dewi", "Agus",
                                       "Rina", "Joko", "Wati", "Eko"};
  const bool late = receipt >= first_receipt_of_late_shift_;
  return kNames[(StableHash(store_ + terminal_) + (late ? 1 : 0)) % 8];
}

// Fills a line and returns its net amount.
std::int64_t SaleMaker::AddLine(int number, v1::SaleLine* line) {
  const CatalogItem& item = catalog_[static_cast<std::size_t>(
      Uniform(0, static_cast<std::int64_t>(catalog_.size()) - 1))];
  line->set_line_number(number);
  // Scanned items reach the till as barcodes; keyed ones as SKUs.
  if (!item.barcodes.empty() && Chance(25)) {
    line->set_barcode(item.barcodes[static_cast<std::size_t>(
        Uniform(0, static_cast<std::int64_t>(item.barcodes.size()) - 1))]);
  } else {
    line->set_sku(item.sku);
  }
  // Produce is weighed to the 5 grams (1.250 kg is 1250); the rest is
  // counted in whole pieces.
  const std::int64_t quantity_milli =
      item.sold_by_weight ? Uniform(20, 600) * 5 : Uniform(1, 3) * 1000;
  const std::int64_t amount =
      (quantity_milli * item.unit_price_minor + 500) / 1000;
  std::int64_t discount = 0;
  if (Chance(7)) discount = amount / 10 / 100 * 100;  // A 10% promotion.
  const std::int64_t net = amount - discount;
  const std::int64_t rate = item.tax_rate_basis_points;
  line->set_quantity_milli(quantity_milli);
  line->set_unit_price_minor(item.unit_price_minor);
  line->set_amount_minor(amount);
  line->set_discount_minor(discount);
  line->set_tax_rate_basis_points(item.tax_rate_basis_points);
  // Prices include VAT: the tax is rate/(1+rate) of the net, half up.
  line->set_tax_minor((net * rate * 2 + 10000 + rate) / (2 * (10000 + rate)));
  return net;
}

void SaleMaker::AddTenders(std::int64_t due, v1::Sale& sale) {
  const auto kind = Uniform(1, 100);
  if (kind <= 40) {
    AddCash(due, sale);
  } else if (kind <= 88) {
    AddElectronic(kind <= 65   ? v1::TENDER_TYPE_CARD
                  : kind <= 80 ? v1::TENDER_TYPE_QRIS
                               : v1::TENDER_TYPE_EWALLET,
                  due, sale);
  } else {
    // Split payment: part by e-wallet or card, the rest in cash.
    const std::int64_t electronic = due / 2 / 1000 * 1000;
    if (electronic > 0) {
      AddElectronic(Chance(50) ? v1::TENDER_TYPE_EWALLET : v1::TENDER_TYPE_CARD,
                    electronic, sale);
    }
    AddCash(due - electronic, sale);
  }
}

void SaleMaker::AddCash(std::int64_t due, v1::Sale& sale) {
  std::int64_t paid = (due + 999) / 1000 * 1000;
  // Some customers hand over a big note.
  if (Chance(30)) {
    for (std::int64_t note : {20'000, 50'000, 100'000}) {
      if (note >= paid) {
        paid = note;
        break;
      }
    }
  }
  auto* tender = sale.add_tenders();
  tender->set_type(v1::TENDER_TYPE_CASH);
  tender->set_amount_minor(paid);
  tender->set_change_minor(paid - due);
}

void SaleMaker::AddElectronic(v1::TenderType type, std::int64_t amount,
                              v1::Sale& sale) {
  auto* tender = sale.add_tenders();
  tender->set_type(type);
  tender->set_amount_minor(amount);
  std::ostringstream reference;
  reference << (type == v1::TENDER_TYPE_CARD   ? "APV"
                : type == v1::TENDER_TYPE_QRIS ? "QR"
                                               : "EW")
            << std::setw(10) << std::setfill('0')
            << Uniform(0, 9'999'999'999LL);
  tender->set_reference(reference.str());
}

}  // namespace backoffice::sim
