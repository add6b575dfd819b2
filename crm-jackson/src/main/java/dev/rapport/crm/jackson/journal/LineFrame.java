package dev.rapport.crm.jackson.journal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The frame of one journal line: a compact JSON object whose last property is {@code "crc32c"},
 * the CRC-32C of the object as it reads without that property, in eight lower-case hex digits,
 * and a newline:
 *
 * <pre>{@code
 * {"op":"create","customer":{...},"crc32c":"0c9e5a1f"}\n
 * }</pre>
 *
 * <p>The checksum sits at a fixed distance from the end, so a reader checks a line without
 * parsing it, and the line is still plain JSON.
 */
final class LineFrame {
  /** {@code ,"crc32c":"xxxxxxxx"}} */
  private static final byte[] PREFIX = ",\"crc32c\":\"".getBytes(US_ASCII);

  static final int SUFFIX_LENGTH = PREFIX.length + 8 + 2; // hex digits, quote, brace

  private LineFrame() {}

  /** The line for a compact JSON object {@code body}, with its checksum and the newline. */
  static byte[] seal(byte[] body) {
    checkArgument(
        body.length > 2 && body[0] == '{' && body[body.length - 1] == '}',
        "a journal line holds a non-empty JSON object");
    byte[] line = Arrays.copyOf(body, body.length - 1 + SUFFIX_LENGTH + 1);
    int at = body.length - 1;
    System.arraycopy(PREFIX, 0, line, at, PREFIX.length);
    at += PREFIX.length;
    byte[] hex = String.format("%08x", crc(body, 0, body.length)).getBytes(US_ASCII);
    System.arraycopy(hex, 0, line, at, 8);
    at += 8;
    line[at++] = '"';
    line[at++] = '}';
    line[at] = '\n';
    return line;
  }

  /**
   * Whether {@code line} (without its newline, {@code length} bytes) is framed and its checksum
   * matches its content.
   */
  static boolean isIntact(byte[] line, int length) {
    return isIntact(line, 0, length);
  }

  /** Whether the line of {@code length} bytes at {@code from} in {@code bytes} is intact. */
  static boolean isIntact(byte[] bytes, int from, int length) {
    int end = from + length;
    if (length < SUFFIX_LENGTH + 2 || bytes[from] != '{' || bytes[end - 1] != '}') {
      return false;
    }
    int suffix = end - SUFFIX_LENGTH;
    for (int i = 0; i < PREFIX.length; i++) {
      if (bytes[suffix + i] != PREFIX[i]) {
        return false;
      }
    }
    if (bytes[end - 2] != '"') {
      return false;
    }
    long stored = 0;
    for (int i = suffix + PREFIX.length; i < end - 2; i++) {
      int digit = Chain.lowerHex(bytes[i]);
      if (digit < 0) {
        return false; // only lower-case hex digits, as written
      }
      stored = stored << 4 | digit;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, suffix - from);
    crc.update('}');
    return crc.getValue() == stored;
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }
}
