package dev.rapport.crm.examples.web;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rapport.crm.examples.links.BadLinkException;
import dev.rapport.crm.examples.links.LinkSigner;
import dev.rapport.crm.examples.links.LinkToken;
import dev.rapport.crm.examples.links.LinkUse;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.examples.preferences.PreferenceCenter;
import dev.rapport.crm.store.LedgerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /unsubscribe?t=TOKEN}, the URI of {@code List-Unsubscribe}.
 *
 * <ul>
 *   <li>{@code GET} changes nothing (mail scanners prefetch links): it shows a page with a
 *       button that posts the same form a mail provider posts.
 *   <li>{@code POST} with the RFC 8058 body {@code List-Unsubscribe=One-Click} appends a {@code
 *       withdrawn} event for the link's scope: the intents that open its purpose, on its channel,
 *       for its entity; evidence: the customer as actor, the message id and the link's issue
 *       time. The source is {@code ONE_CLICK_UNSUBSCRIBE} for the provider's one-click POST and
 *       {@code EMAIL_LINK} for the page's button (the form says {@code from=page}). Answers 200.
 *   <li>The event id is made from the token, so a replay (the provider retrying, the customer
 *       clicking twice) finds its event already there and appends nothing.
 * </ul>
 *
 * A forged, tampered, wrong-scope or expired token, a missing one-click body or an unknown
 * customer get a 4xx and nothing is written.
 */
final class UnsubscribeEndpoint implements HttpHandler {
  static final String ONE_CLICK_FIELD = "List-Unsubscribe";
  static final String ONE_CLICK_VALUE = "One-Click";

  private final LedgerStore store;
  private final PreferenceCenter center;
  private final LinkSigner signer;
  private final Clock clock;

  UnsubscribeEndpoint(LedgerStore store, PreferenceCenter center, LinkSigner signer, Clock clock) {
    this.store = store;
    this.center = center;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Http.dispatch(exchange, this::show, this::unsubscribe);
  }

  private LinkToken token(HttpExchange exchange, Instant now) throws HttpProblem, BadLinkException {
    String text = Http.query(exchange).get("t");
    if (text == null || text.isEmpty()) {
      throw new HttpProblem(400, "the link has no token (t=...)");
    }
    return signer.verify(text, LinkUse.UNSUBSCRIBE, now);
  }

  private void show(HttpExchange exchange) throws IOException, HttpProblem, BadLinkException {
    LinkToken token = token(exchange, clock.instant());
    if (store.read(token.customerId()).isEmpty()) {
      throw new HttpProblem(404, "we have no customer " + token.customerId() + " on file");
    }
    String action = Http.escape(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
    String what = Words.of(token.purpose()) + " " + Words.of(token.channel()).toLowerCase(java.util.Locale.ROOT);
    Http.send(
        exchange,
        200,
        Http.page(
            "Unsubscribe",
            "<h1>Unsubscribe</h1><p>Stop " + Http.escape(what) + "? Nothing changes until you press the button.</p>"
                + "<form method=\"post\" action=\"" + action + "\">"
                + "<input type=\"hidden\" name=\"" + ONE_CLICK_FIELD + "\" value=\"" + ONE_CLICK_VALUE + "\">"
                + "<input type=\"hidden\" name=\"from\" value=\"page\">"
                + "<button type=\"submit\" id=\"unsubscribe\">Unsubscribe</button></form>"));
  }

  private void unsubscribe(HttpExchange exchange) throws IOException, HttpProblem, BadLinkException {
    Instant now = clock.instant();
    LinkToken token = token(exchange, now);
    Map<String, String> form = Http.form(exchange);
    if (!ONE_CLICK_VALUE.equals(form.get(ONE_CLICK_FIELD))) {
      throw new HttpProblem(400, "a one-click unsubscribe posts the body List-Unsubscribe=One-Click (RFC 8058)");
    }
    boolean fromPage = "page".equals(form.get("from"));
    String text = Http.query(exchange).get("t");
    String id = "unsubscribe-" + Hashing.sha256().hashString(text, StandardCharsets.US_ASCII).toString().substring(0, 24);
    boolean[] replay = {false};
    Http.record(
        center,
        token.customerId(),
        ledger -> {
          if (ledger.event(id).isPresent()) {
            replay[0] = true;
            return List.of();
          }
          return List.of(withdrawal(id, token, now, fromPage));
        });
    Http.send(
        exchange,
        200,
        Http.page(
            "Unsubscribed",
            "<h1>You are unsubscribed</h1><p class=\"note\">"
                + (replay[0] ? "This was already done; nothing more was recorded." : "We will send you no more " + Http.escape(Words.of(token.purpose())) + " " + Http.escape(Words.of(token.channel()).toLowerCase(java.util.Locale.ROOT)) + ".")
                + "</p>"));
  }

  private static Withdrawn withdrawal(String id, LinkToken token, Instant now, boolean fromPage) {
    Withdrawn.Builder builder =
        Withdrawn.builder()
            .id(id)
            .at(now)
            .intents(
                token.purpose().openedBy().isEmpty()
                    ? java.util.EnumSet.allOf(dev.rapport.crm.relationship.Intent.class)
                    : token.purpose().openedBy())
            .addChannels(token.channel())
            .evidence(
                Evidence.builder()
                    .source(fromPage ? Source.EMAIL_LINK : Source.ONE_CLICK_UNSUBSCRIBE)
                    .actor(Actor.CUSTOMER)
                    .putDetails("messageId", token.messageId())
                    .putDetails("linkIssuedAt", token.issuedAt().toString())
                    .build());
    if (!token.entity().isEmpty()) {
      builder.entity(token.entity());
    }
    return builder.build();
  }
}
