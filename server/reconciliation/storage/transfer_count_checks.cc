#include "reconciliation/storage/transfer_count_checks.h"

#include "inventory/domain/movement_type.h"

namespace backoffice::storage {

void AddTransferAndCountChecks(
    const std::function<void(const std::string&, const std::string&)>& add,
    const std::string& store_filter) {
  const std::string out =
      domain::MovementTypeSql(domain::MovementType::kTransferOut);
  const std::string in =
      domain::MovementTypeSql(domain::MovementType::kTransferIn);
  const std::string counted =
      domain::MovementTypeSql(domain::MovementType::kStockCount);
  // A line's cost at the rate it travelled; the difference at that cost.
  const std::string cost_of = [](const std::string& q) {
    return "((CAST(" + q +
           " AS DECIMAL(39, 0)) * l.unit_cost_minor + 500) DIV 1000)";
  }("l.quantity_milli");
  // A transfer concerns both its stores: verify of one store checks the
  // transfers it sent and those it received.
  const std::string either_store = " (:c1 = '' OR :c2 IN (st.code, fs.code)) ";
  const std::string difference_of =
      "((CAST(l.quantity_milli - l.received_milli AS DECIMAL(39, 0)) * "
      "l.unit_cost_minor + 500) DIV 1000)";
  // Each line left the sending store once by its quantity, from lots that
  // add up to it; entered the receiving store by what was received in good
  // order; and its resolved difference went where the resolution says.
  // In transit is then exactly sent - received - resolved.
  add("TRANSFER_MISMATCH",
      "SELECT st.code, CONCAT(fs.code, '/', t.transfer_id), CONCAT(t.state, "
      "' line ', l.line_number, ': sent ', l.quantity_milli, ' (moved ', "
      "-COALESCE(o.moved, 0), ', lots ', COALESCE(k.lots, 0), '), received ', "
      "l.received_milli, ' (moved ', COALESCE(r.moved, 0), '), resolved ', "
      "l.resolved_milli, ' ', COALESCE(t.resolution, 'not'), ' (back ', "
      "COALESCE(b.moved, 0), ', accepted ', COALESCE(a.moved, 0), ')') FROM "
      "stock_transfer_lines l JOIN stock_transfers t ON t.id = l.transfer_pk "
      "JOIN stores st ON st.id = t.to_store_id JOIN stores fs ON fs.id = "
      "t.from_store_id LEFT JOIN (SELECT transfer_pk, line_number, "
      "SUM(quantity_milli) AS lots FROM stock_transfer_lots GROUP BY "
      "transfer_pk, line_number) k ON k.transfer_pk = l.transfer_pk AND "
      "k.line_number = l.line_number LEFT JOIN (SELECT document_pk, "
      "document_line, store_id, reason, MIN(product_id) AS product_id, "
      "MAX(product_id) AS other_product, SUM(quantity_milli) AS moved FROM "
      "stock_movements WHERE movement_type IN (" +
          out + ", " + in +
          ") GROUP BY document_pk, document_line, store_id, reason) o ON "
          "o.document_pk = t.id AND o.document_line = l.line_number AND "
          "o.store_id = t.from_store_id AND o.reason = 'TRANSFER' LEFT JOIN "
          "(SELECT document_pk, document_line, store_id, reason, "
          "SUM(quantity_milli) AS moved FROM stock_movements WHERE "
          "movement_type = " +
          in +
          " GROUP BY document_pk, document_line, store_id, reason) r ON "
          "r.document_pk = t.id AND r.document_line = l.line_number AND "
          "r.store_id = t.to_store_id AND r.reason = 'TRANSFER_RECEIVED' "
          "LEFT JOIN (SELECT document_pk, document_line, store_id, reason, "
          "SUM(quantity_milli) AS moved FROM stock_movements WHERE "
          "movement_type = " +
          in +
          " GROUP BY document_pk, document_line, store_id, reason) b ON "
          "b.document_pk = t.id AND b.document_line = l.line_number AND "
          "b.store_id = t.from_store_id AND b.reason = 'TRANSFER_RETURNED' "
          "LEFT JOIN (SELECT document_pk, document_line, store_id, reason, "
          "SUM(quantity_milli) AS moved FROM stock_movements WHERE "
          "movement_type = " +
          in +
          " GROUP BY document_pk, document_line, store_id, reason) a ON "
          "a.document_pk = t.id AND a.document_line = l.line_number AND "
          "a.store_id = t.to_store_id AND a.reason = 'TRANSFER_ACCEPTED' "
          "WHERE" +
          either_store +
          "AND (COALESCE(o.moved, 0) <> -l.quantity_milli OR o.product_id <> "
          "l.product_id OR o.other_product <> l.product_id OR "
          "COALESCE(k.lots, 0) <> l.quantity_milli OR COALESCE(r.moved, 0) "
          "<> l.received_milli OR COALESCE(b.moved, 0) <> "
          "IF(t.resolution = 'RETURN_TO_SENDER', l.resolved_milli, 0) OR "
          "COALESCE(a.moved, 0) <> IF(t.resolution = 'ACCEPT', "
          "l.resolved_milli, 0) OR (t.state = 'IN_TRANSIT' AND "
          "(l.received_milli <> 0 OR l.damaged_milli <> 0 OR "
          "l.resolved_milli <> 0)) OR (t.state = 'RECEIVED' AND "
          "(l.received_milli <> l.quantity_milli OR l.resolved_milli <> 0)) "
          "OR (t.state = 'DIFFERENCE_OPEN' AND l.resolved_milli <> 0) OR "
          "(t.state = 'RESOLVED' AND l.received_milli + l.resolved_milli <> "
          "l.quantity_milli) OR l.line_cost_minor <> " +
          cost_of + ")");
  // The header: totals of its lines, a receipt and a resolution recorded
  // with their people, the difference decided by someone other than the
  // receiver.
  add("TRANSFER_MISMATCH",
      "SELECT st.code, CONCAT(fs.code, '/', t.transfer_id), CONCAT(t.state, "
      "' cost ', t.total_cost_minor, ' (lines ', x.cost, '), difference ', "
      "t.difference_cost_minor, ' (lines ', x.difference, '), received by ', "
      "COALESCE(t.received_by, 'nobody'), ', resolved by ', "
      "COALESCE(t.resolved_by, 'nobody')) FROM stock_transfers t JOIN stores "
      "st ON st.id = t.to_store_id JOIN stores fs ON fs.id = t.from_store_id "
      "JOIN (SELECT l.transfer_pk, SUM(l.line_cost_minor) AS cost, "
      "SUM(" +
          difference_of +
          ") AS difference, SUM(l.received_milli <> l.quantity_milli) AS "
          "short_lines FROM stock_transfer_lines l GROUP BY l.transfer_pk) x "
          "ON x.transfer_pk = t.id WHERE" +
          either_store +
          "AND (t.total_cost_minor <> x.cost OR (t.state = 'IN_TRANSIT') <> "
          "(t.received_by IS NULL) OR (t.state = 'RESOLVED') <> "
          "(t.resolved_by IS NOT NULL AND t.resolution IS NOT NULL) OR "
          "t.resolved_by = t.received_by OR (t.state <> 'IN_TRANSIT' AND "
          "t.difference_cost_minor <> x.difference) OR (t.state = "
          "'IN_TRANSIT' AND t.difference_cost_minor <> 0) OR (t.state = "
          "'RECEIVED' AND x.short_lines > 0) OR (t.state IN "
          "('DIFFERENCE_OPEN', 'RESOLVED') AND x.short_lines = 0))");
  // No transfer movement without its transfer's line, at its stores.
  add("TRANSFER_MISMATCH",
      "SELECT st.code, m.document_key, CONCAT(m.movement_type, ' ', m.reason, "
      "' of line ', m.document_line, ' (', m.quantity_milli, ') matches no "
      "line of a transfer of this store') FROM stock_movements m JOIN stores "
      "st ON st.id = m.store_id LEFT JOIN stock_transfers t ON t.id = "
      "m.document_pk AND t.transfer_id = m.document_key LEFT JOIN "
      "stock_transfer_lines l ON l.transfer_pk = t.id AND l.line_number = "
      "m.document_line WHERE" +
          store_filter + "AND m.movement_type IN (" + out + ", " + in +
          ") AND (l.transfer_pk IS NULL OR l.product_id <> m.product_id OR "
          "m.store_id <> IF(m.reason IN ('TRANSFER', 'TRANSFER_RETURNED'), "
          "t.from_store_id, t.to_store_id) OR m.reason NOT IN ('TRANSFER', "
          "'TRANSFER_RECEIVED', 'TRANSFER_RETURNED', 'TRANSFER_ACCEPTED'))");

  const std::string variance =
      "(l.counted_milli - l.frozen_milli - l.moved_since_open_milli)";
  // A posted count moved each line by exactly its variance (counted minus
  // the book at its latest entry), valued at the cost it posted at; other
  // counts moved nothing.
  add("STOCK_COUNT_MISMATCH",
      "SELECT st.code, c.count_id, CONCAT(c.state, ' line ', l.line_number, "
      "': counted ', COALESCE(l.counted_milli, 'nothing'), ', variance ', "
      "COALESCE(" +
          variance +
          ", 0), ', moved ', COALESCE(m.moved, 0), ', value ', "
          "l.variance_value_minor, ' at ', l.unit_cost_minor) FROM "
          "stock_count_lines l JOIN stock_counts c ON c.id = l.count_pk JOIN "
          "stores st ON st.id = c.store_id LEFT JOIN (SELECT document_pk, "
          "document_line, MIN(product_id) AS product_id, MAX(product_id) AS "
          "other_product, SUM(quantity_milli) AS moved FROM stock_movements "
          "WHERE movement_type = " +
          counted +
          " GROUP BY document_pk, document_line) m ON m.document_pk = c.id "
          "AND m.document_line = l.line_number WHERE" +
          store_filter +
          "AND ((c.state = 'POSTED' AND (l.counted_milli IS NULL OR "
          "COALESCE(m.moved, 0) <> " +
          variance +
          " OR m.product_id <> l.product_id OR m.other_product <> "
          "l.product_id OR l.variance_value_minor <> IF(" +
          variance + " < 0, -1, 1) * ((CAST(ABS(" + variance +
          ") AS DECIMAL(39, 0)) * l.unit_cost_minor + 500) DIV 1000))) OR "
          "(c.state <> 'POSTED' AND m.moved IS NOT NULL))");
  // A counted line is its latest entry (the book quantity of that moment
  // beside what was found), and counts its entries.
  add("STOCK_COUNT_MISMATCH",
      "SELECT st.code, c.count_id, CONCAT('line ', l.line_number, ' counted "
      "', COALESCE(l.counted_milli, 'nothing'), ' in ', l.entries, ' "
      "entries; the entries say ', COALESCE(e.counted_milli, 'nothing'), ' "
      "in ', COALESCE(n.entries, 0)) FROM stock_count_lines l JOIN "
      "stock_counts c ON c.id = l.count_pk JOIN stores st ON st.id = "
      "c.store_id LEFT JOIN (SELECT en.count_pk, el.product_id, COUNT(*) AS "
      "entries, MAX(en.id) AS latest FROM stock_count_entry_lines el JOIN "
      "stock_count_entries en ON en.id = el.entry_pk GROUP BY en.count_pk, "
      "el.product_id) n ON n.count_pk = l.count_pk AND n.product_id = "
      "l.product_id LEFT JOIN stock_count_entry_lines e ON e.entry_pk = "
      "n.latest AND e.product_id = l.product_id WHERE" +
          store_filter +
          "AND (l.entries <> COALESCE(n.entries, 0) OR (l.entries > 0 AND "
          "(l.counted_milli <> e.counted_milli OR l.moved_since_open_milli "
          "<> e.book_milli - l.frozen_milli)) OR (l.entries = 0 AND "
          "l.counted_milli IS NOT NULL AND (l.counted_milli <> 0 OR "
          "c.state NOT IN ('POSTED', 'PENDING_APPROVAL'))))");
  // The header: its values are its lines'; a count that waited was posted
  // by someone who neither counted nor asked; open products are exactly
  // the open and waiting counts' lines.
  add("STOCK_COUNT_MISMATCH",
      "SELECT st.code, c.count_id, CONCAT(c.state, ' ', "
      "COALESCE(c.approval_level, 'undecided'), ' value ', "
      "c.variance_value_minor, ' (lines ', COALESCE(x.total, 0), '), net ', "
      "c.net_variance_value_minor, ' (lines ', COALESCE(x.net, 0), '), "
      "asked by ', COALESCE(c.post_requested_by, 'nobody'), ', decided by ', "
      "COALESCE(c.decided_by, 'nobody'), ', open products ', COALESCE(o.n, "
      "0), ' of ', c.line_count) FROM stock_counts c JOIN stores st ON st.id "
      "= c.store_id LEFT JOIN (SELECT count_pk, SUM(ABS(variance_value_minor)) "
      "AS total, SUM(variance_value_minor) AS net FROM stock_count_lines "
      "GROUP BY count_pk) x ON x.count_pk = c.id LEFT JOIN (SELECT count_pk, "
      "COUNT(*) AS n FROM stock_count_open_products GROUP BY count_pk) o ON "
      "o.count_pk = c.id WHERE" +
          store_filter +
          "AND ((c.state IN ('POSTED', 'PENDING_APPROVAL') AND "
          "(c.variance_value_minor <> COALESCE(x.total, 0) OR "
          "c.net_variance_value_minor <> COALESCE(x.net, 0))) OR "
          "(c.state IN ('OPEN', 'PENDING_APPROVAL')) <> (COALESCE(o.n, 0) = "
          "c.line_count) OR (c.state NOT IN ('OPEN', 'PENDING_APPROVAL') AND "
          "o.n IS NOT NULL) OR (c.state = 'POSTED' AND c.approval_level <> "
          "'NONE' AND (c.decided_by IS NULL OR c.decided_by = "
          "c.post_requested_by OR EXISTS (SELECT 1 FROM stock_count_entries "
          "ce WHERE ce.count_pk = c.id AND ce.counted_by = c.decided_by))) OR "
          "(c.state = 'POSTED' AND c.approval_level IS NULL))");
  add("STOCK_COUNT_MISMATCH",
      "SELECT st.code, m.document_key, CONCAT('movement of line ', "
      "m.document_line, ' (', m.quantity_milli, ') matches no line of a "
      "posted count of this store') FROM stock_movements m JOIN stores st ON "
      "st.id = m.store_id LEFT JOIN stock_counts c ON c.id = m.document_pk "
      "AND c.store_id = m.store_id LEFT JOIN stock_count_lines l ON "
      "l.count_pk = c.id AND l.line_number = m.document_line WHERE" +
          store_filter + "AND m.movement_type = " + counted +
          " AND (c.id IS NULL OR c.state <> 'POSTED' OR l.count_pk IS NULL)");
}

}  // namespace backoffice::storage
