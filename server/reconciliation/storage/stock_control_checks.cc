#include "reconciliation/storage/stock_control_checks.h"

#include "inventory/domain/movement_type.h"

namespace backoffice::storage {

void AddStockControlChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter) {
  const std::string returned =
      domain::MovementTypeSql(domain::MovementType::kSupplierReturn);
  // A return is decided by a second person, and only a shipped one has
  // totals and, for a credit note, its document of exactly that amount.
  add("SUPPLIER_RETURN_MISMATCH",
      "SELECT st.code, r.return_id, CONCAT(r.state, ' ', r.settlement, ' by "
      "', r.created_by, ' decided by ', COALESCE(r.decided_by, 'nobody'), ', "
      "cost ', r.total_cost_minor, ' + tax ', r.total_tax_minor, ', lines ', "
      "COALESCE(x.cost, 0), ' + ', COALESCE(x.tax, 0), ', credit note ', "
      "COALESCE(d.amount_minor, 'none')) FROM supplier_returns r JOIN stores "
      "st ON st.id = r.store_id LEFT JOIN (SELECT return_pk, "
      "SUM(line_cost_minor) AS cost, SUM(line_tax_minor) AS tax FROM "
      "supplier_return_lines GROUP BY return_pk) x ON x.return_pk = r.id "
      "LEFT JOIN party_documents d ON d.id = r.credit_document_id WHERE" +
          store_filter +
          "AND ((r.state <> 'DRAFT' AND (r.decided_by IS NULL OR r.decided_by "
          "= r.created_by)) OR r.total_cost_minor <> COALESCE(x.cost, 0) OR "
          "r.total_tax_minor <> COALESCE(x.tax, 0) OR (r.state <> 'SHIPPED' "
          "AND (r.total_cost_minor <> 0 OR r.credit_document_id IS NOT NULL)) "
          "OR ((r.state = 'SHIPPED' AND r.settlement = 'CREDIT_NOTE' AND "
          "r.total_cost_minor + r.total_tax_minor > 0) <> (d.id IS NOT NULL)) "
          "OR (d.id IS NOT NULL AND (d.amount_minor <> r.total_cost_minor + "
          "r.total_tax_minor OR d.party_kind <> 'SUPPLIER' OR d.party_id <> "
          "r.supplier_id OR d.store_id <> r.store_id OR d.document_type <> "
          "'CREDIT_NOTE' OR d.source_type <> 'SUPPLIER_RETURN' OR d.source_pk "
          "<> r.id)))");
  // Each line of a shipped return left stock once, by its quantity, from
  // its lot only; other returns moved nothing.
  add("SUPPLIER_RETURN_MISMATCH",
      "SELECT st.code, r.return_id, CONCAT(r.state, ' line ', l.line_number, "
      "' of ', l.quantity_milli, ': moved ', COALESCE(m.moved, 0), ' in ', "
      "COALESCE(m.movements, 0), ' movements, ', COALESCE(k.from_lot, 0), "
      "' from its lot, ', COALESCE(k.other_lots, 0), ' rows of other lots') "
      "FROM supplier_return_lines l JOIN supplier_returns r ON r.id = "
      "l.return_pk JOIN stores st ON st.id = r.store_id LEFT JOIN (SELECT "
      "sm.document_pk, sm.document_line, MIN(sm.product_id) AS product_id, "
      "MAX(sm.product_id) AS other_product, SUM(sm.quantity_milli) AS moved, "
      "COUNT(*) AS movements FROM stock_movements sm WHERE sm.movement_type "
      "= " +
          returned +
          " GROUP BY sm.document_pk, sm.document_line) m ON m.document_pk = "
          "r.id AND m.document_line = l.line_number LEFT JOIN (SELECT "
          "sm.document_pk, sm.document_line, SUM(IF(ml.lot_id = rl.lot_id, "
          "ml.quantity_milli, 0)) AS from_lot, SUM(ml.lot_id <> rl.lot_id) AS "
          "other_lots FROM stock_movements sm JOIN stock_movement_lots ml ON "
          "ml.movement_id = sm.id JOIN supplier_return_lines rl ON "
          "rl.return_pk = sm.document_pk AND rl.line_number = "
          "sm.document_line WHERE sm.movement_type = " +
          returned +
          " GROUP BY sm.document_pk, sm.document_line) k ON k.document_pk = "
          "r.id AND k.document_line = l.line_number WHERE" +
          store_filter +
          "AND ((r.state = 'SHIPPED' AND (COALESCE(m.moved, 0) <> "
          "-l.quantity_milli OR m.movements <> 1 OR m.product_id <> "
          "l.product_id OR m.other_product <> l.product_id OR "
          "COALESCE(k.from_lot, 0) <> -l.quantity_milli OR k.other_lots > "
          "0)) OR (r.state <> 'SHIPPED' AND m.movements IS NOT NULL))");
  add("SUPPLIER_RETURN_MISMATCH",
      "SELECT st.code, m.document_key, CONCAT('movement of line ', "
      "m.document_line, ' (', m.quantity_milli, ') matches no line of a "
      "shipped return') FROM stock_movements m JOIN stores st ON st.id = "
      "m.store_id LEFT JOIN supplier_returns r ON r.id = m.document_pk AND "
      "r.store_id = m.store_id LEFT JOIN supplier_return_lines l ON "
      "l.return_pk = r.id AND l.line_number = m.document_line WHERE" +
          store_filter + "AND m.movement_type = " + returned +
          " AND (r.id IS NULL OR r.state <> 'SHIPPED' OR l.return_pk IS "
          "NULL)");
  // A write-off that waited is posted once, as the adjustment it asked
  // for, by a second person; every adjustment's value is its quantity at
  // the cost it moved at.
  add("STOCK_WRITE_OFF_MISMATCH",
      "SELECT st.code, w.adjustment_id, CONCAT(w.state, ' of ', "
      "w.quantity_delta_milli, ' by ', w.requested_by, ' decided by ', "
      "COALESCE(w.decided_by, 'nobody'), ', adjustment ', "
      "COALESCE(a.quantity_delta_milli, 'none')) FROM "
      "stock_adjustment_requests w JOIN stores st ON st.id = w.store_id LEFT "
      "JOIN stock_adjustments a ON a.id = w.adjustment_pk WHERE" +
          store_filter +
          "AND ((w.state = 'POSTED') <> (w.adjustment_pk IS NOT NULL) OR "
          "(w.state <> 'PENDING_APPROVAL' AND (w.decided_by IS NULL OR "
          "w.decided_by = w.requested_by)) OR (a.id IS NOT NULL AND "
          "(a.quantity_delta_milli <> w.quantity_delta_milli OR a.product_id "
          "<> w.product_id OR a.store_id <> w.store_id OR a.adjustment_id <> "
          "w.adjustment_id)))");
  add("STOCK_WRITE_OFF_MISMATCH",
      "SELECT st.code, w.adjustment_id, CONCAT(w.state, ' write-off, yet "
      "adjustment ', a.id, ' moved ', a.quantity_delta_milli) FROM "
      "stock_adjustment_requests w JOIN stores st ON st.id = w.store_id JOIN "
      "stock_adjustments a ON a.store_id = w.store_id AND a.adjustment_id = "
      "w.adjustment_id WHERE" +
          store_filter + "AND w.state <> 'POSTED'");
  add("STOCK_WRITE_OFF_MISMATCH",
      "SELECT st.code, a.adjustment_id, CONCAT('value ', a.value_minor, ' "
      "for ', a.quantity_delta_milli, ' at ', a.unit_cost_minor) FROM "
      "stock_adjustments a JOIN stores st ON st.id = a.store_id WHERE" +
          store_filter +
          "AND a.value_minor <> IF(a.quantity_delta_milli < 0, -1, 1) * "
          "((CAST(ABS(a.quantity_delta_milli) AS DECIMAL(39, 0)) * "
          "a.unit_cost_minor + 500) DIV 1000)");
}

}  // namespace backoffice::storage
