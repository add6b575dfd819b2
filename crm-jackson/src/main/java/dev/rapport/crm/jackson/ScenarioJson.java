package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.conformance.Check;
import dev.rapport.crm.conformance.Expectation;
import dev.rapport.crm.conformance.Scenario;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Scenario files, format {@code rapport-scenario/1} ({@code wire-format.md}, Scenario files).
 * Read only: scenarios are written by people. The ledger is validated as in a ledger document;
 * {@code expect} accepts the built-in reason and obligation codes only.
 */
final class ScenarioJson {
  static final String FORMAT = "rapport-scenario/1";
  static final String[] FIELDS = {
    "format", "name", "about", "options", "customer", "events", "history", "checks"
  };
  static final String[] CHECK_FIELDS = {"outreach", "expect", "note"};
  static final String[] EXPECT_FIELDS = {
    "verdict", "reasons", "obligations", "absentReasons", "absentObligations", "deferUntil"
  };

  private ScenarioJson() {}

  static Scenario read(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a scenario", FIELDS);
    String name = null;
    String about = null;
    PolicyOptions options = PolicyOptions.defaults();
    CustomerProfile customer = null;
    LedgerJson.Events events = LedgerJson.Events.NONE;
    List<HistoryEntry> history = ImmutableList.of();
    List<Check> checks = ImmutableList.of();
    while (object.next()) {
      switch (object.name()) {
        case "format":
          LedgerJson.format(in, FORMAT);
          break;
        case "name":
          name = in.string();
          break;
        case "about":
          about = in.string();
          break;
        case "options":
          options = PolicyJson.readOptions(in);
          break;
        case "customer":
          customer = CustomerProfileJson.read(in);
          break;
        case "events":
          events = LedgerJson.Events.read(in);
          break;
        case "history":
          history = in.list(PolicyJson::readHistory);
          break;
        case "checks":
          checks = in.list(ScenarioJson::readCheck);
          break;
        default:
          throw object.unknownField("a scenario", FIELDS);
      }
    }
    object.require("a scenario", "format", "name", "customer", "checks");
    Ledger ledger = events.toLedger(in, customer);
    String n = name;
    Optional<String> a = Optional.ofNullable(about);
    PolicyOptions o = options;
    List<HistoryEntry> h = history;
    List<Check> c = checks;
    return object.build(() -> new Scenario(n, a, o, ledger, h, c));
  }

  static Check readCheck(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a check", CHECK_FIELDS);
    Outreach outreach = null;
    Expectation expect = null;
    String note = null;
    while (object.next()) {
      switch (object.name()) {
        case "outreach":
          outreach = PolicyJson.readOutreach(in);
          break;
        case "expect":
          expect = readExpectation(in);
          break;
        case "note":
          note = in.string();
          break;
        default:
          throw object.unknownField("a check", CHECK_FIELDS);
      }
    }
    object.require("a check", "outreach", "expect");
    Outreach o = outreach;
    Expectation e = expect;
    Optional<String> n = Optional.ofNullable(note);
    return object.build(() -> new Check(o, e, n));
  }

  static Expectation readExpectation(JsonIn in) {
    JsonIn.ObjectIn object = in.object("an expectation", EXPECT_FIELDS);
    Verdict verdict = null;
    List<ReasonCode> reasons = ImmutableList.of();
    List<ObligationCode> obligations = ImmutableList.of();
    List<ReasonCode> absentReasons = ImmutableList.of();
    List<ObligationCode> absentObligations = ImmutableList.of();
    Instant deferUntil = null;
    while (object.next()) {
      switch (object.name()) {
        case "verdict":
          verdict = in.enumValue(Verdict.class);
          break;
        case "reasons":
          reasons = in.list(i -> i.enumValue(ReasonCode.class));
          break;
        case "obligations":
          obligations = in.list(i -> i.enumValue(ObligationCode.class));
          break;
        case "absentReasons":
          absentReasons = in.list(i -> i.enumValue(ReasonCode.class));
          break;
        case "absentObligations":
          absentObligations = in.list(i -> i.enumValue(ObligationCode.class));
          break;
        case "deferUntil":
          deferUntil = in.instant();
          break;
        default:
          throw object.unknownField("an expectation", EXPECT_FIELDS);
      }
    }
    object.require("an expectation", "verdict");
    Verdict v = verdict;
    List<ReasonCode> r = reasons;
    List<ObligationCode> o = obligations;
    List<ReasonCode> ar = absentReasons;
    List<ObligationCode> ao = absentObligations;
    Optional<Instant> d = Optional.ofNullable(deferUntil);
    return object.build(() -> new Expectation(v, r, o, ar, ao, d));
  }
}
