package dev.rapport.crm.jackson.journal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain of a journal ({@code crm-jackson/README.md}, "Tamper evidence"). Every line's
 * <em>content</em> (the JSON object without its {@code prev} and {@code crc32c} properties) has
 * a SHA-256 digest; the chain value after a line is {@code SHA-256(previous value || digest)},
 * starting from 32 zero bytes; each line stores the chain value before it as {@code "prev"}:
 *
 * <pre>{@code
 * {"op":"create","customer":{...},"salt":"...","prev":"<64 hex>","crc32c":"<8 hex>"}
 * }</pre>
 *
 * <p>Because the chain covers digests, not content, an erasure replaces a line by a {@code
 * redacted} line holding only the customer id and the old line's digest, and every chain value
 * stays the same. The head (the value after the last line) anchors the whole journal.
 */
final class Chain {
  /** The chain value before the first line. */
  static final byte[] GENESIS = new byte[32];

  private static final HexFormat HEX = HexFormat.of();

  /** {@code ,"prev":"} */
  private static final byte[] PREFIX = ",\"prev\":\"".getBytes(US_ASCII);

  /** The length of {@code ,"prev":"<64 hex>"} */
  static final int SUFFIX_LENGTH = PREFIX.length + 64 + 1;

  private Chain() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The digest of a content object. */
  static byte[] digest(byte[] content) {
    return sha256().digest(content);
  }

  /**
   * The digest of the content of a framed line: its first {@code contentEnd} bytes followed by
   * the closing brace. {@code sha} must be reset, as {@code digest()} leaves it (here and in
   * {@link #link}).
   */
  static byte[] contentDigest(MessageDigest sha, byte[] line, int contentEnd) {
    return contentDigest(sha, line, 0, contentEnd);
  }

  /** The digest of the content of the framed line at {@code from} in {@code bytes}. */
  static byte[] contentDigest(MessageDigest sha, byte[] bytes, int from, int contentEnd) {
    // sha is reset: new, or after its last digest()
    sha.update(bytes, from, contentEnd - from);
    sha.update((byte) '}');
    return sha.digest();
  }

  /** The chain value after a line of this digest. */
  static byte[] link(MessageDigest sha, byte[] previous, byte[] digest) {
    sha.update(previous);
    sha.update(digest);
    return sha.digest();
  }

  /** {@code content} (a compact JSON object) with {@code "prev"} added as its last property. */
  static byte[] withPrev(byte[] content, byte[] prev) {
    byte[] body = Arrays.copyOf(content, content.length - 1 + SUFFIX_LENGTH + 1);
    int at = content.length - 1;
    System.arraycopy(PREFIX, 0, body, at, PREFIX.length);
    at += PREFIX.length;
    byte[] hex = HEX.formatHex(prev).getBytes(US_ASCII);
    System.arraycopy(hex, 0, body, at, 64);
    at += 64;
    body[at++] = '"';
    body[at] = '}';
    return body;
  }

  /**
   * Where the content of a framed line ends (the offset of its {@code ,"prev":} property), or
   * -1 if the line has no well-formed {@code prev} before its checksum.
   */
  static int contentEnd(byte[] line, int length) {
    return contentEnd(line, 0, length);
  }

  /**
   * Where the content of the framed line of {@code length} bytes at {@code from} in {@code
   * bytes} ends, as an index of {@code bytes}, or -1.
   */
  static int contentEnd(byte[] bytes, int from, int length) {
    int end = from + length - LineFrame.SUFFIX_LENGTH - SUFFIX_LENGTH;
    if (end < from + 2) {
      return -1;
    }
    for (int i = 0; i < PREFIX.length; i++) {
      if (bytes[end + i] != PREFIX[i]) {
        return -1;
      }
    }
    return bytes[end + SUFFIX_LENGTH - 1] == '"' ? end : -1;
  }

  /**
   * The {@code prev} value stored in a line whose content ends at {@code contentEnd}; null if it
   * is not 64 lower-case hex digits.
   */
  static byte @Nullable [] prev(byte[] line, int contentEnd) {
    byte[] prev = new byte[32];
    int at = contentEnd + PREFIX.length;
    for (int i = 0; i < 32; i++) {
      int high = lowerHex(line[at + 2 * i]);
      int low = lowerHex(line[at + 2 * i + 1]);
      if (high < 0 || low < 0) {
        return null; // only lower-case hex digits, as written
      }
      prev[i] = (byte) (high << 4 | low);
    }
    return prev;
  }

  static int lowerHex(byte c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }

  static String hex(byte[] value) {
    return HEX.formatHex(value);
  }

  static byte[] parseHex(String hex) {
    return HEX.parseHex(hex);
  }
}
