package dev.rapport.crm.jackson;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Source;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * {@code { "source", "actor", "staff"?, "notice"?, "written"?, "preTicked"?, "capturedAt"?,
 * "details"? }} ({@code crm-jackson/README.md}, Evidence). Booleans are written only when true,
 * {@code details} only when not empty.
 */
final class EvidenceJson {

  private EvidenceJson() {}

  static void write(Evidence evidence, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("source", evidence.source().name());
    gen.writeStringProperty("actor", evidence.actor().name());
    JsonOut.string(gen, "staff", evidence.staff());
    JsonOut.string(gen, "notice", evidence.notice());
    JsonOut.flag(gen, "written", evidence.written());
    JsonOut.flag(gen, "preTicked", evidence.preTicked());
    JsonOut.instant(gen, "capturedAt", evidence.capturedAt());
    if (!evidence.details().isEmpty()) {
      gen.writeObjectPropertyStart("details");
      for (Map.Entry<String, String> detail : evidence.details().entrySet()) {
        gen.writeStringProperty(detail.getKey(), detail.getValue());
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static final ObjectReader<Evidence.Builder, Evidence> READER =
      ObjectReader.of("evidence", Evidence::builder, Evidence.Builder::build)
          .required("source", in -> in.enumValue(Source.class), Evidence.Builder::source)
          .required("actor", in -> in.enumValue(Actor.class), Evidence.Builder::actor)
          .optional("staff", JsonIn::sharedString, Evidence.Builder::staff)
          .optional("notice", JsonIn::sharedString, Evidence.Builder::notice)
          .optional("written", JsonIn::bool, Evidence.Builder::written)
          .optional("preTicked", JsonIn::bool, Evidence.Builder::preTicked)
          .optional("capturedAt", JsonIn::instant, Evidence.Builder::capturedAt)
          .optional("details", JsonIn::stringMap, Evidence.Builder::details);

  static Evidence read(JsonIn in) {
    return READER.read(in);
  }
}
