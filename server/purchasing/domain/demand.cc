#include "purchasing/domain/demand.h"

#include <absl/time/civil_time.h>

#include <map>

#include "core/domain/errors.h"

namespace backoffice::domain {

std::int64_t AverageDailyMilli(std::int64_t net_milli, int days) {
  const std::int64_t d = days;
  const std::int64_t magnitude = net_milli < 0 ? -net_milli : net_milli;
  const std::int64_t rounded = (magnitude + d / 2) / d;
  // An even divisor's exact half rounds up in magnitude: away from zero.
  return net_milli < 0 ? -rounded : rounded;
}

StatusOr<DemandWindow> MakeDemandWindow(int window_days,
                                        const std::string& end_day) {
  if (window_days == 0) window_days = kDefaultDemandWindowDays;
  if (window_days < 1 || window_days > kMaxDemandWindowDays) {
    return InvalidField("window_days", "must be 1-366 (0 means 28)");
  }
  absl::CivilDay end;
  if (end_day.size() != 10 || !absl::ParseCivilTime(end_day, &end)) {
    return InvalidField("end_day", "must be a date YYYY-MM-DD");
  }
  DemandWindow window;
  window.days = window_days;
  window.end_day = absl::FormatCivilTime(end);
  window.start_day = absl::FormatCivilTime(end - (window_days - 1));
  return window;
}

std::string PreviousDay(const std::string& day) {
  absl::CivilDay parsed;
  if (!absl::ParseCivilTime(day, &parsed)) return day;
  return absl::FormatCivilTime(parsed - 1);
}

namespace {

bool InWindow(const std::string& day, const DemandWindow& window) {
  // YYYY-MM-DD compares as text in date order.
  return day >= window.start_day && day <= window.end_day;
}

void AddRow(const DemandDay& row, ProductDemand& out) {
  out.sold_milli += row.sold_milli;
  out.returned_milli += row.returned_milli;
  out.voided_milli += row.voided_milli;
  if (row.sold_milli > 0) ++out.days_with_sales;
}

void Finish(ProductDemand& out, const DemandWindow& window) {
  out.net_quantity_milli =
      out.sold_milli - out.returned_milli - out.voided_milli;
  out.days_in_window = window.days;
  out.average_daily_milli =
      window.days > 0 ? AverageDailyMilli(out.net_quantity_milli, window.days)
                      : 0;
}

}  // namespace

ProductDemand SummarizeDemand(const std::string& sku,
                              const std::vector<DemandDay>& rows,
                              const DemandWindow& window) {
  ProductDemand out;
  out.sku = sku;
  for (const auto& row : rows) {
    if (row.sku == sku && InWindow(row.business_day, window)) AddRow(row, out);
  }
  Finish(out, window);
  return out;
}

std::vector<ProductDemand> SummarizeDemandBySku(
    const std::vector<DemandDay>& rows, const DemandWindow& window) {
  std::map<std::string, ProductDemand> by_sku;
  for (const auto& row : rows) {
    if (!InWindow(row.business_day, window)) continue;
    ProductDemand& d = by_sku[row.sku];
    d.sku = row.sku;
    AddRow(row, d);
  }
  std::vector<ProductDemand> out;
  out.reserve(by_sku.size());
  for (auto& [sku, d] : by_sku) {
    Finish(d, window);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace backoffice::domain
