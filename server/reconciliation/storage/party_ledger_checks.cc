#include "reconciliation/storage/party_ledger_checks.h"

namespace backoffice::storage {

void AddPartyLedgerChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter) {
  const std::string signed_sum =
      "COALESCE(SUM(IF(d.direction = 'DEBIT', d.amount_minor, "
      "-d.amount_minor)), 0)";
  // A party's balance is the sum of its documents.
  add("PARTY_BALANCE_MISMATCH",
      "SELECT st.code, CONCAT(a.party_kind, ' ', a.party_id), "
      "CONCAT('balance ', a.balance_minor, ' but documents sum to ', " +
          signed_sum +
          ") FROM party_accounts a JOIN stores st ON st.id = a.store_id LEFT "
          "JOIN party_documents d ON d.store_id = a.store_id AND d.party_kind "
          "= a.party_kind AND d.party_id = a.party_id WHERE" +
          store_filter +
          "GROUP BY a.store_id, a.party_kind, a.party_id, st.code, "
          "a.balance_minor HAVING a.balance_minor <> " +
          signed_sum);
  add("PARTY_BALANCE_MISMATCH",
      "SELECT st.code, CONCAT(d.party_kind, ' ', d.party_id), "
      "CONCAT('document ', d.id, ' belongs to no account') FROM "
      "party_documents d JOIN stores st ON st.id = d.store_id LEFT JOIN "
      "party_accounts a ON a.store_id = d.store_id AND a.party_kind = "
      "d.party_kind AND a.party_id = d.party_id WHERE" +
          store_filter + "AND a.store_id IS NULL");
  // An item's open amount is its amount less its allocations, and no
  // allocation takes more than either side has.
  add("ALLOCATION_MISMATCH",
      "SELECT st.code, CONCAT('document ', d.id), CONCAT('allocated ', "
      "d.allocated_minor, ' of ', d.amount_minor, ' but its allocations sum "
      "to ', COALESCE(x.total, 0)) FROM party_documents d JOIN stores st ON "
      "st.id = d.store_id LEFT JOIN (SELECT u.doc, SUM(u.amount) AS total "
      "FROM (SELECT debit_document_id AS doc, amount_minor AS amount FROM "
      "party_allocations UNION ALL SELECT credit_document_id, amount_minor "
      "FROM party_allocations) u GROUP BY u.doc) x ON x.doc = d.id WHERE" +
          store_filter + "AND d.allocated_minor <> COALESCE(x.total, 0)");
  // An allocation counts from the later of its documents' days, so that a
  // past day's ageing never sees it.
  add("ALLOCATION_MISMATCH",
      "SELECT st.code, CONCAT('allocation ', a.id), CONCAT('dated ', "
      "a.allocation_day, ' before its documents of ', d.document_day, ' and "
      "', c.document_day) FROM party_allocations a JOIN party_documents d ON "
      "d.id = a.debit_document_id JOIN party_documents c ON c.id = "
      "a.credit_document_id JOIN stores st ON st.id = a.store_id WHERE" +
          store_filter +
          "AND (a.allocation_day < d.document_day OR a.allocation_day < "
          "c.document_day)");
  add("ALLOCATION_MISMATCH",
      "SELECT st.code, CONCAT('allocation ', a.id), CONCAT('sets ', "
      "c.direction, ' ', c.id, ' of ', c.party_kind, ' ', c.party_id, ' "
      "against ', d.direction, ' ', d.id, ' of ', d.party_kind, ' ', "
      "d.party_id) FROM party_allocations a JOIN party_documents d ON d.id = "
      "a.debit_document_id JOIN party_documents c ON c.id = "
      "a.credit_document_id JOIN stores st ON st.id = a.store_id WHERE" +
          store_filter +
          "AND (d.direction <> 'DEBIT' OR c.direction <> 'CREDIT' OR "
          "d.store_id <> c.store_id OR d.party_kind <> c.party_kind OR "
          "d.party_id <> c.party_id OR a.store_id <> d.store_id OR "
          "a.party_kind <> d.party_kind OR a.party_id <> d.party_id OR "
          "d.currency_code <> c.currency_code)");
  add("ALLOCATION_MISMATCH",
      "SELECT st.code, CONCAT('documents ', a.debit_document_id, ' and ', "
      "a.credit_document_id), CONCAT('allocations sum to ', "
      "SUM(a.amount_minor)) FROM party_allocations a JOIN stores st ON st.id "
      "= a.store_id WHERE" +
          store_filter +
          "GROUP BY a.debit_document_id, a.credit_document_id, st.code "
          "HAVING SUM(a.amount_minor) < 0");
  // Charges are the store-credit tenders of sales, once per customer.
  add("CREDIT_CHARGE_MISMATCH",
      "SELECT st.code, x.sale_id, CONCAT('store credit of ', t.total, ' to "
      "customer ', t.customer_id, ' but charged ', COALESCE(d.amount_minor, "
      "'nothing')) FROM (SELECT sale_pk, customer_id, SUM(amount_minor) AS "
      "total FROM sale_tenders WHERE tender_type = 'STORE_CREDIT' AND "
      "customer_id IS NOT NULL GROUP BY sale_pk, customer_id) t JOIN sales x "
      "ON x.id = t.sale_pk JOIN stores st ON st.id = x.store_id LEFT JOIN "
      "party_documents d ON d.store_id = x.store_id AND d.source_type = "
      "'SALE' AND d.source_id = x.sale_id AND d.party_kind = 'CUSTOMER' AND "
      "d.party_id = t.customer_id WHERE" +
          store_filter +
          "AND ((t.total > 0 AND (d.id IS NULL OR d.amount_minor <> t.total "
          "OR d.direction <> 'DEBIT')) OR (t.total = 0 AND d.id IS NOT "
          "NULL))");
  add("CREDIT_CHARGE_MISMATCH",
      "SELECT st.code, d.source_id, CONCAT('charge ', d.id, ' of ', "
      "d.amount_minor, ' has no store-credit tender of its customer') FROM "
      "party_documents d JOIN stores st ON st.id = d.store_id LEFT JOIN "
      "sales x ON x.id = d.source_pk WHERE" +
          store_filter +
          "AND d.source_type = 'SALE' AND (x.id IS NULL OR x.sale_id <> "
          "d.source_id OR NOT EXISTS (SELECT 1 FROM sale_tenders t WHERE "
          "t.sale_pk = x.id AND t.tender_type = 'STORE_CREDIT' AND "
          "t.customer_id = d.party_id))");
  // A voided sale's charge is reversed in full; a recorded one's is not.
  add("CREDIT_CHARGE_MISMATCH",
      "SELECT st.code, x.sale_id, CONCAT(x.state, ' sale, charge ', d.id, ' "
      "of ', d.amount_minor, IF(r.id IS NULL, ' not reversed', CONCAT(' "
      "reversed by ', r.amount_minor))) FROM party_documents d JOIN sales x "
      "ON x.id = d.source_pk JOIN stores st ON st.id = x.store_id LEFT JOIN "
      "party_documents r ON r.reverses_document_id = d.id WHERE" +
          store_filter +
          "AND d.source_type = 'SALE' AND ((x.state = 'VOIDED' AND (r.id IS "
          "NULL OR r.amount_minor <> d.amount_minor OR r.source_type <> "
          "'VOID')) OR (x.state <> 'VOIDED' AND r.id IS NOT NULL))");
  // Credit notes are the refunds to store credit.
  add("CREDIT_NOTE_MISMATCH",
      "SELECT st.code, r.return_id, CONCAT('refund of ', "
      "r.refund_total_minor, ' to ', r.refund_tender_type, ' but credit "
      "note ', COALESCE(d.amount_minor, 'none')) FROM sale_returns r JOIN "
      "stores st ON st.id = r.store_id LEFT JOIN party_documents d ON "
      "d.store_id = r.store_id AND d.source_type = 'RETURN' AND d.source_id "
      "= r.return_id WHERE" +
          store_filter +
          "AND ((r.refund_tender_type = 'STORE_CREDIT' AND "
          "r.refund_total_minor > 0 AND (d.id IS NULL OR d.amount_minor <> "
          "r.refund_total_minor OR d.direction <> 'CREDIT') AND EXISTS "
          "(SELECT 1 FROM sale_tenders t WHERE t.sale_pk = r.sale_pk AND "
          "t.tender_type = 'STORE_CREDIT' AND t.customer_id IS NOT NULL)) OR "
          "(r.refund_tender_type <> 'STORE_CREDIT' AND d.id IS NOT NULL))");
  // (Refunds to store credit of sales that charged nobody were accepted
  // before the ledger existed and are refused since: they have no
  // account to be a credit note of.)
  // What the store owes a supplier is its receipts' payables.
  add("PAYABLE_LEDGER_MISMATCH",
      "SELECT st.code, g.receipt_id, CONCAT('payable of ', p.amount_minor, "
      "' but ledger charge ', COALESCE(d.amount_minor, 'none')) FROM "
      "supplier_payables p JOIN goods_receipts g ON g.id = p.receipt_pk JOIN "
      "stores st ON st.id = p.store_id LEFT JOIN party_documents d ON "
      "d.store_id = p.store_id AND d.source_type = 'RECEIPT' AND d.source_id "
      "= g.receipt_id AND d.party_kind = 'SUPPLIER' AND d.party_id = "
      "p.supplier_id WHERE" +
          store_filter +
          "AND p.amount_minor > 0 AND (d.id IS NULL OR d.amount_minor <> "
          "p.amount_minor OR d.direction <> 'DEBIT')");
  add("PAYABLE_LEDGER_MISMATCH",
      "SELECT st.code, d.source_id, CONCAT('supplier charge ', d.id, ' of ', "
      "d.amount_minor, ' has no payable') FROM party_documents d JOIN stores "
      "st ON st.id = d.store_id LEFT JOIN supplier_payables p ON "
      "p.receipt_pk = d.source_pk WHERE" +
          store_filter +
          "AND d.source_type = 'RECEIPT' AND (p.id IS NULL OR p.amount_minor "
          "<> d.amount_minor OR p.supplier_id <> d.party_id)");
  // Each hold is used by at most the sale that names it; each store-credit
  // tender used its hold or is listed as an exception.
  add("CREDIT_AUTHORIZATION_MISMATCH",
      "SELECT st.code, a.authorization_id, CONCAT(a.state, ' for sale ', "
      "COALESCE(a.sale_pk, 'none')) FROM credit_authorizations a JOIN stores "
      "st ON st.id = a.store_id WHERE" +
          store_filter +
          "AND ((a.state = 'CONSUMED') <> (a.sale_pk IS NOT NULL) OR "
          "(a.sale_pk IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sale_tenders "
          "t WHERE t.sale_pk = a.sale_pk AND t.tender_type = 'STORE_CREDIT' "
          "AND t.customer_id = a.customer_id AND t.authorization_id = "
          "a.authorization_id)) OR (a.state = 'HELD' AND a.overridden_by IS "
          "NULL AND a.balance_minor + a.open_holds_minor + a.amount_minor > "
          "a.credit_limit_minor) OR (a.overridden_by IS NOT NULL AND "
          "a.overridden_by = a.requested_by))");
  add("CREDIT_AUTHORIZATION_MISMATCH",
      "SELECT st.code, a.authorization_id, CONCAT('hold of ', "
      "a.amount_minor, ' covers tenders of ', SUM(t.amount_minor)) FROM "
      "credit_authorizations a JOIN stores st ON st.id = a.store_id JOIN "
      "sale_tenders t ON t.sale_pk = a.sale_pk AND t.authorization_id = "
      "a.authorization_id AND t.tender_type = 'STORE_CREDIT' LEFT JOIN "
      "credit_exceptions e ON e.sale_pk = t.sale_pk AND e.tender_number = "
      "t.tender_number WHERE" +
          store_filter +
          "AND e.sale_pk IS NULL GROUP BY a.id, st.code, a.authorization_id, "
          "a.amount_minor HAVING SUM(t.amount_minor) > a.amount_minor");
  add("CREDIT_AUTHORIZATION_MISMATCH",
      "SELECT st.code, x.sale_id, CONCAT('store-credit tender ', "
      "t.tender_number, ' is neither authorized nor an exception') FROM "
      "sale_tenders t JOIN sales x ON x.id = t.sale_pk JOIN stores st ON "
      "st.id = x.store_id WHERE" +
          store_filter +
          "AND t.tender_type = 'STORE_CREDIT' AND t.customer_id IS NOT NULL "
          "AND NOT EXISTS (SELECT 1 FROM credit_exceptions e WHERE e.sale_pk "
          "= t.sale_pk AND e.tender_number = t.tender_number) AND NOT EXISTS "
          "(SELECT 1 FROM credit_authorizations a WHERE a.sale_pk = "
          "t.sale_pk AND a.authorization_id = t.authorization_id)");
  // A waiting request posts nothing; a posted one exactly its document,
  // decided by a second person; a write-off only through a request.
  add("LEDGER_REQUEST_MISMATCH",
      "SELECT st.code, r.ledger_request_id, CONCAT(r.request_type, ' ', "
      "r.state, ' of ', r.amount_minor, ' by ', r.requested_by, ' decided "
      "by ', COALESCE(r.decided_by, 'nobody'), ', document ', "
      "COALESCE(d.id, 'none')) FROM ledger_requests r JOIN stores st ON "
      "st.id = r.store_id LEFT JOIN party_documents d ON d.id = "
      "r.document_id WHERE" +
          store_filter +
          "AND ((r.state = 'POSTED') <> (r.document_id IS NOT NULL) OR "
          "(r.state <> 'PENDING_APPROVAL' AND (r.decided_by IS NULL OR "
          "r.decided_by = r.requested_by)) OR (d.id IS NOT NULL AND "
          "(d.amount_minor <> r.amount_minor OR d.party_kind <> r.party_kind "
          "OR d.party_id <> r.party_id OR d.store_id <> r.store_id OR "
          "d.document_type <> IF(r.request_type = 'WRITE_OFF', 'WRITE_OFF', "
          "'PAYMENT'))))");
  add("LEDGER_REQUEST_MISMATCH",
      "SELECT st.code, d.source_id, CONCAT('write-off ', d.id, ' of ', "
      "d.amount_minor, ' has no approved request') FROM party_documents d "
      "JOIN stores st ON st.id = d.store_id LEFT JOIN ledger_requests r ON "
      "r.document_id = d.id AND r.state = 'POSTED' WHERE" +
          store_filter + "AND d.document_type = 'WRITE_OFF' AND r.id IS NULL");
  // A supplier invoice is matched by its tolerance, accepted by a second
  // person with its difference posted once, and while blocked no payment
  // reaches its receipts' payables.
  add("SUPPLIER_INVOICE_MISMATCH",
      "SELECT st.code, i.invoice_id, CONCAT(i.state, ': invoice ', "
      "i.invoice_amount_minor, ', expected ', i.expected_amount_minor, ', "
      "receipts ', i.receipts_amount_minor, ', tolerance ', "
      "i.tolerance_minor, ', adjustment ', COALESCE(d.amount_minor, 'none')) "
      "FROM supplier_invoices i JOIN stores st ON st.id = i.store_id LEFT "
      "JOIN party_documents d ON d.id = i.adjustment_document_id WHERE" +
          store_filter +
          "AND ((i.state = 'MATCHED' AND ABS(i.invoice_amount_minor - "
          "i.expected_amount_minor) > i.tolerance_minor) OR (i.state <> "
          "'MATCHED' AND ABS(i.invoice_amount_minor - "
          "i.expected_amount_minor) <= i.tolerance_minor) OR (i.state = "
          "'ACCEPTED' AND (i.accepted_by IS NULL OR i.accepted_by = "
          "i.recorded_by OR (i.invoice_amount_minor <> "
          "i.receipts_amount_minor) <> (d.id IS NOT NULL) OR (d.id IS NOT "
          "NULL AND d.amount_minor <> ABS(i.invoice_amount_minor - "
          "i.receipts_amount_minor)))) OR (i.state <> 'ACCEPTED' AND "
          "i.adjustment_document_id IS NOT NULL))");
  add("SUPPLIER_INVOICE_MISMATCH",
      "SELECT st.code, i.invoice_id, CONCAT('payment ', p.id, ' paid ', "
      "a.amount_minor, ' of blocked payable ', d.id) FROM supplier_invoices "
      "i JOIN stores st ON st.id = i.store_id JOIN supplier_invoice_receipts "
      "ir ON ir.invoice_pk = i.id JOIN party_documents d ON d.source_type = "
      "'RECEIPT' AND d.source_pk = ir.receipt_pk JOIN party_allocations a ON "
      "a.debit_document_id = d.id AND a.amount_minor > 0 JOIN "
      "party_documents p ON p.id = a.made_by_document_id AND "
      "p.document_type = 'PAYMENT' WHERE" +
          store_filter +
          "AND i.state = 'BLOCKED' AND p.create_time > i.create_time");

  // A payment run pays what its lines say, once and only once approved by
  // a second person; each line's payment settles exactly its items; a
  // decided run reserves nothing.
  add("PAYMENT_RUN_MISMATCH",
      "SELECT st.code, r.payment_run_id, CONCAT(r.state, ' of ', "
      "r.total_minor, ' by ', r.prepared_by, ' decided by ', "
      "COALESCE(r.decided_by, 'nobody'), ': lines sum to ', "
      "COALESCE(SUM(l.amount_minor), 0), ', ', SUM(l.document_id IS NOT "
      "NULL), ' of ', COUNT(l.line_number), ' paid') FROM payment_runs r JOIN "
      "stores st ON st.id = r.store_id LEFT JOIN payment_run_lines l ON "
      "l.run_pk = r.id WHERE" +
          store_filter +
          "GROUP BY r.id, st.code, r.payment_run_id, r.state, r.total_minor, "
          "r.prepared_by, r.decided_by HAVING COALESCE(SUM(l.amount_minor), "
          "0) <> r.total_minor OR COUNT(l.line_number) = 0 OR (r.state = "
          "'POSTED' AND SUM(l.document_id IS NULL) > 0) OR (r.state <> "
          "'POSTED' AND SUM(l.document_id IS NOT NULL) > 0) OR (r.state <> "
          "'PENDING_APPROVAL' AND (r.decided_by IS NULL OR r.decided_by = "
          "r.prepared_by))");
  add("PAYMENT_RUN_MISMATCH",
      "SELECT st.code, r.payment_run_id, CONCAT('line ', l.line_number, "
      "': payment ', d.id, ' of ', d.amount_minor, ' to ', d.party_kind, ' ', "
      "d.party_id, ' settles ', (SELECT COALESCE(SUM(a.amount_minor), 0) "
      "FROM party_allocations a WHERE a.made_by_document_id = d.id), ' for a "
      "line of ', l.amount_minor, ' (gross ', l.gross_minor, ')') FROM "
      "payment_run_lines l JOIN payment_runs r ON r.id = l.run_pk JOIN "
      "stores st ON st.id = r.store_id JOIN party_documents d ON d.id = "
      "l.document_id WHERE" +
          store_filter +
          "AND (d.amount_minor <> l.amount_minor OR d.party_kind <> "
          "'SUPPLIER' OR d.party_id <> l.supplier_id OR d.store_id <> "
          "r.store_id OR d.document_type <> 'PAYMENT' OR d.source_type <> "
          "'PAYMENT_RUN' OR d.source_pk <> r.id OR (SELECT "
          "COALESCE(SUM(a.amount_minor), 0) FROM party_allocations a WHERE "
          "a.made_by_document_id = d.id) <> l.gross_minor)");
  add("PAYMENT_RUN_MISMATCH",
      "SELECT st.code, r.payment_run_id, CONCAT('line ', l.line_number, ' "
      "of gross ', l.gross_minor, ' and credits ', l.credits_minor, ' names "
      "payables of ', COALESCE(x.payables, 0), ' and credits of ', "
      "COALESCE(x.credits, 0), ', ', COALESCE(x.foreign_items, 0), ' of "
      "another party') FROM payment_run_lines l JOIN payment_runs r ON r.id = "
      "l.run_pk JOIN stores st ON st.id = r.store_id LEFT JOIN (SELECT "
      "i.run_pk, i.line_number, SUM(IF(i.item_kind = 'PAYABLE', "
      "i.amount_minor, 0)) AS payables, SUM(IF(i.item_kind = 'CREDIT', "
      "i.amount_minor, 0)) AS credits, SUM(d.party_kind <> 'SUPPLIER' OR "
      "d.party_id <> ll.supplier_id OR d.direction <> IF(i.item_kind = "
      "'PAYABLE', 'DEBIT', 'CREDIT')) AS foreign_items FROM "
      "payment_run_items i JOIN payment_run_lines ll ON ll.run_pk = i.run_pk "
      "AND ll.line_number = i.line_number JOIN party_documents d ON d.id = "
      "i.document_id GROUP BY i.run_pk, i.line_number) x ON x.run_pk = "
      "l.run_pk AND x.line_number = l.line_number WHERE" +
          store_filter +
          "AND (COALESCE(x.payables, 0) <> l.gross_minor OR "
          "COALESCE(x.credits, 0) <> l.credits_minor OR "
          "COALESCE(x.foreign_items, 0) > 0)");
  add("PAYMENT_RUN_MISMATCH",
      "SELECT st.code, d.source_id, CONCAT('payment ', d.id, ' of a run "
      "that no line holds') FROM party_documents d JOIN stores st ON st.id = "
      "d.store_id LEFT JOIN payment_run_lines l ON l.document_id = d.id "
      "WHERE" +
          store_filter +
          "AND d.source_type = 'PAYMENT_RUN' AND l.run_pk IS NULL");
  add("PAYMENT_RUN_MISMATCH",
      "SELECT st.code, r.payment_run_id, CONCAT(r.state, ' run still "
      "reserves document ', i.reserved_document_id) FROM payment_run_items i "
      "JOIN payment_runs r ON r.id = i.run_pk JOIN stores st ON st.id = "
      "r.store_id WHERE" +
          store_filter +
          "AND r.state <> 'PENDING_APPROVAL' AND i.reserved_document_id IS "
          "NOT NULL");
}

}  // namespace backoffice::storage
