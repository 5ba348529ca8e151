namespace FleetManager.Storage.Sqlite;

/// <summary>
/// The SQLite text of each schema step; <see cref="Schema.OrderBookSchema"/> pairs it with the PostgreSQL text
/// under one version number. A released step is never edited: a change is a new step.
/// </summary>
/// <remarks>
/// Every index is a page written per commit, so version 1 has only the one correctness needs (the
/// unique ledger key). Order filters scan the orders table, which stays fast into the hundreds of
/// thousands of orders; an index for a filter that needs one comes as a later step.
/// </remarks>
internal static class SqliteSchema
{
    public const string Version1 = """
            CREATE TABLE schema_version (
                id      INTEGER PRIMARY KEY CHECK (id = 1),
                version INTEGER NOT NULL
            );

            -- The ledger: one row per message, processed or quarantined.
            CREATE TABLE ledger (
                id             INTEGER PRIMARY KEY,
                ledger_key     TEXT NOT NULL UNIQUE,
                source_key     TEXT NOT NULL,
                message_id     TEXT NOT NULL,
                subject        TEXT,
                sender         TEXT,
                sent_at        TEXT,
                received_at    TEXT,
                processed_at   TEXT NOT NULL,
                status         TEXT NOT NULL CHECK (status IN ('processed', 'quarantined')),
                classification TEXT CHECK (classification IN ('order', 'invoice', 'other')),
                error          TEXT,
                order_count    INTEGER NOT NULL
            );

            -- Raw bytes apart from the ledger so scans of the ledger never page through them.
            CREATE TABLE raw_message (
                ledger_id INTEGER PRIMARY KEY REFERENCES ledger (id),
                bytes     BLOB NOT NULL
            );

            CREATE TABLE orders (
                id                INTEGER PRIMARY KEY,
                ledger_id         INTEGER NOT NULL REFERENCES ledger (id),
                order_index       INTEGER NOT NULL,
                reference_number  TEXT,
                customer          TEXT,
                request_type      TEXT,
                loading_city      TEXT,
                loading_country   TEXT,
                loading_date      TEXT,
                unloading_city    TEXT,
                unloading_country TEXT,
                unloading_date    TEXT,
                vehicle_type      TEXT,
                weight_kg         REAL,
                price_amount      REAL,
                price_currency    TEXT,
                order_json        TEXT NOT NULL,
                sources_json      TEXT
            );

            CREATE TABLE stops (
                order_id    INTEGER NOT NULL REFERENCES orders (id),
                stop_index  INTEGER NOT NULL,
                type        TEXT NOT NULL CHECK (type IN ('loading', 'unloading')),
                company     TEXT,
                address     TEXT,
                postal_code TEXT,
                city        TEXT,
                country     TEXT,
                date        TEXT,
                time_from   TEXT,
                time_to     TEXT,
                latitude    REAL,
                longitude   REAL,
                PRIMARY KEY (order_id, stop_index)
            ) WITHOUT ROWID;
            """;

    public const string Version2 = """
            -- Each mail source's position (Gmail historyId, IMAP UIDVALIDITY:UID).
            CREATE TABLE source_cursor (
                source       TEXT PRIMARY KEY,
                cursor_value TEXT NOT NULL,
                saved_at     TEXT NOT NULL
            ) WITHOUT ROWID;

            -- One holder per resource (a mail source) across processes; expiry in Unix milliseconds (UTC)
            -- so that the expiry check is a number comparison.
            CREATE TABLE lease (
                resource      TEXT PRIMARY KEY,
                holder        TEXT NOT NULL,
                expires_at_ms INTEGER NOT NULL,
                acquired_at   TEXT NOT NULL
            ) WITHOUT ROWID;

            -- Orders waiting for a sink, written in the commit's transaction. AUTOINCREMENT: an id is
            -- never reused, so delivery order is commit order even after old rows are deleted.
            CREATE TABLE outbox (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                sink         TEXT NOT NULL,
                order_key    TEXT NOT NULL,
                order_id     INTEGER NOT NULL REFERENCES orders (id),
                payload_json TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                delivered_at TEXT
            );

            -- Only undelivered rows are indexed: the index stays as small as the backlog.
            CREATE INDEX outbox_pending ON outbox (sink, id) WHERE delivered_at IS NULL;

            -- Geocoding answers by provider and normalised query; a miss has NULL coordinates.
            CREATE TABLE geocode_cache (
                provider   TEXT NOT NULL,
                query_key  TEXT NOT NULL,
                latitude   REAL,
                longitude  REAL,
                confidence REAL,
                cached_at  TEXT NOT NULL,
                PRIMARY KEY (provider, query_key)
            ) WITHOUT ROWID;
            """;

    public const string Version3 = """
            -- Reprocessing replaces a message's orders, so an outbox entry may outlive the order it was
            -- written for (a delivered row, a removal): order_id no longer references orders, and change says
            -- what the sink does with the row. SQLite cannot drop a constraint, so the table is rebuilt with
            -- its ids (AUTOINCREMENT's counter moves with the rename).
            CREATE TABLE outbox_v3 (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                sink         TEXT NOT NULL,
                order_key    TEXT NOT NULL,
                order_id     INTEGER,
                payload_json TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                delivered_at TEXT,
                change       TEXT NOT NULL DEFAULT 'insert' CHECK (change IN ('insert', 'upsert', 'delete'))
            );
            INSERT INTO outbox_v3 (id, sink, order_key, order_id, payload_json, created_at, delivered_at)
                SELECT id, sink, order_key, order_id, payload_json, created_at, delivered_at FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_v3 RENAME TO outbox;
            CREATE INDEX outbox_pending ON outbox (sink, id) WHERE delivered_at IS NULL;
            """;

    public const string Version4 = """
            -- The dashboard's corrections (docs/dashboard.md): additive only, so the previous release keeps
            -- running on this schema (expand/contract, docs/storage.md). No foreign key to orders: reprocessing
            -- replaces a message's orders, and the previous release's deletes must not be refused.
            ALTER TABLE schema_version ADD COLUMN compatible_from INTEGER;
            UPDATE schema_version SET compatible_from = 3;

            -- Every field a person changed: the value read and the value set, who and when. The latest row per
            -- (order, field) is the value in force.
            CREATE TABLE order_correction (
                id           INTEGER PRIMARY KEY,
                order_id     INTEGER NOT NULL,
                field        TEXT NOT NULL,
                value_read   TEXT,
                value_set    TEXT,
                corrected_by TEXT NOT NULL,
                corrected_at TEXT NOT NULL
            );
            CREATE INDEX order_correction_order ON order_correction (order_id, id);

            -- The order's workflow status; an order without a row is 'new'.
            CREATE TABLE order_status (
                order_id   INTEGER PRIMARY KEY,
                status     TEXT NOT NULL CHECK (status IN ('new', 'reviewed', 'assigned', 'in_transit', 'delivered', 'cancelled')),
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL
            );
            """;

    public const string Version5 = """
            -- Corrections and statuses keyed by what survives reprocessing (docs/dashboard.md): the message's
            -- ledger key and the order's index within it. Reprocessing replaces a message's orders (new ids), so
            -- order_id alone lost them. Additive only: order_id stays filled, so the previous release (which
            -- reads and writes by order_id) keeps running; its rows without a key are still matched by order_id.
            ALTER TABLE order_correction ADD COLUMN ledger_key TEXT;
            ALTER TABLE order_correction ADD COLUMN order_index INTEGER;
            UPDATE order_correction SET
                ledger_key = (SELECT l.ledger_key FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = order_correction.order_id),
                order_index = (SELECT o.order_index FROM orders o WHERE o.id = order_correction.order_id);
            CREATE INDEX order_correction_key ON order_correction (ledger_key, order_index, id);

            ALTER TABLE order_status ADD COLUMN ledger_key TEXT;
            ALTER TABLE order_status ADD COLUMN order_index INTEGER;
            UPDATE order_status SET
                ledger_key = (SELECT l.ledger_key FROM orders o JOIN ledger l ON l.id = o.ledger_id WHERE o.id = order_status.order_id),
                order_index = (SELECT o.order_index FROM orders o WHERE o.id = order_status.order_id);
            CREATE UNIQUE INDEX order_status_key ON order_status (ledger_key, order_index);

            -- A message's orders by their index: how a key finds its order (corrections, statuses, reprocessing).
            CREATE INDEX orders_ledger ON orders (ledger_id, order_index);

            -- The orders list as the dashboard searches, filters and sorts it: one row per order with its corrections
            -- and status applied, derived from orders + order_correction + order_status by the store (SqlOrderStore:
            -- new orders on the next list query, a correction, status change or reprocess at once). Text sort keys are
            -- folded, missing values are '' (dates) or -1 (weight) so that keyset paging compares plain values.
            CREATE TABLE order_list (
                order_id          INTEGER PRIMARY KEY,
                ledger_key        TEXT NOT NULL,
                order_index       INTEGER NOT NULL,
                source_key        TEXT NOT NULL,
                search_text       TEXT NOT NULL,
                reference_sort    TEXT NOT NULL,
                customer_sort     TEXT NOT NULL,
                loading_date      TEXT NOT NULL,
                unloading_date    TEXT NOT NULL,
                weight_sort       REAL NOT NULL,
                loading_country   TEXT,
                unloading_country TEXT,
                request_type      TEXT,
                confidence        REAL,
                incomplete        INTEGER NOT NULL,
                status            TEXT NOT NULL,
                corrections       INTEGER NOT NULL
            );
            CREATE INDEX order_list_ledger ON order_list (ledger_key);
            CREATE INDEX order_list_reference ON order_list (reference_sort, order_id);
            CREATE INDEX order_list_customer ON order_list (customer_sort, order_id);
            CREATE INDEX order_list_loading ON order_list (loading_date, order_id);
            CREATE INDEX order_list_unloading ON order_list (unloading_date, order_id);
            CREATE INDEX order_list_weight ON order_list (weight_sort, order_id);
            """;

    public const string Version6 = """
            -- The dashboard's built-in users (docs/dashboard.md, fleetmanager users): additive only, so the previous
            -- release keeps running on this schema (compatible_from stays 3). The key is the name folded to lower
            -- case, so names are unique ignoring case. Only a password hash is kept (ASP.NET Core Identity's V3 format).
            CREATE TABLE dashboard_user (
                name_key      TEXT PRIMARY KEY,
                name          TEXT NOT NULL,
                role          TEXT NOT NULL CHECK (role IN ('viewer', 'dispatcher', 'admin')),
                password_hash TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                changed_at    TEXT NOT NULL
            );
            """;

    public const string Version7 = """
            -- The orders list's free-text search as an index (docs/storage.md, "Search index"): FTS5 over order_list's
            -- search_text (already folded: lower case, no accents) with the trigram tokenizer, so a quoted phrase
            -- matches exactly the substrings instr() matched, in any script. External content: the text stays in
            -- order_list only. Triggers keep the index in the transaction that writes the order_list row, whichever
            -- release writes it, so a crash never leaves them apart. case_sensitive 1: both sides are folded already.
            CREATE VIRTUAL TABLE order_search USING fts5(
                search_text, content = 'order_list', content_rowid = 'order_id', tokenize = 'trigram case_sensitive 1');
            CREATE TRIGGER order_list_search_insert AFTER INSERT ON order_list BEGIN
                INSERT INTO order_search (rowid, search_text) VALUES (new.order_id, new.search_text);
            END;
            CREATE TRIGGER order_list_search_delete AFTER DELETE ON order_list BEGIN
                INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.order_id, old.search_text);
            END;
            CREATE TRIGGER order_list_search_update AFTER UPDATE OF order_id, search_text ON order_list BEGIN
                INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.order_id, old.search_text);
                INSERT INTO order_search (rowid, search_text) VALUES (new.order_id, new.search_text);
            END;
            INSERT INTO order_search (order_search) VALUES ('rebuild');

            -- Stops the geocoder could not place (the review queue's section and count, the map's unplaced orders):
            -- a partial index, as small as the failures.
            CREATE INDEX stops_unplaced ON stops (order_id, stop_index) WHERE latitude IS NULL;

            -- The orders list's filters in one narrow covering index: a count under filters (the page's "N orders") reads
            -- this index instead of every order_list row with its search text (docs/benchmarks.md: 100,000 orders).
            CREATE INDEX order_list_filter ON order_list (request_type, status, loading_country, unloading_country, incomplete, confidence, loading_date, source_key, corrections);
            """;

    public const string Version8 = """
            -- Sink rows that keep failing (docs/dashboard.md, review queue): per outbox row how many pushes failed since it
            -- was written or last retried, the last failure (already redacted by the pusher: never a token) and when.
            -- Additive only, with defaults, so the previous release keeps running on this schema (compatible_from stays 3):
            -- its inserts name their columns and its reads ignore these.
            ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE outbox ADD COLUMN last_error TEXT;
            ALTER TABLE outbox ADD COLUMN last_attempt_at TEXT;

            -- The review queue's section reads only the failing undelivered rows: a partial index, as small as they are.
            CREATE INDEX outbox_failing ON outbox (attempts, id) WHERE delivered_at IS NULL AND attempts > 0;
            """;

    public const string Version9 = """
            -- The orders list filtered by request type and sorted by loading date (the dashboard's common "bookings to
            -- Poland by date" view) walked in order from one index: order_list_filter serves the filter but not the sort,
            -- so the page sorted every match in a temporary B-tree (docs/benchmarks.md, "Orders list derivation and the
            -- filtered sort"). order_id is part of the key because the keyset cursor is (loading_date, order_id); the
            -- countries, status, incomplete and corrections make it covering for the page's inner query and the count.
            -- Additive only: the previous release keeps running on this schema (compatible_from stays 3).
            CREATE INDEX order_list_type_loading ON order_list (request_type, loading_date, order_id, loading_country, unloading_country, status, incomplete, corrections);
            """;

    public const string Version10 = """
            -- The orders list's catch-up writes the search index of a whole batch in one statement (docs/storage.md, "Corrections
            -- and the orders list"): FTS5 indexes rows given together about five times cheaper than one trigger call per row
            -- (7,858 orders: 0.19 s against 1.2 s of CPU; docs/benchmarks.md). While the catch-up's transaction holds a row in
            -- order_list_bulk the insert trigger leaves the index to it; the row is deleted before that transaction commits,
            -- so no other connection ever sees it and every other writer (this release's refreshes, the previous release)
            -- keeps the trigger as before. Additive: compatible_from stays 3.
            CREATE TABLE order_list_bulk (id INTEGER PRIMARY KEY CHECK (id = 1));
            DROP TRIGGER order_list_search_insert;
            CREATE TRIGGER order_list_search_insert AFTER INSERT ON order_list WHEN NOT EXISTS (SELECT 1 FROM order_list_bulk) BEGIN
                INSERT INTO order_search (rowid, search_text) VALUES (new.order_id, new.search_text);
            END;
            """;

    public const string Version11 = """
            -- The orders page's display columns (docs/storage.md, "The orders list"): what each row of /orders shows, as
            -- written by the store's one row derivation (OrderListRow.Derive, corrections applied), so a page view reads
            -- order_list alone instead of reading and parsing 50 orders' JSON (docs/benchmarks.md, branch listpage).
            -- shown_version says whether a row's shown_* columns were derived: 0 (the default) for every row that existed
            -- before this step and every row the previous release writes (it knows none of these columns), 1 once this
            -- release derived them. The store re-derives the 0 rows on its next catch-up (found through the partial
            -- index, empty in steady state) and the page derives any it still meets from the order, so nothing is shown
            -- blank. Additive only: the previous release keeps running on this schema (compatible_from stays 3).
            ALTER TABLE order_list ADD COLUMN shown_reference TEXT;
            ALTER TABLE order_list ADD COLUMN shown_customer TEXT;
            ALTER TABLE order_list ADD COLUMN shown_loading_city TEXT;
            ALTER TABLE order_list ADD COLUMN shown_loading_country TEXT;
            ALTER TABLE order_list ADD COLUMN shown_unloading_city TEXT;
            ALTER TABLE order_list ADD COLUMN shown_unloading_country TEXT;
            ALTER TABLE order_list ADD COLUMN shown_cargo TEXT;
            ALTER TABLE order_list ADD COLUMN shown_weight TEXT;
            ALTER TABLE order_list ADD COLUMN shown_vehicle TEXT;
            ALTER TABLE order_list ADD COLUMN shown_price TEXT;
            ALTER TABLE order_list ADD COLUMN shown_version INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX order_list_unshown ON order_list (order_id) WHERE shown_version = 0;
            -- The previous release also rewrites existing rows (its upsert after a correction, a status change or a
            -- reprocess) and knows nothing of the shown columns, which would keep showing the values from before. This
            -- release's every rewrite changes shown_version (its upsert steps it between 1 and 2), so an update that leaves
            -- it as it was is the previous release's: the row is marked for the next catch-up to derive again.
            CREATE TRIGGER order_list_rewritten_without_shown AFTER UPDATE ON order_list
            WHEN new.shown_version = old.shown_version AND new.shown_version <> 0 BEGIN
                UPDATE order_list SET shown_version = 0 WHERE order_id = new.order_id;
            END;
            """;
}
