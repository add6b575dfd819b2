package dev.rapport.crm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rapport.crm.scenario.Scenario;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict reading ({@code crm-jackson/README.md}, Conventions): every malformed input fails whole with a
 * {@link WireFormatException} whose message names the JSON path and the line and column of the
 * offending value (computed here from a marker in the input), and what is wrong.
 */
final class MalformedInputTest {
  private static final String LEDGER =
      "{ \"format\": \"rapport-ledger/1\",\n"
          + "  \"customer\": { \"id\": \"c-1\", \"jurisdiction\": \"GB\", \"zone\": \"Europe/London\" },\n"
          + "  \"events\": [\n"
          + "    { \"id\": \"e1\", \"type\": \"granted\", \"at\": \"2026-03-02T10:00:00Z\",\n"
          + "      \"intents\": [\"DEALS\"], \"channels\": [\"EMAIL\"],\n"
          + "      \"evidence\": { \"source\": \"WEB_FORM\", \"actor\": \"CUSTOMER\", \"notice\": \"n-1\" } }\n"
          + "  ] }\n";

  private static final String EVENT_E2 =
      "{ \"id\": \"e2\", \"type\": \"confirmed\", \"at\": \"2026-03-03T10:00:00Z\", \"grant\": \"e1\",\n"
          + "      \"evidence\": { \"source\": \"EMAIL_LINK\", \"actor\": \"CUSTOMER\" } }";

  private static String ledger(String find, String replace) {
    assertThat(LEDGER).contains(find);
    return LEDGER.replace(find, replace);
  }

  private static Arguments row(
      String name, Class<?> type, String json, String path, String problem, String marker) {
    return Arguments.of(name, type, json, path, problem, marker);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("an unknown field", Ledger.class,
            ledger("\"notice\": \"n-1\"", "\"notice\": \"n-1\", \"mood\": \"happy\""),
            "$.events[0].evidence.mood", "unknown field \"mood\"", "\"mood\""),
        row("an unknown field at the root", Ledger.class,
            ledger("\"format\"", "\"customers\": 1, \"format\""),
            "$.customers", "allowed: format, customer, events", "\"customers\""),
        row("an unknown enum value lists the allowed values", Ledger.class,
            ledger("\"actor\": \"CUSTOMER\"", "\"actor\": \"BOT\""),
            "$.events[0].evidence.actor", "unknown value \"BOT\"; allowed: CUSTOMER, STAFF, SYSTEM", "\"BOT\""),
        row("an unknown event type lists the types", Ledger.class,
            ledger("\"granted\"", "\"grant\""),
            "$.events[0].type", "allowed: granted, withdrawn, objected, confirmed, preferences, purchased, inquired, registered, erased", "\"grant\","),
        row("a missing required field", Ledger.class,
            ledger("\"actor\": \"CUSTOMER\", ", ""),
            "$.events[0].evidence.actor", "missing required field \"actor\"", "{ \"source\""),
        row("null is absent, so a null required field is missing", Ledger.class,
            ledger("\"zone\": \"Europe/London\"", "\"zone\": null"),
            "$.customer.zone", "missing required field \"zone\"", "{ \"id\": \"c-1\""),
        row("a missing event field of its type", Ledger.class,
            ledger("\"channels\": [\"EMAIL\"],", ""),
            "$.events[0].channels", "missing required field \"channels\" in a granted event", "{ \"id\": \"e1\""),
        row("a field of another event type", Ledger.class,
            ledger("\"intents\"", "\"grant\": \"e0\", \"intents\""),
            "$.events[0].grant", "not allowed in a granted event", "\"e0\""),
        row("a wrong type", Ledger.class,
            ledger("\"at\": \"2026-03-02T10:00:00Z\"", "\"at\": 20260302"),
            "$.events[0].at", "expected a string, got a number", "20260302"),
        row("a string for a boolean", Ledger.class,
            ledger("\"notice\": \"n-1\"", "\"notice\": \"n-1\", \"written\": \"yes\""),
            "$.events[0].evidence.written", "expected a boolean", "\"yes\""),
        row("a list where one value is expected", Ledger.class,
            ledger("\"actor\": \"CUSTOMER\"", "\"actor\": [\"CUSTOMER\"]"),
            "$.events[0].evidence.actor", "got a list (a single value is expected here)", "[\"CUSTOMER\"]"),
        row("one value where a list is expected", Ledger.class,
            ledger("\"intents\": [\"DEALS\"]", "\"intents\": \"DEALS\""),
            "$.events[0].intents", "expected a list, got a string", "\"DEALS\""),
        row("an instant with an offset", Ledger.class,
            ledger("2026-03-02T10:00:00Z", "2026-03-02T10:00:00+01:00"),
            "$.events[0].at", "malformed instant", "\"2026-03-02T10:00:00+01:00\""),
        row("an instant without Z", Ledger.class,
            ledger("2026-03-02T10:00:00Z", "2026-03-02T10:00:00"),
            "$.events[0].at", "expected ISO-8601 in UTC with Z", "\"2026-03-02T10:00:00\""),
        row("an impossible date", Ledger.class,
            ledger("2026-03-02T10:00:00Z", "2026-02-30T10:00:00Z"),
            "$.events[0].at", "malformed instant", "\"2026-02-30"),
        row("a zone that is no IANA id", Ledger.class,
            ledger("Europe/London", "Europe/Londres"),
            "$.customer.zone", "unknown time zone \"Europe/Londres\"", "\"Europe/Londres\""),
        row("an offset for a zone", Ledger.class,
            ledger("Europe/London", "+01:00"),
            "$.customer.zone", "expected an IANA id", "\"+01:00\""),
        row("a malformed jurisdiction code", Ledger.class,
            ledger("\"GB\"", "\"GBR\""),
            "$.customer.jurisdiction", "malformed jurisdiction code 'GBR'", "\"GBR\""),
        row("an unknown country", Ledger.class,
            ledger("\"GB\"", "\"XX\""),
            "$.customer.jurisdiction", "unknown jurisdiction code 'XX'", "\"XX\""),
        row("ALL mixed with other values", Ledger.class,
            ledger("\"granted\"", "\"withdrawn\"").replace("[\"DEALS\"]", "[\"ALL\", \"DEALS\"]"),
            "$.events[0].intents[1]", "\"ALL\" must stand alone", "\"DEALS\"]"),
        row("ALL in a grant", Ledger.class,
            ledger("[\"DEALS\"]", "[\"ALL\"]"),
            "$.events[0].intents[0]", "\"ALL\" is allowed only in a withdrawn event", "\"ALL\"]"),
        row("ALL in a grant whose type comes last", LedgerEvent.class,
            "{\"id\":\"e1\",\"at\":\"2026-03-02T10:00:00Z\",\"intents\":[\"ALL\"],\"channels\":[\"EMAIL\"],"
                + "\"evidence\":{\"source\":\"WEB_FORM\",\"actor\":\"CUSTOMER\",\"notice\":\"n\"},\"type\":\"granted\"}",
            "$.intents", "\"ALL\" is allowed only in a withdrawn event", "[\"ALL\"]"),
        row("an unknown intent in a grant lists only what a grant accepts", Ledger.class,
            ledger("[\"DEALS\"]", "[\"DEALZ\"]"),
            "$.events[0].intents[0]",
            "unknown value \"DEALZ\"; allowed: DEALS, PROMOTION, SUPPORT, ONE_TO_ONE, KNOWLEDGE, ADVOCACY, FEEDBACK",
            "\"DEALZ\""),
        row("an unknown intent in a withdrawal lists ALL too", Ledger.class,
            ledger("\"granted\"", "\"withdrawn\"").replace("[\"DEALS\"]", "[\"DEALZ\"]"),
            "$.events[0].intents[0]", "unknown value \"DEALZ\"; allowed: ALL, DEALS, PROMOTION", "\"DEALZ\""),
        row("a duplicate value in a set", Ledger.class,
            ledger("[\"EMAIL\"]", "[\"EMAIL\", \"EMAIL\"]"),
            "$.events[0].channels[1]", "duplicate value \"EMAIL\"", "\"EMAIL\"]"),
        row("a duplicate field", Ledger.class,
            ledger("\"id\": \"e1\",", "\"id\": \"e1\", \"id\": \"e9\","),
            "$.events[0].id", "duplicate field \"id\"", "\"id\": \"e9\""),
        row("a duplicate name with an escaped quote, found from its opening quote", Ledger.class,
            ledger("\"notice\": \"n-1\"", "\"notice\": \"n-1\", \"details\": { \"a\\\"b\": \"x\", \"a\\\"b\": \"y\" }"),
            "$.events[0].evidence.details['a\"b']", "duplicate field \"a\"b\"", "\"a\\\"b\": \"y\""),
        row("a field named by digits is told from a list index", Ledger.class,
            ledger("\"notice\": \"n-1\"", "\"notice\": \"n-1\", \"details\": { \"2\": 5 }"),
            "$.events[0].evidence.details['2']", "expected a string, got a number", "5 }"),
        row("a value the model refuses", Ledger.class,
            ledger("\"actor\": \"CUSTOMER\"", "\"actor\": \"STAFF\""),
            "$.events[0].evidence", "refused by the model: evidence with actor STAFF needs the staff member's id", "{ \"source\""),
        row("an expiry before the grant", Ledger.class,
            ledger("\"intents\"", "\"expiresAt\": \"2026-01-01T00:00:00Z\", \"intents\""),
            "$.events[0]", "refused by the model", "{ \"id\": \"e1\""),
        row("an event the ledger refuses: a duplicate id", Ledger.class,
            ledger("} }\n  ]", "} },\n    " + EVENT_E2.replace("\"e2\"", "\"e1\"") + "\n  ]"),
            "$.events[1]", "refused by the ledger: ledger of customer c-1 already holds an event e1", "{ \"id\": \"e1\", \"type\": \"confirmed\""),
        row("a confirmation of an unknown grant", Ledger.class,
            ledger("} }\n  ]", "} },\n    " + EVENT_E2.replace("\"grant\": \"e1\"", "\"grant\": \"e7\"") + "\n  ]"),
            "$.events[1]", "names grant e7", "{ \"id\": \"e2\""),
        row("another format", Ledger.class,
            ledger("rapport-ledger/1", "rapport-ledger/2"),
            "$.format", "expected \"rapport-ledger/1\"", "\"rapport-ledger/2\""),
        row("malformed JSON", Ledger.class,
            ledger("\"id\": \"e1\",", "\"id\": \"e1\""),
            "$.events[0].id", "Unexpected character", "\"type\": \"granted\""),
        row("trailing content", Ledger.class,
            LEDGER + "{}",
            "$", "Trailing token", "{}"),
        row("an empty document", Ledger.class, "", "$", "", ""),
        row("months in a duration", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"coolOffAfterPurchase\":\"P1M\"}",
            "$.coolOffAfterPurchase", "months and years are not exact", "\"P1M\""),
        row("years in a cap's window", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"purposes\":[\"OFFER\"],\"max\":1,\"per\":\"P1Y\"}]}",
            "$.caps[0].per", "malformed duration \"P1Y\"", "\"P1Y\""),
        row("a cap without purposes (RULES.md 6, caps)", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"max\":1,\"per\":\"P1D\"}]}",
            "$.caps[0].purposes", "missing required field \"purposes\" in a frequency cap", "{\"max\""),
        row("a cap with an empty purpose list", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"purposes\":[],\"max\":1,\"per\":\"P1D\"}]}",
            "$.caps[0]", "a frequency cap names at least one purpose", "{\"purposes\""),
        row("a cap naming TRANSACTIONAL", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"purposes\":[\"OFFER\",\"TRANSACTIONAL\"],\"max\":1,\"per\":\"P1D\"}]}",
            "$.caps[0]", "a frequency cap never names TRANSACTIONAL or REPLY", "{\"purposes\""),
        row("a business cap naming REPLY in the options", PolicyOptions.class,
            "{\"caps\":[{\"purposes\":[\"REPLY\"],\"max\":3,\"per\":\"P1D\"}]}",
            "$.caps[0]", "a frequency cap never names TRANSACTIONAL or REPLY", "{\"purposes\""),
        row("a fractional cap", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"purposes\":[\"OFFER\"],\"max\":1.5,\"per\":\"P1D\"}]}",
            "$.caps[0].max", "expected a whole number", "1.5"),
        row("a local time with seconds", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"quietHours\":{\"start\":\"21:00:00\",\"end\":\"08:00\"}}",
            "$.quietHours.start", "malformed local time \"21:00:00\": expected HH:mm", "\"21:00:00\""),
        row("a reason code that is not UPPER_SNAKE", Decision.class,
            "{\"verdict\":\"DENY\",\"reasons\":[{\"code\":\"nope\",\"message\":\"m\"}]}",
            "$.reasons[0].code", "neither built in", "\"nope\""),
        row("a DEFER without deferUntil", Decision.class,
            "{\"verdict\":\"DEFER\",\"reasons\":[{\"code\":\"QUIET_HOURS\",\"message\":\"m\"}]}",
            "$", "refused by the model", "{"),
        row("an unknown reason in a scenario's expectation", Scenario.class,
            "{\"format\":\"rapport-scenario/1\",\"name\":\"n\",\"customer\":{\"id\":\"c\",\"jurisdiction\":\"AU\",\"zone\":\"Australia/Sydney\"},\n"
                + "\"checks\":[{\"outreach\":{\"purpose\":\"OFFER\",\"channel\":\"EMAIL\",\"at\":\"2026-01-01T00:00:00Z\"},\n"
                + "\"expect\":{\"verdict\":\"DENY\",\"reasons\":[\"WITHDRAWN\",\"TOO_SOON\"]}}]}",
            "$.checks[0].expect.reasons[1]", "unknown value \"TOO_SOON\"; allowed: TRANSACTIONAL", "\"TOO_SOON\""),
        // Bounds of values (crm-core RULES.md, "Bounds of values"): the reader refuses what the core refuses.
        row("an instant after year 9999", Ledger.class,
            ledger("2026-03-02T10:00:00Z", "+10000-03-02T10:00:00Z"),
            "$.events[0].at", "malformed instant", "\"+10000"),
        row("a leap second", Ledger.class,
            ledger("2026-03-02T10:00:00Z", "2016-12-31T23:59:60Z"),
            "$.events[0].at", "leap second in \"2016-12-31T23:59:60Z\"", "\"2016-12-31T23:59:60Z\""),
        row("a duration past the bound", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"coolOffAfterPurchase\":\"P36501D\"}",
            "$.coolOffAfterPurchase", "longer than the longest accepted, P36500D", "\"P36501D\""),
        row("a duration that overflows", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"coolOffAfterPurchase\":\"P106751991167300D\"}",
            "$.coolOffAfterPurchase", "longer than the longest accepted", "\"P106751991167300D\""),
        row("a cap window past the bound", LedgerEvent.class,
            "{\"id\":\"p\",\"type\":\"preferences\",\"at\":\"2026-03-02T10:00:00Z\",\"caps\":[{\"purposes\":[\"OFFER\"],\"max\":1,\"per\":\"P400000000000D\"}]}",
            "$.caps[0].per", "longer than the longest accepted", "\"P400000000000D\""),
        row("a zone given as a GMT offset", Ledger.class,
            ledger("Europe/London", "GMT+01:00"),
            "$.customer.zone", "expected an IANA id of a region", "\"GMT+01:00\""),
        row("a detail longer than the bound", Ledger.class,
            ledger("\"notice\": \"n-1\"", "\"notice\": \"n-1\", \"details\": { \"ip\": \"" + "9".repeat(4097) + "\" }"),
            "$.events[0].evidence", "evidence details 'ip' must be at most 4096 characters", "{ \"source\""),
        row("a customer id longer than the bound", Ledger.class,
            ledger("\"c-1\"", "\"" + "c".repeat(257) + "\""),
            "$.customer", "customer id must be at most 256 characters", "{ \"id\""),
        row("an unknown field with a null value", Outreach.class,
            "{\"purpose\":\"OFFER\",\"channel\":\"EMAIL\",\"at\":\"2026-03-10T17:00:00Z\",\"Tracking\":null}",
            "$.Tracking", "unknown field \"Tracking\" in an outreach", "\"Tracking\""));
  }

  @ParameterizedTest(name = "{0} is a reading error naming {3}")
  @MethodSource("malformed")
  void malformed_input_fails_with_the_path_line_and_column(
      String name, Class<?> type, String json, String path, String problem, String marker) {
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> RapportJson.read(json, type));

    assertThat(e).as("reading %s", name).isNotNull();
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.getMessage()).startsWith(path).contains(problem);
    if (!marker.isEmpty()) {
      int offset = json.indexOf(marker);
      int line = (int) json.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
      int column = offset - json.lastIndexOf('\n', offset - 1);
      assertThat(e.getMessage()).contains("(line " + line + ", column " + column + ")");
      assertThat(e.line()).hasValue(line);
      assertThat(e.column()).hasValue(column);
    }
  }

  /** crm-jackson/README.md, "Strict reading": a file that is not UTF-8 is a reading error with its position. */
  @Test
  void malformedUtf8InAScenarioFileIsAReadingErrorWithItsLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.json");
    byte[] start = "{ \"format\": \"rapport-scenario/1\",\n  \"name\": \"caf".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(start, start.length + 4);
    bytes[start.length] = (byte) 0xE9; // "é" in Latin-1: not UTF-8
    bytes[start.length + 1] = '"';
    bytes[start.length + 2] = ' ';
    bytes[start.length + 3] = '}';
    Files.write(file, bytes);

    assertThatThrownBy(() -> RapportJson.readScenario(file))
        .isInstanceOfSatisfying(
            WireFormatException.class, e -> assertThat(e.line()).hasValue(2))
        .hasMessageContaining("UTF-8");
  }

  /**
   * crm-jackson/README.md, "Strict reading": a repeated field read from a file (bytes) is placed
   * at its name's opening quote, its column counted in bytes (past a two-byte letter).
   */
  @Test
  void aRepeatedFieldInAScenarioFileIsPlacedAtItsNamesOpeningQuote(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("repeated.json");
    String json = "{ \"format\": \"rapport-scenario/1\",\n  \"name\": \"é\", \"name\": \"b\" }";
    Files.writeString(file, json, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RapportJson.readScenario(file))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> {
              assertThat(e.path()).isEqualTo("$.name");
              assertThat(e.problem()).isEqualTo("duplicate field \"name\"");
              assertThat(e.line()).hasValue(2);
              assertThat(e.column()).hasValue(17); // 16 characters before it, 17 bytes
            });
  }
}
