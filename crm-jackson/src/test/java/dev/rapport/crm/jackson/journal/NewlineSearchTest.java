package dev.rapport.crm.jackson.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The journal's newline search, eight bytes at a time, against a byte-by-byte search. */
final class NewlineSearchTest {
  private static int byteByByte(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Test
  void findsTheFirstNewlineOfEveryRangeAsAByteByByteSearchDoes() {
    long seed = 20261203L;
    Random random = new Random(seed);
    for (int round = 0; round < 2_000; round++) {
      byte[] bytes = new byte[1 + random.nextInt(200)];
      random.nextBytes(bytes); // every byte value, 0x0A and 0x0B and 0x8A among them
      for (int n = random.nextInt(4); n > 0; n--) {
        bytes[random.nextInt(bytes.length)] = '\n';
      }
      int from = random.nextInt(bytes.length + 1);
      int to = from + random.nextInt(bytes.length - from + 1);
      assertThat(JournalFile.newline(bytes, from, to))
          .as("seed %d, round %d, from %d to %d", seed, round, from, to)
          .isEqualTo(byteByByte(bytes, from, to));
    }
  }

  @Test
  void aNewlineAtEachPlaceOfAWordIsFound() {
    for (int at = 0; at < 24; at++) {
      byte[] bytes = new byte[24];
      java.util.Arrays.fill(bytes, (byte) 0x0B); // one bit from a newline
      bytes[at] = '\n';
      assertThat(JournalFile.newline(bytes, 0, 24)).isEqualTo(at);
      assertThat(JournalFile.newline(bytes, at + 1, 24)).isEqualTo(-1);
    }
  }
}
