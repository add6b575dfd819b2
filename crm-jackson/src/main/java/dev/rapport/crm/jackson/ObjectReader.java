package dev.rapport.crm.jackson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The strict reader of one object type of the wire format (crm-jackson/README.md, "Strict
 * reading"), declared field by field: what is generic (unknown, duplicate, missing and null
 * fields, the model's refusal) is done here once, and each type only names its fields, how each
 * is read and where it goes.
 *
 * <pre>{@code
 * ObjectReader.of("a customer profile", CustomerProfile::builder, CustomerProfile.Builder::build)
 *     .required("id", JsonIn::string, CustomerProfile.Builder::id)
 *     .optional("kind", in -> in.enumValue(CustomerKind.class), CustomerProfile.Builder::kind);
 * }</pre>
 *
 * <p>A type without a builder reads into {@link Values} ({@link #ofValues}); its fields are then
 * declared without a setter.
 *
 * @param <B> what the fields are read into: the model's builder, or {@link Values}
 * @param <T> the type read
 */
final class ObjectReader<B, T> {
  @FunctionalInterface
  private interface Field<B> {
    void read(JsonIn in, B target);
  }

  private final String what;
  private final Supplier<B> start;
  private final Function<B, T> finish;
  private final Map<String, Field<B>> fields = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();
  private JsonIn.Names names = JsonIn.Names.ANY;
  private String[] requiredNames = new String[0];

  private ObjectReader(String what, Supplier<B> start, Function<B, T> finish) {
    this.what = what;
    this.start = start;
    this.finish = finish;
  }

  /** A reader of {@code what} (such as {@code "evidence"}) that fills the model's builder. */
  static <B, T> ObjectReader<B, T> of(String what, Supplier<B> builder, Function<B, T> build) {
    return new ObjectReader<>(what, builder, build);
  }

  /** A reader of {@code what} that collects its fields' values for {@code build}. */
  static <T> ObjectReader<Values, T> ofValues(String what, Function<Values, T> build) {
    return new ObjectReader<>(what, Values::new, build);
  }

  /** A field that must be present (and not null). */
  <V> ObjectReader<B, T> required(
      String name, Function<JsonIn, V> value, BiConsumer<B, ? super V> set) {
    required.add(name);
    requiredNames = required.toArray(new String[0]);
    return optional(name, value, set);
  }

  /** A field that may be absent or null. */
  <V> ObjectReader<B, T> optional(
      String name, Function<JsonIn, V> value, BiConsumer<B, ? super V> set) {
    fields.put(name, (in, target) -> set.accept(target, value.apply(in)));
    names = new JsonIn.Names(fields.keySet().toArray(new String[0]));
    return this;
  }

  /** A required field of a reader of {@link Values}. */
  ObjectReader<B, T> required(String name, Function<JsonIn, ?> value) {
    return required(name, value, (target, v) -> ((Values) target).values.put(name, v));
  }

  /** An optional field of a reader of {@link Values}. */
  ObjectReader<B, T> optional(String name, Function<JsonIn, ?> value) {
    return optional(name, value, (target, v) -> ((Values) target).values.put(name, v));
  }

  /** The names of the fields, in the order of the wire format (for "allowed: ..."). */
  String[] names() {
    return names.toArray();
  }

  /** Reads the object the parser stands on. */
  T read(JsonIn in) {
    JsonIn.ObjectIn object = in.object(what, names);
    B target = start.get();
    if (target instanceof Values values) {
      values.in = in;
      values.object = object;
    }
    while (object.next()) {
      if (!readField(in, object.name(), target)) {
        throw object.unknownField(what, names.toArray());
      }
    }
    object.require(what, requiredNames);
    return object.build(() -> finish.apply(target));
  }

  /**
   * Reads the current field into {@code target} if it is one of this type's (for an object
   * that holds this type's fields beside its own, such as a preferences event).
   *
   * @return false if it is not
   */
  boolean readField(JsonIn in, String name, B target) {
    Field<B> field = fields.get(name);
    if (field == null) {
      return false;
    }
    field.read(in, target);
    return true;
  }

  /** The values of an object read without a builder, by field name. */
  static final class Values {
    private final Map<String, Object> values = new HashMap<>();
    private @Nullable JsonIn in;
    private JsonIn.@Nullable ObjectIn object;

    /** The value of a required field, or of an optional one that may be null. */
    @SuppressWarnings("unchecked")
    <V> V get(String name) {
      return (V) values.get(name);
    }

    /** The value of an optional field. */
    <V> Optional<V> optional(String name) {
      return Optional.ofNullable(get(name));
    }

    /** The value of an optional field, or {@code absent}. */
    <V> V getOr(String name, V absent) {
      V value = get(name);
      return value == null ? absent : value;
    }

    /** The input, for errors found while building. */
    JsonIn in() {
      if (in == null) {
        throw new IllegalStateException("not being read");
      }
      return in;
    }

    /** The object being read, for its path and position. */
    JsonIn.ObjectIn object() {
      if (object == null) {
        throw new IllegalStateException("not being read");
      }
      return object;
    }
  }
}
