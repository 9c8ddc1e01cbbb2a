-- Catalog, access tokens and the audit trail.
-- Instants are DATETIME(6) in UTC; money and quantities are BIGINT (minor
-- units, thousandths of a unit). Codes use a binary collation: "A1" and "a1"
-- are different codes.

CREATE TABLE stores (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(32) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  time_zone VARCHAR(64) NOT NULL,
  currency_code CHAR(3) NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_stores_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE terminals (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  code VARCHAR(32) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  active TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_terminals_store_code (store_id, code),
  CONSTRAINT fk_terminals_store FOREIGN KEY (store_id) REFERENCES stores (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE products (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sku VARCHAR(64) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  unit_of_measure VARCHAR(16) NOT NULL,
  sold_by_weight TINYINT NOT NULL,
  tax_rate_basis_points INT NOT NULL,
  default_price_minor BIGINT NOT NULL,
  price_currency_code CHAR(3) NOT NULL,
  active TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_products_sku (sku),
  CONSTRAINT ck_products_price CHECK (default_price_minor >= 0),
  CONSTRAINT ck_products_tax CHECK (tax_rate_basis_points BETWEEN 0 AND 10000)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- A barcode identifies one product chain-wide: the primary key enforces it.
CREATE TABLE product_barcodes (
  barcode VARCHAR(64) NOT NULL PRIMARY KEY,
  product_id BIGINT NOT NULL,
  KEY ix_product_barcodes_product (product_id),
  CONSTRAINT fk_product_barcodes_product FOREIGN KEY (product_id)
    REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE product_store_settings (
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  price_override_minor BIGINT NULL,
  price_override_currency_code CHAR(3) NULL,
  reorder_point_milli BIGINT NOT NULL,
  min_quantity_milli BIGINT NOT NULL,
  max_quantity_milli BIGINT NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (store_id, product_id),
  CONSTRAINT fk_pss_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_pss_product FOREIGN KEY (product_id) REFERENCES products (id),
  CONSTRAINT ck_pss_quantities CHECK (reorder_point_milli >= 0
    AND min_quantity_milli >= 0 AND max_quantity_milli >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE suppliers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(32) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  phone VARCHAR(32) NOT NULL,
  email VARCHAR(200) NOT NULL,
  address VARCHAR(500) NOT NULL,
  payment_terms_days INT NOT NULL,
  active TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_suppliers_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_id BIGINT NOT NULL,
  code VARCHAR(32) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  phone VARCHAR(32) NOT NULL,
  credit_limit_minor BIGINT NOT NULL,
  credit_limit_currency_code CHAR(3) NOT NULL,
  active TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  UNIQUE KEY uk_customers_store_code (store_id, code),
  CONSTRAINT fk_customers_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT ck_customers_limit CHECK (credit_limit_minor >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Only the SHA-256 of a token's secret is stored.
CREATE TABLE access_tokens (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token_hash CHAR(64) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  role VARCHAR(32) NOT NULL,
  store_id BIGINT NULL,
  terminal_id BIGINT NULL,
  creator_id BIGINT NULL,
  create_time DATETIME(6) NOT NULL,
  revoke_time DATETIME(6) NULL,
  UNIQUE KEY uk_access_tokens_hash (token_hash),
  CONSTRAINT fk_access_tokens_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_access_tokens_terminal FOREIGN KEY (terminal_id)
    REFERENCES terminals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Append-only: written in the transaction of each change, never updated or
-- deleted (the triggers below refuse it even to direct SQL).
CREATE TABLE audit_records (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  create_time DATETIME(6) NOT NULL,
  principal_id BIGINT NULL,
  principal_name VARCHAR(200) NOT NULL,
  role VARCHAR(32) NOT NULL,
  store_code VARCHAR(32) NULL,
  method VARCHAR(128) NOT NULL,
  entity_type VARCHAR(32) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  request_id VARCHAR(64) NULL,
  peer VARCHAR(128) NOT NULL,
  KEY ix_audit_store (store_code, id),
  KEY ix_audit_entity (entity_type, entity_id, id),
  KEY ix_audit_principal (principal_id, id),
  KEY ix_audit_method (method, id),
  KEY ix_audit_time (create_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
  FOR EACH ROW SIGNAL SQLSTATE '45000'
  SET MESSAGE_TEXT = 'audit_records is append-only';

CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
  FOR EACH ROW SIGNAL SQLSTATE '45000'
  SET MESSAGE_TEXT = 'audit_records is append-only';
