-- Rapport's PostgreSQL ledger store, schema version 1.
--
-- PostgresLedgerStore runs this script, with ${schema} replaced by its schema's name, when it
-- opens a schema that has no Rapport tables yet (unless told not to create them); a DBA may run
-- it by hand instead. On every open the store checks rapport_schema: a version it does not know
-- stops it. A later schema version will come with its own script that upgrades from this one.
--
-- Invariants the store keeps (each write is one transaction):
--   * a customer's events have positions 1..version, with no gap, in append order;
--   * (customer_id, position) is unique: two writers can never store two events at one place;
--   * an erased customer keeps only the tombstone: erased = true, version = 1, and one event
--     row, the erased event (its evidence without the free-form details), at position 1.
-- Customer ids sort by the "C" collation: by byte, which on a UTF-8 database is by code point,
-- the order of LedgerStore.scan.

CREATE TABLE ${schema}.rapport_schema (
  version    integer     PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${schema}.rapport_customer (
  customer_id text COLLATE "C" PRIMARY KEY,
  profile     jsonb   NOT NULL,              -- the customer profile, in the wire format
  version     integer NOT NULL CHECK (version >= 0),
  erased      boolean NOT NULL DEFAULT false
);

CREATE TABLE ${schema}.rapport_event (
  customer_id text COLLATE "C" NOT NULL REFERENCES ${schema}.rapport_customer (customer_id),
  position    integer NOT NULL CHECK (position >= 1),
  event_id    text    NOT NULL,
  event       jsonb   NOT NULL,              -- the event, in the wire format
  PRIMARY KEY (customer_id, position),
  UNIQUE (customer_id, event_id)
);

INSERT INTO ${schema}.rapport_schema (version) VALUES (1);
