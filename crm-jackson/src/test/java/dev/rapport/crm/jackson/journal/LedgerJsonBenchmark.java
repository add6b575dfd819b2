package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;
import static dev.rapport.crm.jackson.journal.Fixtures.withdrawal;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the wire format on a ledger of 1,000 events (grants with evidence, withdrawals,
 * purchases): writing and reading a {@code rapport-ledger/1} document (reading includes the
 * ledger's validation of every event), and encoding and decoding journal lines of 10 events. The {@code bytes} and {@code events} counters are rates per
 * second: bytes/s (divide by 10^6 for MB/s) and events/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class LedgerJsonBenchmark {
  private static final int EVENTS = 1000;
  private static final int EVENTS_PER_LINE = 10;

  private JournalCodec codec;
  private JsonMapper mapper;
  private Ledger ledger;
  private byte[] document;
  private List<LedgerEvent> lineEvents;
  private byte[] line;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  /** Bytes and events processed; JMH reports them per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long bytes;
    public long events;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
      events = 0;
    }
  }

  @Setup
  public void setUp() {
    mapper = JsonMapper.builder().addModule(new RapportModule()).build();
    codec = new JournalCodec(mapper);
    List<LedgerEvent> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      switch (i % 3) {
        case 0:
          events.add(grant("g" + i));
          break;
        case 1:
          events.add(withdrawal("w" + i));
          break;
        default:
          events.add(purchase("p" + i));
      }
    }
    ledger = Ledger.of(customer("c-1"), events);
    out.reset();
    codec.writeDocument(ledger, out);
    document = out.toByteArray();
    lineEvents = ImmutableList.copyOf(events.subList(0, EVENTS_PER_LINE));
    line = LineFrame.seal(codec.append("c-1", 0, lineEvents));
  }

  @Benchmark
  public int writeLedgerDocument(Counters counters) {
    out.reset();
    codec.writeDocument(ledger, out);
    counters.bytes += out.size();
    counters.events += EVENTS;
    return out.size();
  }

  @Benchmark
  public Ledger readLedgerDocument(Counters counters) {
    Ledger read = mapper.readValue(document, Ledger.class);
    counters.bytes += document.length;
    counters.events += read.version();
    return read;
  }

  @Benchmark
  public byte[] encodeJournalLine(Counters counters) {
    byte[] encoded = LineFrame.seal(codec.append("c-1", 0, lineEvents));
    counters.bytes += encoded.length;
    counters.events += EVENTS_PER_LINE;
    return encoded;
  }

  @Benchmark
  public Object decodeJournalLine(Counters counters) {
    if (!LineFrame.isIntact(line, line.length - 1)) {
      throw new AssertionError("line damaged");
    }
    Object record = codec.read(line, line.length - 1);
    counters.bytes += line.length;
    counters.events += EVENTS_PER_LINE;
    return record;
  }
}
