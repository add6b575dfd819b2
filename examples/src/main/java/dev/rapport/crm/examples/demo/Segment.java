package dev.rapport.crm.examples.demo;

/**
 * The kinds of relationship the demo's customers declared, with their share of the population
 * in percent. Each maps to a few ledger events in {@link Population}.
 */
public enum Segment {
  /** Declared DEALS: offers only. */
  DEALS_ONLY("deals only", 20),
  /** Declared PROMOTION: offers and newsletters, often with quiet hours and a weekly cap. */
  NEWSLETTER("offers and newsletters", 14),
  /** Declared SUPPORT: help when something breaks, nothing else. */
  SUPPORT_ONLY("support only", 12),
  /** Declared ONE_TO_ONE with a named member of staff (recorded by staff on the phone). */
  ONE_TO_ONE("one-to-one with a named staff member", 9),
  /** Declared ADVOCACY, FEEDBACK and PROMOTION: happy to recommend the brand. */
  ADVOCATE("advocates", 7),
  /** Declared KNOWLEDGE and FEEDBACK: guides and surveys. */
  KNOWLEDGE("guides and surveys", 5),
  /** Declared PROMOTION once, then objected to all direct marketing. */
  OBJECTED("objected to marketing", 5),
  /** Declared DEALS and PROMOTION once, then withdrew everything (one-click unsubscribe). */
  WITHDRAWN("withdrew everything", 8),
  /** On a bought-in list with a pre-ticked box: no valid consent. */
  IMPORTED_PRE_TICKED("imported list, pre-ticked box", 4),
  /** Declared nothing: bought something, maybe asked a question. */
  NOTHING_DECLARED("declared nothing", 16);

  private final String label;
  private final int percent;

  Segment(String label, int percent) {
    this.label = label;
    this.percent = percent;
  }

  /** A few words a marketer would use. */
  public String label() {
    return label;
  }

  /** The share of the population, in percent; the shares add up to 100. */
  public int percent() {
    return percent;
  }
}
