package dev.rapport.crm.jackson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Turns the explicit write and read functions of each wire-format type into Jackson's
 * serializer and deserializer, so that every type is registered the same way.
 */
final class Adapter {
  private Adapter() {}

  /** Writes one value of the wire format. */
  @FunctionalInterface
  interface Writer<T> {
    void write(T value, JsonGenerator gen);
  }

  /** Reads one value of the wire format, strictly. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonIn in);
  }

  static <T> ValueSerializer<T> serializer(Writer<T> writer) {
    return new ValueSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
        writer.write(value, gen);
      }
    };
  }

  static <T> ValueDeserializer<T> deserializer(Reader<T> reader) {
    return new ValueDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) {
        return reader.read(new JsonIn(p));
      }
    };
  }
}
