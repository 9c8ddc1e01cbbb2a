-- Write-offs by store staff and managers above a store's threshold wait
-- for a second person before they touch stock; every adjustment carries
-- its value at the cost it moved at.

-- No row: a threshold of 0 (every write-off of value waits).
CREATE TABLE inventory_settings (
  store_id BIGINT NOT NULL PRIMARY KEY,
  write_off_approval_threshold_minor BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  CONSTRAINT fk_inventory_settings_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_inventory_settings_threshold CHECK (
    write_off_approval_threshold_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The moving-average unit cost an adjustment moved at, and its value
-- (negative for a write-off). Adjustments before this migration: 0 and 0.
ALTER TABLE stock_adjustments
  ADD COLUMN unit_cost_minor BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN value_minor BIGINT NOT NULL DEFAULT 0;

-- A write-off waiting for (or decided by) a second person; posted as the
-- stock_adjustments row `adjustment_pk`, under the same adjustment id.
CREATE TABLE stock_adjustment_requests (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  adjustment_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  product_id BIGINT NOT NULL,
  quantity_delta_milli BIGINT NOT NULL,
  reason VARCHAR(32) NOT NULL,
  note VARCHAR(500) NOT NULL,
  value_minor BIGINT NOT NULL,
  state VARCHAR(24) NOT NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_by_name VARCHAR(200) NOT NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  adjustment_pk BIGINT NULL,
  create_time DATETIME(6) NOT NULL,
  decide_time DATETIME(6) NULL,
  UNIQUE KEY uk_stock_adjustment_requests_id (store_id, adjustment_id),
  UNIQUE KEY uk_stock_adjustment_requests_posted (adjustment_pk),
  KEY ix_stock_adjustment_requests_state (store_id, state, id),
  CONSTRAINT fk_stock_adjustment_requests_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_stock_adjustment_requests_product FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT fk_stock_adjustment_requests_adjustment
    FOREIGN KEY (adjustment_pk) REFERENCES stock_adjustments (id),
  CONSTRAINT ck_stock_adjustment_requests_quantity CHECK (
    quantity_delta_milli < 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
