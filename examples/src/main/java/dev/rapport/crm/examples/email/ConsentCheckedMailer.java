package dev.rapport.crm.examples.email;

import static com.google.common.base.Preconditions.checkArgument;

import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.store.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * An email tool that asks Rapport before every send and honours what the answer demands.
 *
 * <ul>
 *   <li>{@code ALLOW}: the email goes, with the decision's obligations applied:
 *       {@code ONE_CLICK_UNSUBSCRIBE} adds the RFC 8058 headers {@code List-Unsubscribe:
 *       <https://...>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click};
 *       {@code INCLUDE_UNSUBSCRIBE} adds an unsubscribe link to the body; {@code
 *       IDENTIFY_SENDER} adds the sender's name and postal address; {@code NO_TRACKING} strips
 *       open and click tracking.
 *   <li>{@code DENY}: the email does not go.
 *   <li>{@code DEFER}: the email waits until {@code deferUntil}; then {@link #runDue(Instant)}
 *       asks again with a fresh decision at that instant, because consent may have changed
 *       meanwhile. Nothing deferred is ever sent on the strength of the old answer.
 * </ul>
 *
 * <p>The mailer keeps the history of what it sent, so frequency caps count its own sends. What
 * "sending" is belongs to its {@link Delivery}: a plain transport of {@link Email}s with the
 * obligations applied here (the first constructor), or a real one such as {@link SmtpDelivery},
 * which builds, signs and sends the message itself.
 */
public final class ConsentCheckedMailer {
  /**
   * What the mailer hands an allowed email to. It must honour every obligation of the decision,
   * and throw if it cannot send (the send is then not counted as made).
   */
  @FunctionalInterface
  public interface Delivery {
    /** Sends {@code draft} to {@code customerId} as {@code decision} demands. */
    void deliver(String customerId, Outreach outreach, Decision decision, Email draft);
  }

  private final PolicyEngine engine;
  private final LedgerStore store;
  private final Delivery delivery;
  private final String unsubscribeBase;
  private final String senderIdentity;
  private final Map<String, List<HistoryEntry>> history = new HashMap<>();
  private final PriorityQueue<Pending> deferred =
      new PriorityQueue<>(Comparator.comparing(Pending::due).thenComparingLong(Pending::sequence));
  private long sequence;

  /**
   * A mailer.
   *
   * @param engine the policy engine to ask
   * @param store where the customers' ledgers are
   * @param transport what actually sends an email
   * @param unsubscribeBase the HTTPS endpoint for one-click unsubscribes, such as {@code
   *     https://mail.example.com/unsubscribe}
   * @param senderIdentity the sender's name and postal address, for {@code IDENTIFY_SENDER}
   */
  public ConsentCheckedMailer(
      PolicyEngine engine,
      LedgerStore store,
      Consumer<Email> transport,
      String unsubscribeBase,
      String senderIdentity) {
    checkArgument(
        unsubscribeBase.startsWith("https://"),
        "RFC 8058 needs an HTTPS unsubscribe URI, got %s",
        unsubscribeBase);
    this.engine = engine;
    this.store = store;
    this.delivery = (customerId, outreach, decision, draft) -> transport.accept(honour(decision, customerId, draft));
    this.unsubscribeBase = unsubscribeBase;
    this.senderIdentity = senderIdentity;
  }

  /**
   * A mailer that hands every allowed email to {@code delivery}, which applies the obligations
   * itself.
   */
  public ConsentCheckedMailer(PolicyEngine engine, LedgerStore store, Delivery delivery) {
    this.engine = engine;
    this.store = store;
    this.delivery = delivery;
    this.unsubscribeBase = "";
    this.senderIdentity = "";
  }

  /**
   * Asks about {@code outreach} (an email, at its planned instant) and acts on the answer: sends
   * {@code draft} with the obligations applied, drops it, or keeps it until the decision's
   * {@code deferUntil}. Returns the decision.
   */
  public Decision send(String customerId, Outreach outreach, Email draft) {
    checkArgument(outreach.channel() == Channel.EMAIL, "the mailer sends EMAIL, not %s", outreach.channel());
    Decision decision = engine.decide(store, customerId, historyOf(customerId), outreach);
    if (decision.isAllowed()) {
      delivery.deliver(customerId, outreach, decision, draft);
      historyOf(customerId).add(HistoryEntry.sent(outreach));
    } else if (decision.verdict() == Verdict.DEFER) {
      Instant due = decision.deferUntil().orElseThrow();
      deferred.add(new Pending(due, sequence++, customerId, outreach, draft));
    }
    return decision;
  }

  /**
   * Asks again about every deferred email due at or before {@code now}, each with a fresh
   * decision at its {@code deferUntil}, and acts on the new answer. Returns the new decisions
   * in the order they were made.
   */
  public List<Decision> runDue(Instant now) {
    List<Decision> decisions = new ArrayList<>();
    while (!deferred.isEmpty() && !deferred.peek().due().isAfter(now)) {
      Pending pending = deferred.poll();
      Outreach again = pending.outreach().rescheduled(pending.due());
      decisions.add(send(pending.customerId(), again, pending.draft()));
    }
    return decisions;
  }

  /** How many emails wait for a deferral to end. */
  public int pending() {
    return deferred.size();
  }

  /** The email as it must go under {@code decision}: the obligations applied to the draft. */
  Email honour(Decision decision, String customerId, Email draft) {
    Map<String, String> headers = new LinkedHashMap<>(draft.headers());
    StringBuilder body = new StringBuilder(draft.body());
    boolean tracking = draft.tracking();
    String unsubscribe = unsubscribeBase + "?c=" + customerId;
    if (decision.hasObligation(ObligationCode.ONE_CLICK_UNSUBSCRIBE)) {
      headers.put(Email.LIST_UNSUBSCRIBE, "<" + unsubscribe + ">");
      headers.put(Email.LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
    }
    if (decision.hasObligation(ObligationCode.INCLUDE_UNSUBSCRIBE)) {
      body.append("\n\nUnsubscribe: ").append(unsubscribe);
    }
    if (decision.hasObligation(ObligationCode.IDENTIFY_SENDER)) {
      body.append("\n").append(senderIdentity);
    }
    if (decision.hasObligation(ObligationCode.NO_TRACKING)) {
      tracking = false;
    }
    return new Email(draft.customerId(), draft.subject(), headers, body.toString(), tracking);
  }


  private List<HistoryEntry> historyOf(String customerId) {
    return history.computeIfAbsent(customerId, id -> new ArrayList<>());
  }

  private record Pending(Instant due, long sequence, String customerId, Outreach outreach, Email draft) {}
}
