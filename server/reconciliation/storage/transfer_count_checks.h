// Transfers' and counts' part of VerifyLedger: in-transit stock equals
// what was sent minus what was received or resolved; every transfer and
// every posted count has exactly its movements, and nothing else does;
// counted lines are their latest entries; a second person decided.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TRANSFER_COUNT_CHECKS_H_
#define BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TRANSFER_COUNT_CHECKS_H_

#include <functional>
#include <string>

namespace backoffice::storage {

// As AddStockControlChecks.
void AddTransferAndCountChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TRANSFER_COUNT_CHECKS_H_
