package dev.rapport.crm.jackson.journal;

import static dev.rapport.crm.jackson.journal.Fixtures.customer;
import static dev.rapport.crm.jackson.journal.Fixtures.grant;
import static dev.rapport.crm.jackson.journal.Fixtures.purchase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One block of journal lines (about 1 MiB of the lines {@link JournalOpenBenchmark} opens: 1
 * customer, one purchase per append line), on one thread: {@code decode} checks and reads every
 * line as an open does before its fold (frame, checksum, stored link, content digest, strict
 * record); {@code jacksonTree}, the control in the same run, only parses each line into a
 * Jackson tree, with no check at all. The {@code lines} counter is lines per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class JournalDecodeBenchmark {
  private final JournalCodec codec = JournalCodec.standard();
  private final ObjectMapper plain = JsonMapper.builder().build();
  private byte[] block;
  private int lines;

  /** Lines read; JMH reports them per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long lines;
  }

  @Setup(Level.Trial)
  public void write() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 21);
    JournalLines journal = new JournalLines(out);
    journal.create(customer("c-0"));
    for (int i = 0; out.size() < JournalFile.BLOCK - 1024; i++) {
      journal.append("c-0", i, List.of(i == 0 ? grant("c-0-" + i) : purchase("c-0-" + i)));
    }
    block = out.toByteArray();
    for (byte b : block) {
      lines += b == '\n' ? 1 : 0;
    }
    if (Decoding.decode(codec, 0, block, block.length).size() != lines) {
      throw new IllegalStateException("the block does not decode whole");
    }
  }

  @Benchmark
  public Object decode(Counters counters) {
    counters.lines += lines;
    return Decoding.decode(codec, 0, block, block.length);
  }

  @Benchmark
  public long jacksonTree(Counters counters) {
    long fields = 0;
    int start = 0;
    for (int i = 0; i < block.length; i++) {
      if (block[i] == '\n') {
        JsonNode line = plain.readTree(block, start, i - start);
        fields += line.size();
        start = i + 1;
      }
    }
    counters.lines += lines;
    return fields;
  }
}
