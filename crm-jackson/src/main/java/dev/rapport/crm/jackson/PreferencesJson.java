package dev.rapport.crm.jackson;

import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import tools.jackson.core.JsonGenerator;

/**
 * Preferences ({@code crm-jackson/README.md}, Events: {@code preferences}): {@code { "profiling"?,
 * "quietHours"?, "caps"?, "coolOffAfterPurchase"? }}, quiet hours {@code { "start", "end" }} and
 * caps {@code { "purposes"?, "channels"?, "max", "per" }}. A {@code preferences} event carries
 * the same fields beside its id, type and instant. Defaults ({@code NONE}, no caps) are not
 * written.
 */
final class PreferencesJson {

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
    gen.writeStringProperty("start", JsonOut.localTime(quietHours.window().start()));
    gen.writeStringProperty("end", JsonOut.localTime(quietHours.window().end()));
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

  private static final ObjectReader<Preferences.Builder, Preferences> READER =
      ObjectReader.of("preferences", Preferences::builder, Preferences.Builder::build)
          .optional("profiling", in -> in.enumValue(Profiling.class), Preferences.Builder::profiling)
          .optional("quietHours", PreferencesJson::readQuietHours, Preferences.Builder::quietHours)
          .optional("caps", in -> in.list(PreferencesJson::readCap), Preferences.Builder::caps)
          .optional("coolOffAfterPurchase", JsonIn::duration, Preferences.Builder::coolOffAfterPurchase);

  /** The fields of preferences, in the order of the wire format. */
  static final String[] FIELDS = READER.names();

  private static final ObjectReader<ObjectReader.Values, QuietHours> QUIET_HOURS =
      ObjectReader.ofValues("quiet hours", v -> QuietHours.of(v.get("start"), v.get("end")))
          .required("start", JsonIn::localTime)
          .required("end", JsonIn::localTime);

  private static final ObjectReader<FrequencyCap.Builder, FrequencyCap> CAP =
      ObjectReader.of("a frequency cap", FrequencyCap::builder, FrequencyCap.Builder::build)
          .required("purposes", in -> in.enumSet(Purpose.class), FrequencyCap.Builder::purposes)
          .optional("channels", in -> in.enumSet(Channel.class), FrequencyCap.Builder::channels)
          .required("max", JsonIn::integer, FrequencyCap.Builder::max)
          .required("per", JsonIn::duration, FrequencyCap.Builder::per);

  /**
   * Reads the current field into {@code builder} if it is a preferences field.
   *
   * @return false if the field is not a preferences field
   */
  static boolean readField(JsonIn in, String name, Preferences.Builder builder) {
    return READER.readField(in, name, builder);
  }

  static Preferences read(JsonIn in) {
    return READER.read(in);
  }

  static QuietHours readQuietHours(JsonIn in) {
    return QUIET_HOURS.read(in);
  }

  static FrequencyCap readCap(JsonIn in) {
    return CAP.read(in);
  }
}
