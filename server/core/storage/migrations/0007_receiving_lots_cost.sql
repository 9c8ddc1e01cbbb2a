-- The third slice of ordering: goods receipts, stock per lot with its
-- expiry, the moving-average cost of each (store, product), the cost of
-- every sale line, and the payable each receipt creates.

-- An order line may be received beyond its quantity (a tolerance, or an
-- approved over-delivery), and rejected quantities need not fit in it: the
-- receiving rules bound them under the order's lock, and verify checks that
-- each line equals its receipt lines.
ALTER TABLE purchase_order_lines DROP CONSTRAINT ck_pol_received;
ALTER TABLE purchase_order_lines
  ADD CONSTRAINT ck_pol_received CHECK (received_milli >= 0
    AND rejected_milli >= 0);

-- How much more than ordered a receipt may bring without approval, in
-- basis points of the ordered quantity (0: exactly what was ordered).
ALTER TABLE store_purchasing_settings
  ADD COLUMN receipt_tolerance_basis_points INT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_sps_tolerance CHECK (receipt_tolerance_basis_points
    BETWEEN 0 AND 10000);

-- The moving-average unit cost (minor units per unit, before VAT) of what a
-- store holds of a product, kept on its balance row: the row every posting
-- already locks.
ALTER TABLE stock_balances
  ADD COLUMN average_unit_cost_minor BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_balances_cost CHECK (average_unit_cost_minor >= 0);

-- What each sale line cost at the moment of sale; returned_cost_minor is the
-- part that restocked returns took back, as refunded_minor is for money.
ALTER TABLE sale_lines
  ADD COLUMN unit_cost_minor BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN cost_minor BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN returned_cost_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sale_return_lines
  ADD COLUMN cost_minor BIGINT NOT NULL DEFAULT 0;

-- Stock per (store, product, lot). The lot without a code and without an
-- expiry is the unknown lot: stock whose lot nobody recorded, and sales
-- beyond the known lots (it may go negative). expiry_key stands for a
-- missing expiry in the unique key, where NULLs would not collide.
CREATE TABLE stock_lots (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  lot_code VARCHAR(64) NOT NULL,
  expiry_date DATE NULL,
  quantity_milli BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  expiry_key DATE AS (IFNULL(expiry_date, '9999-12-31')) STORED,
  UNIQUE KEY uk_stock_lots (store_id, product_id, lot_code, expiry_key),
  KEY ix_stock_lots_expiry (store_id, expiry_date),
  CONSTRAINT fk_stock_lots_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_stock_lots_product FOREIGN KEY (product_id)
    REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which lots each movement touched, in the order it took them: a
-- movement's quantity is the sum of its rows, a lot's quantity the sum of
-- the rows that name it.
CREATE TABLE stock_movement_lots (
  movement_id BIGINT NOT NULL,
  sequence INT NOT NULL,
  lot_id BIGINT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  PRIMARY KEY (movement_id, sequence),
  KEY ix_movement_lots_lot (lot_id),
  CONSTRAINT fk_movement_lots_movement FOREIGN KEY (movement_id)
    REFERENCES stock_movements (id),
  CONSTRAINT fk_movement_lots_lot FOREIGN KEY (lot_id) REFERENCES stock_lots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What stores held before lots existed is in their unknown lots.
INSERT INTO stock_lots (store_id, product_id, lot_code, expiry_date,
  quantity_milli, create_time, update_time)
SELECT store_id, product_id, '', NULL, on_hand_milli, UTC_TIMESTAMP(6),
  UTC_TIMESTAMP(6)
FROM stock_balances;
INSERT INTO stock_movement_lots (movement_id, sequence, lot_id, quantity_milli)
SELECT m.id, 1, l.id, m.quantity_milli
FROM stock_movements m
JOIN stock_lots l ON l.store_id = m.store_id AND l.product_id = m.product_id
  AND l.lot_code = '' AND l.expiry_date IS NULL;

-- A delivery received at a store: against an approved order, or without
-- one (a market supplier) once a manager approves it. receipt_id is the
-- client's id, unique per store. PENDING_APPROVAL receipts have touched
-- nothing yet; POSTED ones have their movements, their order quantities and
-- their payable; REJECTED ones never will.
CREATE TABLE goods_receipts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  receipt_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  supplier_id BIGINT NOT NULL,
  order_pk BIGINT NULL,
  state VARCHAR(24) NOT NULL,
  approval_reason VARCHAR(32) NOT NULL DEFAULT '',
  supplier_document VARCHAR(64) NOT NULL,
  note VARCHAR(500) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  received_by VARCHAR(64) NOT NULL,
  received_by_name VARCHAR(200) NOT NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decide_time DATETIME(6) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  business_day DATE NOT NULL,
  total_cost_minor BIGINT NOT NULL,
  total_tax_minor BIGINT NOT NULL,
  cost_variance_minor BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  post_time DATETIME(6) NULL,
  UNIQUE KEY uk_goods_receipts_store_receipt (store_id, receipt_id),
  KEY ix_goods_receipts_order (order_pk),
  KEY ix_goods_receipts_store_state (store_id, state),
  CONSTRAINT fk_goods_receipts_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_goods_receipts_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_goods_receipts_order FOREIGN KEY (order_pk)
    REFERENCES purchase_orders (id),
  CONSTRAINT ck_goods_receipts_state CHECK (state IN ('PENDING_APPROVAL',
    'POSTED', 'REJECTED')),
  CONSTRAINT ck_goods_receipts_totals CHECK (total_cost_minor >= 0
    AND total_tax_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One line per product and lot received. unit_cost_minor is the invoice's;
-- ordered_unit_cost_minor the order line's (NULL without an order), so a
-- difference is visible on the line.
CREATE TABLE goods_receipt_lines (
  receipt_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  order_line_number INT NULL,
  received_milli BIGINT NOT NULL,
  rejected_milli BIGINT NOT NULL,
  reject_reason VARCHAR(16) NOT NULL,
  lot_code VARCHAR(64) NOT NULL,
  expiry_date DATE NULL,
  unit_cost_minor BIGINT NOT NULL,
  ordered_unit_cost_minor BIGINT NULL,
  tax_rate_basis_points INT NOT NULL,
  line_cost_minor BIGINT NOT NULL,
  line_tax_minor BIGINT NOT NULL,
  PRIMARY KEY (receipt_pk, line_number),
  KEY ix_goods_receipt_lines_product (product_id),
  CONSTRAINT fk_grl_receipt FOREIGN KEY (receipt_pk)
    REFERENCES goods_receipts (id),
  CONSTRAINT fk_grl_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT ck_grl_quantities CHECK (received_milli >= 0
    AND rejected_milli >= 0 AND received_milli + rejected_milli > 0),
  CONSTRAINT ck_grl_cost CHECK (unit_cost_minor >= 0 AND line_cost_minor >= 0
    AND line_tax_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What the store owes a supplier for each posted receipt: its value plus
-- VAT, due after the supplier's payment terms. Settlement comes with the
-- credit issue's party ledger.
CREATE TABLE supplier_payables (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  supplier_id BIGINT NOT NULL,
  receipt_pk BIGINT NOT NULL,
  order_pk BIGINT NULL,
  currency_code CHAR(3) NOT NULL,
  amount_minor BIGINT NOT NULL,
  tax_minor BIGINT NOT NULL,
  document_day DATE NOT NULL,
  due_day DATE NOT NULL,
  create_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_supplier_payables_receipt (receipt_pk),
  KEY ix_supplier_payables_supplier (store_id, supplier_id, due_day),
  CONSTRAINT fk_payables_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_payables_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_payables_receipt FOREIGN KEY (receipt_pk)
    REFERENCES goods_receipts (id),
  CONSTRAINT ck_payables_amount CHECK (amount_minor >= 0 AND tax_minor >= 0
    AND tax_minor <= amount_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
