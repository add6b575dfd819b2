package dev.rapport.crm.jackson.journal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.jackson.journal.record.JournalRecord.Redacted;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Walks a journal's lines and checks each checksum and chain link, stopping at the first break. */
final class Verifier implements JournalFile.LineVisitor {
  private static final byte[] REDACTED = "{\"op\":\"redacted\"".getBytes(US_ASCII);

  private final JournalCodec codec;
  private final byte @Nullable [] anchor;
  private final MessageDigest sha = Chain.sha256();
  private byte[] chain = Chain.GENESIS;
  private int lines;
  private int brokenLine;
  private @Nullable String problem;
  private boolean anchorFound;

  Verifier(JournalCodec codec, @Nullable String anchor) {
    this.codec = codec;
    this.anchor = anchor == null ? null : Chain.parseHex(anchor);
  }

  @Override
  public void line(int number, long offset, byte[] bytes, int length, boolean terminated) {
    if (brokenLine > 0) {
      return;
    }
    lines = number;
    if (!terminated) {
      broken(number, offset, "has no newline");
      return;
    }
    if (!LineFrame.isIntact(bytes, length)) {
      broken(number, offset, "fails its checksum");
      return;
    }
    int contentEnd = Chain.contentEnd(bytes, length);
    byte[] prev = contentEnd < 0 ? null : Chain.prev(bytes, contentEnd);
    if (prev == null) {
      broken(number, offset, "has no chain link");
      return;
    }
    if (!Arrays.equals(prev, chain)) {
      broken(number, offset, "does not link to the line before it: a line up to it was changed, removed or inserted");
      return;
    }
    byte[] digest;
    if (length > REDACTED.length && Arrays.equals(bytes, 0, REDACTED.length, REDACTED, 0, REDACTED.length)) {
      JournalRecord record;
      try {
        record = codec.read(bytes, length);
      } catch (RuntimeException e) {
        broken(number, offset, "is unreadable: " + e.getMessage());
        return;
      }
      digest = ((Redacted) record).digest();
    } else {
      digest = Chain.contentDigest(sha, bytes, contentEnd);
    }
    chain = Chain.link(sha, chain, digest);
    if (anchor != null && Arrays.equals(anchor, chain)) {
      anchorFound = true;
    }
  }

  private void broken(int number, long offset, String why) {
    brokenLine = number;
    problem = "line " + number + " (byte " + offset + ") " + why;
  }

  Verification result() {
    return new Verification(
        lines, brokenLine, problem, Chain.hex(chain), anchor == null ? null : Chain.hex(anchor), anchorFound);
  }
}
