// Till sessions' part of VerifyLedger: every closed session's expected
// cash is its float plus what its counted documents brought minus what
// they and its drops and payouts took, each counted document's cash is
// what its own rows say, at its till and in its window, and a second
// person accepted each variance.
#ifndef BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TILL_SESSION_CHECKS_H_
#define BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TILL_SESSION_CHECKS_H_

#include <functional>
#include <string>

namespace backoffice::storage {

// As AddStockControlChecks.
void AddTillSessionChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_RECONCILIATION_STORAGE_TILL_SESSION_CHECKS_H_
