#include "sales/domain/sales_policy.h"

namespace backoffice::domain {
std::vector<MethodPolicy> SalesMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Sales are posted by the till itself (for its own terminal only), or
    // by the store's manager or head office, say when replaying a backlog.
    {"/backoffice.v1.SalesService/RecordSale", {kPos, kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/UploadSales", {kPos, kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/RecordReturn", {kPos, kManager, kHeadOffice}, true},
    // Cancelling a whole sale is a manager's decision, never a cashier's.
    {"/backoffice.v1.SalesService/VoidSale", {kManager, kHeadOffice}, true},
    {"/backoffice.v1.SalesService/GetSale", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.SalesService/ListSales", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.SalesService/CheckReceiptSequence", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.SalesService/SummarizeSales", {kManager, kHeadOffice, kAdmin}},
  };
  // clang-format on
}

}  // namespace backoffice::domain
