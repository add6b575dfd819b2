package dev.rapport.crm.jackson;

import dev.rapport.crm.customer.CustomerKind;
import dev.rapport.crm.customer.CustomerProfile;
import tools.jackson.core.JsonGenerator;

/**
 * {@code { "id", "jurisdiction", "zone", "kind"? }} ({@code wire-format.md}, Customer profile).
 * {@code kind} is written only when it is not the default {@code INDIVIDUAL}.
 */
final class CustomerProfileJson {

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

  private static final ObjectReader<CustomerProfile.Builder, CustomerProfile> READER =
      ObjectReader.of("a customer profile", CustomerProfile::builder, CustomerProfile.Builder::build)
          .required("id", JsonIn::string, CustomerProfile.Builder::id)
          .required("jurisdiction", JsonIn::jurisdiction, CustomerProfile.Builder::jurisdiction)
          .required("zone", JsonIn::zone, CustomerProfile.Builder::zone)
          .optional("kind", in -> in.enumValue(CustomerKind.class), CustomerProfile.Builder::kind);

  static CustomerProfile read(JsonIn in) {
    return READER.read(in);
  }
}
