-- Sales, returns, voids, stock adjustments, the append-only stock ledger and
-- one balance per (store, product).
-- Exactly once is enforced by unique keys: a sale id, a return id and an
-- adjustment id are recorded once; a receipt number once per terminal.

CREATE TABLE sales (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sale_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  store_id BIGINT NOT NULL,
  terminal_id BIGINT NOT NULL,
  cashier VARCHAR(64) NOT NULL,
  receipt_number BIGINT NOT NULL,
  sale_time DATETIME(6) NOT NULL,
  business_day DATE NOT NULL,
  record_time DATETIME(6) NOT NULL,
  total_minor BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  void_time DATETIME(6) NULL,
  void_reason VARCHAR(200) NULL,
  UNIQUE KEY uk_sales_sale_id (sale_id),
  UNIQUE KEY uk_sales_terminal_receipt (terminal_id, receipt_number),
  KEY ix_sales_store_day (store_id, business_day, id),
  KEY ix_sales_terminal_day (terminal_id, business_day, receipt_number),
  CONSTRAINT fk_sales_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_sales_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale_lines (
  sale_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  sku_sent VARCHAR(64) NOT NULL,
  barcode_sent VARCHAR(64) NOT NULL,
  quantity_milli BIGINT NOT NULL,
  unit_price_minor BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  discount_minor BIGINT NOT NULL,
  tax_rate_basis_points INT NOT NULL,
  tax_minor BIGINT NOT NULL,
  returned_quantity_milli BIGINT NOT NULL,
  refunded_minor BIGINT NOT NULL,
  PRIMARY KEY (sale_pk, line_number),
  CONSTRAINT fk_sale_lines_sale FOREIGN KEY (sale_pk) REFERENCES sales (id),
  CONSTRAINT fk_sale_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT ck_sale_lines_returned CHECK (returned_quantity_milli <= quantity_milli)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale_tenders (
  sale_pk BIGINT NOT NULL,
  tender_number INT NOT NULL,
  tender_type VARCHAR(16) NOT NULL,
  amount_minor BIGINT NOT NULL,
  change_minor BIGINT NOT NULL,
  customer_id BIGINT NULL,
  reference VARCHAR(64) NOT NULL,
  PRIMARY KEY (sale_pk, tender_number),
  CONSTRAINT fk_sale_tenders_sale FOREIGN KEY (sale_pk) REFERENCES sales (id),
  CONSTRAINT fk_sale_tenders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale_returns (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  return_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  sale_pk BIGINT NOT NULL,
  store_id BIGINT NOT NULL,
  terminal_id BIGINT NOT NULL,
  cashier VARCHAR(64) NOT NULL,
  return_time DATETIME(6) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  refund_tender_type VARCHAR(16) NOT NULL,
  refund_total_minor BIGINT NOT NULL,
  UNIQUE KEY uk_sale_returns_return_id (return_id),
  KEY ix_sale_returns_sale (sale_pk),
  CONSTRAINT fk_sale_returns_sale FOREIGN KEY (sale_pk) REFERENCES sales (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE sale_return_lines (
  return_pk BIGINT NOT NULL,
  sale_line_number INT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  damaged TINYINT NOT NULL,
  refund_minor BIGINT NOT NULL,
  PRIMARY KEY (return_pk, sale_line_number),
  CONSTRAINT fk_return_lines_return FOREIGN KEY (return_pk) REFERENCES sale_returns (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE stock_adjustments (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  adjustment_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity_delta_milli BIGINT NOT NULL,
  reason VARCHAR(32) NOT NULL,
  note VARCHAR(500) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_stock_adjustments_id (adjustment_id),
  CONSTRAINT fk_adjustments_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_adjustments_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The ledger: append-only, no running balance on its rows.
CREATE TABLE stock_movements (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  movement_type VARCHAR(16) NOT NULL,
  reason VARCHAR(32) NOT NULL,
  document_pk BIGINT NOT NULL,
  document_key VARCHAR(64) NOT NULL,
  document_line INT NOT NULL,
  business_time DATETIME(6) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  KEY ix_movements_store_product (store_id, product_id, id),
  KEY ix_movements_store (store_id, id),
  KEY ix_movements_document (movement_type, document_pk, document_line),
  CONSTRAINT fk_movements_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_movements_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE stock_balances (
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  on_hand_milli BIGINT NOT NULL,
  last_movement_id BIGINT NOT NULL,
  last_movement_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (store_id, product_id),
  KEY ix_balances_store_on_hand (store_id, on_hand_milli),
  CONSTRAINT fk_balances_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_balances_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Receipt numbers that a till sent for two different sales: the second sale
-- was refused; this keeps the evidence for the receipt check.
CREATE TABLE receipt_conflicts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  terminal_id BIGINT NOT NULL,
  receipt_number BIGINT NOT NULL,
  business_day DATE NOT NULL,
  sale_id VARCHAR(64) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_receipt_conflicts (terminal_id, receipt_number, sale_id),
  KEY ix_receipt_conflicts_day (terminal_id, business_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
