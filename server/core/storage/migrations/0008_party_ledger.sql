-- Debts and credit: one append-only ledger per party (a credit customer of
-- a store, or a supplier of a store), with explicit allocations, and the
-- holds that keep customers within their limits.

ALTER TABLE customers ADD COLUMN credit_terms_days INT NOT NULL DEFAULT 30;

-- The authorization a store-credit tender used (empty: none).
ALTER TABLE sale_tenders ADD COLUMN authorization_id VARCHAR(64) NOT NULL
  DEFAULT '';

-- One row per party and store: the balance (debits minus credits), changed
-- by arithmetic in the transaction of each document. Its row is also the
-- lock that serialises the party's postings and authorizations.
CREATE TABLE party_accounts (
  store_id BIGINT NOT NULL,
  party_kind VARCHAR(16) NOT NULL,
  party_id BIGINT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  balance_minor BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (store_id, party_kind, party_id),
  CONSTRAINT fk_party_accounts_store FOREIGN KEY (store_id)
    REFERENCES stores (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Documents are never edited or deleted; allocated_minor is the one column
-- that changes, kept equal to the sum of the document's allocations
-- (verify checks it), so that open items are read without summing.
CREATE TABLE party_documents (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  party_kind VARCHAR(16) NOT NULL,
  party_id BIGINT NOT NULL,
  document_type VARCHAR(16) NOT NULL,
  direction VARCHAR(8) NOT NULL,
  source_type VARCHAR(24) NOT NULL,
  source_id VARCHAR(64) NOT NULL,
  source_pk BIGINT NULL,
  payment_id VARCHAR(64) NULL,
  fingerprint CHAR(64) NULL,
  currency_code CHAR(3) NOT NULL,
  amount_minor BIGINT NOT NULL,
  allocated_minor BIGINT NOT NULL DEFAULT 0,
  is_open TINYINT AS (allocated_minor < amount_minor) PERSISTENT,
  document_day DATE NOT NULL,
  due_day DATE NOT NULL,
  payment_method VARCHAR(16) NULL,
  reference VARCHAR(64) NOT NULL DEFAULT '',
  terminal_id BIGINT NULL,
  reverses_document_id BIGINT NULL,
  note VARCHAR(500) NOT NULL DEFAULT '',
  recorded_by VARCHAR(64) NOT NULL,
  recorded_by_name VARCHAR(200) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  -- Each source posts once per party: a sale's charge, a return's credit
  -- note, a void's reversal, a receipt's payable.
  UNIQUE KEY uk_party_documents_source (store_id, source_type, source_id,
    party_kind, party_id),
  -- A payment id is the client's idempotency key within its store.
  UNIQUE KEY uk_party_documents_payment (store_id, payment_id),
  UNIQUE KEY uk_party_documents_reverses (reverses_document_id),
  KEY ix_party_documents_party (store_id, party_kind, party_id, document_day),
  -- A party's open items, oldest due first, without its settled history.
  KEY ix_party_documents_open (store_id, party_kind, party_id, is_open,
    direction, due_day),
  -- Ageing reads a kind's documents party by party, in page order.
  KEY ix_party_documents_kind (party_kind, store_id, party_id),
  CONSTRAINT fk_party_documents_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_party_documents_terminal FOREIGN KEY (terminal_id)
    REFERENCES terminals (id),
  CONSTRAINT fk_party_documents_reverses FOREIGN KEY (reverses_document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_party_documents_amount CHECK (amount_minor > 0 AND
    allocated_minor >= 0 AND allocated_minor <= amount_minor)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Part of a credit document set against a debit document of the same
-- party; a negative row undoes part of an earlier one (a reversal).
CREATE TABLE party_allocations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  party_kind VARCHAR(16) NOT NULL,
  party_id BIGINT NOT NULL,
  debit_document_id BIGINT NOT NULL,
  credit_document_id BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  allocation_day DATE NOT NULL,
  -- The document whose posting made it (a replay returns these).
  made_by_document_id BIGINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  KEY ix_party_allocations_debit (debit_document_id),
  KEY ix_party_allocations_made_by (made_by_document_id),
  KEY ix_party_allocations_credit (credit_document_id),
  KEY ix_party_allocations_party (store_id, party_kind, party_id,
    allocation_day),
  -- Ageing as of a day reads only the allocations made after it.
  KEY ix_party_allocations_day (allocation_day),
  CONSTRAINT fk_party_allocations_debit FOREIGN KEY (debit_document_id)
    REFERENCES party_documents (id),
  CONSTRAINT fk_party_allocations_credit FOREIGN KEY (credit_document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_party_allocations_amount CHECK (amount_minor <> 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER party_documents_no_delete BEFORE DELETE ON party_documents
  FOR EACH ROW SIGNAL SQLSTATE '45000'
  SET MESSAGE_TEXT = 'party_documents is append-only';

CREATE TRIGGER party_allocations_no_update BEFORE UPDATE ON party_allocations
  FOR EACH ROW SIGNAL SQLSTATE '45000'
  SET MESSAGE_TEXT = 'party_allocations is append-only';

CREATE TRIGGER party_allocations_no_delete BEFORE DELETE ON party_allocations
  FOR EACH ROW SIGNAL SQLSTATE '45000'
  SET MESSAGE_TEXT = 'party_allocations is append-only';

-- A hold of a customer's credit for one sale at a till.
CREATE TABLE credit_authorizations (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  authorization_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  customer_id BIGINT NOT NULL,
  terminal_id BIGINT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  amount_minor BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  expire_time DATETIME(6) NOT NULL,
  balance_minor BIGINT NOT NULL,
  open_holds_minor BIGINT NOT NULL,
  credit_limit_minor BIGINT NOT NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_by_name VARCHAR(200) NOT NULL,
  overridden_by VARCHAR(64) NULL,
  overridden_by_name VARCHAR(200) NULL,
  override_reason VARCHAR(500) NOT NULL DEFAULT '',
  sale_pk BIGINT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_credit_authorizations_id (store_id, authorization_id),
  KEY ix_credit_authorizations_holds (customer_id, state, expire_time),
  CONSTRAINT fk_credit_authorizations_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_credit_authorizations_customer FOREIGN KEY (customer_id)
    REFERENCES customers (id),
  CONSTRAINT fk_credit_authorizations_terminal FOREIGN KEY (terminal_id)
    REFERENCES terminals (id),
  CONSTRAINT fk_credit_authorizations_sale FOREIGN KEY (sale_pk)
    REFERENCES sales (id),
  CONSTRAINT ck_credit_authorizations_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Store-credit tenders recorded without a valid authorization (a till that
-- was offline): the sale happened, so it is recorded and listed here.
CREATE TABLE credit_exceptions (
  sale_pk BIGINT NOT NULL,
  tender_number INT NOT NULL,
  store_id BIGINT NOT NULL,
  customer_id BIGINT NOT NULL,
  kind VARCHAR(40) NOT NULL,
  authorization_id VARCHAR(64) NOT NULL,
  amount_minor BIGINT NOT NULL,
  PRIMARY KEY (sale_pk, tender_number),
  KEY ix_credit_exceptions_store (store_id, sale_pk),
  CONSTRAINT fk_credit_exceptions_sale FOREIGN KEY (sale_pk)
    REFERENCES sales (id),
  CONSTRAINT fk_credit_exceptions_customer FOREIGN KEY (customer_id)
    REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A store's approval limits for its ledgers: supplier payments above the
-- first wait for a second person; write-offs above the second for head
-- office. No row: both 0 (every supplier payment and write-off is checked
-- by head office).
CREATE TABLE credit_settings (
  store_id BIGINT NOT NULL PRIMARY KEY,
  supplier_payment_approval_limit_minor BIGINT NOT NULL,
  write_off_head_office_limit_minor BIGINT NOT NULL,
  invoice_match_tolerance_minor BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  CONSTRAINT fk_credit_settings_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT ck_credit_settings_limits CHECK (
    supplier_payment_approval_limit_minor >= 0 AND
    write_off_head_office_limit_minor >= 0 AND
    invoice_match_tolerance_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A supplier's invoice matched to the receipts it bills: three ways, the
-- orders' prices for what was received (expected), the receipts'
-- payables, and the invoice. A BLOCKED invoice's payables are not paid
-- until a manager accepts the difference.
CREATE TABLE supplier_invoices (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  invoice_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  supplier_id BIGINT NOT NULL,
  supplier_document VARCHAR(64) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  invoice_amount_minor BIGINT NOT NULL,
  expected_amount_minor BIGINT NOT NULL,
  receipts_amount_minor BIGINT NOT NULL,
  tolerance_minor BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  recorded_by VARCHAR(64) NOT NULL,
  recorded_by_name VARCHAR(200) NOT NULL,
  accepted_by VARCHAR(64) NULL,
  accepted_by_name VARCHAR(200) NULL,
  accept_reason VARCHAR(500) NOT NULL DEFAULT '',
  adjustment_document_id BIGINT NULL,
  create_time DATETIME(6) NOT NULL,
  accept_time DATETIME(6) NULL,
  UNIQUE KEY uk_supplier_invoices_id (store_id, invoice_id),
  CONSTRAINT fk_supplier_invoices_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_supplier_invoices_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_supplier_invoices_adjustment
    FOREIGN KEY (adjustment_document_id) REFERENCES party_documents (id),
  CONSTRAINT ck_supplier_invoices_amount CHECK (invoice_amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A receipt is billed by one invoice at most.
CREATE TABLE supplier_invoice_receipts (
  invoice_pk BIGINT NOT NULL,
  receipt_pk BIGINT NOT NULL,
  PRIMARY KEY (invoice_pk, receipt_pk),
  UNIQUE KEY uk_supplier_invoice_receipts_receipt (receipt_pk),
  CONSTRAINT fk_supplier_invoice_receipts_invoice FOREIGN KEY (invoice_pk)
    REFERENCES supplier_invoices (id),
  CONSTRAINT fk_supplier_invoice_receipts_receipt FOREIGN KEY (receipt_pk)
    REFERENCES goods_receipts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A change to a ledger that waits for a second person (a supplier payment
-- above the limit, a write-off); posted as `document_id` once approved.
CREATE TABLE ledger_requests (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  request_type VARCHAR(24) NOT NULL,
  ledger_request_id VARCHAR(64) NOT NULL,
  fingerprint CHAR(64) NOT NULL,
  party_kind VARCHAR(16) NOT NULL,
  party_id BIGINT NOT NULL,
  currency_code CHAR(3) NOT NULL,
  amount_minor BIGINT NOT NULL,
  payment_method VARCHAR(16) NULL,
  reference VARCHAR(64) NOT NULL DEFAULT '',
  note VARCHAR(500) NOT NULL DEFAULT '',
  state VARCHAR(24) NOT NULL,
  needs_head_office TINYINT NOT NULL,
  requested_by VARCHAR(64) NOT NULL,
  requested_by_name VARCHAR(200) NOT NULL,
  decided_by VARCHAR(64) NULL,
  decided_by_name VARCHAR(200) NULL,
  decision_reason VARCHAR(500) NOT NULL DEFAULT '',
  document_id BIGINT NULL,
  create_time DATETIME(6) NOT NULL,
  decide_time DATETIME(6) NULL,
  UNIQUE KEY uk_ledger_requests_id (store_id, request_type,
    ledger_request_id),
  KEY ix_ledger_requests_state (store_id, state, id),
  CONSTRAINT fk_ledger_requests_store FOREIGN KEY (store_id)
    REFERENCES stores (id),
  CONSTRAINT fk_ledger_requests_document FOREIGN KEY (document_id)
    REFERENCES party_documents (id),
  CONSTRAINT ck_ledger_requests_amount CHECK (amount_minor > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The documents a request names, in order.
CREATE TABLE ledger_request_allocations (
  request_pk BIGINT NOT NULL,
  line_number INT NOT NULL,
  document_id BIGINT NOT NULL,
  amount_minor BIGINT NOT NULL,
  PRIMARY KEY (request_pk, line_number),
  CONSTRAINT fk_ledger_request_allocations_request FOREIGN KEY (request_pk)
    REFERENCES ledger_requests (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Payables of receipts posted before the ledger existed become charges of
-- their suppliers' ledgers, so that every payable is in one place.
INSERT INTO party_documents (store_id, party_kind, party_id, document_type,
  direction, source_type, source_id, source_pk, currency_code, amount_minor,
  document_day, due_day, recorded_by, recorded_by_name, create_time)
SELECT p.store_id, 'SUPPLIER', p.supplier_id, 'CHARGE', 'DEBIT', 'RECEIPT',
  g.receipt_id, g.id, p.currency_code, p.amount_minor, p.document_day,
  p.due_day, g.received_by, g.received_by_name, p.create_time
FROM supplier_payables p JOIN goods_receipts g ON g.id = p.receipt_pk
WHERE p.amount_minor > 0;

-- Store-credit sales recorded before the ledger become charges, due after
-- the usual month, and voided ones are reversed; refunds to store credit
-- become open credit notes; and their tenders, which had no authorization
-- to ask for, are listed as such.
INSERT INTO party_documents (store_id, party_kind, party_id, document_type,
  direction, source_type, source_id, source_pk, currency_code, amount_minor,
  document_day, due_day, recorded_by, recorded_by_name, create_time)
SELECT x.store_id, 'CUSTOMER', t.customer_id, 'CHARGE', 'DEBIT', 'SALE',
  x.sale_id, x.id, x.currency_code, SUM(t.amount_minor), x.business_day,
  DATE_ADD(x.business_day, INTERVAL 30 DAY), 'migration', 'migration 0008',
  x.record_time
FROM sales x JOIN sale_tenders t ON t.sale_pk = x.id
WHERE t.tender_type = 'STORE_CREDIT' AND t.customer_id IS NOT NULL
GROUP BY x.id, t.customer_id HAVING SUM(t.amount_minor) > 0;

INSERT INTO party_documents (store_id, party_kind, party_id, document_type,
  direction, source_type, source_id, source_pk, currency_code, amount_minor,
  allocated_minor, document_day, due_day, reverses_document_id,
  recorded_by, recorded_by_name, create_time)
SELECT d.store_id, d.party_kind, d.party_id, 'REVERSAL', 'CREDIT', 'VOID',
  d.source_id, d.source_pk, d.currency_code, d.amount_minor, d.amount_minor,
  GREATEST(d.document_day, DATE(COALESCE(x.void_time, x.record_time))),
  GREATEST(d.document_day, DATE(COALESCE(x.void_time, x.record_time))),
  d.id, 'migration', 'migration 0008', COALESCE(x.void_time, x.record_time)
FROM party_documents d JOIN sales x ON x.id = d.source_pk
WHERE d.source_type = 'SALE' AND x.state = 'VOIDED';

INSERT INTO party_allocations (store_id, party_kind, party_id,
  debit_document_id, credit_document_id, amount_minor, allocation_day,
  made_by_document_id, create_time)
SELECT r.store_id, r.party_kind, r.party_id, r.reverses_document_id, r.id,
  r.amount_minor, r.document_day, r.id, r.create_time
FROM party_documents r WHERE r.source_type = 'VOID';

UPDATE party_documents d JOIN party_documents r
  ON r.reverses_document_id = d.id AND r.source_type = 'VOID'
SET d.allocated_minor = d.amount_minor;

INSERT INTO party_documents (store_id, party_kind, party_id, document_type,
  direction, source_type, source_id, source_pk, currency_code, amount_minor,
  document_day, due_day, recorded_by, recorded_by_name, create_time)
SELECT r.store_id, 'CUSTOMER', MIN(t.customer_id), 'CREDIT_NOTE', 'CREDIT',
  'RETURN', r.return_id, r.id, r.currency_code, r.refund_total_minor,
  r.business_day, r.business_day, 'migration', 'migration 0008',
  r.record_time
FROM sale_returns r JOIN sale_tenders t ON t.sale_pk = r.sale_pk
WHERE r.refund_tender_type = 'STORE_CREDIT' AND r.refund_total_minor > 0
  AND t.tender_type = 'STORE_CREDIT' AND t.customer_id IS NOT NULL
GROUP BY r.id;

-- Each backfilled credit note is set against its sale's charge, as a
-- return to store credit is now, as far as the charge is open.
INSERT INTO party_allocations (store_id, party_kind, party_id,
  debit_document_id, credit_document_id, amount_minor, allocation_day,
  made_by_document_id, create_time)
SELECT x.store_id, x.party_kind, x.party_id, x.charge_id, x.note_id,
  LEAST(x.note_amount, x.charge_amount - x.taken_before), x.day, x.note_id,
  x.create_time
FROM (SELECT n.store_id, n.party_kind, n.party_id, c.id AS charge_id,
        n.id AS note_id, n.amount_minor AS note_amount,
        c.amount_minor AS charge_amount,
        SUM(n.amount_minor) OVER (PARTITION BY c.id ORDER BY n.id)
          - n.amount_minor AS taken_before,
        GREATEST(c.document_day, n.document_day) AS day, n.create_time
      FROM party_documents n JOIN sale_returns r ON r.id = n.source_pk
      JOIN party_documents c ON c.source_type = 'SALE'
        AND c.source_pk = r.sale_pk AND c.party_kind = n.party_kind
        AND c.party_id = n.party_id
      WHERE n.source_type = 'RETURN') x
WHERE x.charge_amount > x.taken_before;

UPDATE party_documents d JOIN (
    SELECT doc, SUM(amount) AS amount FROM (
      SELECT debit_document_id AS doc, amount_minor AS amount
        FROM party_allocations WHERE made_by_document_id IN
          (SELECT id FROM party_documents WHERE source_type = 'RETURN')
      UNION ALL
      SELECT credit_document_id, amount_minor
        FROM party_allocations WHERE made_by_document_id IN
          (SELECT id FROM party_documents WHERE source_type = 'RETURN')) u
    GROUP BY doc) a ON a.doc = d.id
SET d.allocated_minor = d.allocated_minor + a.amount;

INSERT INTO credit_exceptions (sale_pk, tender_number, store_id, customer_id,
  kind, authorization_id, amount_minor)
SELECT t.sale_pk, t.tender_number, x.store_id, t.customer_id,
  'NO_AUTHORIZATION', '', t.amount_minor
FROM sale_tenders t JOIN sales x ON x.id = t.sale_pk
WHERE t.tender_type = 'STORE_CREDIT' AND t.customer_id IS NOT NULL;

INSERT INTO party_accounts (store_id, party_kind, party_id, currency_code,
  balance_minor, update_time)
SELECT store_id, party_kind, party_id, MIN(currency_code),
  SUM(IF(direction = 'DEBIT', amount_minor, -amount_minor)), UTC_TIMESTAMP(6)
FROM party_documents GROUP BY store_id, party_kind, party_id;
