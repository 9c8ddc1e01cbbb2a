#include "reconciliation/storage/mysql_reconciliation_repository.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

#include "core/domain/clock.h"
#include "core/domain/errors.h"
#include "core/storage/idempotency.h"
#include "core/storage/multi_insert.h"
#include "core/storage/query.h"
#include "core/storage/sql_util.h"
#include "inventory/domain/movement_type.h"
#include "reconciliation/storage/party_ledger_checks.h"
#include "reconciliation/storage/stock_control_checks.h"
#include "reconciliation/storage/till_session_checks.h"
#include "reconciliation/storage/transfer_count_checks.h"

namespace backoffice::storage {

StatusOr<domain::LedgerReport> MySqlReconciliationRepository::VerifyLedger(
    const std::string& store_code) {
  domain::LedgerReport report;
  Status status = db_.WithSession([&](soci::session& s) {
    // One consistent snapshot for every check, so that sales arriving
    // meanwhile cannot make the books look unbalanced.
    s << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
    s << "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY";
    struct EndSnapshot {
      soci::session& s;
      ~EndSnapshot() {
        try {
          s << "COMMIT";
        } catch (...) {
        }
      }
    } end{s};
    if (!store_code.empty()) RequireStoreId(s, store_code);
    const std::string& c = store_code;
    auto count = [&](const std::string& sql) {
      long long n = 0;
      s << sql, soci::use(c), soci::use(c), soci::into(n);
      return n;
    };
    report.stores_checked = static_cast<int>(count(
        "SELECT COUNT(*) FROM stores st WHERE (:c1 = '' OR st.code = :c2)"));
    report.balances_checked = count(
        "SELECT COUNT(*) FROM stock_balances b JOIN stores st ON st.id = "
        "b.store_id "
        "WHERE (:c1 = '' OR st.code = :c2)");
    report.sales_checked = count(
        "SELECT COUNT(*) FROM sales x JOIN stores st ON st.id = x.store_id "
        "WHERE (:c1 = '' OR "
        "st.code = :c2)");
    auto add = [&](const std::string& kind, const std::string& sql) {
      auto rows = QueryAll(
          s, sql + " LIMIT 1000",
          +[](const soci::row& r) {
            return domain::LedgerViolation{"", GetString(r, 0), GetString(r, 1),
                                           GetString(r, 2)};
          },
          c, c);
      for (auto& v : rows) {
        if (report.violations.size() >= 1000) break;
        v.kind = kind;
        report.violations.push_back(std::move(v));
      }
    };
    const std::string store_filter = " (:c1 = '' OR st.code = :c2) ";
    add("BALANCE_MISMATCH",
        "SELECT st.code, p.sku, CONCAT('balance ', b.on_hand_milli, ' but "
        "movements sum to ', "
        "COALESCE(m.total, 0)) FROM stock_balances b JOIN stores st ON st.id = "
        "b.store_id "
        "JOIN products p ON p.id = b.product_id LEFT JOIN (SELECT store_id, "
        "product_id, "
        "SUM(quantity_milli) AS total FROM stock_movements GROUP BY store_id, "
        "product_id) m ON "
        "m.store_id = b.store_id AND m.product_id = b.product_id WHERE" +
            store_filter + "AND b.on_hand_milli <> COALESCE(m.total, 0)");
    add("BALANCE_MISSING",
        "SELECT st.code, p.sku, CONCAT('movements sum to ', m.total, ' but "
        "there is no "
        "balance') FROM (SELECT store_id, product_id, SUM(quantity_milli) AS "
        "total FROM "
        "stock_movements GROUP BY store_id, product_id) m JOIN stores st ON "
        "st.id = m.store_id "
        "JOIN products p ON p.id = m.product_id LEFT JOIN stock_balances b ON "
        "b.store_id = "
        "m.store_id AND b.product_id = m.product_id WHERE" +
            store_filter + "AND b.store_id IS NULL");
    add("SALE_TOTALS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('total ', x.total_minor, ', lines "
        "net ', "
        "COALESCE(l.net, 0), ', tenders net ', COALESCE(t.paid, 0)) FROM sales "
        "x JOIN stores "
        "st ON st.id = x.store_id LEFT JOIN (SELECT sale_pk, SUM(amount_minor "
        "- "
        "discount_minor) AS net FROM sale_lines GROUP BY sale_pk) l ON "
        "l.sale_pk = x.id LEFT "
        "JOIN (SELECT sale_pk, SUM(amount_minor - change_minor) AS paid FROM "
        "sale_tenders "
        "GROUP BY sale_pk) t ON t.sale_pk = x.id WHERE" +
            store_filter +
            // A sale with a total of zero may have no tender at all.
            "AND (COALESCE(l.net, -1) <> x.total_minor OR COALESCE(t.paid, 0) "
            "<> "
            "x.total_minor)");
    // A sale's lines and its SALE movements must pair one to one; a voided
    // sale's lines and its VOID movements likewise; a live sale has no VOID.
    // Each check is an anti-join on the movements' document index, so that
    // it stays linear in the number of lines.
    const std::string line_movement =
        "SELECT 1 FROM stock_movements m WHERE m.movement_type = '{type}' AND "
        "m.document_pk "
        "= l.sale_pk AND m.document_line = l.line_number AND m.product_id = "
        "l.product_id AND "
        "m.store_id = x.store_id AND m.quantity_milli = {sign}l.quantity_milli";
    auto movement_of = [&](const std::string& type, const std::string& sign) {
      std::string sql = line_movement;
      sql.replace(sql.find("{type}"), 6, type);
      sql.replace(sql.find("{sign}"), 6, sign);
      return sql;
    };
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' has no "
        "sale movement') "
        "FROM sale_lines l JOIN sales x ON x.id = l.sale_pk JOIN stores st ON "
        "st.id = "
        "x.store_id WHERE" +
            store_filter + "AND NOT EXISTS (" + movement_of("SALE", "-") + ")");
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no "
        "matching sale "
        "line') FROM stock_movements m JOIN stores st ON st.id = m.store_id "
        "LEFT JOIN "
        "sale_lines l ON l.sale_pk = m.document_pk AND l.line_number = "
        "m.document_line AND "
        "l.product_id = m.product_id AND -l.quantity_milli = m.quantity_milli "
        "WHERE" +
            store_filter +
            "AND m.movement_type = 'SALE' AND l.sale_pk IS NULL");
    add("SALE_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('line ', m.document_line, ' "
        "has ', COUNT(*), "
        "' ', m.movement_type, ' movements') FROM stock_movements m JOIN "
        "stores st ON st.id = "
        "m.store_id WHERE" +
            store_filter +
            "AND m.movement_type IN ('SALE', 'VOID') GROUP BY st.code, "
            "m.movement_type, "
            "m.document_pk, m.document_key, m.document_line HAVING COUNT(*) > "
            "1");
    add("VOID_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' of a "
        "voided sale has no "
        "void movement') FROM sale_lines l JOIN sales x ON x.id = l.sale_pk "
        "JOIN stores st ON "
        "st.id = x.store_id WHERE" +
            store_filter + "AND x.state = 'VOIDED' AND NOT EXISTS (" +
            movement_of("VOID", "") + ")");
    add("VOID_MOVEMENTS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('movement ', m.id, ' voids a sale "
        "that is ', "
        "x.state) FROM stock_movements m JOIN sales x ON x.id = m.document_pk "
        "JOIN stores st "
        "ON st.id = x.store_id WHERE" +
            store_filter +
            "AND m.movement_type = 'VOID' AND x.state <> 'VOIDED'");
    add("RETURN_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no "
        "matching "
        "undamaged return line') FROM stock_movements m JOIN stores st ON "
        "st.id = m.store_id "
        "LEFT JOIN sale_return_lines rl ON rl.return_pk = m.document_pk AND "
        "rl.sale_line_number = m.document_line AND rl.quantity_milli = "
        "m.quantity_milli AND "
        "rl.damaged = 0 WHERE" +
            store_filter +
            "AND m.movement_type = 'RETURN' AND rl.return_pk IS NULL");
    add("RETURN_TOTALS_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' records "
        "', "
        "l.returned_quantity_milli, ' returned and ', l.refunded_minor, ' "
        "refunded, its "
        "returns ', COALESCE(r.quantity, 0), ' and ', COALESCE(r.refund, 0)) "
        "FROM sale_lines l "
        "JOIN sales x ON x.id = l.sale_pk JOIN stores st ON st.id = x.store_id "
        "LEFT JOIN "
        "(SELECT sr.sale_pk, rl.sale_line_number, SUM(rl.quantity_milli) AS "
        "quantity, "
        "SUM(rl.refund_minor) AS refund FROM sale_return_lines rl JOIN "
        "sale_returns sr ON "
        "sr.id = rl.return_pk GROUP BY sr.sale_pk, rl.sale_line_number) r ON "
        "r.sale_pk = "
        "l.sale_pk AND r.sale_line_number = l.line_number WHERE" +
            store_filter +
            "AND (l.returned_quantity_milli <> COALESCE(r.quantity, 0) OR "
            "l.refunded_minor <> "
            "COALESCE(r.refund, 0))");
    add("RETURN_TOTALS_MISMATCH",
        "SELECT st.code, r.return_id, CONCAT('refund total ', "
        "r.refund_total_minor, ', lines ', "
        "COALESCE(SUM(rl.refund_minor), 0)) FROM sale_returns r JOIN stores st "
        "ON st.id = "
        "r.store_id LEFT JOIN sale_return_lines rl ON rl.return_pk = r.id "
        "WHERE" +
            store_filter +
            "GROUP BY st.code, r.return_id, r.refund_total_minor HAVING "
            "r.refund_total_minor <> "
            "COALESCE(SUM(rl.refund_minor), 0)");
    add("ADJUSTMENT_MOVEMENTS_MISMATCH",
        "SELECT st.code, a.adjustment_id, CONCAT('adjustment of ', "
        "a.quantity_delta_milli, "
        "' has ', COUNT(m.id), ' movements') FROM stock_adjustments a JOIN "
        "stores st ON st.id "
        "= a.store_id LEFT JOIN stock_movements m ON m.movement_type = "
        "'ADJUSTMENT' AND "
        "m.document_pk = a.id AND m.product_id = a.product_id AND m.store_id = "
        "a.store_id AND "
        "m.quantity_milli = a.quantity_delta_milli WHERE" +
            store_filter +
            "GROUP BY st.code, a.adjustment_id, a.quantity_delta_milli HAVING "
            "COUNT(m.id) <> 1");
    add("ADJUSTMENT_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement ', m.id, ' has no "
        "matching "
        "adjustment') FROM stock_movements m JOIN stores st ON st.id = "
        "m.store_id LEFT JOIN "
        "stock_adjustments a ON a.id = m.document_pk AND "
        "a.quantity_delta_milli = "
        "m.quantity_milli AND a.product_id = m.product_id WHERE" +
            store_filter +
            "AND m.movement_type = 'ADJUSTMENT' AND a.id IS NULL");
    add("RETURN_MOVEMENTS_MISMATCH",
        "SELECT st.code, r.return_id, CONCAT('line ', rl.sale_line_number, ' "
        "(damaged=', "
        "rl.damaged, ') has ', COUNT(m.id), ' return movements') FROM "
        "sale_return_lines rl "
        "JOIN sale_returns r ON r.id = rl.return_pk JOIN stores st ON st.id = "
        "r.store_id JOIN "
        "sale_lines l ON l.sale_pk = r.sale_pk AND l.line_number = "
        "rl.sale_line_number LEFT "
        "JOIN stock_movements m ON m.movement_type = 'RETURN' AND "
        "m.document_pk = r.id AND "
        "m.document_line = rl.sale_line_number AND m.product_id = l.product_id "
        "AND "
        "m.quantity_milli = rl.quantity_milli WHERE" +
            store_filter +
            "GROUP BY st.code, r.return_id, rl.sale_line_number, rl.damaged "
            "HAVING COUNT(m.id) "
            "<> IF(rl.damaged = 1, 0, 1)");
    // The demand rollup against the documents it summarises, per (store,
    // product, business day): sales and their voids on the sale's day,
    // returns on the return's day. Both sides are unioned and grouped, so
    // that a row missing on either side is found too.
    add("DEMAND_ROLLUP_MISMATCH",
        "SELECT st.code, p.sku, CONCAT(DATE_FORMAT(d.business_day, "
        "'%Y-%m-%d'), ': rollup sold ', d.rs, ' returned ', d.rr, ' voided ', "
        "d.rv, ' in ', d.rc, ' sales; documents sold ', d.ds, ' returned ', "
        "d.dr, ' voided ', d.dv, ' in ', d.dc, ' sales') FROM (SELECT "
        "u.store_id, u.product_id, u.business_day, SUM(u.rs) AS rs, SUM(u.rr) "
        "AS rr, SUM(u.rv) AS rv, SUM(u.rc) AS rc, SUM(u.ds) AS ds, SUM(u.dr) "
        "AS dr, SUM(u.dv) AS dv, SUM(u.dc) AS dc FROM ("
        "SELECT store_id, product_id, business_day, sold_milli AS rs, "
        "returned_milli AS rr, voided_milli AS rv, sale_count AS rc, 0 AS ds, "
        "0 AS dr, 0 AS dv, 0 AS dc FROM daily_demand "
        "UNION ALL SELECT x.store_id, l.product_id, x.business_day, 0, 0, 0, "
        "0, SUM(l.quantity_milli), 0, SUM(IF(x.state = 'VOIDED', "
        "l.quantity_milli, 0)), COUNT(DISTINCT x.id) FROM sale_lines l JOIN "
        "sales x ON x.id = l.sale_pk GROUP BY x.store_id, l.product_id, "
        "x.business_day "
        "UNION ALL SELECT r.store_id, l.product_id, r.business_day, 0, 0, 0, "
        "0, 0, SUM(rl.quantity_milli), 0, 0 FROM sale_return_lines rl JOIN "
        "sale_returns r ON r.id = rl.return_pk JOIN sale_lines l ON "
        "l.sale_pk = r.sale_pk AND l.line_number = rl.sale_line_number GROUP "
        "BY r.store_id, l.product_id, r.business_day) u GROUP BY u.store_id, "
        "u.product_id, u.business_day HAVING SUM(u.rs) <> SUM(u.ds) OR "
        "SUM(u.rr) <> SUM(u.dr) OR SUM(u.rv) <> SUM(u.dv) OR SUM(u.rc) <> "
        "SUM(u.dc)) d JOIN stores st ON st.id = d.store_id JOIN products p ON "
        "p.id = d.product_id WHERE" +
            store_filter);
    // Purchase orders: the totals equal the lines (and each line's cost
    // and VAT its rounded arithmetic), each line's received and rejected
    // quantities equal its posted receipt lines, at most one open draft per
    // store and supplier,
    // and every order approved (or further) has an approver who neither
    // created, last changed nor submitted it.
    add("PURCHASE_ORDER_TOTALS_MISMATCH",
        "SELECT st.code, o.order_id, CONCAT('totals ', o.total_cost_minor, "
        "' + VAT ', o.total_tax_minor, '; lines ', COALESCE(SUM("
        "l.line_cost_minor), 0), ' + VAT ', COALESCE(SUM(l.line_tax_minor), "
        "0), ', ', COALESCE(SUM(l.line_cost_minor <> (CAST(l.quantity_milli AS "
        "DECIMAL(39, 0)) * l.unit_cost_minor + 500) DIV 1000 OR "
        "l.line_tax_minor <> "
        "(l.line_cost_minor * l.tax_rate_basis_points + 5000) DIV 10000), 0), "
        "' lines miscomputed') FROM purchase_orders o JOIN stores st ON st.id "
        "= o.store_id LEFT JOIN purchase_order_lines l ON l.order_pk = o.id "
        "WHERE" +
            store_filter +
            "GROUP BY st.code, o.order_id, o.total_cost_minor, "
            "o.total_tax_minor HAVING o.total_cost_minor <> "
            "COALESCE(SUM(l.line_cost_minor), 0) OR o.total_tax_minor <> "
            "COALESCE(SUM(l.line_tax_minor), 0) OR COALESCE(SUM("
            "l.line_cost_minor <> (CAST(l.quantity_milli AS DECIMAL(39, 0)) * "
            "l.unit_cost_minor + 500) "
            "DIV 1000 OR l.line_tax_minor <> (l.line_cost_minor * "
            "l.tax_rate_basis_points + 5000) DIV 10000), 0) > 0");
    add("PURCHASE_ORDER_RECEIVED_MISMATCH",
        "SELECT st.code, o.order_id, CONCAT('line ', l.line_number, ' "
        "received ', l.received_milli, ', rejected ', l.rejected_milli, '; "
        "posted receipts ', COALESCE(g.received, 0), ', rejected ', "
        "COALESCE(g.rejected, 0)) FROM purchase_order_lines l JOIN "
        "purchase_orders o ON o.id = l.order_pk JOIN stores st ON st.id = "
        "o.store_id LEFT JOIN (SELECT r.order_pk, rl.order_line_number, "
        "SUM(rl.received_milli) AS received, SUM(rl.rejected_milli) AS "
        "rejected FROM goods_receipt_lines rl JOIN goods_receipts r ON r.id = "
        "rl.receipt_pk WHERE r.state = 'POSTED' GROUP BY r.order_pk, "
        "rl.order_line_number) g ON g.order_pk = l.order_pk AND "
        "g.order_line_number = l.line_number WHERE" +
            store_filter +
            "AND (l.received_milli <> COALESCE(g.received, 0) OR "
            "l.rejected_milli <> COALESCE(g.rejected, 0))");
    add("PURCHASE_ORDER_DUPLICATE_DRAFT",
        "SELECT st.code, su.code, CONCAT(COUNT(*), ' open drafts ', "
        "GROUP_CONCAT(o.order_id ORDER BY o.order_id SEPARATOR ', ')) FROM "
        "purchase_orders o JOIN stores st ON st.id = o.store_id JOIN "
        "suppliers su ON su.id = o.supplier_id WHERE" +
            store_filter +
            "AND o.state = 'DRAFT' GROUP BY st.code, su.code HAVING COUNT(*) "
            "> 1");
    add("PURCHASE_ORDER_SELF_APPROVED",
        "SELECT st.code, o.order_id, CONCAT(o.state, ' approved by ', "
        "COALESCE(o.approved_by, 'nobody'), '; created by ', o.created_by, "
        "', last changed by ', o.last_changed_by, ', submitted by ', "
        "COALESCE(o.submitted_by, 'nobody')) FROM purchase_orders o JOIN "
        "stores st ON st.id = o.store_id WHERE" +
            store_filter +
            "AND (o.state IN ('APPROVED', 'SENT', 'PARTIALLY_RECEIVED', "
            "'RECEIVED', 'CLOSED_SHORT') OR (o.state = 'CANCELLED' AND "
            "o.approve_time IS NOT NULL)) AND (o.approved_by IS NULL OR "
            "o.approved_by = o.created_by OR o.approved_by = "
            "o.last_changed_by OR o.approved_by = COALESCE(o.submitted_by, "
            "''))");
    // Lots: a balance is the sum of its lots, a lot the sum of its
    // movement rows, a movement the sum of its lot rows.
    add("LOT_SUM_MISMATCH",
        "SELECT st.code, p.sku, CONCAT('balance ', b.on_hand_milli, ' but "
        "lots sum to ', COALESCE(l.total, 0)) FROM stock_balances b JOIN "
        "stores st ON st.id = b.store_id JOIN products p ON p.id = "
        "b.product_id LEFT JOIN (SELECT store_id, product_id, "
        "SUM(quantity_milli) AS total FROM stock_lots GROUP BY store_id, "
        "product_id) l ON l.store_id = b.store_id AND l.product_id = "
        "b.product_id WHERE" +
            store_filter + "AND b.on_hand_milli <> COALESCE(l.total, 0)");
    add("LOT_LEDGER_MISMATCH",
        "SELECT st.code, p.sku, CONCAT('lot [', l.lot_code, '] expiring ', "
        "COALESCE(l.expiry_date, 'never'), ' holds ', l.quantity_milli, ' but "
        "its movements sum to ', COALESCE(m.total, 0)) FROM stock_lots l JOIN "
        "stores st ON st.id = l.store_id JOIN products p ON p.id = "
        "l.product_id LEFT JOIN (SELECT lot_id, SUM(quantity_milli) AS total "
        "FROM stock_movement_lots GROUP BY lot_id) m ON m.lot_id = l.id "
        "WHERE" +
            store_filter + "AND l.quantity_milli <> COALESCE(m.total, 0)");
    add("MOVEMENT_LOTS_MISMATCH",
        "SELECT st.code, CONCAT(m.movement_type, ' ', m.document_key, ' line "
        "', m.document_line), CONCAT('quantity ', m.quantity_milli, ' but its "
        "lots take ', COALESCE(SUM(ml.quantity_milli), 0), ', ', "
        "COALESCE(SUM(l.store_id <> m.store_id OR l.product_id <> "
        "m.product_id), 0), ' lots of another product') FROM stock_movements "
        "m JOIN stores st ON st.id = m.store_id LEFT JOIN stock_movement_lots "
        "ml ON ml.movement_id = m.id LEFT JOIN stock_lots l ON l.id = "
        "ml.lot_id WHERE" +
            store_filter +
            "GROUP BY m.id, st.code, m.movement_type, m.document_key, "
            "m.document_line, m.quantity_milli HAVING m.quantity_milli <> "
            "COALESCE(SUM(ml.quantity_milli), 0) OR COALESCE(SUM(l.store_id "
            "<> m.store_id OR l.product_id <> m.product_id), 0) > 0");
    // Receipts: totals equal their lines; a posted receipt has exactly one
    // movement per received line and exactly one payable of its value plus
    // VAT; an unposted one has neither; nobody approves their own receipt
    // or receives an order they approved.
    add("RECEIPT_TOTALS_MISMATCH",
        "SELECT st.code, g.receipt_id, CONCAT('totals ', g.total_cost_minor, "
        "' + VAT ', g.total_tax_minor, '; lines ', "
        "COALESCE(SUM(l.line_cost_minor), 0), ' + VAT ', "
        "COALESCE(SUM(l.line_tax_minor), 0)) FROM goods_receipts g JOIN "
        "stores st ON st.id = g.store_id LEFT JOIN goods_receipt_lines l ON "
        "l.receipt_pk = g.id WHERE" +
            store_filter +
            "GROUP BY g.id, st.code, g.receipt_id, g.total_cost_minor, "
            "g.total_tax_minor HAVING g.total_cost_minor <> "
            "COALESCE(SUM(l.line_cost_minor), 0) OR g.total_tax_minor <> "
            "COALESCE(SUM(l.line_tax_minor), 0)");
    const std::string receipt_movement =
        "SELECT 1 FROM stock_movements m WHERE m.movement_type = " +
        domain::MovementTypeSql(domain::MovementType::kReceipt) +
        " AND m.document_pk = g.id AND m.document_line = l.line_number AND "
        "m.product_id = l.product_id AND m.quantity_milli = l.received_milli";
    add("RECEIPT_MOVEMENTS_MISMATCH",
        "SELECT st.code, g.receipt_id, CONCAT(g.state, ' line ', "
        "l.line_number, ' received ', l.received_milli, ' has no movement of "
        "it') FROM goods_receipt_lines l JOIN goods_receipts g ON g.id = "
        "l.receipt_pk JOIN stores st ON st.id = g.store_id WHERE" +
            store_filter +
            "AND g.state = 'POSTED' AND l.received_milli > 0 AND NOT EXISTS "
            "(" +
            receipt_movement + ")");
    add("RECEIPT_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT('movement of line ', "
        "m.document_line, ' (', m.quantity_milli, ') matches no received "
        "line of a posted receipt') FROM stock_movements m JOIN stores st ON "
        "st.id = m.store_id LEFT JOIN goods_receipts g ON g.id = "
        "m.document_pk LEFT JOIN goods_receipt_lines l ON l.receipt_pk = g.id "
        "AND l.line_number = m.document_line WHERE" +
            store_filter + "AND m.movement_type = " +
            domain::MovementTypeSql(domain::MovementType::kReceipt) +
            " AND (g.id IS NULL OR g.state <> 'POSTED' OR l.receipt_pk IS "
            "NULL OR l.received_milli <> m.quantity_milli OR l.product_id <> "
            "m.product_id)");
    add("RECEIPT_MOVEMENTS_MISMATCH",
        "SELECT st.code, m.document_key, CONCAT(COUNT(*), ' movements for "
        "line ', m.document_line) FROM stock_movements m JOIN stores st ON "
        "st.id = m.store_id WHERE" +
            store_filter + "AND m.movement_type = " +
            domain::MovementTypeSql(domain::MovementType::kReceipt) +
            " GROUP BY st.code, m.document_key, m.document_pk, "
            "m.document_line HAVING COUNT(*) > 1");
    add("RECEIPT_PAYABLE_MISMATCH",
        "SELECT st.code, g.receipt_id, CONCAT(g.state, ' receipt of ', "
        "g.total_cost_minor + g.total_tax_minor, ' with VAT has ', "
        "COUNT(pay.id), ' payables of ', COALESCE(SUM(pay.amount_minor), 0)) "
        "FROM goods_receipts g JOIN stores st ON st.id = g.store_id LEFT "
        "JOIN supplier_payables pay ON pay.receipt_pk = g.id WHERE" +
            store_filter +
            "GROUP BY g.id, st.code, g.receipt_id, g.state, "
            "g.total_cost_minor, g.total_tax_minor HAVING (g.state = "
            "'POSTED' AND (COUNT(pay.id) <> 1 OR SUM(pay.amount_minor) <> "
            "g.total_cost_minor + g.total_tax_minor OR SUM(pay.tax_minor) <> "
            "g.total_tax_minor OR SUM(pay.supplier_id <> g.supplier_id) > 0)) "
            "OR (g.state <> 'POSTED' AND COUNT(pay.id) > 0)");
    add("RECEIPT_SELF_APPROVED",
        "SELECT st.code, g.receipt_id, CONCAT('received by ', g.received_by, "
        "', approved by ', COALESCE(g.decided_by, 'nobody'), ', order "
        "approved by ', COALESCE(o.approved_by, 'nobody')) FROM "
        "goods_receipts g JOIN stores st ON st.id = g.store_id LEFT JOIN "
        "purchase_orders o ON o.id = g.order_pk WHERE" +
            store_filter +
            "AND (g.received_by = COALESCE(o.approved_by, '') OR "
            "g.received_by = COALESCE(g.decided_by, '') OR (g.state = "
            "'POSTED' AND g.approval_reason <> '' AND g.decided_by IS "
            "NULL))");
    // Cost: each sale line's cost is its quantity at its unit cost, and
    // returns never take back more cost than the line had.
    add("SALE_COST_MISMATCH",
        "SELECT st.code, x.sale_id, CONCAT('line ', l.line_number, ' cost ', "
        "l.cost_minor, ' at unit cost ', l.unit_cost_minor, ', returned "
        "cost ', l.returned_cost_minor) FROM sale_lines l JOIN sales x ON "
        "x.id = l.sale_pk JOIN stores st ON st.id = x.store_id WHERE" +
            store_filter +
            "AND (l.cost_minor <> (CAST(l.quantity_milli AS DECIMAL(39, 0)) * "
            "l.unit_cost_minor + 500) DIV 1000 OR l.returned_cost_minor > "
            "l.cost_minor OR l.returned_cost_minor < 0)");
    AddPartyLedgerChecks(add, store_filter);
    AddStockControlChecks(add, store_filter);
    AddTransferAndCountChecks(add, store_filter);
    AddTillSessionChecks(add, store_filter);
    return Status();
  });
  if (!status.ok()) return status;
  return report;
}

}  // namespace backoffice::storage
