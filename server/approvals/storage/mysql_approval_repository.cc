#include "approvals/storage/mysql_approval_repository.h"

#include "core/domain/errors.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"

namespace backoffice::storage {
namespace {

// Each module's waiting rows as (store_id, store_code, kind, document_id,
// summary, currency, amount, requested_by, requested_by_name, since,
// needs_head_office). The kinds are domain::ApprovalKind's numbers.
const std::string kWaiting =
    "SELECT o.store_id, st.code AS store_code, 1 AS kind, o.order_id AS "
    "document_id, CONCAT('supplier ', su.code) AS summary, o.currency_code, "
    "o.total_cost_minor + o.total_tax_minor AS amount, o.last_changed_by AS "
    "requested_by, IF(o.last_changed_by = o.created_by, o.created_by_name, "
    "'') AS requested_by_name, " BO_MICROS("o.update_time") " AS since, "
    "(sps.approval_limit_minor IS NOT NULL AND o.total_cost_minor + "
    "o.total_tax_minor > sps.approval_limit_minor) AS head_office, o.id AS "
    "row_id FROM "
    "purchase_orders o JOIN stores st ON st.id = o.store_id JOIN suppliers "
    "su ON su.id = o.supplier_id LEFT JOIN store_purchasing_settings sps ON "
    "sps.store_id = o.store_id WHERE o.state = 'SUBMITTED' "
    "UNION ALL SELECT g.store_id, st.code, 2, g.receipt_id, CONCAT('supplier "
    "', su.code), g.currency_code, g.total_cost_minor + g.total_tax_minor, "
    "g.received_by, g.received_by_name, " BO_MICROS("g.create_time") ", 0, "
    "g.id FROM goods_receipts g JOIN stores st ON st.id = g.store_id JOIN "
    "suppliers su ON su.id = g.supplier_id WHERE g.state = "
    "'PENDING_APPROVAL' "
    "UNION ALL SELECT a.store_id, st.code, 3, a.authorization_id, "
    "CONCAT('customer ', cu.code), a.currency_code, a.amount_minor, "
    "a.requested_by, a.requested_by_name, " BO_MICROS("a.create_time") ", 0, "
    "a.id FROM credit_authorizations a JOIN stores st ON st.id = a.store_id JOIN "
    "customers cu ON cu.id = a.customer_id WHERE a.state = 'OVER_LIMIT' AND "
    "a.expire_time > TIMESTAMPADD(MICROSECOND, :now, '1970-01-01') "
    "UNION ALL SELECT r.store_id, st.code, IF(r.request_type = 'WRITE_OFF', "
    "5, 4), r.ledger_request_id, IF(r.party_kind = 'CUSTOMER', "
    "CONCAT('customer ', cu.code), CONCAT('supplier ', su.code)), "
    "r.currency_code, r.amount_minor, r.requested_by, r.requested_by_name, "
    "" BO_MICROS("r.create_time") ", r.needs_head_office, r.id FROM "
    "ledger_requests r JOIN stores st ON st.id = r.store_id LEFT JOIN "
    "customers cu ON r.party_kind = 'CUSTOMER' AND cu.id = r.party_id LEFT "
    "JOIN suppliers su ON r.party_kind = 'SUPPLIER' AND su.id = r.party_id "
    "WHERE r.state = 'PENDING_APPROVAL' "
    "UNION ALL SELECT p.store_id, st.code, 6, p.payment_run_id, "
    "CONCAT('suppliers owed by ', DATE_FORMAT(p.due_by_day, '%Y-%m-%d')), "
    "p.currency_code, p.total_minor, p.prepared_by, p.prepared_by_name, "
    "" BO_MICROS("p.create_time") ", (p.needs_head_office OR p.total_minor > "
    "COALESCE(cs.payment_run_head_office_limit_minor, 0)), p.id FROM "
    "payment_runs p JOIN stores st ON st.id = p.store_id LEFT JOIN "
    "credit_settings cs ON cs.store_id = p.store_id WHERE p.state = "
    "'PENDING_APPROVAL' "
    "UNION ALL SELECT r.store_id, st.code, 7, r.return_id, CONCAT('supplier "
    "', su.code), r.currency_code, CAST(COALESCE((SELECT "
    "SUM((CAST(l.quantity_milli AS DECIMAL(39, 0)) * "
    "COALESCE(b.average_unit_cost_minor, 0) + 500) DIV 1000) FROM "
    "supplier_return_lines l LEFT JOIN stock_balances b ON b.store_id = "
    "r.store_id AND b.product_id = l.product_id WHERE l.return_pk = r.id), "
    "0) AS SIGNED), r.created_by, r.created_by_name, "
    "" BO_MICROS("r.create_time") ", 0, r.id FROM supplier_returns r JOIN stores "
    "st ON st.id = r.store_id JOIN suppliers su ON su.id = r.supplier_id "
    "WHERE r.state = 'DRAFT' "
    "UNION ALL SELECT w.store_id, st.code, 8, w.adjustment_id, "
    "CONCAT('product ', p.sku), st.currency_code, -w.value_minor, "
    "w.requested_by, w.requested_by_name, " BO_MICROS("w.create_time") ", 0, "
    "w.id FROM stock_adjustment_requests w JOIN stores st ON st.id = w.store_id "
    "JOIN products p ON p.id = w.product_id WHERE w.state = "
    "'PENDING_APPROVAL' "
    "UNION ALL SELECT t.to_store_id, st.code, 9, CONCAT(fs.code, '/', "
    "t.transfer_id), CONCAT('from store ', fs.code), t.currency_code, "
    "t.difference_cost_minor, t.received_by, t.received_by_name, "
    "" BO_MICROS("t.receive_time") ", 0, t.id FROM stock_transfers t JOIN "
    "stores st ON st.id = t.to_store_id JOIN stores fs ON fs.id = "
    "t.from_store_id WHERE t.state = 'DIFFERENCE_OPEN' "
    "UNION ALL SELECT c.store_id, st.code, 10, c.count_id, CONCAT('count of ', "
    "c.line_count, ' products'), c.currency_code, c.variance_value_minor, "
    "c.post_requested_by, c.post_requested_by_name, "
    "" BO_MICROS("c.post_request_time") ", c.approval_level = "
    "'HEAD_OFFICE', c.id FROM stock_counts c JOIN stores st ON st.id = "
    "c.store_id WHERE c.state = 'PENDING_APPROVAL' "
    "UNION ALL SELECT x.store_id, st.code, 11, x.session_id, CONCAT('till ', "
    "t.code, ', cashier ', x.cashier), x.currency_code, "
    "ABS(x.variance_minor), x.closed_by, x.closed_by_name, "
    "" BO_MICROS("x.close_time") ", 0, x.id FROM till_sessions x JOIN stores "
    "st ON st.id = x.store_id JOIN terminals t ON t.id = x.terminal_id WHERE "
    "x.state = 'VARIANCE_PENDING'";

bool SplitKey(const std::string& key, long long* since, int* kind,
              long long* store_id, long long* row_id) {
  std::vector<std::string> parts;
  std::string::size_type start = 0;
  while (true) {
    const auto slash = key.find('/', start);
    parts.push_back(key.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 4) return false;
  for (const auto& p : parts) {
    if (p.empty() || p.size() > 18 ||
        p.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
  }
  *since = std::stoll(parts[0]);
  *kind = std::stoi(parts[1]);
  *store_id = std::stoll(parts[2]);
  *row_id = std::stoll(parts[3]);
  return true;
}

}  // namespace

StatusOr<std::vector<domain::Approval>> MySqlApprovalRepository::ListApprovals(
    const std::string& store_code, const domain::PageRequest& page,
    domain::TimeMicros now) {
  long long after_since = -1, after_store = 0, after_id = 0;
  int after_kind = 0;
  if (!page.after_key.empty() &&
      !SplitKey(page.after_key, &after_since, &after_kind, &after_store,
                &after_id)) {
    return domain::InvalidArgument("INVALID_PAGE_TOKEN",
                                   "the page token does not belong to this "
                                   "list");
  }
  std::vector<domain::Approval> items;
  Status status = db_.WithSession([&](soci::session& s) -> Status {
    long long any_store = store_code.empty() ? 1 : 0;
    long long store_id = 0;
    if (!store_code.empty()) store_id = RequireStoreRow(s, store_code).id;
    long long at = now;
    long long kind = after_kind;
    long long limit = page.page_size + 1;
    items = QueryAll(
        s,
        "SELECT x.store_id, x.store_code, x.kind, x.document_id, x.summary, "
        "x.currency_code, x.amount, x.requested_by, x.requested_by_name, "
        "x.since, x.head_office, x.row_id FROM (" +
            kWaiting +
            ") x WHERE (:any = 1 OR x.store_id = :sid) AND (x.since > :t1 OR "
            "(x.since = :t2 AND (x.kind > :k1 OR (x.kind = :k2 AND "
            "(x.store_id > :s1 OR (x.store_id = :s2 AND x.row_id > :d)))))) "
            "ORDER BY x.since, x.kind, x.store_id, x.row_id LIMIT :lim",
        +[](const soci::row& r) {
          domain::Approval a;
          a.store_id = GetInt64(r, 0);
          a.store_code = GetString(r, 1);
          a.kind = static_cast<domain::ApprovalKind>(GetInt64(r, 2));
          a.document_id = GetString(r, 3);
          a.summary = GetString(r, 4);
          a.currency_code = GetString(r, 5);
          a.amount_minor = GetInt64(r, 6);
          a.requested_by = GetString(r, 7);
          a.requested_by_name = GetString(r, 8);
          a.since = GetInt64(r, 9);
          a.needs_head_office = GetBool(r, 10);
          a.row_id = GetInt64(r, 11);
          return a;
        },
        at, any_store, store_id, after_since, after_since, kind, kind,
        after_store, after_store, after_id, limit);
    return Status();
  });
  if (!status.ok()) return status;
  return items;
}

}  // namespace backoffice::storage
