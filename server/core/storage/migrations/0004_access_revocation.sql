-- One counter, bumped in the transaction of every token revocation, so that
-- a server caching verified tokens learns of any revocation (made by any
-- server process) with one primary-key read, before it trusts its cache.
CREATE TABLE access_revocations (
  id TINYINT NOT NULL PRIMARY KEY,
  generation BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO access_revocations (id, generation) VALUES (1, 0);
