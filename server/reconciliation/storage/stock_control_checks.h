// Stock control's part of VerifyLedger: every shipped supplier return has
// exactly its movements, from exactly its lots, and the credit note of its
// cost; nothing else does; and a second person approved it.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_STORAGE_STOCK_CONTROL_CHECKS_H_
#define BACKOFFICE_SERVER_RECONCILIATION_STORAGE_STOCK_CONTROL_CHECKS_H_

#include <functional>
#include <string>

namespace backoffice::storage {

// As AddPartyLedgerChecks: `add(kind, sql)` runs a check whose rows are
// (store, entity, detail) and whose WHERE holds `store_filter`.
void AddStockControlChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECONCILIATION_STORAGE_STOCK_CONTROL_CHECKS_H_
