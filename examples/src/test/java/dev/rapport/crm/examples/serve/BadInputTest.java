package dev.rapport.crm.examples.serve;

import static dev.rapport.crm.examples.serve.Customers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.examples.RacingLedgerStore;
import dev.rapport.crm.examples.email.Email;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.examples.links.LinkSigner;
import dev.rapport.crm.examples.links.LinkToken;
import dev.rapport.crm.examples.links.LinkUse;
import dev.rapport.crm.examples.links.SignedLinks;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.store.InMemoryLedgerStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input at every door: each gets a clear 4xx (or a clear error for the sender) and nothing
 * is written or sent. Plus the one write that must succeed under a concurrent writer.
 */
final class BadInputTest {
  private static final Pattern HIDDEN = Pattern.compile("name=\"(t|csrf|notice|shown)\" value=\"([^\"]*)\"");

  private static final String RIVAL_ID = "rival-1";
  private final RacingLedgerStore store =
      new RacingLedgerStore(new InMemoryLedgerStore(), version -> Customers.granted(RIVAL_ID, Channel.POST, Intent.PROMOTION));
  private final LocalRun run;
  private final HttpClient http;

  BadInputTest() throws Exception {
    run = LocalRun.start(Clock.fixed(NOW, ZoneOffset.UTC), store);
    run.addCustomer("c-1", new Recipient("ann@example.org", "Ann", "boots", "a tent"),
        List.of(Customers.granted("e1", Channel.EMAIL, Intent.DEALS)));
    http = HttpClient.newBuilder().cookieHandler(new CookieManager()).sslContext(run.tls().clientContext()).build();
  }

  @AfterEach
  void stop() {
    run.close();
  }

  private SignedLinks links() {
    return run.web().links();
  }

  private LinkToken token(LinkUse use, String customer, Instant issuedAt) {
    return new LinkToken(use, customer, Purpose.OFFER, Channel.EMAIL, "", issuedAt, "<m-1@northwind.example>");
  }

  private String unsubscribeUrl(String customer) {
    return links().url(token(LinkUse.UNSUBSCRIBE, customer, NOW));
  }

  private int version() {
    return run.store().read("c-1").orElseThrow().version();
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertRefused(HttpResponse<String> response, int status, String says) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).contains(says);
    assertThat(version()).as("nothing written").isEqualTo(1);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsForged() throws Exception {
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    String forged = new SignedLinks(links().base(), LinkSigner.of(otherKey)).url(token(LinkUse.UNSUBSCRIBE, "c-1", NOW));

    assertRefused(post(forged, "List-Unsubscribe=One-Click"), 403, "signature does not match");
  }

  @Test
  void aTokenWhosePayloadWasChangedIsRefused() throws Exception {
    String url = unsubscribeUrl("c-1");
    String token = url.substring(url.indexOf("t=") + 2);
    String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
    String widened = payload.replace("|OFFER|", "|PROMOTION|");
    assertThat(widened).isNotEqualTo(payload);
    String tampered = url.substring(0, url.indexOf("t=") + 2)
        + Base64.getUrlEncoder().withoutPadding().encodeToString(widened.getBytes(StandardCharsets.UTF_8))
        + token.substring(token.indexOf('.'));

    assertRefused(post(tampered, "List-Unsubscribe=One-Click"), 403, "signature does not match");
  }

  @Test
  void aPreferenceLinkIsNoUnsubscribeLinkAndTheOtherWayRound() throws Exception {
    String preferences = links().url(token(LinkUse.PREFERENCES, "c-1", NOW));
    String asUnsubscribe = preferences.replace(SignedLinks.PREFERENCES_PATH, SignedLinks.UNSUBSCRIBE_PATH);
    String asPreferences = unsubscribeUrl("c-1").replace(SignedLinks.UNSUBSCRIBE_PATH, SignedLinks.PREFERENCES_PATH);

    assertRefused(post(asUnsubscribe, "List-Unsubscribe=One-Click"), 403, "this link is for PREFERENCES");
    assertRefused(get(asPreferences), 403, "this link is for UNSUBSCRIBE");
  }

  @Test
  void anExpiredLinkIsGone() throws Exception {
    Duration validity = links().signer().validity(LinkUse.UNSUBSCRIBE);
    String old = links().url(token(LinkUse.UNSUBSCRIBE, "c-1", NOW.minus(validity)));
    String fresh = links().url(token(LinkUse.UNSUBSCRIBE, "c-1", NOW.minus(validity).plusSeconds(1)));

    assertRefused(post(old, "List-Unsubscribe=One-Click"), 410, "expired");
    assertThat(post(fresh, "List-Unsubscribe=One-Click").statusCode()).as("valid until the last second").isEqualTo(200);
  }

  @Test
  void aLinkWithoutTokenOrWithGarbageIsABadRequest() throws Exception {
    assertRefused(post(links().base() + SignedLinks.UNSUBSCRIBE_PATH, "List-Unsubscribe=One-Click"), 400, "no token");
    assertRefused(post(links().base() + SignedLinks.UNSUBSCRIBE_PATH + "?t=abc", "List-Unsubscribe=One-Click"), 400, "PAYLOAD.SIGNATURE");
    assertRefused(post(links().base() + SignedLinks.UNSUBSCRIBE_PATH + "?t=a*b.c", "List-Unsubscribe=One-Click"), 400, "base64url");
  }

  @Test
  void aPostWithoutTheOneClickBodyUnsubscribesNobody() throws Exception {
    assertRefused(post(unsubscribeUrl("c-1"), ""), 400, "List-Unsubscribe=One-Click");
    assertRefused(post(unsubscribeUrl("c-1"), "List-Unsubscribe=Yes"), 400, "List-Unsubscribe=One-Click");
  }

  @Test
  void aPostInAnotherFormatOrTooLargeIsRefused() throws Exception {
    HttpResponse<String> text = http.send(
        HttpRequest.newBuilder(URI.create(unsubscribeUrl("c-1")))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(),
        HttpResponse.BodyHandlers.ofString());

    assertRefused(text, 415, "application/x-www-form-urlencoded");
    assertRefused(post(unsubscribeUrl("c-1"), "List-Unsubscribe=One-Click&pad=" + "x".repeat(20_000)), 413, "larger than");
  }

  @Test
  void aGenuineLinkForAnUnknownCustomerIsNotFoundAndCreatesNobody() throws Exception {
    assertRefused(post(unsubscribeUrl("c-404"), "List-Unsubscribe=One-Click"), 404, "no customer c-404");
    assertRefused(get(links().url(token(LinkUse.PREFERENCES, "c-404", NOW))), 404, "no customer c-404");
    assertThat(run.store().read("c-404")).isEmpty();
  }

  /** The preference form as the page served it: its hidden fields, with the cookie now in the client. */
  private Map<String, String> openForm() throws Exception {
    HttpResponse<String> page = get(links().url(token(LinkUse.PREFERENCES, "c-1", NOW)));
    assertThat(page.statusCode()).isEqualTo(200);
    Map<String, String> fields = new java.util.HashMap<>();
    Matcher matcher = HIDDEN.matcher(page.body());
    while (matcher.find()) {
      fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
    }
    assertThat(fields).containsKeys("t", "csrf", "notice");
    return fields;
  }

  private static String encode(Map<String, String> fields, String... extra) {
    StringBuilder body = new StringBuilder();
    fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    for (String field : extra) {
      body.append('&').append(field);
    }
    return body.toString();
  }

  private String preferencesPost() {
    return links().base() + SignedLinks.PREFERENCES_PATH;
  }

  @Test
  void aPreferenceFormWithoutItsCsrfTokenIsForbidden() throws Exception {
    Map<String, String> form = openForm();
    form.remove("csrf");

    assertRefused(post(preferencesPost(), encode(form, "EMAIL.PROMOTION=yes")), 403, "no CSRF token");
  }

  @Test
  void aPreferenceFormWithAnotherPagesCsrfTokenIsForbidden() throws Exception {
    Map<String, String> first = openForm();
    openForm(); // a second page view sets a new form cookie

    assertRefused(post(preferencesPost(), encode(first, "EMAIL.PROMOTION=yes")), 403, "does not match");
  }

  @Test
  void aReplayedPreferenceFormIsRefusedAndWritesNothingMore() throws Exception {
    Map<String, String> form = openForm();
    HttpResponse<String> saved = post(preferencesPost(), encode(form, "EMAIL.DEALS=yes", "EMAIL.PROMOTION=yes"));
    assertThat(saved.statusCode()).isEqualTo(303);
    int after = version();
    assertThat(after).isEqualTo(2);

    HttpResponse<String> replay = post(preferencesPost(), encode(form, "EMAIL.SMS=yes"));
    HttpResponse<String> replaySame = post(preferencesPost(), encode(form, "EMAIL.DEALS=yes"));

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replaySame.statusCode()).isEqualTo(409);
    assertThat(replaySame.body()).contains("already saved");
    assertThat(version()).isEqualTo(after);
  }

  @Test
  void aPreferenceFormWithAnUnknownFieldOrAnotherNoticeIsRefused() throws Exception {
    Map<String, String> form = openForm();
    assertRefused(post(preferencesPost(), encode(form, "EMAIL.EVERYTHING=yes")), 400, "EMAIL.EVERYTHING");
    form.put("notice", "prefs-v2");
    assertRefused(post(preferencesPost(), encode(form, "EMAIL.DEALS=yes")), 409, "another notice");
  }

  @Test
  void aPreferenceChangeRetriesWhenAnotherWriterGotThereFirst() throws Exception {
    Map<String, String> form = openForm();
    store.race(1);

    HttpResponse<String> saved = post(preferencesPost(), encode(form, "EMAIL.DEALS=yes", "SMS.SUPPORT=yes"));

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(store.conflicts()).isEqualTo(1);
    Ledger ledger = run.store().read("c-1").orElseThrow();
    assertThat(ledger.events()).extracting(LedgerEvent::id).contains(RIVAL_ID);
    assertThat(ledger.events().get(ledger.version() - 1)).isInstanceOfSatisfying(Granted.class, g -> {
      assertThat(g.intents()).containsExactly(Intent.SUPPORT);
      assertThat(g.channels()).containsExactly(Channel.SMS);
    });
  }

  @Test
  void aMalformedAddressIsAClearErrorAndNothingIsSent() throws Exception {
    run.addCustomer("c-bad", new Recipient("ann@@example..org", "Ann", "boots", "a tent"),
        List.of(Customers.granted("e1", Channel.EMAIL, Intent.DEALS)));

    assertThatThrownBy(() -> run.mailer().send("c-bad", Customers.email(Purpose.OFFER, NOW),
            new Email("c-bad", "Sale", Map.of(), "Sale.", false)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customer c-bad has a malformed email address 'ann@@example..org'");
    assertThat(run.awaitReceived(1, 500)).isFalse();
  }

}
