// The approval inbox: what waits for a second person in a store, read
// across the modules that own it. The decisions stay with those modules'
// RPCs; this only lists them.
//
// Thread safety: stateless beyond its repository and clock; safe for
// concurrent use.
#ifndef BACKOFFICE_SERVER_APPROVALS_DOMAIN_APPROVALS_H_
#define BACKOFFICE_SERVER_APPROVALS_DOMAIN_APPROVALS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/domain/authorization.h"
#include "core/domain/clock.h"
#include "core/domain/model.h"
#include "core/domain/status.h"

namespace backoffice::domain {

// The wire numbers of backoffice.v1.ApprovalKind.
enum class ApprovalKind {
  kUnspecified = 0,
  kPurchaseOrder = 1,
  kGoodsReceipt = 2,
  kCreditOverride = 3,
  kSupplierPayment = 4,
  kCustomerWriteOff = 5,
  kPaymentRun = 6,
  kSupplierReturn = 7,
  kStockWriteOff = 8,
  kTransferDifference = 9,
  kStockCount = 10,
  kTillVariance = 11,
};

// The RPC that decides an item of `kind`, "Service/Method".
const char* ApproveWith(ApprovalKind kind);

struct Approval {
  std::int64_t store_id = 0;  // The paging key, with since and kind/id.
  std::string store_code;
  ApprovalKind kind = ApprovalKind::kUnspecified;
  std::string document_id;
  std::string summary;
  std::string currency_code;
  std::int64_t amount_minor = 0;
  std::string requested_by;
  std::string requested_by_name;
  TimeMicros since = 0;
  bool needs_head_office = false;
  std::int64_t row_id = 0;  // The paging key's last part.
};

class ApprovalRepository {
 public:
  virtual ~ApprovalRepository() = default;
  // Up to page.page_size + 1 waiting items of the store (empty: every
  // store), oldest first, after page.after_key
  // ("<since micros>/<kind>/<store id>/<row id>"). `now` decides
  // which refused holds have expired. NOT_FOUND (STORE_NOT_FOUND).
  virtual StatusOr<std::vector<Approval>> ListApprovals(
      const std::string& store_code, const PageRequest& page,
      TimeMicros now) = 0;
};

class Approvals {
 public:
  Approvals(ApprovalRepository& repository, Clock clock)
      : repository_(repository), clock_(std::move(clock)) {}

  // One store in the caller's scope, or every store for head office
  // (PERMISSION_DENIED, STORE_OUT_OF_SCOPE otherwise).
  StatusOr<Page<Approval>> ListApprovals(const RequestContext& ctx,
                                         const std::string& store_code,
                                         int page_size,
                                         const std::string& page_token);

 private:
  ApprovalRepository& repository_;
  Clock clock_;
};

std::vector<MethodPolicy> ApprovalMethodPolicies();

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_APPROVALS_DOMAIN_APPROVALS_H_
