// What a sale's store-credit tenders do besides being recorded: each uses
// up the CreditService hold it names (or, without a valid one, is listed as
// a credit exception, since the sale happened anyway), and the sale posts
// one charge per customer to the party ledger, in the sale's transaction.
#ifndef BACKOFFICE_SERVER_SALES_STORAGE_CREDIT_TENDERS_H_
#define BACKOFFICE_SERVER_SALES_STORAGE_CREDIT_TENDERS_H_

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "credit/storage/party_ledger.h"
#include "sales/domain/sale_model.h"

namespace backoffice::storage {

// One store-credit tender as the sale found its authorization.
struct CreditTender {
  int tender_number = 0;  // 1, 2, ... as sent.
  long long customer_id = 0;
  int terms_days = 0;
  long long amount_minor = 0;
  std::string authorization_id;
  long long authorization_pk = 0;  // 0: none to use.
  std::string exception_kind;      // Empty: the hold covers it.
};

// Reads (and locks, by primary key) the authorizations a sale's tenders
// name, and judges each (`sale.record_time` set): the hold must be the
// customer's, of the sale's till, still held, and large enough for every
// tender that names it. `customer_ids` and `terms_days` run parallel to
// the tenders. Writes nothing: the sale may still be refused.
std::vector<CreditTender> CheckCreditTenders(
    soci::session& s, long long store_id, long long terminal_id,
    const domain::Sale& sale,
    const std::vector<std::optional<long long>>& customer_ids,
    const std::vector<int>& terms_days);

// Once the sale's header is written: consumes the holds that cover their
// tenders and records the others as credit exceptions.
void RecordCreditTenders(soci::session& s, long long sale_pk,
                         long long store_id,
                         const std::vector<CreditTender>& tenders);

// The sale's charges, one per customer, due after the customer's terms.
std::vector<PendingPosting> SaleCharges(
    const domain::Sale& sale, long long sale_pk, long long store_id,
    const std::vector<CreditTender>& tenders,
    const domain::RequestContext& ctx);

}  // namespace backoffice::storage

#endif  // BACKOFFICE_SERVER_SALES_STORAGE_CREDIT_TENDERS_H_
