package dev.rapport.crm.limits;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The bounds of every value Rapport accepts ({@code RULES.md}, "Bounds of values"). Every
 * builder of the core checks its values against them, and the wire format reader applies the
 * same checks, so a value the core accepts can always be written and read back, and arithmetic
 * on accepted instants and durations cannot overflow.
 *
 * <ul>
 *   <li>Instants: from {@link #MIN_INSTANT} (0000-01-01T00:00:00Z) to {@link #MAX_INSTANT}
 *       (9999-12-31T23:59:59.999999999Z), the years an ISO-8601 instant writes with four digits.
 *   <li>Durations: at most {@link #MAX_DURATION}, 36,500 days (about a century).
 *   <li>Ids (customer, event, the grant a confirmation names): 1 to {@link #MAX_ID_LENGTH}
 *       characters; other strings at most {@link #MAX_STRING_LENGTH}; no string holds an
 *       unpaired surrogate (it has no UTF-8 form). Evidence holds at most {@link #MAX_DETAILS}
 *       details.
 *   <li>Zones: region-based IANA ids known to the JVM's time-zone database, such as {@code
 *       Europe/London} or {@code Etc/GMT-1}; a {@link ZoneOffset} or a prefixed offset such as
 *       {@code GMT+1} or {@code UTC+01:00} is refused (name the region instead).
 * </ul>
 *
 * <pre>{@code
 * Limits.checkInstant(Instant.parse("+10000-01-01T00:00:00Z"), "at"); // IllegalArgumentException
 * }</pre>
 */
public final class Limits {
  /** The earliest instant accepted: 0000-01-01T00:00:00Z. */
  public static final Instant MIN_INSTANT = Instant.parse("0000-01-01T00:00:00Z");

  /** The latest instant accepted: 9999-12-31T23:59:59.999999999Z. */
  public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The longest duration accepted: 36,500 days ({@code P36500D}). */
  public static final Duration MAX_DURATION = Duration.ofDays(36_500);

  /** The longest id accepted, in characters (UTF-16 code units). */
  public static final int MAX_ID_LENGTH = 256;

  /** The longest other string accepted, in characters (UTF-16 code units). */
  public static final int MAX_STRING_LENGTH = 4096;

  /** The most details one piece of evidence holds. */
  public static final int MAX_DETAILS = 64;

  private static final ImmutableSet<String> ZONE_IDS =
      ImmutableSet.copyOf(ZoneId.getAvailableZoneIds());

  private Limits() {}

  /**
   * Returns {@code instant} if it is within [{@link #MIN_INSTANT}, {@link #MAX_INSTANT}].
   *
   * @param what the value's name for the message, such as {@code "granted event e1: at"}
   * @throws IllegalArgumentException if it is outside
   */
  public static Instant checkInstant(Instant instant, String what) {
    checkNotNull(instant, what);
    checkArgument(
        isInRange(instant),
        "%s must be between %s and %s, got %s",
        what,
        MIN_INSTANT,
        MAX_INSTANT,
        instant);
    return instant;
  }

  /** Whether {@code instant} is within [{@link #MIN_INSTANT}, {@link #MAX_INSTANT}]. */
  public static boolean isInRange(Instant instant) {
    return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
  }

  /**
   * Returns {@code duration} if it is at most {@link #MAX_DURATION} (its sign is the caller's
   * rule).
   *
   * @throws IllegalArgumentException if it is longer
   */
  public static Duration checkDuration(Duration duration, String what) {
    checkNotNull(duration, what);
    checkArgument(
        duration.compareTo(MAX_DURATION) <= 0,
        "%s must be at most %s (36,500 days), got %s",
        what,
        MAX_DURATION,
        duration);
    return duration;
  }

  /**
   * Returns {@code id} if it is 1 to {@link #MAX_ID_LENGTH} characters, not blank, with no
   * unpaired surrogate.
   *
   * @throws IllegalArgumentException if not
   */
  public static String checkId(String id, String what) {
    checkNotNull(id, what);
    checkArgument(!id.isBlank(), "%s must not be blank", what);
    return checkText(id, what, MAX_ID_LENGTH);
  }

  /**
   * Returns {@code text} if it is at most {@link #MAX_STRING_LENGTH} characters with no unpaired
   * surrogate.
   *
   * @throws IllegalArgumentException if not
   */
  public static String checkString(String text, String what) {
    checkNotNull(text, what);
    return checkText(text, what, MAX_STRING_LENGTH);
  }

  /**
   * Returns {@code details} if it holds at most {@link #MAX_DETAILS} entries whose keys and
   * values pass {@link #checkString}.
   *
   * @throws IllegalArgumentException if not
   */
  public static Map<String, String> checkDetails(Map<String, String> details, String what) {
    checkArgument(
        details.size() <= MAX_DETAILS,
        "%s must hold at most %s entries, got %s",
        what,
        MAX_DETAILS,
        details.size());
    details.forEach(
        (key, value) -> {
          // the messages are built only on failure
          if (key == null || value == null || !isString(key) || !isString(value)) {
            checkString(key, what + " key");
            checkString(value, what + " '" + abbreviate(key) + "'");
          }
        });
    return details;
  }

  /**
   * Returns {@code zone} if it is a region-based id of the time-zone database ({@link
   * #isZoneId}).
   *
   * @throws IllegalArgumentException if it is an offset or an id the database does not know
   */
  public static ZoneId checkZone(ZoneId zone, String what) {
    checkNotNull(zone, what);
    checkArgument(
        !(zone instanceof ZoneOffset) && isZoneId(zone.getId()),
        "%s must be a region-based IANA time zone id such as Europe/London, got '%s'"
            + " (an offset is not a region: name the region, or Etc/GMT-1 style ids)",
        what,
        zone.getId());
    return zone;
  }

  /**
   * Whether {@code text} passes {@link #checkString}: at most {@link #MAX_STRING_LENGTH}
   * characters, no unpaired surrogate.
   */
  public static boolean isString(String text) {
    return text.length() <= MAX_STRING_LENGTH && unpairedSurrogate(text) < 0;
  }

  /** The index of the first surrogate of {@code text} that is not half of a pair, or -1. */
  private static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code id} is a region-based zone id of the JVM's time-zone database. */
  public static boolean isZoneId(String id) {
    return ZONE_IDS.contains(id);
  }

  private static String checkText(String text, String what, int max) {
    checkArgument(
        text.length() <= max,
        "%s must be at most %s characters, got %s",
        what,
        max,
        text.length());
    int i = unpairedSurrogate(text);
    if (i >= 0) {
      throw new IllegalArgumentException(
          String.format(
              "%s holds an unpaired surrogate (\\u%04X) at index %d, which has no UTF-8 form",
              what, (int) text.charAt(i), i));
    }
    return text;
  }

  private static String abbreviate(String key) {
    return key.length() <= 40 ? key : key.substring(0, 40) + "...";
  }
}
