package dev.rapport.crm.jackson.postgres;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.store.Erasure;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link LedgerStore} on a PostgreSQL server, shared by any number of application instances:
 * the scale-out path of the library. Plain JDBC on the caller's {@link DataSource} (a connection
 * pool, with the PostgreSQL driver of the caller's choice on the class path); profiles and events
 * are stored as {@code jsonb} in the wire format, one row per event.
 *
 * <p><b>Schema.</b> The tables live in one PostgreSQL schema ({@code rapport} unless {@link
 * Builder#schema} says otherwise) and are described by the versioned script {@code schema-1.sql}
 * beside this class. Opening the store creates them if the schema has none (unless {@link
 * Builder#createTables} is off) and otherwise checks their version.
 *
 * <p><b>Concurrency.</b> Exactly the SPI's optimistic concurrency, across threads and processes.
 * An append validates the batch against the ledger it read, then, in one transaction, moves the
 * customer's row from {@code expectedVersion} to the new version with a conditional {@code
 * UPDATE} and inserts the events at the positions after it. Of two writers at one version, the
 * second one's {@code UPDATE} waits for the first to commit and then finds another version: it
 * writes nothing and gets a {@link VersionConflictException} naming the version that reading again
 * shows. The primary key {@code (customer_id, position)} and the unique {@code (customer_id,
 * event_id)} make a lost or duplicated event impossible even for a writer that skipped the
 * version check. Works under any isolation level the pool sets ({@code READ COMMITTED} is
 * enough); a serialization failure or deadlock is reported as a conflict.
 *
 * <p><b>Erasure.</b> The transaction that stores an {@code erased} event deletes every row of the
 * customer's earlier events and keeps only the {@linkplain Erasure tombstone}.
 *
 * <p><b>Reads.</b> {@link #read} and each page of {@link #scan} are single statements: each
 * ledger is a committed state of it, never half an append.
 *
 * <pre>{@code
 * DataSource pool = ...;   // HikariCP, the driver's PGSimpleDataSource, the container's pool
 * LedgerStore store = PostgresLedgerStore.builder().schema("rapport").open(pool);
 * store.create(profile);
 * store.append(profile.id(), 0, List.of(grant));
 * }</pre>
 */
public final class PostgresLedgerStore implements LedgerStore {
  /**
   * The ledgers of the customers that {@code %s} (a {@code WHERE}, {@code ORDER BY} and {@code
   * LIMIT} on {@code rapport_customer c}) selects: one row per event (one row with a null event
   * for an empty ledger), in customer id and position order. One statement, so one snapshot.
   * The lateral join reads each selected customer's events by the primary key: a plain join
   * lets a generic plan of the prepared statement (which does not know the page's size) hash
   * the whole event table instead, 15 times slower on 100,000 customers.
   */
  private static final String SELECT_LEDGERS =
      "SELECT c.customer_id, c.profile::text, c.version, e.event::text"
          + " FROM (SELECT c.customer_id, c.profile, c.version FROM ${schema}.rapport_customer c %s) c"
          + " LEFT JOIN LATERAL (SELECT e.position, e.event FROM ${schema}.rapport_event e"
          + "  WHERE e.customer_id = c.customer_id ORDER BY e.position) e ON true"
          + " ORDER BY c.customer_id, e.position";

  private final DataSource dataSource;
  private final Schema schema;
  private final RowCodec codec = new RowCodec();

  private final String readSql;
  private final String scanSql;
  private final String createSql;
  private final String idsSql;
  private final String moveSql;
  private final String insertSql;
  private final String eraseSql;

  private PostgresLedgerStore(DataSource dataSource, Schema schema) {
    this.dataSource = dataSource;
    this.schema = schema;
    this.readSql = schema.sql(String.format(SELECT_LEDGERS, "WHERE c.customer_id = ?"));
    this.scanSql =
        schema.sql(
            String.format(
                SELECT_LEDGERS, "WHERE c.customer_id > ? ORDER BY c.customer_id LIMIT ?"));
    this.createSql =
        schema.sql(
            "INSERT INTO ${schema}.rapport_customer (customer_id, profile, version)"
                + " VALUES (?, ?::jsonb, 0) ON CONFLICT (customer_id) DO NOTHING");
    this.idsSql = schema.sql("SELECT customer_id FROM ${schema}.rapport_customer");
    this.moveSql =
        schema.sql(
            "UPDATE ${schema}.rapport_customer SET version = ?, erased = ?"
                + " WHERE customer_id = ? AND version = ? AND NOT erased");
    this.insertSql =
        schema.sql(
            "INSERT INTO ${schema}.rapport_event (customer_id, position, event_id, event)"
                + " VALUES (?, ?, ?, ?::jsonb)");
    this.eraseSql = schema.sql("DELETE FROM ${schema}.rapport_event WHERE customer_id = ?");
  }

  /**
   * Opens the store in schema {@code rapport} of {@code dataSource}'s database, creating the
   * tables if absent.
   *
   * @throws PostgresStoreException if the server cannot be reached or the schema is of another
   *     version
   */
  public static PostgresLedgerStore open(DataSource dataSource) {
    return builder().open(dataSource);
  }

  /** A builder for a store in another schema, or one that must not create its tables. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link PostgresLedgerStore}; each is checked when set. */
  public static final class Builder {
    private Schema schema = Schema.named("rapport");
    private boolean createTables = true;

    private Builder() {}

    /**
     * The PostgreSQL schema of the tables, {@code rapport} by default: lower case letters,
     * digits and underscores, up to 63. It is created with the tables if absent.
     *
     * @throws IllegalArgumentException if the name is not such a name
     */
    public Builder schema(String schema) {
      this.schema = Schema.named(schema);
      return this;
    }

    /**
     * Whether opening creates the schema and tables when they are absent (the default). Off,
     * opening only checks them: for databases whose schema a DBA manages from {@code
     * schema-1.sql}.
     */
    public Builder createTables(boolean createTables) {
      this.createTables = createTables;
      return this;
    }

    /**
     * Creates or checks the tables, then returns the store.
     *
     * @throws PostgresStoreException if the server cannot be reached, the tables are missing and
     *     may not be created, or they are of another version
     */
    public PostgresLedgerStore open(DataSource dataSource) {
      checkNotNull(dataSource, "dataSource");
      try (Connection connection = dataSource.getConnection()) {
        schema.createOrCheck(connection, createTables);
      } catch (SQLException e) {
        throw new PostgresStoreException(
            "could not open the ledger store in schema " + schema + ": " + e.getMessage(), e);
      }
      return new PostgresLedgerStore(dataSource, schema);
    }
  }

  /** The PostgreSQL schema of the store's tables. */
  public String schema() {
    return schema.name();
  }

  @Override
  public Optional<Ledger> read(String customerId) {
    checkNotNull(customerId, "customerId");
    try (Connection connection = dataSource.getConnection()) {
      return read(connection, customerId);
    } catch (SQLException e) {
      throw failed("read", customerId, e);
    }
  }

  @Override
  public Ledger create(CustomerProfile customer) {
    checkNotNull(customer, "customer");
    String profile = codec.writeProfile(customer);
    int inserted;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(createSql)) {
      insert.setString(1, customer.id());
      insert.setString(2, profile);
      inserted = insert.executeUpdate();
    } catch (SQLException e) {
      throw failed("create", customer.id(), e);
    }
    checkArgument(inserted == 1, "the store already knows customer %s", customer.id());
    return Ledger.of(customer);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the transaction has committed. Appending no events writes nothing and
   * returns the stored ledger.
   *
   * @throws PostgresStoreException if the server fails; the transaction was rolled back unless
   *     the connection broke during the commit
   */
  @Override
  public Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    checkNotNull(customerId, "customerId");
    List<LedgerEvent> batch = ImmutableList.copyOf(checkNotNull(events, "events"));
    try (Connection connection = dataSource.getConnection()) {
      Ledger current = readAt(connection, customerId, expectedVersion);
      Ledger next = Erasure.apply(current.append(batch));
      if (batch.isEmpty()) {
        return current;
      }
      if (write(connection, customerId, expectedVersion, next)) {
        return next;
      }
      // The row moved on since it was read: another writer committed, or erased the customer.
      Ledger now = readAt(connection, customerId, expectedVersion);
      now.append(batch); // a tombstone at the expected version refuses the events
      throw new VersionConflictException(customerId, expectedVersion, now.version());
    } catch (SQLException e) {
      throw failed("append to", customerId, e);
    }
  }

  @Override
  public Set<String> customerIds() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(idsSql);
        ResultSet rows = query.executeQuery()) {
      ImmutableSet.Builder<String> ids = ImmutableSet.builder();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids.build();
    } catch (SQLException e) {
      throw new PostgresStoreException(
          "could not list the customers in schema " + schema + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keyset paging on the customer table's primary key (collation {@code "C"}): one indexed
   * statement per page, whatever the page's position, with each ledger read whole in it.
   */
  @Override
  public List<Ledger> scan(String after, int limit) {
    LedgerStore.checkScan(after, limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(scanSql)) {
      query.setString(1, after);
      query.setInt(2, limit);
      try (ResultSet rows = query.executeQuery()) {
        return ledgers(rows);
      }
    } catch (SQLException e) {
      throw new PostgresStoreException(
          "could not scan the customers after '" + after + "' in schema " + schema + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "PostgresLedgerStore{schema=" + schema + "}";
  }

  /** The ledger, checked to be at {@code expectedVersion}. */
  private Ledger readAt(Connection connection, String customerId, int expectedVersion)
      throws SQLException {
    Ledger current =
        read(connection, customerId)
            .orElseThrow(
                () -> new NoSuchElementException("the store knows no customer " + customerId));
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(customerId, expectedVersion, current.version());
    }
    return current;
  }

  /**
   * Stores {@code next} as the successor of the ledger at {@code expectedVersion}, in one
   * transaction; false, having written nothing, if the row is no longer at that version.
   */
  private boolean write(Connection connection, String customerId, int expectedVersion, Ledger next)
      throws SQLException {
    boolean erasing = next.erased().isPresent();
    // Encode before the transaction: it depends on the events only.
    List<LedgerEvent> rows =
        erasing ? next.events() : next.events().subList(expectedVersion, next.version());
    int firstPosition = erasing ? 1 : expectedVersion + 1;
    List<String> json = rows.stream().map(codec::writeEvent).collect(ImmutableList.toImmutableList());
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (PreparedStatement move = connection.prepareStatement(moveSql)) {
        move.setInt(1, next.version());
        move.setBoolean(2, erasing);
        move.setString(3, customerId);
        move.setInt(4, expectedVersion);
        if (move.executeUpdate() != 1) {
          connection.rollback();
          return false;
        }
      }
      if (erasing) {
        try (PreparedStatement erase = connection.prepareStatement(eraseSql)) {
          erase.setString(1, customerId);
          erase.executeUpdate();
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
        for (int i = 0; i < rows.size(); i++) {
          insert.setString(1, customerId);
          insert.setInt(2, firstPosition + i);
          insert.setString(3, rows.get(i).id());
          insert.setString(4, json.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      return true;
    } catch (SQLException e) {
      connection.rollback();
      if (isConflict(e)) {
        return false;
      }
      throw e;
    } catch (RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * A unique violation (another writer's row at the same position), a serialization failure or
   * a deadlock: the writer lost a race, which the caller reports as a version conflict.
   */
  private static boolean isConflict(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Ledger> read(Connection connection, String customerId) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(readSql)) {
      query.setString(1, customerId);
      try (ResultSet rows = query.executeQuery()) {
        return ledgers(rows).stream().findFirst();
      }
    }
  }

  /** The ledgers of the rows of {@link #SELECT_LEDGERS}, in their order. */
  private List<Ledger> ledgers(ResultSet rows) throws SQLException {
    ImmutableList.Builder<Ledger> ledgers = ImmutableList.builder();
    boolean more = rows.next();
    while (more) {
      String customerId = rows.getString(1);
      CustomerProfile profile = codec.readProfile(rows.getString(2));
      int version = rows.getInt(3);
      List<LedgerEvent> events = new ArrayList<>(version);
      do {
        String event = rows.getString(4);
        if (event != null) {
          events.add(codec.readEvent(event));
        }
        more = rows.next();
      } while (more && rows.getString(1).equals(customerId));
      if (!profile.id().equals(customerId) || events.size() != version) {
        throw new PostgresStoreException(
            "the rows of customer "
                + customerId
                + " in schema "
                + schema
                + " break the store's invariants: profile id "
                + profile.id()
                + ", version "
                + version
                + ", "
                + events.size()
                + " events");
      }
      ledgers.add(Ledger.of(profile, events));
    }
    return ledgers.build();
  }

  private PostgresStoreException failed(String what, String customerId, SQLException e) {
    return new PostgresStoreException(
        "could not " + what + " customer " + customerId + " in schema " + schema + ": "
            + e.getMessage(),
        e);
  }
}
