-- Counts of a store's stock: opened (each product's book quantity
-- frozen), counted by one or more people (a later entry of a product is a
-- recount), then posted: stock moves by counted minus the book quantity at
-- the moment of the latest entry, with the count as the document. Above
-- the store's threshold at cost, posting waits for a manager who did not
-- count; above a higher one, for head office.

-- 0 and 0 for stores that had settings: every count with a variance of
-- value waits for a manager; head office is not needed.
ALTER TABLE inventory_settings
  ADD COLUMN count_approval_threshold_minor BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN count_head_office_threshold_minor BIGINT NOT NULL DEFAULT 0,
  ADD CONSTRAINT ck_inventory_settings_count_thresholds CHECK (
    count_approval_threshold_minor >= 0 AND
    count_head_office_threshold_minor >= 0);

CREATE TABLE stock_counts (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  count_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  state VARCHAR(24) NOT NULL,
  whole_store TINYINT(1) NOT NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  currency_code CHAR(3) NOT NULL,
  line_count INT NOT NULL,
  variance_value_minor BIGINT NOT NULL DEFAULT 0,
  net_variance_value_minor BIGINT NOT NULL DEFAULT 0,
  approval_level VARCHAR(16) NULL,
  opened_by VARCHAR(64) NOT NULL,
  opened_by_name VARCHAR(200) NOT NULL,
  open_time DATETIME(6) NOT NULL,
  post_requested_by VARCHAR(64) NULL,
  post_requested_by_name VARCHAR(200) NULL,
  post_request_time DATETIME(6) NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  decide_time DATETIME(6) NULL,
  post_time DATETIME(6) NULL,
  UNIQUE KEY uk_stock_counts_id (store_id, count_id),
  KEY ix_stock_counts_state (store_id, state, id),
  CONSTRAINT fk_stock_counts_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_stock_counts_values CHECK (variance_value_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One product of a count. Uncounted: counted_milli NULL. The variance is
-- counted_milli - frozen_milli - moved_since_open_milli.
CREATE TABLE stock_count_lines (
  count_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  frozen_milli BIGINT NOT NULL,
  counted_milli BIGINT NULL,
  moved_since_open_milli BIGINT NOT NULL DEFAULT 0,
  counted_by VARCHAR(64) NULL,
  entries INT NOT NULL DEFAULT 0,
  count_time DATETIME(6) NULL,
  unit_cost_minor BIGINT NOT NULL DEFAULT 0,
  variance_value_minor BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (count_pk, line_number),
  UNIQUE KEY uk_stock_count_lines_product (count_pk, product_id),
  CONSTRAINT fk_stock_count_lines_count FOREIGN KEY (count_pk)
    REFERENCES stock_counts (id),
  CONSTRAINT fk_stock_count_lines_product FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT ck_stock_count_lines_counted CHECK (counted_milli IS NULL OR
    counted_milli >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A product is in at most one open (or waiting) count of its store.
CREATE TABLE stock_count_open_products (
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  count_pk BIGINT NOT NULL,
  PRIMARY KEY (store_id, product_id),
  KEY ix_stock_count_open_products_count (count_pk),
  CONSTRAINT fk_stock_count_open_products_count FOREIGN KEY (count_pk)
    REFERENCES stock_counts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One counter's entry, idempotent by its id within the count, and what it
-- found of each product beside the book quantity at that moment.
CREATE TABLE stock_count_entries (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  count_pk BIGINT NOT NULL,
  entry_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  counted_by VARCHAR(64) NOT NULL,
  counted_by_name VARCHAR(200) NOT NULL,
  entry_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_stock_count_entries_id (count_pk, entry_id),
  CONSTRAINT fk_stock_count_entries_count FOREIGN KEY (count_pk)
    REFERENCES stock_counts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE stock_count_entry_lines (
  entry_pk BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  line_number INT NOT NULL,
  counted_milli BIGINT NOT NULL,
  book_milli BIGINT NOT NULL,
  PRIMARY KEY (entry_pk, product_id),
  CONSTRAINT fk_stock_count_entry_lines_entry FOREIGN KEY (entry_pk)
    REFERENCES stock_count_entries (id),
  CONSTRAINT ck_stock_count_entry_lines_counted CHECK (counted_milli >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
