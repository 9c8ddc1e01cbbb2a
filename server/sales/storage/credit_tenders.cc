#include "sales/storage/credit_tenders.h"

#include <map>

#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_rules.h"

namespace backoffice::storage {

std::vector<CreditTender> CheckCreditTenders(
    soci::session& s, long long store_id, long long terminal_id,
    const domain::Sale& sale,
    const std::vector<std::optional<long long>>& customer_ids,
    const std::vector<int>& terms_days) {
  std::vector<CreditTender> out;
  // What earlier tenders of this sale took from each hold.
  std::map<long long, std::int64_t> used;
  for (std::size_t i = 0; i < sale.tenders.size(); ++i) {
    const auto& tender = sale.tenders[i];
    if (tender.type != domain::TenderType::kStoreCredit || !customer_ids[i]) {
      continue;
    }
    CreditTender credit;
    credit.tender_number = static_cast<int>(i + 1);
    credit.customer_id = *customer_ids[i];
    credit.terms_days = terms_days[i];
    credit.amount_minor = tender.amount_minor;
    credit.authorization_id = tender.authorization_id;
    std::optional<domain::TenderAuthorization> found;
    if (!tender.authorization_id.empty()) {
      // A plain read finds the row; the lock is then taken by primary key,
      // so that a missing id takes no gap lock.
      auto pk = QueryOne(
          s,
          "SELECT id FROM credit_authorizations WHERE store_id = :s AND "
          "authorization_id = :a",
          +[](const soci::row& r) { return GetInt64(r, 0); }, store_id,
          tender.authorization_id);
      if (pk) {
        struct Row {
          long long customer_id;
          long long terminal_id;
          domain::TenderAuthorization authorization;
        };
        auto row = QueryOne(
            s,
            "SELECT customer_id, terminal_id, state, " BO_MICROS(
                "expire_time") ", amount_minor FROM credit_authorizations "
                               "WHERE id = :pk FOR UPDATE",
            +[](const soci::row& r) {
              Row out{GetInt64(r, 0), GetInt64(r, 1), {}};
              out.authorization.state =
                  domain::AuthorizationStateFromName(GetString(r, 2));
              out.authorization.expire_time = GetInt64(r, 3);
              out.authorization.amount_minor = GetInt64(r, 4);
              return out;
            },
            *pk);
        if (row) {
          found = row->authorization;
          found->same_customer = row->customer_id == credit.customer_id;
          found->same_terminal = row->terminal_id == terminal_id;
          credit.authorization_pk = *pk;
        }
      }
    }
    credit.exception_kind = domain::CreditExceptionKind(
        tender.authorization_id, found ? &*found : nullptr, tender.amount_minor,
        credit.authorization_pk ? used[credit.authorization_pk] : 0,
        sale.record_time);
    if (credit.exception_kind.empty()) {
      used[credit.authorization_pk] += tender.amount_minor;
    } else {
      credit.authorization_pk = 0;
    }
    out.push_back(std::move(credit));
  }
  return out;
}

void RecordCreditTenders(soci::session& s, long long sale_pk,
                         long long store_id,
                         const std::vector<CreditTender>& tenders) {
  MultiInsert exceptions(
      "INSERT INTO credit_exceptions (sale_pk, tender_number, store_id, "
      "customer_id, kind, authorization_id, amount_minor)",
      7);
  for (const auto& t : tenders) {
    if (t.exception_kind.empty()) {
      long long pk = t.authorization_pk;
      long long sale = sale_pk;
      s << "UPDATE credit_authorizations SET state = 'CONSUMED', sale_pk = "
           ":sale, update_time = UTC_TIMESTAMP(6) WHERE id = :pk",
          soci::use(sale), soci::use(pk);
    } else {
      exceptions.AddRow({sale_pk, static_cast<long long>(t.tender_number),
                         store_id, t.customer_id, t.exception_kind,
                         t.authorization_id, t.amount_minor});
    }
  }
  exceptions.Execute(s);
}

std::vector<PendingPosting> SaleCharges(
    const domain::Sale& sale, long long sale_pk, long long store_id,
    const std::vector<CreditTender>& tenders,
    const domain::RequestContext& ctx) {
  // One charge per customer, however many tenders name them.
  std::map<long long, std::pair<long long, int>> by_customer;
  for (const auto& t : tenders) {
    auto& [amount, terms] = by_customer[t.customer_id];
    amount += t.amount_minor;
    terms = t.terms_days;
  }
  std::vector<PendingPosting> postings;
  for (const auto& [customer_id, amount_terms] : by_customer) {
    if (amount_terms.first <= 0) continue;  // A zero sale owes nothing.
    PendingPosting p;
    p.party = LedgerParty{store_id, domain::PartyKind::kCustomer, customer_id,
                          sale.currency_code};
    LedgerDocument& d = p.document;
    d.type = domain::PartyDocumentType::kCharge;
    d.direction = domain::Direction::kDebit;
    d.source_type = "SALE";
    d.source_id = sale.sale_id;
    d.source_pk = sale_pk;
    d.amount_minor = amount_terms.first;
    d.document_day = sale.business_day;
    d.due_day = domain::AddDays(sale.business_day, amount_terms.second);
    d.recorded_by = domain::FormatTokenId(ctx.principal.token_id);
    d.recorded_by_name = ctx.principal.display_name;
    postings.push_back(std::move(p));
  }
  return postings;
}

}  // namespace backoffice::storage
