// Average daily demand, from rows of the daily demand rollup only (never the
// sale lines). Pure functions: the repository gives the rows, these add them
// up. Later slices' order suggestions call them.
#ifndef BACKOFFICE_SERVER_PURCHASING_DOMAIN_DEMAND_H_
#define BACKOFFICE_SERVER_PURCHASING_DOMAIN_DEMAND_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/status.h"
#include "purchasing/domain/purchasing_model.h"

namespace backoffice::domain {

// `net_milli` / `days`, rounded to the nearest thousandth of a unit, halves
// away from zero (net demand may be negative when returns exceed sales).
// `days` must be positive.
std::int64_t AverageDailyMilli(std::int64_t net_milli, int days);

// The window of `window_days` business days ending on `end_day`
// (YYYY-MM-DD); INVALID_ARGUMENT (INVALID_WINDOW_DAYS, INVALID_END_DAY)
// otherwise. `window_days` 0 means kDefaultDemandWindowDays.
StatusOr<DemandWindow> MakeDemandWindow(int window_days,
                                        const std::string& end_day);

// The day before `day` (YYYY-MM-DD).
std::string PreviousDay(const std::string& day);

// One product's demand over `window` from its rollup rows; rows outside the
// window, or of another SKU, are ignored.
ProductDemand SummarizeDemand(const std::string& sku,
                              const std::vector<DemandDay>& rows,
                              const DemandWindow& window);

// Every product's demand over `window`, one per SKU present in `rows`,
// ordered by SKU.
std::vector<ProductDemand> SummarizeDemandBySku(
    const std::vector<DemandDay>& rows, const DemandWindow& window);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_PURCHASING_DOMAIN_DEMAND_H_
