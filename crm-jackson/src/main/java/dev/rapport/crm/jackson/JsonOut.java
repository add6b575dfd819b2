package dev.rapport.crm.jackson;

import com.google.common.base.Preconditions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/** Writing conventions of the wire format ({@code crm-jackson/README.md}, Conventions). */
final class JsonOut {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final long SECONDS_PER_DAY = 86_400;

  private JsonOut() {}

  /** ISO-8601 in UTC with {@code Z}. */
  static String instant(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** {@code P14D} for whole days, else {@code PT36H}, {@code PT1H30M}, ... */
  static String duration(Duration duration) {
    Preconditions.checkArgument(!duration.isNegative(), "a negative duration %s has no wire form", duration);
    if (!duration.isZero() && duration.getNano() == 0 && duration.getSeconds() % SECONDS_PER_DAY == 0) {
      return "P" + duration.getSeconds() / SECONDS_PER_DAY + "D";
    }
    return duration.toString();
  }

  /** {@code HH:mm}; a time with seconds has no wire form. */
  static String localTime(LocalTime time) {
    Preconditions.checkArgument(
        time.getSecond() == 0 && time.getNano() == 0,
        "local time %s has seconds; the wire format holds HH:mm only",
        time);
    return HH_MM.format(time);
  }

  static void string(JsonGenerator gen, String name, Optional<String> value) {
    if (value.isPresent()) {
      gen.writeStringProperty(name, value.get());
    }
  }

  static void instant(JsonGenerator gen, String name, Instant value) {
    gen.writeStringProperty(name, instant(value));
  }

  static void instant(JsonGenerator gen, String name, Optional<Instant> value) {
    if (value.isPresent()) {
      instant(gen, name, value.get());
    }
  }

  /** Booleans are written only when true. */
  static void flag(JsonGenerator gen, String name, boolean value) {
    if (value) {
      gen.writeBooleanProperty(name, true);
    }
  }

  static void names(JsonGenerator gen, String name, Collection<? extends Enum<?>> values) {
    gen.writeArrayPropertyStart(name);
    for (Enum<?> value : values) {
      gen.writeString(value.name());
    }
    gen.writeEndArray();
  }
}
