package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.scenario.Check;
import dev.rapport.crm.scenario.Expectation;
import dev.rapport.crm.scenario.Scenario;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;

/**
 * Scenario files, format {@code rapport-scenario/1} ({@code wire-format.md}, Scenario files).
 * Read only: scenarios are written by people. The ledger is validated as in a ledger document;
 * {@code expect} accepts the built-in reason and obligation codes only.
 */
final class ScenarioJson {
  static final String FORMAT = "rapport-scenario/1";
  private static final ObjectReader<ObjectReader.Values, Scenario> SCENARIO =
      ObjectReader.ofValues("a scenario", ScenarioJson::scenario)
          .required("format", in -> LedgerJson.format(in, FORMAT))
          .required("name", JsonIn::string)
          .optional("about", JsonIn::string)
          .optional("options", PolicyJson::readOptions)
          .required("customer", CustomerProfileJson::read)
          .optional("events", LedgerJson.Events::read)
          .optional("history", in -> in.list(PolicyJson::readHistory))
          .required("checks", in -> in.list(ScenarioJson::readCheck));

  private static final ObjectReader<ObjectReader.Values, Check> CHECK =
      ObjectReader.ofValues(
              "a check", v -> new Check(v.get("outreach"), v.get("expect"), v.optional("note")))
          .required("outreach", PolicyJson::readOutreach)
          .required("expect", ScenarioJson::readExpectation)
          .optional("note", JsonIn::string);

  private static final ObjectReader<ObjectReader.Values, Expectation> EXPECTATION =
      ObjectReader.ofValues(
              "an expectation",
              v ->
                  new Expectation(
                      v.get("verdict"),
                      v.getOr("reasons", ImmutableList.of()),
                      v.getOr("obligations", ImmutableList.of()),
                      v.getOr("absentReasons", ImmutableList.of()),
                      v.getOr("absentObligations", ImmutableList.of()),
                      v.optional("deferUntil")))
          .required("verdict", in -> in.enumValue(Verdict.class))
          .optional("reasons", in -> in.list(i -> i.enumValue(ReasonCode.class)))
          .optional("obligations", in -> in.list(i -> i.enumValue(ObligationCode.class)))
          .optional("absentReasons", in -> in.list(i -> i.enumValue(ReasonCode.class)))
          .optional("absentObligations", in -> in.list(i -> i.enumValue(ObligationCode.class)))
          .optional("deferUntil", JsonIn::instant);

  private ScenarioJson() {}

  static Scenario read(JsonIn in) {
    return SCENARIO.read(in);
  }

  private static Scenario scenario(ObjectReader.Values v) {
    Ledger ledger = v.getOr("events", LedgerJson.Events.NONE).toLedger(v.in(), v.get("customer"));
    return new Scenario(
        v.get("name"),
        v.optional("about"),
        v.getOr("options", PolicyOptions.defaults()),
        ledger,
        v.getOr("history", ImmutableList.of()),
        v.get("checks"));
  }

  static Check readCheck(JsonIn in) {
    return CHECK.read(in);
  }

  static Expectation readExpectation(JsonIn in) {
    return EXPECTATION.read(in);
  }
}
