// The party ledger's part of VerifyLedger: balances equal their documents,
// allocations stay within both sides, charges and credit notes match the
// sales and returns they come from, payables match their receipts, and
// every store-credit tender is authorized or listed as an exception.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_STORAGE_PARTY_LEDGER_CHECKS_H_
#define BACKOFFICE_SERVER_RECONCILIATION_STORAGE_PARTY_LEDGER_CHECKS_H_

#include <functional>
#include <string>

namespace backoffice::storage {

// `add(kind, sql)` runs a check whose rows are (store, entity, detail) and
// whose WHERE holds `store_filter` (binding the store code twice).
void AddPartyLedgerChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECONCILIATION_STORAGE_PARTY_LEDGER_CHECKS_H_
