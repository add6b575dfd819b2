package dev.rapport.crm.jackson.journal;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.CustomerProfile;
import com.google.common.base.Verify;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.store.LedgerStore;
import dev.rapport.crm.store.VersionConflictException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A durable {@link LedgerStore} on one append-only journal file of JSON lines. Each customer
 * creation and each append is one line, written in the wire format ({@code crm-jackson/README.md})
 * and checksummed; {@link #create} and {@link #append} return only once their line is on disk
 * (fsync). Opening a journal replays it, checking every line; a journal larger than 1 MiB is
 * decoded ahead by a second thread on a machine of more than one core (a daemon made for the
 * open, which ends with it).
 *
 * <p><b>Crashes.</b> A crash can leave only the last line torn (without its newline), and that
 * line was never acknowledged: opening cuts it away, logs a warning and says so in {@link
 * #recovery()}. A complete line that fails its checksum or its hash-chain link, anywhere, stops
 * the open with a {@link CorruptJournalException} naming the line: the store never drops data
 * silently.
 *
 * <p><b>Erasure.</b> Appending an {@code erased} event leaves only the customer's tombstone, in
 * memory and on disk: the journal is rewritten crash-consistently without the customer's earlier
 * lines ({@code crm-jackson/README.md}, "Erasure").
 *
 * <p><b>Tamper evidence.</b> Every line is chained to the one before it by SHA-256; {@link
 * #verify()} reports the first broken link, and {@link #head()} (also returned by {@link
 * #export}) anchors the chain for a later {@link #verify(String)}.
 *
 * <p><b>Concurrency.</b> Safe for many threads. Writes use optimistic concurrency exactly like
 * the SPI says, and a refused write (version conflict, rejected event, unknown or duplicate
 * customer) writes nothing; a version conflict is reported once the writes it conflicts with
 * are durable, so reading again shows them. Concurrent writes share one {@code force} (group
 * commit); {@link
 * Builder#maxBatchDelay} lets a write wait a little for company. {@link #read} sees a write only
 * once it is durable. One store owns a journal: a second open, in this JVM or another process,
 * fails with {@link JournalInUseException}.
 *
 * <pre>{@code
 * try (JournalLedgerStore store = JournalLedgerStore.open(Path.of("ledgers.journal"))) {
 *   store.create(profile);
 *   store.append(profile.id(), 0, List.of(grant));
 *   store.export(profile.id(), System.out);
 * }
 * }</pre>
 */
public final class JournalLedgerStore implements LedgerStore, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JournalLedgerStore.class.getName());

  /** Lines per force when group commit is on; bounds the memory of one batch. */
  private static final int MAX_BATCH_LINES = 4096;

  private final JournalFile file;
  private final JournalCodec codec;
  private final Recovery recovery;
  private final int maxBatchLines;
  private final long maxBatchDelayNanos;

  /** Durable ledgers: what readers see. */
  private final ConcurrentMap<String, Ledger> durable;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progress = lock.newCondition();

  // Guarded by lock.
  /** Ledgers as accepted, including writes queued but not yet durable: what writers check. */
  private final Map<String, Ledger> accepted;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long enqueued;
  private long forced;
  private boolean flushing;
  private boolean closed;
  private @Nullable IOException failure;

  /** The chain value after the last line written (guarded by lock). */
  private byte[] head;

  private final MessageDigest sha = Chain.sha256(); // guarded by lock

  /** The chain value after the last durable line, in hex. */
  private volatile String durableHead;

  /**
   * A line's content accepted and waiting for its force (sealed with its chain link when
   * written); publishes {@code ledger} once durable.
   */
  private record Pending(
      long ticket, byte[] content, byte[] digest, String customerId, Ledger ledger) {}

  private JournalLedgerStore(
      JournalFile file, JournalCodec codec, Replay replay, Builder builder) {
    this.file = file;
    this.codec = codec;
    this.recovery = replay.recovery();
    this.accepted = new HashMap<>(replay.ledgers());
    this.durable = new ConcurrentHashMap<>(replay.ledgers());
    this.maxBatchLines = builder.groupCommit ? MAX_BATCH_LINES : 1;
    this.maxBatchDelayNanos = builder.maxBatchDelay.toNanos();
    this.head = replay.head();
    this.durableHead = Chain.hex(head);
  }

  /**
   * Opens the journal at {@code file} with group commit and no added delay, creating it if
   * absent, and replays it.
   *
   * @throws CorruptJournalException if a line other than a torn last line is damaged
   * @throws JournalInUseException if another store has the journal open
   * @throws IOException if the file cannot be read or written
   */
  public static JournalLedgerStore open(Path file) throws IOException {
    return builder().open(file);
  }

  /** A builder for a store with other settings. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link JournalLedgerStore}; each is checked when set. */
  public static final class Builder {
    private boolean groupCommit = true;
    private Duration maxBatchDelay = Duration.ZERO;

    private Builder() {}

    /**
     * Whether concurrent writes share one {@code force} (the default). Off, each write forces
     * on its own: slower under concurrency, never safer.
     */
    public Builder groupCommit(boolean groupCommit) {
      checkState(
          groupCommit || maxBatchDelay.isZero(),
          "group commit cannot be turned off while a batch delay of %s is set",
          maxBatchDelay);
      this.groupCommit = groupCommit;
      return this;
    }

    /**
     * How long the write that starts a batch waits for more writes to join it before forcing;
     * zero by default (a batch is whatever queued up during the previous force). A delay adds
     * latency to every write and saves forces only under concurrent load.
     */
    public Builder maxBatchDelay(Duration maxBatchDelay) {
      checkNotNull(maxBatchDelay, "maxBatchDelay");
      checkArgument(
          !maxBatchDelay.isNegative() && maxBatchDelay.compareTo(Duration.ofSeconds(1)) <= 0,
          "maxBatchDelay must be between 0 and 1s, not %s",
          maxBatchDelay);
      checkState(
          groupCommit || maxBatchDelay.isZero(),
          "a batch delay needs group commit, which is off");
      this.maxBatchDelay = maxBatchDelay;
      return this;
    }

    /**
     * Opens the journal at {@code file}, creating it if absent, and replays it.
     *
     * @throws CorruptJournalException if a line other than a torn last line is damaged
     * @throws JournalInUseException if another store has the journal open
     * @throws IOException if the file cannot be read or written
     */
    public JournalLedgerStore open(Path file) throws IOException {
      checkNotNull(file, "file");
      JournalCodec codec = JournalCodec.standard();
      JournalFile journal = JournalFile.open(file, Compaction.headerLine(codec));
      try {
        Replay replay = Replay.of(journal, codec);
        if (!replay.recovery().isClean()) {
          LOG.log(Level.WARNING, "journal {0}: {1}", journal.path(), replay.recovery());
        }
        return new JournalLedgerStore(journal, codec, replay, this);
      } catch (IOException | RuntimeException e) {
        try {
          journal.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }

  /** What opening the journal found, and whether it cut a torn last line. */
  public Recovery recovery() {
    return recovery;
  }

  /** The journal's file. */
  public Path file() {
    return file.path();
  }

  @Override
  public Optional<Ledger> read(String customerId) {
    return Optional.ofNullable(durable.get(checkNotNull(customerId, "customerId")));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the customer's line is on disk.
   *
   * @throws IllegalStateException if the store is closed or failed to write earlier
   * @throws UncheckedIOException if the line could not be written; the store then refuses every
   *     further write, since it cannot tell what reached the disk: close it and open it again
   */
  @Override
  public Ledger create(CustomerProfile customer) {
    checkNotNull(customer, "customer");
    byte[] content = codec.create(customer);
    byte[] digest = Chain.digest(content);
    Ledger empty = Ledger.of(customer);
    lock.lock();
    try {
      checkWritable();
      if (accepted.containsKey(customer.id())) {
        awaitForced(enqueued); // so that reading again shows the customer
        throw new IllegalArgumentException("the store already knows customer " + customer.id());
      }
      accepted.put(customer.id(), empty);
      awaitForced(enqueue(content, digest, customer.id(), empty));
      return empty;
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once the events' line is on disk. Appending no events writes nothing and returns
   * the ledger once it is durable.
   *
   * @throws IllegalStateException if the store is closed or failed to write earlier
   * @throws UncheckedIOException if the line could not be written; the store then refuses every
   *     further write, since it cannot tell what reached the disk: close it and open it again
   */
  @Override
  public Ledger append(String customerId, int expectedVersion, List<? extends LedgerEvent> events) {
    checkNotNull(customerId, "customerId");
    List<LedgerEvent> batch = ImmutableList.copyOf(checkNotNull(events, "events"));
    // Encode before taking the lock: the line depends only on the arguments.
    byte[] content = null;
    byte[] digest = null;
    RuntimeException unencodable = null;
    if (!batch.isEmpty()) {
      try {
        content = codec.append(customerId, expectedVersion, batch);
        digest = Chain.digest(content);
      } catch (RuntimeException e) {
        unencodable = e; // reported after validation, whose message on a bad event is more precise
      }
    }
    lock.lock();
    try {
      checkWritable();
      Ledger current = accepted.get(customerId);
      if (current == null) {
        throw new NoSuchElementException("the store knows no customer " + customerId);
      }
      if (current.version() != expectedVersion) {
        // Report the conflict once the writes it conflicts with are durable, so that the
        // caller's next read sees them; otherwise a read-and-retry loop spins until they are.
        awaitForced(enqueued);
        throw new VersionConflictException(customerId, expectedVersion, current.version());
      }
      Ledger next = current.append(batch);
      if (unencodable != null) {
        throw unencodable;
      }
      if (content == null) {
        awaitForced(enqueued);
        return current;
      }
      if (next.erased().isPresent()) {
        return erase(customerId, current, next);
      }
      accepted.put(customerId, next);
      awaitForced(enqueue(content, digest, customerId, next));
      return next;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Set<String> customerIds() {
    return ImmutableSet.copyOf(durable.keySet());
  }

  /**
   * Writes the customer's whole ledger as a {@code rapport-ledger/1} document ({@code
   * crm-jackson/README.md}): the customer's copy of their data (GDPR Art. 15 and 20) and the proof of
   * every consent. Exports what is durable. Leaves {@code out} open.
   *
   * <p>Returns the journal's {@linkplain #head() head} as of the exported ledger: keep it with
   * the export, and {@link #verify(String)} later proves that the journal still holds everything
   * up to it.
   *
   * @return the chain head, 64 lower-case hex digits
   * @throws NoSuchElementException if the customer is unknown
   * @throws tools.jackson.core.exc.JacksonIOException if {@code out} fails
   */
  public String export(String customerId, OutputStream out) {
    checkNotNull(out, "out");
    Snapshot snapshot = snapshot(customerId);
    codec.writeDocument(snapshot.ledger(), new NonClosingOutputStream(out));
    return snapshot.head();
  }

  /**
   * Writes the customer's whole ledger as a {@code rapport-ledger/1} document, like {@link
   * #export(String, OutputStream)}. Leaves {@code out} open.
   *
   * @return the chain head, 64 lower-case hex digits
   * @throws NoSuchElementException if the customer is unknown
   * @throws tools.jackson.core.exc.JacksonIOException if {@code out} fails
   */
  public String export(String customerId, Writer out) {
    checkNotNull(out, "out");
    Snapshot snapshot = snapshot(customerId);
    codec.writeDocument(snapshot.ledger(), new NonClosingWriter(out));
    return snapshot.head();
  }

  /**
   * The head of the journal's hash chain over every durable line, in 64 lower-case hex digits
   * ({@code crm-jackson/README.md}, "Tamper evidence"). Record it somewhere the journal's host
   * cannot change: {@link #verify(String)} then detects any line up to it removed or changed,
   * the last ones included.
   */
  public String head() {
    return durableHead;
  }

  /**
   * Reads the whole journal from disk and checks every line's checksum and chain link, reporting
   * the first broken one. Writers wait while it runs.
   *
   * @throws IOException if the journal cannot be read
   */
  public Verification verify() throws IOException {
    return verify(null);
  }

  /**
   * Like {@link #verify()}, and also checks that {@code anchoredHead} (a {@link #head()} or
   * {@link #export} value recorded earlier) is a value the chain passes through: if lines up to
   * it were removed (the last ones included) or changed, it is not.
   *
   * @throws IllegalArgumentException if {@code anchoredHead} is not 64 hex digits
   * @throws IOException if the journal cannot be read
   */
  public Verification verify(@Nullable String anchoredHead) throws IOException {
    checkArgument(
        anchoredHead == null || anchoredHead.matches("[0-9a-fA-F]{64}"),
        "an anchored head is 64 hex digits, got '%s'",
        anchoredHead);
    Verifier verifier = new Verifier(codec, anchoredHead == null ? null : anchoredHead.toLowerCase(Locale.ROOT));
    lock.lock();
    try {
      while (flushing) {
        progress.awaitUninterruptibly();
      }
      file.readLines(verifier);
    } finally {
      lock.unlock();
    }
    return verifier.result();
  }

  private record Snapshot(Ledger ledger, String head) {}

  private Snapshot snapshot(String customerId) {
    lock.lock();
    try {
      return new Snapshot(ledger(customerId), durableHead);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for writes in flight, then closes the journal and releases it. Later writes fail;
   * reads still see the ledgers.
   */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      while (failure == null && (flushing || !queue.isEmpty())) {
        if (flushing) {
          progress.awaitUninterruptibly();
        } else {
          flush();
        }
      }
    } finally {
      lock.unlock();
    }
    file.close();
  }

  @Override
  public String toString() {
    return "JournalLedgerStore{" + file.path() + ", customers=" + durable.size() + "}";
  }

  private Ledger ledger(String customerId) {
    return read(customerId)
        .orElseThrow(() -> new NoSuchElementException("the store knows no customer " + customerId));
  }

  private void checkWritable() {
    checkState(!closed, "journal %s is closed", file.path());
    if (failure != null) {
      throw new IllegalStateException(
          "journal " + file.path() + " failed to write earlier; close and reopen it", failure);
    }
  }

  private long enqueue(byte[] content, byte[] digest, String customerId, Ledger ledger) {
    long ticket = ++enqueued;
    queue.add(new Pending(ticket, content, digest, customerId, ledger));
    return ticket;
  }

  /**
   * Erases the customer, holding the lock throughout (erasures are rare; other writers wait):
   * once every queued write is durable, appends the erase line (the tombstone, forced), then
   * rewrites the journal with the customer's earlier lines redacted (a new file, forced, renamed
   * over the journal). A crash between the two leaves the erase line, and the next open finishes
   * the rewrite.
   */
  private Ledger erase(String customerId, Ledger current, Ledger erased) {
    while (flushing || !queue.isEmpty()) {
      awaitForced(enqueued);
    }
    checkWritable();
    Ledger tombstone = erased.tombstone();
    byte[] content =
        codec.erase(
            customerId, current.version(), tombstone.customer(), (Erased) tombstone.events().get(0));
    try {
      file.appendAndForce(LineFrame.seal(Chain.withPrev(content, head)));
      head = Chain.link(sha, head, Chain.digest(content));
      accepted.put(customerId, tombstone);
      durable.put(customerId, tombstone);
      durableHead = Chain.hex(head);
      byte[] rewritten = Compaction.rewrite(file, codec, Set.of(customerId), false, accepted);
      Verify.verify(
          Arrays.equals(rewritten, head), "redacting customer %s changed the chain", customerId);
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException ? (IOException) e : new IOException(e);
      LOG.log(Level.ERROR, "journal " + file.path() + " failed to erase; refusing further writes", e);
      throw new UncheckedIOException(
          "journal "
              + file.path()
              + " failed to erase customer "
              + customerId
              + "; reopening it finishes the erasure if its erase line is on disk",
          failure);
    }
    return tombstone;
  }

  /** Waits, holding the lock, until {@code ticket} is forced, leading a flush when none runs. */
  private void awaitForced(long ticket) {
    while (forced < ticket) {
      if (failure != null) {
        throw new UncheckedIOException(
            "journal " + file.path() + " failed to write; the write may or may not be on disk",
            failure);
      }
      if (flushing) {
        progress.awaitUninterruptibly();
      } else {
        flush();
      }
    }
  }

  /** Writes and forces the next batch; called holding the lock, releases it during I/O. */
  private void flush() {
    flushing = true;
    List<Pending> batch = new ArrayList<>();
    try {
      if (maxBatchDelayNanos > 0) {
        long remaining = maxBatchDelayNanos;
        while (remaining > 0 && queue.size() < maxBatchLines) {
          remaining = awaitNanos(remaining);
        }
      }
      List<byte[]> lines = new ArrayList<>();
      int bytes = 0;
      byte[] chain = head;
      while (!queue.isEmpty() && batch.size() < maxBatchLines) {
        Pending next = queue.poll();
        batch.add(next);
        byte[] line = LineFrame.seal(Chain.withPrev(next.content(), chain));
        chain = Chain.link(sha, chain, next.digest());
        lines.add(line);
        bytes += line.length;
      }
      if (batch.isEmpty()) {
        return;
      }
      head = chain;
      byte[] buffer = new byte[bytes];
      int at = 0;
      for (byte[] line : lines) {
        System.arraycopy(line, 0, buffer, at, line.length);
        at += line.length;
      }
      lock.unlock();
      try {
        file.appendAndForce(buffer);
      } finally {
        lock.lock();
      }
      for (Pending p : batch) {
        durable.put(p.customerId(), p.ledger());
      }
      durableHead = Chain.hex(chain);
      forced = batch.get(batch.size() - 1).ticket();
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException ? (IOException) e : new IOException(e);
      LOG.log(Level.ERROR, "journal " + file.path() + " failed to write; refusing further writes", e);
    } finally {
      flushing = false;
      progress.signalAll();
    }
  }

  private long awaitNanos(long nanos) {
    try {
      return progress.awaitNanos(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Keeps the caller's stream open when the JSON generator closes. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Keeps the caller's writer open when the JSON generator closes. */
  private static final class NonClosingWriter extends java.io.FilterWriter {
    NonClosingWriter(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
