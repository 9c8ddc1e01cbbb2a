-- The second slice of ordering: per-store purchasing settings, purchase
-- orders with their lines (shaped for the receipts of the next slice), and
-- the record of each draft-from-suggestions run.

-- A store's ordering settings. A missing row means the defaults (no
-- approval limit, a review period of 7 days, a demand window of 28 days).
-- DraftOrdersFromSuggestions locks this row to serialise its runs per store.
CREATE TABLE store_purchasing_settings (
  store_id BIGINT NOT NULL PRIMARY KEY,
  -- Orders above this total (VAT included, minor units of the store's
  -- currency) need head office; NULL: store managers approve any amount.
  approval_limit_minor BIGINT NULL,
  review_period_days INT NOT NULL DEFAULT 7,
  demand_window_days INT NOT NULL DEFAULT 28,
  update_time DATETIME(6) NOT NULL,
  CONSTRAINT fk_sps_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT ck_sps_limit CHECK (approval_limit_minor IS NULL
    OR approval_limit_minor >= 0),
  CONSTRAINT ck_sps_review CHECK (review_period_days BETWEEN 1 AND 365),
  CONSTRAINT ck_sps_window CHECK (demand_window_days BETWEEN 1 AND 366)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One purchase order. order_id is the client's id (the idempotency key),
-- unique per store; version is the etag, bumped by every change. The
-- generated column holds the supplier only while the order is a draft, so
-- that the unique key allows one open draft per store and supplier.
CREATE TABLE purchase_orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  supplier_id BIGINT NOT NULL,
  state VARCHAR(24) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  version BIGINT NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  created_by_name VARCHAR(200) NOT NULL,
  last_changed_by VARCHAR(64) NOT NULL,
  submitted_by VARCHAR(64) NULL,
  approved_by VARCHAR(64) NULL,
  approved_by_name VARCHAR(200) NULL,
  approve_time DATETIME(6) NULL,
  send_time DATETIME(6) NULL,
  state_reason VARCHAR(500) NOT NULL DEFAULT '',
  total_cost_minor BIGINT NOT NULL,
  total_tax_minor BIGINT NOT NULL,
  expected_date DATE NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  open_draft_supplier_id BIGINT AS (IF(state = 'DRAFT', supplier_id, NULL))
    STORED,
  UNIQUE KEY uk_purchase_orders_store_order (store_id, order_id),
  UNIQUE KEY uk_purchase_orders_open_draft (store_id, open_draft_supplier_id),
  KEY ix_purchase_orders_store_state (store_id, state),
  CONSTRAINT fk_purchase_orders_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_purchase_orders_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT ck_purchase_orders_state CHECK (state IN ('DRAFT', 'SUBMITTED',
    'APPROVED', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED_SHORT',
    'CANCELLED')),
  CONSTRAINT ck_purchase_orders_totals CHECK (total_cost_minor >= 0
    AND total_tax_minor >= 0),
  CONSTRAINT ck_purchase_orders_version CHECK (version >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The lines of an order: whole packs of the supplier item at the time, its
-- cost (overridable by the maker) and VAT rate. line_cost_minor is
-- quantity x unit cost rounded half up to the minor unit; line_tax_minor its
-- VAT, rounded the same way. received_milli and rejected_milli belong to the
-- receipts of the next slice.
CREATE TABLE purchase_order_lines (
  order_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity_milli BIGINT NOT NULL,
  pack_size_milli BIGINT NOT NULL,
  unit_cost_minor BIGINT NOT NULL,
  tax_rate_basis_points INT NOT NULL,
  line_cost_minor BIGINT NOT NULL,
  line_tax_minor BIGINT NOT NULL,
  received_milli BIGINT NOT NULL DEFAULT 0,
  rejected_milli BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (order_pk, line_number),
  UNIQUE KEY uk_purchase_order_lines_product (order_pk, product_id),
  KEY ix_purchase_order_lines_product (product_id),
  CONSTRAINT fk_pol_order FOREIGN KEY (order_pk) REFERENCES purchase_orders (id),
  CONSTRAINT fk_pol_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT ck_pol_quantity CHECK (quantity_milli > 0 AND pack_size_milli > 0),
  CONSTRAINT ck_pol_cost CHECK (unit_cost_minor >= 0 AND line_cost_minor >= 0
    AND line_tax_minor >= 0),
  CONSTRAINT ck_pol_tax CHECK (tax_rate_basis_points BETWEEN 0 AND 10000),
  CONSTRAINT ck_pol_received CHECK (received_milli >= 0 AND rejected_milli >= 0
    AND received_milli + rejected_milli <= quantity_milli)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One DraftOrdersFromSuggestions run per (store, run id), and the drafts it
-- created or added to: a replay of the run returns them.
CREATE TABLE suggestion_runs (
  store_id BIGINT NOT NULL,
  run_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  created_by VARCHAR(64) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  PRIMARY KEY (store_id, run_id),
  CONSTRAINT fk_suggestion_runs_store FOREIGN KEY (store_id)
    REFERENCES stores (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE suggestion_run_orders (
  store_id BIGINT NOT NULL,
  run_id VARCHAR(64) NOT NULL,
  order_pk BIGINT NOT NULL,
  lines_added INT NOT NULL,
  PRIMARY KEY (store_id, run_id, order_pk),
  CONSTRAINT fk_sro_run FOREIGN KEY (store_id, run_id)
    REFERENCES suggestion_runs (store_id, run_id),
  CONSTRAINT fk_sro_order FOREIGN KEY (order_pk) REFERENCES purchase_orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
