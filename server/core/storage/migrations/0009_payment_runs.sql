-- Payment runs: one payment per supplier for what a store owes by a day,
-- prepared by one person and posted on a second person's approval.

-- Runs above it wait for head office. 0: every run.
ALTER TABLE credit_settings ADD COLUMN payment_run_head_office_limit_minor
  BIGINT NOT NULL DEFAULT 0;

CREATE TABLE payment_runs (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  payment_run_id VARCHAR(48) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  due_by_day DATE NOT NULL,
  payment_method VARCHAR(16) NOT NULL,
  reference VARCHAR(64) NOT NULL DEFAULT '',
  note VARCHAR(500) NOT NULL DEFAULT '',
  currency_code CHAR(3) NOT NULL,
  total_minor BIGINT NOT NULL,
  state VARCHAR(24) NOT NULL,
  needs_head_office TINYINT NOT NULL,
  prepared_by VARCHAR(64) NOT NULL,
  prepared_by_name VARCHAR(200) NOT NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  create_time DATETIME(6) NOT NULL,
  decide_time DATETIME(6) NULL,
  UNIQUE KEY uk_payment_runs_id (store_id, payment_run_id),
  KEY ix_payment_runs_state (store_id, state, id),
  CONSTRAINT fk_payment_runs_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_payment_runs_total CHECK (total_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- What a run pays one supplier; `document_id` is the payment once posted.
CREATE TABLE payment_run_lines (
  run_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  supplier_id BIGINT NOT NULL,
  gross_minor BIGINT NOT NULL,
  credits_minor BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  document_id BIGINT NULL,
  PRIMARY KEY (run_pk, line_number),
  UNIQUE KEY uk_payment_run_lines_supplier (run_pk, supplier_id),
  UNIQUE KEY uk_payment_run_lines_document (document_id),
  CONSTRAINT fk_payment_run_lines_run FOREIGN KEY (run_pk)
    REFERENCES payment_runs (id),
  CONSTRAINT fk_payment_run_lines_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_payment_run_lines_document FOREIGN KEY (document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_payment_run_lines_amount CHECK (amount_minor > 0 AND
    credits_minor >= 0 AND gross_minor = amount_minor + credits_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The documents a line settles: payables it pays, credits it uses first.
-- `reserved_document_id` is the document while the run waits, so that no
-- two waiting runs name one document; it is cleared once decided.
CREATE TABLE payment_run_items (
  run_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  item_number INT NOT NULL,
  item_kind VARCHAR(8) NOT NULL,
  document_id BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  reserved_document_id BIGINT NULL,
  PRIMARY KEY (run_pk, line_number, item_number),
  UNIQUE KEY uk_payment_run_items_reserved (reserved_document_id),
  KEY ix_payment_run_items_document (document_id),
  CONSTRAINT fk_payment_run_items_line FOREIGN KEY (run_pk, line_number)
    REFERENCES payment_run_lines (run_pk, line_number),
  CONSTRAINT fk_payment_run_items_document FOREIGN KEY (document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_payment_run_items_amount CHECK (amount_minor > 0 AND
    item_kind IN ('PAYABLE', 'CREDIT') AND (reserved_document_id IS NULL OR
    reserved_document_id = document_id))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
