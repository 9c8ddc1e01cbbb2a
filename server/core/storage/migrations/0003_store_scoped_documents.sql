-- Client document ids are scoped to their store: the same sale, return or
-- adjustment id sent by two stores is two documents, and one store can
-- neither block nor probe another's ids. Sales and returns record the
-- currency they were made in, so that a store's currency can be told apart
-- from its history.

ALTER TABLE sales
  ADD COLUMN currency_code CHAR(3) NOT NULL DEFAULT '' AFTER total_minor,
  DROP INDEX uk_sales_sale_id,
  ADD UNIQUE KEY uk_sales_store_sale_id (store_id, sale_id);

ALTER TABLE sale_returns
  ADD COLUMN currency_code CHAR(3) NOT NULL DEFAULT '' AFTER refund_total_minor,
  DROP INDEX uk_sale_returns_return_id,
  ADD UNIQUE KEY uk_sale_returns_store_return_id (store_id, return_id);

ALTER TABLE stock_adjustments
  DROP INDEX uk_stock_adjustments_id,
  ADD UNIQUE KEY uk_stock_adjustments_store_id (store_id, adjustment_id);

UPDATE sales x JOIN stores s ON s.id = x.store_id
  SET x.currency_code = s.currency_code;

UPDATE sale_returns r JOIN stores s ON s.id = r.store_id
  SET r.currency_code = s.currency_code;

-- What a manager should look at in a sale that was recorded anyway, because
-- it happened at the till: a line of a product marked inactive.
CREATE TABLE sale_exceptions (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  sale_pk BIGINT NOT NULL,
  store_id BIGINT NOT NULL,
  line_number INT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  KEY ix_sale_exceptions_sale (sale_pk),
  KEY ix_sale_exceptions_store (store_id, id),
  CONSTRAINT fk_sale_exceptions_sale FOREIGN KEY (sale_pk) REFERENCES sales (id),
  CONSTRAINT fk_sale_exceptions_store FOREIGN KEY (store_id) REFERENCES stores (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
