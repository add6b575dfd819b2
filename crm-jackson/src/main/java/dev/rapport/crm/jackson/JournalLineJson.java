package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.jackson.journal.record.JournalRecord;
import dev.rapport.crm.ledger.Erased;
import dev.rapport.crm.ledger.LedgerEvent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of a journal line ({@code crm-jackson/README.md}, "The journal format"), read as a
 * {@link JournalRecord}: {@code "op"} says which record a line holds (a header has {@code
 * "format"} instead), and each op allows its own fields; the profiles and events inside are read
 * by this module's own readers. As strict as every type of the wire format: an unknown field, a
 * field of another op, a missing or repeated field, a wrong type, a digest or salt that
 * is not lower-case hex of its length, each an error naming its path. Fields may come in any
 * order. The {@code prev} and {@code crc32c} fields are only checked to be strings here: their
 * form, place and value are the journal's frame to check (before a line is read).
 */
final class JournalLineJson {
  private static final String WHAT = "a journal line";

  private static final JsonIn.Names NAMES =
      new JsonIn.Names(
          "format", "op", "customer", "customerId", "expectedVersion", "events", "event", "digest",
          "salt", "prev", "crc32c");

  /** Fields that every line may hold (the deciding fields themselves are checked at the end). */
  private static final JsonIn.FieldSet ALWAYS = new JsonIn.FieldSet(NAMES, List.of("op", "prev", "crc32c"));

  /** What a line holds, by its {@code "op"}. */
  private enum Op {
    HEADER(null, "a header line", List.of("format"), List.of(), line -> new JournalRecord.Header(line.format)),
    CREATE("create", "a create line", List.of("op", "customer"), List.of("salt"),
        line -> new JournalRecord.Create(line.customer)),
    APPEND("append", "an append line", List.of("op", "customerId", "expectedVersion", "events"), List.of("salt"),
        line -> new JournalRecord.Append(line.customerId, line.expectedVersion, line.events)),
    ERASE("erase", "an erase line", List.of("op", "customerId", "expectedVersion", "customer", "event"), List.of(),
        line -> new JournalRecord.Erase(line.customerId, line.expectedVersion, line.customer, (Erased) line.event)),
    REDACTED("redacted", "a redacted line", List.of("op", "customerId", "digest"), List.of(),
        line -> new JournalRecord.Redacted(line.customerId, line.digest));

    private static final ImmutableMap<String, Op> BY_NAME =
        Arrays.stream(values())
            .filter(op -> op.name != null)
            .collect(ImmutableMap.toImmutableMap(op -> op.name, op -> op));

    private final @Nullable String name;
    private final String what;
    private final String[] required;
    private final JsonIn.FieldSet allowed;
    private final Function<Line, JournalRecord> record;

    Op(@Nullable String name, String what, List<String> required, List<String> optional,
        Function<Line, JournalRecord> record) {
      this.name = name;
      this.what = what;
      this.required = required.toArray(new String[0]);
      this.allowed =
          new JsonIn.FieldSet(
              NAMES,
              ImmutableSet.<String>builder().addAll(required).addAll(optional).add("prev", "crc32c").build());
      this.record = record;
    }

    static Op read(JsonIn in) {
      String text = in.string();
      Op op = BY_NAME.get(text);
      if (op == null) {
        throw in.error(
            "unknown op \"" + text + "\"; allowed: " + String.join(", ", BY_NAME.keySet()));
      }
      return op;
    }
  }

  /** The fields of one line as read, before its op says which of them it allows. */
  private static final class Line {
    @Nullable String format;
    @Nullable Op op;
    @Nullable CustomerProfile customer;
    @Nullable String customerId;
    int expectedVersion;
    @Nullable List<LedgerEvent> events;
    @Nullable LedgerEvent event;
    byte @Nullable [] digest;

    void read(JsonIn in, String name) {
      switch (name) {
        case "format" -> format = in.string();
        case "op" -> op = Op.read(in);
        case "customer" -> customer = CustomerProfileJson.read(in);
        case "customerId" -> customerId = in.string();
        case "expectedVersion" -> expectedVersion = version(in);
        case "events" -> events = in.list(EventJson::read);
        case "event" -> event = EventJson.read(in);
        case "digest" -> digest = in.hexBytes(32);
        case "salt" -> in.hexDigits(32);
        case "prev", "crc32c" -> in.skipString(); // their form and place are the frame's

        default -> throw new IllegalStateException("a name of NAMES unread: " + name);
      }
    }
  }

  private JournalLineJson() {}

  static JournalRecord read(JsonIn in) {
    JsonIn.ObjectIn object = in.object(WHAT, NAMES);
    Line line = new Line();
    while (object.next()) {
      Op op = line.op;
      object.checkOrKeep(op == null ? WHAT : op.what, op == null ? null : op.allowed, ALWAYS);
      if (object.name().equals("event")) {
        object.keepLocation(); // for an erase line's check of its event
      }
      line.read(in, object.name());
    }
    Op op = line.op;
    if (op == null) {
      object.require(WHAT, object.has("format") ? "format" : "op");
      op = Op.HEADER;
    }
    object.allowOnly(op.what, op.allowed);
    object.require(op.what, op.required);
    if (op == Op.ERASE && !(line.event instanceof Erased)) {
      throw in.error(
          object.fieldPath("event"),
          object.fieldLocation("event"),
          "an erase line holds a " + EventJson.wireName(line.event.type()) + " event, not an erased one");
    }
    return op.record.apply(line);
  }

  private static int version(JsonIn in) {
    int version = in.integer();
    if (version < 0) {
      throw in.error("expected a version (0 or more), got " + version);
    }
    return version;
  }
}
