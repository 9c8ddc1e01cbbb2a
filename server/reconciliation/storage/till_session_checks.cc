#include "reconciliation/storage/till_session_checks.h"

namespace backoffice::storage {

void AddTillSessionChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter) {
  // The session's figures: expected and variance by their formula, each
  // component the sum of what it counted, nothing counted while open, and
  // an accepted variance accepted by someone who neither opened nor
  // closed the till.
  add("TILL_SESSION_MISMATCH",
      "SELECT st.code, x.session_id, CONCAT(x.state, ': float ', "
      "x.opening_float_minor, ' + sales ', x.cash_sales_minor, ' (counted ', "
      "COALESCE(d.sales, 0), ' in ', COALESCE(d.sale_count, 0), ') - refunds "
      "', x.cash_refunds_minor, ' (', COALESCE(d.refunds, 0), ') + on "
      "account ', x.cash_on_account_minor, ' (', COALESCE(d.on_account, 0), "
      "') - payouts ', x.payouts_minor, ' (', COALESCE(m.payouts, 0), ') - "
      "drops ', x.drops_minor, ' (', COALESCE(m.drops, 0), ') = expected ', "
      "COALESCE(x.expected_minor, 'none'), ', counted ', "
      "COALESCE(x.counted_minor, 'none'), ', variance ', "
      "COALESCE(x.variance_minor, 'none'), ', accepted by ', "
      "COALESCE(x.accepted_by, 'nobody')) FROM till_sessions x JOIN stores st "
      "ON st.id = x.store_id LEFT JOIN (SELECT session_pk, "
      "SUM(IF(document_kind = 'SALE', cash_minor, 0)) AS sales, "
      "SUM(document_kind = 'SALE') AS sale_count, SUM(IF(document_kind IN "
      "('RETURN', 'VOID'), cash_minor, 0)) AS refunds, SUM(IF(document_kind = "
      "'PAYMENT', cash_minor, 0)) AS on_account FROM till_session_documents "
      "GROUP BY session_pk) d ON d.session_pk = x.id LEFT JOIN (SELECT "
      "session_pk, SUM(IF(kind = 'PAYOUT', amount_minor, 0)) AS payouts, "
      "SUM(IF(kind = 'DROP', amount_minor, 0)) AS drops FROM "
      "till_cash_movements GROUP BY session_pk) m ON m.session_pk = x.id "
      "LEFT JOIN (SELECT session_pk, SUM(value_minor * count) AS total FROM "
      "till_session_denominations GROUP BY session_pk) n ON n.session_pk = "
      "x.id WHERE" +
          store_filter +
          "AND ((x.state = 'OPEN' AND (d.session_pk IS NOT NULL OR "
          "x.expected_minor IS NOT NULL)) OR (x.state <> 'OPEN' AND "
          "(x.expected_minor IS NULL OR x.expected_minor <> "
          "x.opening_float_minor + x.cash_sales_minor - x.cash_refunds_minor "
          "+ x.cash_on_account_minor - x.payouts_minor - x.drops_minor OR "
          "x.variance_minor <> x.counted_minor - x.expected_minor OR "
          "x.cash_sales_minor <> COALESCE(d.sales, 0) OR x.sale_count <> "
          "COALESCE(d.sale_count, 0) OR x.cash_refunds_minor <> "
          "COALESCE(d.refunds, 0) OR x.cash_on_account_minor <> "
          "COALESCE(d.on_account, 0) OR x.payouts_minor <> COALESCE(m.payouts, "
          "0) OR x.drops_minor <> COALESCE(m.drops, 0))) OR ((x.state = "
          "'ACCEPTED') <> (x.accepted_by IS NOT NULL) OR x.accepted_by = "
          "x.opened_by OR x.accepted_by = x.closed_by) OR (x.state IN "
          "('VARIANCE_PENDING', 'ACCEPTED') AND x.variance_minor = 0) OR "
          "(n.session_pk IS NOT NULL AND n.total <> x.counted_minor))");
  // Each counted document is the session's till's, happened in the
  // session's window (a void: was voided in it, of a sale another session
  // counted), and brought or took the cash its own rows say; a counted sale
  // was not voided before its session closed.
  add("TILL_SESSION_MISMATCH",
      "SELECT st.code, x.session_id, CONCAT(d.document_kind, ' ', "
      "d.document_pk, ' counted as ', d.cash_minor, ', its rows say ', "
      "COALESCE(CASE WHEN d.document_kind IN ('SALE', 'VOID') THEN s.cash "
      "WHEN d.document_kind = 'RETURN' THEN r.cash ELSE p.cash END, "
      "'nothing')) FROM till_session_documents d JOIN till_sessions x ON x.id "
      "= d.session_pk JOIN stores st ON st.id = x.store_id LEFT JOIN (SELECT "
      "sa.id, sa.terminal_id, sa.sale_time, sa.void_time, sa.state, "
      "IFNULL(SUM(IF(t.tender_type = 'CASH', t.amount_minor - "
      "t.change_minor, 0)), 0) AS cash FROM sales sa LEFT JOIN sale_tenders "
      "t ON t.sale_pk = sa.id GROUP BY sa.id) s ON d.document_kind IN "
      "('SALE', 'VOID') AND s.id = d.document_pk LEFT JOIN (SELECT id, "
      "terminal_id, return_time AS at, IF(refund_tender_type = 'CASH', "
      "refund_total_minor, 0) AS cash FROM sale_returns) r ON "
      "d.document_kind = 'RETURN' AND r.id = d.document_pk LEFT JOIN (SELECT "
      "id, terminal_id, create_time AS at, amount_minor AS cash FROM "
      "party_documents WHERE document_type = 'PAYMENT' AND party_kind = "
      "'CUSTOMER' AND payment_method = 'CASH') p ON d.document_kind = "
      "'PAYMENT' AND p.id = d.document_pk LEFT JOIN till_session_documents "
      "e ON d.document_kind = 'VOID' AND e.document_kind = 'SALE' AND "
      "e.document_pk = d.document_pk WHERE" +
          store_filter +
          "AND (d.cash_minor <> COALESCE(CASE WHEN d.document_kind IN "
          "('SALE', 'VOID') THEN s.cash WHEN d.document_kind = 'RETURN' THEN "
          "r.cash ELSE p.cash END, d.cash_minor + 1) OR "
          "COALESCE(s.terminal_id, r.terminal_id, p.terminal_id) <> "
          "x.terminal_id OR COALESCE(IF(d.document_kind = 'VOID', "
          "s.void_time, s.sale_time), r.at, p.at) < x.open_time OR "
          "COALESCE(IF(d.document_kind = 'VOID', s.void_time, s.sale_time), "
          "r.at, p.at) >= x.close_time OR (d.document_kind = 'SALE' AND "
          "s.state = 'VOIDED' AND s.void_time < x.close_time) OR "
          "(d.document_kind = 'VOID' AND (s.state <> 'VOIDED' OR "
          "e.session_pk IS NULL OR e.session_pk = x.id)))");
}

}  // namespace backoffice::storage
