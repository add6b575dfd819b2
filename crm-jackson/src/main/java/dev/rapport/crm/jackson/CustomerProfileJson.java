package dev.rapport.crm.jackson;

import dev.rapport.crm.customer.CustomerKind;
import dev.rapport.crm.customer.CustomerProfile;
import tools.jackson.core.JsonGenerator;

/**
 * {@code { "id", "jurisdiction", "zone", "kind"? }} ({@code wire-format.md}, Customer profile).
 * {@code kind} is written only when it is not the default {@code INDIVIDUAL}.
 */
final class CustomerProfileJson {
  static final String[] FIELDS = {"id", "jurisdiction", "zone", "kind"};

  private CustomerProfileJson() {}

  static void write(CustomerProfile profile, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("id", profile.id());
    gen.writeStringProperty("jurisdiction", profile.jurisdiction().code());
    gen.writeStringProperty("zone", profile.zone().getId());
    if (profile.kind() != CustomerKind.INDIVIDUAL) {
      gen.writeStringProperty("kind", profile.kind().name());
    }
    gen.writeEndObject();
  }

  static CustomerProfile read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a customer profile", FIELDS);
    CustomerProfile.Builder builder = CustomerProfile.builder();
    while (object.next()) {
      switch (object.name()) {
        case "id":
          builder.id(in.string());
          break;
        case "jurisdiction":
          builder.jurisdiction(in.jurisdiction());
          break;
        case "zone":
          builder.zone(in.zone());
          break;
        case "kind":
          builder.kind(in.enumValue(CustomerKind.class));
          break;
        default:
          throw object.unknownField("a customer profile", FIELDS);
      }
    }
    object.require("a customer profile", "id", "jurisdiction", "zone");
    return object.build(builder::build);
  }
}
