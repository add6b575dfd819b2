package dev.rapport.crm.jackson;

import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Source;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * {@code { "source", "actor", "staff"?, "notice"?, "written"?, "preTicked"?, "capturedAt"?,
 * "details"? }} ({@code wire-format.md}, Evidence). Booleans are written only when true,
 * {@code details} only when not empty.
 */
final class EvidenceJson {
  static final String[] FIELDS = {
    "source", "actor", "staff", "notice", "written", "preTicked", "capturedAt", "details"
  };

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

  static Evidence read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("evidence", FIELDS);
    Evidence.Builder builder = Evidence.builder();
    while (object.next()) {
      switch (object.name()) {
        case "source":
          builder.source(in.enumValue(Source.class));
          break;
        case "actor":
          builder.actor(in.enumValue(Actor.class));
          break;
        case "staff":
          builder.staff(in.string());
          break;
        case "notice":
          builder.notice(in.string());
          break;
        case "written":
          builder.written(in.bool());
          break;
        case "preTicked":
          builder.preTicked(in.bool());
          break;
        case "capturedAt":
          builder.capturedAt(in.instant());
          break;
        case "details":
          builder.details(in.stringMap());
          break;
        default:
          throw object.unknownField("evidence", FIELDS);
      }
    }
    object.require("evidence", "source", "actor");
    return object.build(builder::build);
  }
}
