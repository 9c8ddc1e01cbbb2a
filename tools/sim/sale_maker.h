// What the simulator and the benchmark share: the product catalog as a till
// sees it, and sales built the way a till builds them.
#ifndef BACKOFFICE_TOOLS_SIM_SALE_MAKER_H_
#define BACKOFFICE_TOOLS_SIM_SALE_MAKER_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "backoffice/client.h"

namespace backoffice::sim {

struct CatalogItem {
  std::string sku;
  std::vector<std::string> barcodes;
  std::int64_t unit_price_minor = 0;
  std::int32_t tax_rate_basis_points = 0;
  bool sold_by_weight = false;
};

// Every active product with a price, following every page.
StatusOr<std::vector<CatalogItem>> LoadCatalog(CatalogClient& catalog);

std::int64_t NowMicros();
void SetTimestamp(std::int64_t micros, google::protobuf::Timestamp* out);

// FNV-1a: a random stream seeded from names must not depend on the
// standard library's std::hash, so that a seed means the same day on every
// machine.
std::uint64_t StableHash(const std::string& text);

// The value at `fraction` (0.5 for the median) of unsorted values.
double Percentile(std::vector<double> values, double fraction);

// Lines minus discounts, and tenders minus change: equal in a valid sale.
std::int64_t NetTotal(const v1::Sale& sale);
std::int64_t TenderedTotal(const v1::Sale& sale);

// Builds one till's sales the way a till computes them: 1-6 lines, some
// scanned by barcode, produce weighed to the 5 grams; line amounts rounded
// half up from quantity x unit price, an occasional 10% promotion, VAT
// included in the net amount; tenders (cash, card, QRIS, e-wallet, or split)
// that pay exactly the net total, cash rounded up to the thousand with the
// change given back. The same seed, store and terminal give the same sales.
class SaleMaker {
 public:
  SaleMaker(const std::vector<CatalogItem>& catalog, std::uint64_t seed,
            std::string store, std::string terminal,
            std::int64_t first_receipt_of_late_shift);

  v1::Sale Make(const std::string& sale_id, std::int64_t receipt);

  std::mt19937_64& random() { return random_; }
  std::int64_t Uniform(std::int64_t low, std::int64_t high);
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }

 private:
  std::string Cashier(std::int64_t receipt) const;
  std::int64_t AddLine(int number, v1::SaleLine* line);
  void AddTenders(std::int64_t due, v1::Sale& sale);
  void AddCash(std::int64_t due, v1::Sale& sale);
  void AddElectronic(v1::TenderType type, std::int64_t amount, v1::Sale& sale);

  const std::vector<CatalogItem>& catalog_;
  const std::string store_;
  const std::string terminal_;
  const std::int64_t first_receipt_of_late_shift_;
  std::mt19937_64 random_;
};

}  // namespace backoffice::sim

#endif  // BACKOFFICE_TOOLS_SIM_SALE_MAKER_H_
