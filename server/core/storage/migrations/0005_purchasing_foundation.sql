-- The first slice of ordering: what each supplier sells us (supplier items),
-- the preferred supplier of a product (chain-wide, and per store where it
-- differs), the shelf life of a product, and the daily demand rollup that
-- replenishment reads instead of the sale lines.

CREATE TABLE supplier_items (
  supplier_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  supplier_sku VARCHAR(64) NOT NULL,
  pack_size_milli BIGINT NOT NULL,
  min_order_quantity_milli BIGINT NOT NULL,
  unit_cost_minor BIGINT NOT NULL,
  cost_currency_code CHAR(3) NOT NULL,
  tax_rate_basis_points INT NOT NULL,
  lead_time_days INT NOT NULL,
  active TINYINT NOT NULL,
  create_time DATETIME(6) NOT NULL,
  update_time DATETIME(6) NOT NULL,
  PRIMARY KEY (supplier_id, product_id),
  KEY ix_supplier_items_product (product_id, supplier_id),
  CONSTRAINT fk_supplier_items_supplier FOREIGN KEY (supplier_id)
    REFERENCES suppliers (id),
  CONSTRAINT fk_supplier_items_product FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT ck_supplier_items_pack CHECK (pack_size_milli > 0),
  CONSTRAINT ck_supplier_items_moq CHECK (min_order_quantity_milli >= 0),
  CONSTRAINT ck_supplier_items_cost CHECK (unit_cost_minor >= 0),
  CONSTRAINT ck_supplier_items_tax CHECK (tax_rate_basis_points BETWEEN 0 AND 10000),
  CONSTRAINT ck_supplier_items_lead CHECK (lead_time_days >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- 0 days of shelf life: the product does not expire. The sell-by margin is
-- the days before expiry when a lot stops being sellable.
ALTER TABLE products
  ADD COLUMN shelf_life_days INT NOT NULL DEFAULT 0,
  ADD COLUMN sell_by_margin_days INT NOT NULL DEFAULT 0,
  ADD COLUMN preferred_supplier_id BIGINT NULL,
  ADD CONSTRAINT fk_products_preferred_supplier FOREIGN KEY
    (preferred_supplier_id) REFERENCES suppliers (id),
  ADD CONSTRAINT ck_products_shelf_life CHECK (shelf_life_days >= 0
    AND sell_by_margin_days >= 0
    AND (shelf_life_days = 0 OR sell_by_margin_days < shelf_life_days));

ALTER TABLE product_store_settings
  ADD COLUMN preferred_supplier_id BIGINT NULL,
  ADD CONSTRAINT fk_pss_preferred_supplier FOREIGN KEY
    (preferred_supplier_id) REFERENCES suppliers (id);

-- A return's business day in its store's time zone, written with the return
-- from now on. Existing returns get theirs from the database's time-zone
-- tables when they are loaded, else the UTC date.
ALTER TABLE sale_returns ADD COLUMN business_day DATE NULL AFTER return_time;
UPDATE sale_returns r JOIN stores st ON st.id = r.store_id
  SET r.business_day = DATE(COALESCE(
    CONVERT_TZ(r.return_time, '+00:00', st.time_zone), r.return_time));
ALTER TABLE sale_returns MODIFY COLUMN business_day DATE NOT NULL;

-- Demand per (store, product, business day), kept in the transaction of
-- every sale, return and void. A sale and its void count on the sale's
-- business day; a return on the return's own business day. Net demand is
-- sold - returned - voided. sale_count counts the sales with a line of the
-- product (a void does not take it back).
CREATE TABLE daily_demand (
  store_id BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  business_day DATE NOT NULL,
  sold_milli BIGINT NOT NULL,
  returned_milli BIGINT NOT NULL,
  voided_milli BIGINT NOT NULL,
  sale_count INT NOT NULL,
  PRIMARY KEY (store_id, product_id, business_day),
  KEY ix_daily_demand_store_day (store_id, business_day),
  CONSTRAINT fk_daily_demand_store FOREIGN KEY (store_id) REFERENCES stores (id),
  CONSTRAINT fk_daily_demand_product FOREIGN KEY (product_id)
    REFERENCES products (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO daily_demand (store_id, product_id, business_day, sold_milli,
                          returned_milli, voided_milli, sale_count)
SELECT store_id, product_id, business_day, SUM(sold), SUM(returned),
       SUM(voided), SUM(sales)
FROM (
  SELECT x.store_id, l.product_id, x.business_day,
         SUM(l.quantity_milli) AS sold, 0 AS returned,
         SUM(IF(x.state = 'VOIDED', l.quantity_milli, 0)) AS voided,
         COUNT(DISTINCT x.id) AS sales
  FROM sale_lines l JOIN sales x ON x.id = l.sale_pk
  GROUP BY x.store_id, l.product_id, x.business_day
  UNION ALL
  SELECT r.store_id, l.product_id, r.business_day, 0, SUM(rl.quantity_milli),
         0, 0
  FROM sale_return_lines rl JOIN sale_returns r ON r.id = rl.return_pk
  JOIN sale_lines l ON l.sale_pk = r.sale_pk
    AND l.line_number = rl.sale_line_number
  GROUP BY r.store_id, l.product_id, r.business_day
) d
GROUP BY store_id, product_id, business_day;
