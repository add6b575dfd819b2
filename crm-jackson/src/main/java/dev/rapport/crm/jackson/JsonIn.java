package dev.rapport.crm.jackson;

import static java.util.stream.Collectors.joining;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.limits.Limits;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

/**
 * Strict reading of the wire format ({@code crm-jackson/README.md}, Conventions) over a Jackson parser:
 * every failure is a {@link WireFormatException} naming the JSON path and the position.
 *
 * <p>Convention of every {@code read} method: the parser stands on the value's first token, and
 * is left on its last token (as a Jackson deserializer).
 */
final class JsonIn {
  private static final Pattern DURATION =
      Pattern.compile("P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
  private static final Pattern LOCAL_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
  private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  static final String ALL = "ALL";

  final JsonParser parser;

  JsonIn(JsonParser parser) {
    this.parser = parser;
  }

  // ---------------------------------------------------------------- paths and errors

  /**
   * The JSON path of the current token, such as {@code $.events[2].evidence.actor}. Built from
   * the same {@link TokenStreamContext} chain as Jackson's {@code pathAsPointer()}, but not from
   * the pointer: a pointer segment {@code /2} is either an index or a field named {@code "2"}
   * (an evidence detail may be), and the path says which ({@code [2]} or {@code ['2']}).
   */
  String path() {
    return path(parser.streamReadContext());
  }

  static String path(@Nullable TokenStreamContext context) {
    List<TokenStreamContext> chain = new ArrayList<>();
    for (TokenStreamContext c = context; c != null; c = c.getParent()) {
      chain.add(0, c);
    }
    StringBuilder path = new StringBuilder("$");
    for (TokenStreamContext c : chain) {
      if (c.inArray() && c.hasCurrentIndex()) {
        path.append('[').append(c.getCurrentIndex()).append(']');
      } else if (c.inObject() && c.currentName() != null) {
        appendName(path, c.currentName());
      }
    }
    return path.toString();
  }

  static StringBuilder appendName(StringBuilder path, String name) {
    if (SIMPLE_NAME.matcher(name).matches()) {
      return path.append('.').append(name);
    }
    return path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
  }

  TokenStreamLocation location() {
    return parser.currentTokenLocation();
  }

  WireFormatException error(String problem) {
    return new WireFormatException(parser, path(), location(), problem, null);
  }

  WireFormatException error(String path, TokenStreamLocation location, String problem) {
    return new WireFormatException(parser, path, location, problem, null);
  }

  WireFormatException error(
      String path, TokenStreamLocation location, String problem, @Nullable Throwable cause) {
    return new WireFormatException(parser, path, location, problem, cause);
  }

  /** The current token, advancing first if the parser stands before the root value. */
  JsonToken token() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      token = parser.nextToken();
      if (token == null) {
        throw error("no content: the document is empty");
      }
    }
    return token;
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return String.valueOf(token);
    }
  }

  private WireFormatException wrongType(String expected) {
    JsonToken token = token();
    if (token == JsonToken.START_ARRAY) {
      return error("expected " + expected + ", got a list (a single value is expected here)");
    }
    return error("expected " + expected + ", got " + describe(token));
  }

  // ---------------------------------------------------------------- scalars

  String string() {
    if (token() != JsonToken.VALUE_STRING) {
      throw wrongType("a string");
    }
    return parser.getString();
  }

  /** Values kept per thread by {@link #sharedString}: a slot per hash, the last value wins. */
  private static final ThreadLocal<String[]> SHARED = ThreadLocal.withInitial(() -> new String[256]);

  /** The longest value {@link #sharedString} keeps. */
  private static final int SHARED_LENGTH = 64;

  /**
   * A string, as the same instance as an equal value read recently on this thread: for fields
   * whose values repeat across many events (a legal entity, a staff member, a notice's version),
   * so that a million events read keep one copy of each value rather than a million. A short
   * value is kept in a small table per thread until an other value takes its slot.
   */
  String sharedString() {
    String text = string();
    if (text.length() > SHARED_LENGTH) {
      return text;
    }
    String[] seen = SHARED.get();
    int slot = text.hashCode() & (seen.length - 1);
    String kept = seen[slot];
    if (text.equals(kept)) {
      return kept;
    }
    seen[slot] = text;
    return text;
  }

  boolean bool() {
    JsonToken token = token();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType("a boolean (true or false)");
  }

  int integer() {
    if (token() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType("a whole number");
    }
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw error("number " + parser.getString() + " is out of range");
    }
    return parser.getIntValue();
  }

  /**
   * A string of exactly {@code digits} lower-case hex digits (a hash, a checksum, a salt), checked
   * where the parser holds it: no string is made unless it is refused.
   */
  void hexDigits(int digits) {
    if (token() != JsonToken.VALUE_STRING) {
      throw wrongType("a string");
    }
    char[] text = parser.getStringCharacters();
    int offset = parser.getStringOffset();
    int length = parser.getStringLength();
    boolean hex = length == digits;
    for (int i = 0; hex && i < length; i++) {
      char c = text[offset + i];
      hex = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
    if (!hex) {
      throw error(
          "expected " + digits + " lower-case hex digits, got \"" + new String(text, offset, length) + "\"");
    }
  }

  /**
   * Checks that the value is a string, without decoding it: for a field whose content another
   * layer checks (a journal line's chain link and checksum, which its frame checks).
   */
  void skipString() {
    if (token() != JsonToken.VALUE_STRING) {
      throw wrongType("a string");
    }
  }

  /** The bytes of a string of {@code 2 * bytes} lower-case hex digits. */
  byte[] hexBytes(int bytes) {
    hexDigits(2 * bytes);
    char[] text = parser.getStringCharacters();
    int offset = parser.getStringOffset();
    byte[] value = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      value[i] = (byte) (Character.digit(text[offset + 2 * i], 16) << 4 | Character.digit(text[offset + 2 * i + 1], 16));
    }
    return value;
  }

  /**
   * An instant of years 0000 to 9999 (four digits, as {@link Limits} bounds them); a leap second
   * {@code :60} is refused, since an instant has none and reading it as {@code :59} would change
   * it.
   */
  Instant instant() {
    String text = string();
    if (isInstantShape(text)) {
      if (text.charAt(17) == '6' && text.charAt(18) == '0') {
        throw error(
            "leap second in \""
                + text
                + "\": an instant has no second 60; write the instant as :59 or the next minute");
      }
      Instant instant = parseInstant(text);
      if (instant != null) {
        return instant;
      }
    }
    throw error(
        "malformed instant \""
            + text
            + "\": expected ISO-8601 in UTC with Z, such as 2026-03-02T10:00:00Z");
  }

  /** Whether {@code text} has the shape {@code dddd-dd-ddTdd:dd:dd(.d{1,9})?Z}. */
  private static boolean isInstantShape(String text) {
    int length = text.length();
    if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') {
      return false;
    }
    String shape = "dddd-dd-ddTdd:dd:dd";
    for (int i = 0; i < shape.length(); i++) {
      char expected = shape.charAt(i);
      char c = text.charAt(i);
      if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
        return false;
      }
    }
    if (length > 20) {
      if (text.charAt(19) != '.') {
        return false;
      }
      for (int i = 20; i < length - 1; i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The instant of {@code text}, which has {@linkplain #isInstantShape the shape of one}; null for an impossible date or
   * time (such as February 30). Faster than a {@code DateTimeFormatter}, and as strict.
   */
  private static @Nullable Instant parseInstant(String text) {
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long day;
    try {
      day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    int nanos = 0;
    if (text.charAt(19) == '.') {
      int end = text.length() - 1;
      nanos = digits(text, 20, end);
      for (int i = end - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    return Instant.ofEpochSecond(day * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** An exact duration of at most {@link Limits#MAX_DURATION}. */
  Duration duration() {
    String text = string();
    if (DURATION.matcher(text).matches()) {
      Duration duration;
      try {
        duration = Duration.parse(text);
      } catch (DateTimeParseException | ArithmeticException e) {
        duration = null; // well-formed, so it overflowed: longer than a Duration holds
      }
      if (duration == null || duration.compareTo(Limits.MAX_DURATION) > 0) {
        throw error(
            "duration \""
                + text
                + "\" is longer than the longest accepted, P36500D (36,500 days)");
      }
      return duration;
    }
    throw malformedDuration(text);
  }

  private WireFormatException malformedDuration(String text) {
    return error(
        "malformed duration \""
            + text
            + "\": expected ISO-8601 in days, hours, minutes and seconds, such as P14D or PT36H"
            + " (months and years are not exact and are refused)");
  }

  LocalTime localTime() {
    String text = string();
    if (!LOCAL_TIME.matcher(text).matches()) {
      throw error("malformed local time \"" + text + "\": expected HH:mm, such as 21:00");
    }
    return LocalTime.parse(text, HH_MM);
  }

  ZoneId zone() {
    String text = string();
    if (!Limits.isZoneId(text)) {
      throw error(
          "unknown time zone \""
              + text
              + "\": expected an IANA id of a region, such as Europe/London (not an offset)");
    }
    return ZoneId.of(text);
  }

  Jurisdiction jurisdiction() {
    String text = string();
    try {
      return Jurisdiction.of(text);
    } catch (IllegalArgumentException e) {
      throw error(path(), location(), e.getMessage(), e);
    }
  }

  <E extends Enum<E>> E enumValue(Class<E> type) {
    String text = string();
    E value = lookup(type, text);
    if (value == null) {
      throw error(
          "unknown value \"" + text + "\"; allowed: " + allowed(type.getEnumConstants()));
    }
    return value;
  }

  /** Each enum type's constants by name, made once per type (lock-free to read, unlike Guava's). */
  private static final ClassValue<ImmutableMap<String, Enum<?>>> CONSTANTS =
      new ClassValue<>() {
        @Override
        protected ImmutableMap<String, Enum<?>> computeValue(Class<?> type) {
          ImmutableMap.Builder<String, Enum<?>> constants = ImmutableMap.builder();
          for (Object constant : type.getEnumConstants()) {
            constants.put(((Enum<?>) constant).name(), (Enum<?>) constant);
          }
          return constants.buildOrThrow();
        }
      };

  private static <E extends Enum<E>> @Nullable E lookup(Class<E> type, String name) {
    return type.cast(CONSTANTS.get(type).get(name));
  }

  static String allowed(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(joining(", "));
  }

  // ---------------------------------------------------------------- lists and maps

  /** A list; {@code element} reads each element, standing on its first token. */
  <T> ImmutableList<T> list(Function<JsonIn, T> element) {
    if (token() != JsonToken.START_ARRAY) {
      throw wrongType("a list");
    }
    ImmutableList.Builder<T> values = ImmutableList.builder();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (parser.currentToken() == JsonToken.VALUE_NULL) {
        throw error("null is not allowed in a list");
      }
      values.add(element.apply(this));
    }
    return values.build();
  }

  /** A set of enum values; a duplicate value is an error. */
  <E extends Enum<E>> Set<E> enumSet(Class<E> type) {
    EnumSet<E> values = EnumSet.noneOf(type);
    list(
        in -> {
          E value = in.enumValue(type);
          if (!values.add(value)) {
            throw in.error("duplicate value \"" + value + "\"");
          }
          return value;
        });
    return values;
  }

  /** A set read from a list that may be {@code ["ALL"]}: {@code all} says it was. */
  record SetOrAll<E extends Enum<E>>(Set<E> values, boolean all) {}

  /**
   * Like {@link #enumSet}, also accepting {@code ["ALL"]} alone for the full set when
   * {@code allAccepted} is true or unknown (empty).
   */
  <E extends Enum<E>> SetOrAll<E> enumSetOrAll(Class<E> type, Optional<Boolean> allAccepted) {
    EnumSet<E> values = EnumSet.noneOf(type);
    boolean[] all = {false};
    list(
        in -> {
          String text = in.string();
          if (text.equals(ALL)) {
            if (allAccepted.equals(Optional.of(false))) {
              throw in.error("\"ALL\" is allowed only in a withdrawn event");
            }
            if (!values.isEmpty() || all[0]) {
              throw in.error("\"ALL\" must stand alone in the list");
            }
            all[0] = true;
            return text;
          }
          if (all[0]) {
            throw in.error("\"ALL\" must stand alone in the list; got also \"" + text + "\"");
          }
          E value = lookup(type, text);
          if (value == null) {
            throw in.error(
                "unknown value \""
                    + text
                    + "\"; allowed: "
                    + (allAccepted.isEmpty()
                        ? "ALL (in a withdrawn event only), "
                        : allAccepted.get() ? "ALL, " : "")
                    + allowed(type.getEnumConstants()));
          }
          if (!values.add(value)) {
            throw in.error("duplicate value \"" + value + "\"");
          }
          return text;
        });
    return new SetOrAll<>(all[0] ? EnumSet.allOf(type) : values, all[0]);
  }

  /** An object of string values. */
  Map<String, String> stringMap() {
    Map<String, String> values = new LinkedHashMap<>();
    ObjectIn object = object("a map of strings", Names.ANY);
    while (object.next()) {
      values.put(object.name(), string());
    }
    return ImmutableMap.copyOf(values);
  }

  // ---------------------------------------------------------------- objects

  /**
   * The field names of an object type, in the format's order (for "allowed: ..."), each with its
   * index, so that an object read remembers its fields in one word rather than a map.
   */
  static final class Names {
    /** No names: an object of any fields (a map). */
    static final Names ANY = new Names();

    private final String[] list;
    private final Map<String, Integer> index = new HashMap<>();

    Names(String... list) {
      if (list.length > Long.SIZE) {
        throw new IllegalArgumentException("at most " + Long.SIZE + " fields: " + list.length);
      }
      this.list = list.clone();
      for (int i = 0; i < list.length; i++) {
        index.put(list[i], i);
      }
    }

    /** The index of {@code name}, or -1. */
    int indexOf(String name) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }

    String get(int index) {
      return list[index];
    }

    int size() {
      return list.length;
    }

    /** The names, in order. */
    String[] toArray() {
      return list.clone();
    }

    @Override
    public String toString() {
      return String.join(", ", list);
    }
  }

  /**
   * Some of the field names of an object type ({@link Names}), as one bit a name, so that an
   * object read checks each field against them without a lookup; {@link #toString} lists them
   * in the order given, for messages.
   */
  static final class FieldSet {
    private final long bits;
    private final String list;

    FieldSet(Names of, Iterable<String> names) {
      long mask = 0;
      for (String name : names) {
        int index = of.indexOf(name);
        if (index < 0) {
          throw new IllegalArgumentException("not a name of " + of + ": " + name);
        }
        mask |= 1L << index;
      }
      this.bits = mask;
      this.list = String.join(", ", names);
    }

    @Override
    public String toString() {
      return list;
    }
  }

  /**
   * Starts reading the object the parser stands on: {@code what}, such as {@code "an event"},
   * whose fields are {@code known} ({@link Names#ANY}: any field).
   */
  ObjectIn object(String what, Names known) {
    if (token() != JsonToken.START_OBJECT) {
      throw wrongType("an object");
    }
    return new ObjectIn(what, known);
  }

  /**
   * Reads one object field by field: {@link #next()} moves to each field's value, skipping
   * {@code null} values (absent). A name that is not one of the known ones is refused at once,
   * and so is a name given twice (with a {@code null} value too), at its opening quote. What was
   * named and read is kept in one bit a field (a map's names, which are not known in advance,
   * in a set), the position of a value only when the reader asks ({@link #keepLocation}), and
   * paths are built only for an error.
   */
  final class ObjectIn {
    private final String what;
    private final Names known;
    /** The context around the object, which names it (its field or index) while it is read. */
    private final @Nullable TokenStreamContext around =
        parser.streamReadContext() == null ? null : parser.streamReadContext().getParent();
    private @Nullable String path; // computed on first use: only errors need it
    private final TokenStreamLocation start = JsonIn.this.location();
    /** Bit i: known field i was read with a value. */
    private long read;
    /** Bit i: known field i was named, with a value or {@code null}. */
    private long named;
    /** The names of a map's fields ({@link Names#ANY}), made with its first field. */
    private @Nullable Set<String> mapNames;
    /** Where each known field's value was read; allocated with the first one. */
    private TokenStreamLocation @Nullable [] locations;
    private @Nullable String name;
    private int index = -1;

    ObjectIn(String what, Names known) {
      this.what = what;
      this.known = known;
    }

    /** Moves to the next non-null field's value; false at the end of the object. */
    boolean next() {
      while (true) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
          name = null;
          index = -1;
          return false;
        }
        name = parser.currentName();
        index = known.indexOf(name);
        if (index < 0 && known.size() > 0) {
          // at the name, even when its value is null: null is absent only for a field that exists
          throw error(
              fieldPath(name),
              location(),
              "unknown field \"" + name + "\" in " + what + "; allowed: " + known);
        }
        if (!firstNaming()) {
          // at the repeated name: the second value would silently replace the first
          throw error(fieldPath(name), location(), "duplicate field \"" + name + "\"");
        }
        if (parser.nextToken() == JsonToken.VALUE_NULL) {
          continue; // null is absent (crm-jackson/README.md, Conventions)
        }
        if (index >= 0) {
          read |= 1L << index;
        }
        return true;
      }
    }

    /** Records that the current name was given; false if it was given before in this object. */
    private boolean firstNaming() {
      if (index >= 0) {
        long bit = 1L << index;
        boolean first = (named & bit) == 0;
        named |= bit;
        return first;
      }
      if (mapNames == null) {
        mapNames = new HashSet<>();
      }
      return mapNames.add(name);
    }

    /**
     * Keeps where the current field's value is, for an error found after the object is read (a
     * field that the object's deciding field, read later, does not allow). Without it an error
     * about a field already passed is placed at the object's start: the reader keeps only what
     * it may need, since a position is an object made.
     */
    void keepLocation() {
      if (index >= 0) {
        if (locations == null) {
          locations = new TokenStreamLocation[known.size()];
        }
        locations[index] = location();
      }
    }

    /** The current field's name. */
    String name() {
      if (name == null) {
        throw new IllegalStateException("not on a field");
      }
      return name;
    }

    /** The path of the object itself. */
    String path() {
      if (path == null) {
        path = JsonIn.path(around);
      }
      return path;
    }

    /** Where the object starts. */
    TokenStreamLocation start() {
      return start;
    }

    /** The path of the current or a named field. */
    String fieldPath(String field) {
      return appendName(new StringBuilder(path()), field).toString();
    }

    /** Where a known field's value was read ({@link #keepLocation}), or the object's start. */
    TokenStreamLocation fieldLocation(String field) {
      int i = known.indexOf(field);
      return i >= 0 && locations != null && locations[i] != null ? locations[i] : start;
    }

    /** Whether a known field with a non-null value was read. */
    boolean has(String field) {
      int i = known.indexOf(field);
      return i >= 0 && (read & 1L << i) != 0;
    }

    /**
     * For an object whose fields depend on a deciding field ({@code "type"}, {@code "op"}): once
     * it is read ({@code allowed} given), checks the current field at once ({@link #allowOnly});
     * before, keeps the current field's position for the check made at the end, unless it is
     * one of {@code always}.
     */
    void checkOrKeep(String what, @Nullable FieldSet allowed, FieldSet always) {
      long bit = index >= 0 ? 1L << index : 0;
      if (allowed == null) {
        if ((always.bits & bit) == 0) {
          keepLocation();
        }
      } else if ((allowed.bits & bit) == 0) {
        keepLocation();
        allowOnly(what, allowed);
      }
    }

    /**
     * Fails on the first field read (in the order of the known names) that {@code allowed} does
     * not hold, at its value: for an object whose fields depend on one of them ({@code "type"},
     * {@code "op"}), which may come in any order.
     *
     * @param what the object as its deciding field made it, such as {@code "a granted event"}
     */
    void allowOnly(String what, FieldSet allowed) {
      long refused = read & ~allowed.bits;
      if (refused != 0) {
        String field = known.get(Long.numberOfTrailingZeros(refused));
        throw error(
            fieldPath(field),
            fieldLocation(field),
            "field \"" + field + "\" is not allowed in " + what + "; allowed: " + allowed);
      }
    }

    /** The error for the current field, which is not one of {@code allowed}. */
    WireFormatException unknownField(String what, String... allowed) {
      return error(
          fieldPath(name()),
          index >= 0 ? fieldLocation(name()) : location(),
          "unknown field \"" + name() + "\" in " + what + "; allowed: " + String.join(", ", allowed));
    }

    /** Fails on the first of {@code fields} that was not read. */
    void require(String what, String... fields) {
      for (String field : fields) {
        if (!has(field)) {
          throw error(fieldPath(field), start, "missing required field \"" + field + "\" in " + what);
        }
      }
    }

    /** Builds the model value, turning the model's refusal into an error naming this object. */
    <T> T build(Supplier<T> builder) {
      try {
        return builder.get();
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        throw error(path(), start, "refused by the model: " + e.getMessage(), e);
      }
    }
  }
}
