package dev.rapport.crm.examples.demo;

import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.Verdict;
import java.util.List;
import java.util.Map;

/**
 * What the demo found: who the customers are, what happened to each planned outreach, the
 * reasons that stopped or delayed it most often, and a few decisions explained in full. A plain
 * value: {@link DemoPrinter} turns it into text, tests check it directly.
 *
 * @param seed the seed the customers were generated from
 * @param customers how many customers
 * @param byJurisdiction customers per jurisdiction code, in the demo's market order
 * @param bySegment customers per declared relationship
 * @param campaigns the outcome of each planned outreach, in plan order
 * @param stopReasons every reason behind a DENY or DEFER, most frequent first (none left out, so
 *     every code an explained decision cites is in the table)
 * @param allowReasons how often each reason allowed an outreach, most frequent first
 * @param explained a few decisions, each with everything needed to decide it again
 */
public record DemoReport(
    long seed,
    int customers,
    Map<String, Integer> byJurisdiction,
    Map<Segment, Integer> bySegment,
    List<CampaignResult> campaigns,
    List<ReasonCount> stopReasons,
    List<ReasonCount> allowReasons,
    List<ExplainedDecision> explained) {

  /**
   * The outcome of one campaign.
   *
   * @param campaign the planned outreach
   * @param planned how many customers it was planned for
   * @param allowed how many the engine allowed
   * @param denied how many it denied
   * @param deferred how many it deferred
   */
  public record CampaignResult(
      Campaign campaign, int planned, int allowed, int denied, int deferred) {

    /** The count for one verdict. */
    public int count(Verdict verdict) {
      switch (verdict) {
        case ALLOW:
          return allowed;
        case DENY:
          return denied;
        default:
          return deferred;
      }
    }
  }

  /**
   * How many decisions carried a reason code.
   *
   * @param code the reason code
   * @param verdict the verdict the code supports
   * @param count the number of decisions that carried it
   */
  public record ReasonCount(String code, Verdict verdict, int count) {}

  /**
   * One decision with its inputs, so that anyone can ask the engine again and get the same.
   *
   * @param headline why this one was picked, in a few words
   * @param customer the customer
   * @param segment what the customer declared, in a marketer's words
   * @param campaign the campaign
   * @param outreach the outreach as decided
   * @param history the outreach already sent to the customer before it
   * @param decision the engine's decision
   */
  public record ExplainedDecision(
      String headline,
      CustomerProfile customer,
      Segment segment,
      Campaign campaign,
      Outreach outreach,
      List<HistoryEntry> history,
      Decision decision) {}
}
