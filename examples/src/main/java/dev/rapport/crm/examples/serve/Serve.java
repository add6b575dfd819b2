package dev.rapport.crm.examples.serve;

import dev.rapport.crm.examples.email.Email;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.ledger.Actor;
import dev.rapport.crm.ledger.Evidence;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.PreferencesChanged;
import dev.rapport.crm.ledger.Source;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Preferences;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import dev.rapport.crm.relationship.QuietHours;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code serve} command: starts a {@link LocalRun}, records five customers, sends them a
 * small campaign through the embedded SMTP server, prints each decision and the links of each
 * message received, then serves the endpoints until interrupted (or for a given time) and prints
 * what the customers changed.
 */
public final class Serve {
  private static final Pattern PREFERENCES = Pattern.compile("href=\"([^\"]*/preferences\\?t=[^\"]+)\"");
  private static final List<String> CUSTOMERS = List.of("c-0001", "c-0002", "c-0003", "c-0004", "c-0005");

  private Serve() {}

  /**
   * Runs the local pipeline on {@code clock}, printing to {@code out}; serves for {@code
   * duration}, or until the process is interrupted when empty.
   */
  public static void run(Clock clock, Optional<Duration> duration, PrintStream out) throws IOException, InterruptedException {
    try (LocalRun run = LocalRun.start(clock)) {
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = new Thread(stop::countDown, "rapport-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      record(run, now);
      out.printf("Rapport, served locally: SMTP on 127.0.0.1:%d, web on %s%n", run.smtpPort(), run.web().links().base());
      out.printf("DKIM key record (northwind.example, selector %s): %s%n%n", LocalRun.SELECTOR, run.dkimRecord());
      out.println("Campaign 'Spring sale' (OFFER by EMAIL, now):");
      Outreach offer = Outreach.builder().purpose(Purpose.OFFER).channel(Channel.EMAIL).at(now)
          .tracking(true).personalization(Profiling.DECLARED).topic("spring-sale").build();
      int allowed = 0;
      for (String customer : CUSTOMERS) {
        Decision decision = run.mailer().send(customer, offer, new Email(customer, "Our spring sale",
            Map.of(), "Hello {{first_name}},\n\nTwenty percent off {{interest}} until Sunday.\n\nhttps://northwind.example/spring-sale", true));
        allowed += decision.isAllowed() ? 1 : 0;
        out.printf("  %s  %-5s %s%s%n", customer, decision.verdict(), decision.reasonCodes(),
            decision.deferUntil().map(at -> " until " + at).orElse(""));
      }
      if (allowed > 0 && !run.awaitReceived(allowed, 10_000)) {
        out.println("  (the SMTP server did not receive every message in time)");
      }
      out.println();
      out.println("Received by the SMTP server (open the links in a browser):");
      for (byte[] raw : run.received()) {
        printLinks(raw, out);
      }
      out.println();
      out.println("The links are HTTPS (RFC 8058) with a certificate made for 127.0.0.1 just now: your browser");
      out.printf("will warn; its SHA-256 fingerprint is %s.%n", run.tls().fingerprint());
      out.println("A mail provider's one-click unsubscribe is:  curl -k -d List-Unsubscribe=One-Click 'UNSUBSCRIBE-URL'");
      out.println(duration.map(d -> "Serving for " + d.toSeconds() + " s.").orElse("Serving until interrupted (Ctrl-C)."));
      out.println("Deferred messages are asked about again at their deferUntil while serving.");
      out.flush();
      int[] versions = CUSTOMERS.stream().mapToInt(c -> run.store().read(c).orElseThrow().version()).toArray();
      // Deferred messages are asked about again when their deferUntil comes.
      Instant end = duration.map(d -> clock.instant().plus(d)).orElse(Instant.MAX);
      while (clock.instant().isBefore(end) && !stop.await(untilNextLook(clock, end), TimeUnit.MILLISECONDS)) {
        for (Decision again : run.mailer().runDue(clock.instant())) {
          out.printf("  a deferred message, asked again at %s: %s %s%n", clock.instant().truncatedTo(ChronoUnit.SECONDS), again.verdict(), again.reasonCodes());
          out.flush();
        }
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: the process is being interrupted
      }
      out.println();
      out.println("Recorded while serving:");
      boolean any = false;
      for (int i = 0; i < CUSTOMERS.size(); i++) {
        List<LedgerEvent> events = run.store().read(CUSTOMERS.get(i)).orElseThrow().events();
        for (LedgerEvent event : events.subList(versions[i], events.size())) {
          any = true;
          out.printf("  %s  %s%n", CUSTOMERS.get(i), event);
        }
      }
      if (!any) {
        out.println("  nothing");
      }
      out.flush();
    }
  }

  private static long untilNextLook(Clock clock, Instant end) {
    Duration left = Duration.between(clock.instant(), end);
    return left.compareTo(Duration.ofSeconds(1)) > 0 ? 1_000 : Math.max(0, left.toMillis());
  }

  private static void record(LocalRun run, Instant now) {
    Instant before = now.minus(Duration.ofDays(10));
    run.addCustomer("c-0001", new Recipient("ann@example.org", "Ann", "hiking boots", "a tent"),
        List.of(grant("e1", before, Intent.DEALS)));
    run.addCustomer("c-0002", new Recipient("bo@example.org", "Bo", "running shoes", "a rain jacket"),
        List.of(grant("e1", before, Intent.PROMOTION), profiling("e2", before, Preferences.builder().profiling(Profiling.DECLARED).build())));
    run.addCustomer("c-0003", new Recipient("cy@example.org", "Cy", "tents", "a stove"),
        List.of(grant("e1", before, Intent.SUPPORT)));
    run.addCustomer("c-0004", new Recipient("di@example.org", "Di", "socks", "gloves"), List.of());
    // Quiet hours are whole minutes (crm-core RULES.md, "Bounds of values").
    LocalTime local = LocalTime.ofInstant(now, ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.MINUTES);
    run.addCustomer("c-0005", new Recipient("ed@example.org", "Ed", "maps", "a compass"),
        List.of(grant("e1", before, Intent.DEALS), profiling("e2", before, Preferences.builder()
            .quietHours(QuietHours.of(local.minusHours(1), local.plusHours(1))).build())));
  }

  private static LedgerEvent grant(String id, Instant at, Intent intent) {
    return Granted.builder().id(id).at(at).addIntents(intent).addChannels(Channel.EMAIL)
        .evidence(Evidence.builder().source(Source.PREFERENCE_CENTER).actor(Actor.CUSTOMER).notice(LocalRun.NOTICE).build())
        .build();
  }

  private static LedgerEvent profiling(String id, Instant at, Preferences preferences) {
    return PreferencesChanged.builder().id(id).at(at).preferences(preferences).build();
  }

  private static void printLinks(byte[] raw, PrintStream out) throws IOException {
    try {
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
      out.printf("  To %s, '%s'%n", String.join(", ", headers(message, "To")), message.getSubject());
      for (String value : headers(message, "List-Unsubscribe")) {
        for (String uri : value.replaceAll("\\s+", "").split(",")) {
          if (uri.startsWith("<http")) {
            out.printf("    unsubscribe: %s%n", uri.substring(1, uri.length() - 1));
          }
        }
      }
      Matcher preferences = PREFERENCES.matcher(String.valueOf(message.getContent()));
      if (preferences.find()) {
        out.printf("    preferences: %s%n", preferences.group(1).replace("&amp;", "&"));
      }
    } catch (MessagingException e) {
      throw new IOException("cannot read a received message: " + e.getMessage(), e);
    }
  }

  private static List<String> headers(MimeMessage message, String name) throws MessagingException {
    String[] values = message.getHeader(name);
    return values == null ? List.of() : new ArrayList<>(List.of(values));
  }
}
