package dev.rapport.crm.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rapport.crm.examples.links.BadLinkException;
import dev.rapport.crm.examples.links.LinkSigner;
import dev.rapport.crm.examples.links.LinkToken;
import dev.rapport.crm.examples.links.LinkUse;
import dev.rapport.crm.examples.links.SignedLinks;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.examples.preferences.PreferenceCenter;
import dev.rapport.crm.store.LedgerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /preferences?t=TOKEN}: the customer's preference page, opened by a signed link.
 *
 * <p>{@code GET} shows the relationship on file in the customer's words, per channel, as a form
 * of labelled checkboxes (plain HTML, no script). {@code POST} records the difference between the
 * form and what is on file: a {@code granted} event per channel for what was ticked, a {@code
 * withdrawn} event per channel for what was unticked, with evidence: source {@code
 * PREFERENCE_CENTER}, the customer as actor, the notice the page showed, the form's id and the
 * message the link came in. Then it redirects to the page (post/redirect/get).
 *
 * <p>Protection: the form carries a CSRF token, an HMAC of the customer and a random form id
 * that is also set as a {@code SameSite=Strict}, {@code HttpOnly} cookie; the POST must bring
 * both and they must match (compared in constant time). The events' ids are made from the form
 * id, so a replayed form finds its events already in the ledger and is refused (409). The form
 * must name the notice the page shows now. Writes go through the {@link PreferenceCenter}, which retries on version conflicts.
 */
final class PreferencePage implements HttpHandler {
  static final String CSRF_COOKIE = "rapport-form";
  private static final Pattern FORM_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Set<String> FIXED_FIELDS = Set.of("t", "csrf", "notice", "shown");

  private final LedgerStore store;
  private final PreferenceCenter center;
  private final LinkSigner signer;
  private final String notice;
  private final Clock clock;
  private final SecretKeySpec csrfKey;
  private final SecureRandom random = new SecureRandom();

  PreferencePage(LedgerStore store, PreferenceCenter center, LinkSigner signer, Clock clock) {
    this.store = store;
    this.center = center;
    this.signer = signer;
    this.notice = center.notice();
    this.clock = clock;
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.csrfKey = new SecretKeySpec(key, "HmacSHA256");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Http.dispatch(exchange, this::show, this::save);
  }

  private LinkToken token(String text, Instant now) throws HttpProblem, BadLinkException {
    if (text == null || text.isEmpty()) {
      throw new HttpProblem(400, "the link has no token (t=...)");
    }
    return signer.verify(text, LinkUse.PREFERENCES, now);
  }

  private void show(HttpExchange exchange) throws IOException, HttpProblem, BadLinkException {
    Instant now = clock.instant();
    Map<String, String> query = Http.query(exchange);
    String text = query.get("t");
    LinkToken token = token(text, now);
    Ledger ledger =
        store.read(token.customerId()).orElseThrow(() -> new HttpProblem(404, "we have no customer " + token.customerId() + " on file"));
    if (ledger.erased().isPresent()) {
      throw new HttpProblem(410, "your record was erased at your request; there is nothing left to change");
    }
    OnFile onFile = OnFile.of(ledger, token.entity(), now);
    String formId = newFormId();
    exchange.getResponseHeaders().add(
        "Set-Cookie", CSRF_COOKIE + "=" + formId + "; Path=" + SignedLinks.PREFERENCES_PATH + "; HttpOnly; SameSite=Strict");
    StringBuilder body = new StringBuilder();
    body.append("<h1>What you want from us</h1>");
    if (query.containsKey("saved")) {
      body.append("<p class=\"note\" id=\"saved\">Saved. This is what we now have on file.</p>");
    }
    body.append("<h2>On file today</h2><ul class=\"onfile\" id=\"on-file\">");
    boolean any = false;
    for (Channel channel : Channel.values()) {
      for (Intent intent : onFile.on(channel)) {
        any = true;
        body.append("<li>").append(Http.escape(Words.of(channel))).append(": ").append(Http.escape(Words.of(intent))).append("</li>");
      }
    }
    if (!any) {
      body.append("<li>Nothing: we may send you only receipts and answers to your questions.</li>");
    }
    body.append("</ul>");
    onFile.objectedAt().ifPresent(at -> body.append("<p>You objected to all marketing on ")
        .append(LocalDate.ofInstant(at, ZoneOffset.UTC)).append(". Ticking a box below asks for that again.</p>"));
    body.append("<h2>Change it</h2><form method=\"post\" action=\"").append(SignedLinks.PREFERENCES_PATH).append("\">");
    body.append("<input type=\"hidden\" name=\"t\" value=\"").append(Http.escape(text)).append("\">");
    body.append("<input type=\"hidden\" name=\"csrf\" value=\"").append(csrf(token.customerId(), formId)).append("\">");
    body.append("<input type=\"hidden\" name=\"notice\" value=\"").append(Http.escape(notice)).append("\">");
    StringBuilder shown = new StringBuilder();
    for (Channel channel : Channel.values()) {
      for (Intent intent : onFile.on(channel)) {
        shown.append(shown.length() == 0 ? "" : " ").append(channel.name()).append('.').append(intent.name());
      }
    }
    body.append("<input type=\"hidden\" name=\"shown\" value=\"").append(shown).append("\">");
    for (Channel channel : Channel.values()) {
      body.append("<fieldset><legend>").append(Http.escape(Words.of(channel))).append("</legend>");
      for (Intent intent : Intent.values()) {
        String id = channel.name() + "-" + intent.name();
        body.append("<div class=\"choice\"><input type=\"checkbox\" id=\"").append(id).append("\" name=\"")
            .append(channel.name()).append('.').append(intent.name()).append("\" value=\"yes\"")
            .append(onFile.on(channel).contains(intent) ? " checked" : "").append("><label for=\"").append(id).append("\">")
            .append(Http.escape(Words.of(intent))).append("</label></div>");
      }
      body.append("</fieldset>");
    }
    body.append("<p><small>What we do with your choices: notice ").append(Http.escape(notice))
        .append(". You can change them here at any time.</small></p>");
    body.append("<button type=\"submit\" id=\"save\">Save my choices</button></form>");
    Http.send(exchange, 200, Http.page("Your choices", body.toString()));
  }

  private void save(HttpExchange exchange) throws IOException, HttpProblem, BadLinkException {
    Instant now = clock.instant();
    Map<String, String> form = Http.form(exchange);
    String text = form.get("t");
    LinkToken token = token(text, now);
    String formId = Http.cookie(exchange, CSRF_COOKIE).orElse("");
    String csrf = form.getOrDefault("csrf", "");
    if (formId.isEmpty() || csrf.isEmpty()) {
      throw new HttpProblem(403, "the form has no CSRF token; open the page from your link and submit it from there");
    }
    if (!FORM_ID.matcher(formId).matches()
        || !MessageDigest.isEqual(csrf(token.customerId(), formId).getBytes(StandardCharsets.US_ASCII), csrf.getBytes(StandardCharsets.US_ASCII))) {
      throw new HttpProblem(403, "the form's CSRF token does not match; open the page from your link again");
    }
    if (!notice.equals(form.get("notice"))) {
      throw new HttpProblem(409, "the page you saw showed another notice than ours today (" + notice + "); reload it and choose again");
    }
    Map<Channel, Set<Intent>> wanted = choices(form.entrySet().stream()
        .filter(f -> !FIXED_FIELDS.contains(f.getKey()))
        .collect(Collectors.toList()));
    Map<Channel, Set<Intent>> shown = choices(form.getOrDefault("shown", "").isBlank()
        ? List.of()
        : Arrays.stream(form.get("shown").split(" ")).map(name -> Map.entry(name, "yes")).collect(Collectors.toList()));
    boolean[] replay = {false};
    Http.record(
        center,
        token.customerId(),
        ledger -> {
          if (ledger.events().stream().anyMatch(e -> e.id().startsWith("pref-" + formId + "-"))) {
            replay[0] = true;
            return List.of();
          }
          return changes(ledger, token, shown, wanted, formId, now);
        });
    if (replay[0]) {
      throw new HttpProblem(409, "this form was already saved; open the page from your link again to make another change");
    }
    exchange.getResponseHeaders().set("Location", SignedLinks.PREFERENCES_PATH + "?t=" + text + "&saved=1");
    exchange.sendResponseHeaders(303, -1);
  }

  /** Boxes named {@code CHANNEL.INTENT}; an unknown name is a bad request, not something to ignore. */
  private static Map<Channel, Set<Intent>> choices(List<Map.Entry<String, String>> fields) throws HttpProblem {
    Map<Channel, Set<Intent>> wanted = new EnumMap<>(Channel.class);
    for (Channel channel : Channel.values()) {
      wanted.put(channel, EnumSet.noneOf(Intent.class));
    }
    for (Map.Entry<String, String> field : fields) {
      String[] parts = field.getKey().split("\\.", -1);
      try {
        if (parts.length != 2 || !"yes".equals(field.getValue())) {
          throw new IllegalArgumentException(field.getKey());
        }
        wanted.get(Channel.valueOf(parts[0])).add(Intent.valueOf(parts[1]));
      } catch (IllegalArgumentException e) {
        throw new HttpProblem(400, "the form has a field we do not know: '" + field.getKey() + "'");
      }
    }
    return wanted;
  }

  /**
   * The events for what the customer changed on the page ({@code shown} to {@code wanted}),
   * against what is on file now: a box ticked is granted unless it is live already, a box
   * unticked is withdrawn unless it is closed already, and what somebody else changed meanwhile
   * on boxes the customer left alone stays as they left it.
   */
  private List<LedgerEvent> changes(
      Ledger ledger, LinkToken token, Map<Channel, Set<Intent>> shown, Map<Channel, Set<Intent>> wanted, String formId, Instant now) {
    OnFile onFile = OnFile.of(ledger, token.entity(), now);
    Evidence evidence =
        Evidence.builder()
            .source(Source.PREFERENCE_CENTER)
            .actor(Actor.CUSTOMER)
            .notice(notice)
            .putDetails("form", formId)
            .putDetails("messageId", token.messageId())
            .build();
    Optional<String> entity = token.entity().isEmpty() ? Optional.empty() : Optional.of(token.entity());
    List<LedgerEvent> events = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      Set<Intent> added = EnumSet.noneOf(Intent.class);
      added.addAll(wanted.get(channel));
      added.removeAll(shown.get(channel));
      added.removeAll(onFile.on(channel));
      Set<Intent> removed = EnumSet.noneOf(Intent.class);
      removed.addAll(shown.get(channel));
      removed.removeAll(wanted.get(channel));
      removed.retainAll(onFile.on(channel));
      if (!added.isEmpty()) {
        events.add(Granted.builder().id("pref-" + formId + "-" + (events.size() + 1)).at(now)
            .intents(added).addChannels(channel).entity(entity).evidence(evidence).build());
      }
      if (!removed.isEmpty()) {
        events.add(Withdrawn.builder().id("pref-" + formId + "-" + (events.size() + 1)).at(now)
            .intents(removed).addChannels(channel).entity(entity).evidence(evidence).build());
      }
    }
    return events;
  }

  private String newFormId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String csrf(String customerId, String formId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(csrfKey);
      byte[] tag = mac.doFinal(("csrf|" + customerId + "|" + formId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
