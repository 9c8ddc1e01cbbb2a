-- Returns of lots to their supplier: drafted by one person, approved by a
-- second, shipped (the lots leave stock, and a credit note settles what
-- the store owes, or an exchange is awaited).

CREATE TABLE supplier_returns (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  return_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  supplier_id BIGINT NOT NULL,
  settlement VARCHAR(16) NOT NULL,
  state VARCHAR(16) NOT NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  currency_code CHAR(3) NOT NULL,
  total_cost_minor BIGINT NOT NULL DEFAULT 0,
  total_tax_minor BIGINT NOT NULL DEFAULT 0,
  credit_document_id BIGINT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_by_name VARCHAR(200) NOT NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  shipped_by VARCHAR(64) NULL,
  shipped_by_name VARCHAR(200) NULL,
  create_time DATETIME(6) NOT NULL,
  decide_time DATETIME(6) NULL,
  ship_time DATETIME(6) NULL,
  UNIQUE KEY uk_supplier_returns_id (store_id, return_id),
  KEY ix_supplier_returns_state (store_id, state, id),
  CONSTRAINT fk_supplier_returns_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_supplier_returns_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_supplier_returns_credit FOREIGN KEY (credit_document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_supplier_returns_totals CHECK (total_cost_minor >= 0 AND
    total_tax_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One lot of a return; the costs are set when it ships.
CREATE TABLE supplier_return_lines (
  return_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  lot_id BIGINT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  reason VARCHAR(16) NOT NULL,
  tax_rate_basis_points INT NOT NULL,
  unit_cost_minor BIGINT NOT NULL DEFAULT 0,
  line_cost_minor BIGINT NOT NULL DEFAULT 0,
  line_tax_minor BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (return_pk, line_number),
  UNIQUE KEY uk_supplier_return_lines_lot (return_pk, lot_id),
  CONSTRAINT fk_supplier_return_lines_return FOREIGN KEY (return_pk)
    REFERENCES supplier_returns (id),
  CONSTRAINT fk_supplier_return_lines_product FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT fk_supplier_return_lines_lot FOREIGN KEY (lot_id)
    REFERENCES stock_lots (id),
  CONSTRAINT ck_supplier_return_lines_quantity CHECK (quantity_milli > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
