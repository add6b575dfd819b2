package dev.rapport.crm.jackson;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import tools.jackson.core.JsonGenerator;

/**
 * Preferences ({@code wire-format.md}, Events: {@code preferences}): {@code { "profiling"?,
 * "quietHours"?, "caps"?, "coolOffAfterPurchase"? }}, quiet hours {@code { "start", "end" }} and
 * caps {@code { "purposes"?, "channels"?, "max", "per" }}. A {@code preferences} event carries
 * the same fields beside its id, type and instant. Defaults ({@code NONE}, no caps) are not
 * written.
 */
final class PreferencesJson {
  static final String[] FIELDS = {"profiling", "quietHours", "caps", "coolOffAfterPurchase"};
  static final String[] CAP_FIELDS = {"purposes", "channels", "max", "per"};

  private PreferencesJson() {}

  /** Writes the fields of {@code preferences} into the object being written. */
  static void writeFields(Preferences preferences, JsonGenerator gen) {
    if (preferences.profiling() != Profiling.NONE) {
      gen.writeStringProperty("profiling", preferences.profiling().name());
    }
    if (preferences.quietHours().isPresent()) {
      gen.writeName("quietHours");
      writeQuietHours(preferences.quietHours().get(), gen);
    }
    if (!preferences.caps().isEmpty()) {
      gen.writeName("caps");
      writeCaps(preferences.caps(), gen);
    }
    if (preferences.coolOffAfterPurchase().isPresent()) {
      gen.writeStringProperty(
          "coolOffAfterPurchase", JsonOut.duration(preferences.coolOffAfterPurchase().get()));
    }
  }

  static void writeQuietHours(QuietHours quietHours, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("start", JsonOut.localTime(quietHours.start()));
    gen.writeStringProperty("end", JsonOut.localTime(quietHours.end()));
    gen.writeEndObject();
  }

  static void writeCaps(Iterable<FrequencyCap> caps, JsonGenerator gen) {
    gen.writeStartArray();
    for (FrequencyCap cap : caps) {
      writeCap(cap, gen);
    }
    gen.writeEndArray();
  }

  static void writeCap(FrequencyCap cap, JsonGenerator gen) {
    gen.writeStartObject();
    if (!cap.purposes().isEmpty()) {
      JsonOut.names(gen, "purposes", cap.purposes());
    }
    if (!cap.channels().isEmpty()) {
      JsonOut.names(gen, "channels", cap.channels());
    }
    gen.writeNumberProperty("max", cap.max());
    gen.writeStringProperty("per", JsonOut.duration(cap.per()));
    gen.writeEndObject();
  }

  /**
   * Reads the current field into {@code builder} if it is a preferences field.
   *
   * @return false if the field is not a preferences field
   */
  static boolean readField(JsonIn in, String name, Preferences.Builder builder) {
    switch (name) {
      case "profiling":
        builder.profiling(in.enumValue(Profiling.class));
        return true;
      case "quietHours":
        builder.quietHours(readQuietHours(in));
        return true;
      case "caps":
        builder.caps(in.list(PreferencesJson::readCap));
        return true;
      case "coolOffAfterPurchase":
        builder.coolOffAfterPurchase(in.duration());
        return true;
      default:
        return false;
    }
  }

  static Preferences read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("preferences", FIELDS);
    Preferences.Builder builder = Preferences.builder();
    while (object.next()) {
      if (!readField(in, object.name(), builder)) {
        throw object.unknownField("preferences", FIELDS);
      }
    }
    return object.build(builder::build);
  }

  static QuietHours readQuietHours(JsonIn in) {
    JsonIn.ObjectIn object = in.object("quiet hours", "start", "end");
    java.time.LocalTime start = null;
    java.time.LocalTime end = null;
    while (object.next()) {
      switch (object.name()) {
        case "start":
          start = in.localTime();
          break;
        case "end":
          end = in.localTime();
          break;
        default:
          throw object.unknownField("quiet hours", "start", "end");
      }
    }
    object.require("quiet hours", "start", "end");
    java.time.LocalTime from = start;
    java.time.LocalTime to = end;
    return object.build(() -> QuietHours.of(from, to));
  }

  static FrequencyCap readCap(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a frequency cap", CAP_FIELDS);
    FrequencyCap.Builder builder = FrequencyCap.builder();
    while (object.next()) {
      switch (object.name()) {
        case "purposes":
          builder.purposes(in.enumSet(Purpose.class));
          break;
        case "channels":
          builder.channels(in.enumSet(Channel.class));
          break;
        case "max":
          builder.max(in.integer());
          break;
        case "per":
          builder.per(in.duration());
          break;
        default:
          throw object.unknownField("a frequency cap", CAP_FIELDS);
      }
    }
    object.require("a frequency cap", "purposes", "max", "per");
    return object.build(builder::build);
  }
}
