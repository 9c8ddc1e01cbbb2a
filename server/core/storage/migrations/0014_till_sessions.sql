-- A cashier's session on a till: the opening float, drops and payouts, the
-- counted cash beside what the till should hold, and a variance above the
-- store's threshold accepted by a manager who is not that cashier.

CREATE TABLE closing_settings (
  store_id BIGINT NOT NULL PRIMARY KEY,
  till_variance_threshold_minor BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  CONSTRAINT fk_closing_settings_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_closing_settings_threshold CHECK (
    till_variance_threshold_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE till_sessions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  session_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  terminal_id BIGINT NOT NULL,
  cashier VARCHAR(64) NOT NULL,
  state VARCHAR(24) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  opening_float_minor BIGINT NOT NULL,
  cash_sales_minor BIGINT NOT NULL DEFAULT 0,
  cash_refunds_minor BIGINT NOT NULL DEFAULT 0,
  cash_on_account_minor BIGINT NOT NULL DEFAULT 0,
  payouts_minor BIGINT NOT NULL DEFAULT 0,
  drops_minor BIGINT NOT NULL DEFAULT 0,
  expected_minor BIGINT NULL,
  counted_minor BIGINT NULL,
  variance_minor BIGINT NULL,
  close_fingerprint CHAR(64) NULL,
  sale_count INT NOT NULL DEFAULT 0,
  opened_by VARCHAR(64) NOT NULL,
  opened_by_name VARCHAR(200) NOT NULL,
  open_time DATETIME(6) NOT NULL,
  closed_by VARCHAR(64) NULL,
  closed_by_name VARCHAR(200) NULL,
  close_time DATETIME(6) NULL,
  accepted_by VARCHAR(64) NULL,
  accepted_by_name VARCHAR(200) NULL,
  acceptance_reason VARCHAR(500) NOT NULL DEFAULT '',
  accept_time DATETIME(6) NULL,
  -- One open session per till: set while open, NULL after.
  open_terminal_id BIGINT AS (IF(state = 'OPEN', terminal_id, NULL))
    PERSISTENT,
  UNIQUE KEY uk_till_sessions_id (store_id, session_id),
  UNIQUE KEY uk_till_sessions_open (open_terminal_id),
  KEY ix_till_sessions_terminal (terminal_id, open_time),
  KEY ix_till_sessions_state (store_id, state, id),
  CONSTRAINT fk_till_sessions_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_till_sessions_terminal FOREIGN KEY (terminal_id)
    REFERENCES terminals (id),
  CONSTRAINT ck_till_sessions_money CHECK (opening_float_minor >= 0 AND
    payouts_minor >= 0 AND drops_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE till_session_denominations (
  session_pk BIGINT NOT NULL,
  value_minor BIGINT NOT NULL,
  count BIGINT NOT NULL,
  PRIMARY KEY (session_pk, value_minor),
  CONSTRAINT fk_till_session_denominations_session FOREIGN KEY (session_pk)
    REFERENCES till_sessions (id),
  CONSTRAINT ck_till_session_denominations CHECK (value_minor > 0 AND
    count >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE till_cash_movements (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_pk BIGINT NOT NULL,
  movement_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  kind VARCHAR(8) NOT NULL,
  amount_minor BIGINT NOT NULL,
  reason VARCHAR(500) NOT NULL,
  recorded_by VARCHAR(64) NOT NULL,
  recorded_by_name VARCHAR(200) NOT NULL,
  record_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_till_cash_movements_id (session_pk, movement_id),
  CONSTRAINT fk_till_cash_movements_session FOREIGN KEY (session_pk)
    REFERENCES till_sessions (id),
  CONSTRAINT ck_till_cash_movements_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A session's sales, returns and cash on account are read by till and the
-- time they happened there.
ALTER TABLE sales ADD KEY ix_sales_terminal_time (terminal_id, sale_time);
ALTER TABLE sale_returns
  ADD KEY ix_sale_returns_terminal_time (terminal_id, return_time);

-- What a close counted: each sale, return and cash payment on account of
-- the till in the session's window, once, with the cash it brought (net of
-- change) or took. A document belongs to at most one session.
CREATE TABLE till_session_documents (
  session_pk BIGINT NOT NULL,
  document_kind VARCHAR(8) NOT NULL,
  document_pk BIGINT NOT NULL,
  cash_minor BIGINT NOT NULL,
  PRIMARY KEY (document_kind, document_pk),
  KEY ix_till_session_documents_session (session_pk, document_kind),
  CONSTRAINT fk_till_session_documents_session FOREIGN KEY (session_pk)
    REFERENCES till_sessions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
