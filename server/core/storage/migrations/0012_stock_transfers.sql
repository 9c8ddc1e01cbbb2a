-- Transfers of stock between two stores of the chain: sent (out of the
-- sending store, lot by lot, at its moving-average cost), in transit,
-- received by the other store once, and a difference (short or damaged)
-- open until a manager of the receiving store resolves it.

CREATE TABLE stock_transfers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  from_store_id BIGINT NOT NULL,
  transfer_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  to_store_id BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  currency_code CHAR(3) NOT NULL,
  total_cost_minor BIGINT NOT NULL,
  difference_cost_minor BIGINT NOT NULL DEFAULT 0,
  sent_by VARCHAR(64) NOT NULL,
  sent_by_name VARCHAR(200) NOT NULL,
  send_time DATETIME(6) NOT NULL,
  receipt_fingerprint CHAR(64) NULL,
  received_by VARCHAR(64) NULL,
  received_by_name VARCHAR(200) NULL,
  receive_time DATETIME(6) NULL,
  resolution VARCHAR(16) NULL,
  resolution_reason VARCHAR(500) NOT NULL DEFAULT '',
  resolved_by VARCHAR(64) NULL,
  resolved_by_name VARCHAR(200) NULL,
  resolve_time DATETIME(6) NULL,
  UNIQUE KEY uk_stock_transfers_id (from_store_id, transfer_id),
  KEY ix_stock_transfers_to (to_store_id, id),
  KEY ix_stock_transfers_state (state, to_store_id),
  CONSTRAINT fk_stock_transfers_from FOREIGN KEY (from_store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_stock_transfers_to FOREIGN KEY (to_store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_stock_transfers_stores CHECK (from_store_id <> to_store_id),
  CONSTRAINT ck_stock_transfers_totals CHECK (total_cost_minor >= 0 AND
    difference_cost_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One product of a transfer. In transit: quantity - received - resolved
-- (everything before the receipt, the difference until it is resolved).
CREATE TABLE stock_transfer_lines (
  transfer_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  unit_cost_minor BIGINT NOT NULL,
  line_cost_minor BIGINT NOT NULL,
  received_milli BIGINT NOT NULL DEFAULT 0,
  damaged_milli BIGINT NOT NULL DEFAULT 0,
  resolved_milli BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (transfer_pk, line_number),
  KEY ix_stock_transfer_lines_product (product_id),
  CONSTRAINT fk_stock_transfer_lines_transfer FOREIGN KEY (transfer_pk)
    REFERENCES stock_transfers (id),
  CONSTRAINT fk_stock_transfer_lines_product FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT ck_stock_transfer_lines_quantities CHECK (quantity_milli > 0
    AND received_milli >= 0 AND damaged_milli >= 0 AND resolved_milli >= 0
    AND received_milli + damaged_milli <= quantity_milli
    AND received_milli + resolved_milli <= quantity_milli)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The lots a line left the sending store from, first-expiry first: what
-- the receiving store's lots of the same code and expiry get.
CREATE TABLE stock_transfer_lots (
  transfer_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  lot_number INT NOT NULL,
  lot_code VARCHAR(64) NOT NULL,
  expiry_date DATE NULL,
  quantity_milli BIGINT NOT NULL,
  PRIMARY KEY (transfer_pk, line_number, lot_number),
  CONSTRAINT fk_stock_transfer_lots_line FOREIGN KEY (transfer_pk,
    line_number) REFERENCES stock_transfer_lines (transfer_pk, line_number),
  CONSTRAINT ck_stock_transfer_lots_quantity CHECK (quantity_milli > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
