package dev.rapport.crm.examples.serve;

import static com.google.common.base.Preconditions.checkArgument;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.crm.customer.CustomerProfile;
import dev.rapport.crm.customer.Jurisdiction;
import dev.rapport.crm.examples.email.ConsentCheckedMailer;
import dev.rapport.crm.examples.email.DkimSigner;
import dev.rapport.crm.examples.email.Recipient;
import dev.rapport.crm.examples.email.SenderIdentity;
import dev.rapport.crm.examples.email.SmtpDelivery;
import dev.rapport.crm.examples.links.LinkSigner;
import dev.rapport.crm.examples.web.LocalTls;
import dev.rapport.crm.examples.web.RapportWebServer;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.store.InMemoryLedgerStore;
import dev.rapport.crm.store.LedgerStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedded SMTP server (GreenMail) on a free loopback port, the web endpoints ({@link
 * RapportWebServer}) over HTTPS on another, an in-memory ledger store, and a {@link
 * ConsentCheckedMailer} that sends through SMTP, signing with DKIM. Nothing leaves the machine.
 *
 * <p>Each run has its own link key; the local certificate ({@link LocalTls}) and the DKIM key
 * pair are made once per process, on first use. Time is the clock given; keys come from {@link
 * SecureRandom}.
 */
public final class LocalRun implements AutoCloseable {
  /** The notice the preference page shows. */
  public static final String NOTICE = "prefs-v3";
  /** The DKIM selector the key is published under. */
  public static final String SELECTOR = "rapport";
  /** Who sends. */
  public static final SenderIdentity SENDER =
      new SenderIdentity("Northwind Outfitters", "news@northwind.example", "1 Example Street, London EC1A 1AA, United Kingdom");

  private final Clock clock;
  private final GreenMail smtp;
  private final RapportWebServer web;
  private final LocalTls tls;
  private final LedgerStore store;
  private final PolicyEngine engine;
  private final ConsentCheckedMailer mailer;
  private final KeyPair dkimKeys;
  private final Map<String, Recipient> addressBook = new ConcurrentHashMap<>();

  private LocalRun(Clock clock, LedgerStore store, PolicyEngine engine) throws IOException {
    this.clock = clock;
    this.store = store;
    this.engine = engine;
    this.smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    byte[] linkKey = new byte[32];
    new SecureRandom().nextBytes(linkKey);
    LinkSigner signer = LinkSigner.of(linkKey);
    RapportWebServer started;
    try {
      this.tls = processTls();
      started = RapportWebServer.start(store, signer, NOTICE, clock, tls);
    } catch (IOException | RuntimeException e) {
      smtp.stop();
      throw e;
    }
    this.web = started;
    this.dkimKeys = processDkimKeys();
    SmtpDelivery delivery =
        new SmtpDelivery(
            "127.0.0.1",
            smtp.getSmtp().getPort(),
            SENDER,
            this::recipient,
            web.links(),
            new DkimSigner(SENDER.domain(), SELECTOR, dkimKeys.getPrivate()),
            clock);
    this.mailer = new ConsentCheckedMailer(engine, store, delivery);
  }

  /** Starts everything with an empty in-memory store and the default engine. */
  public static LocalRun start(Clock clock) throws IOException {
    return new LocalRun(clock, new InMemoryLedgerStore(), PolicyEngine.withDefaults());
  }

  /** Starts everything on {@code store} (any {@link LedgerStore}) with the default engine. */
  public static LocalRun start(Clock clock, LedgerStore store) throws IOException {
    return new LocalRun(clock, store, PolicyEngine.withDefaults());
  }

  /** Records a customer in GB (Europe/London) with an address and the given ledger events. */
  public void addCustomer(String customerId, Recipient recipient, List<? extends LedgerEvent> events) {
    store.create(CustomerProfile.of(customerId, Jurisdiction.of("GB"), ZoneId.of("Europe/London")));
    if (!events.isEmpty()) {
      store.append(customerId, 0, events);
    }
    addressBook.put(customerId, recipient);
  }

  private Recipient recipient(String customerId) {
    Recipient recipient = addressBook.get(customerId);
    if (recipient == null) {
      throw new NoSuchElementException("no address on file for customer " + customerId);
    }
    return recipient;
  }

  /** The clock everything runs on. */
  public Clock clock() {
    return clock;
  }

  /** The ledger store. */
  public LedgerStore store() {
    return store;
  }

  /** The policy engine the mailer asks. */
  public PolicyEngine engine() {
    return engine;
  }

  /** The mailer: ask, then send through SMTP. */
  public ConsentCheckedMailer mailer() {
    return mailer;
  }

  /** The web endpoints. */
  public RapportWebServer web() {
    return web;
  }

  /** The local certificate the web endpoints serve HTTPS with. */
  public LocalTls tls() {
    return tls;
  }

  /** The SMTP server's port on 127.0.0.1. */
  public int smtpPort() {
    return smtp.getSmtp().getPort();
  }

  /** The DKIM public key record as it would be published in DNS at {@code rapport._domainkey}. */
  public String dkimRecord() {
    return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(dkimKeys.getPublic().getEncoded());
  }

  /**
   * Every message the SMTP server received so far, as the bytes it received (after its own
   * {@code Received} and {@code Return-Path} lines).
   */
  public List<byte[]> received() {
    List<byte[]> messages = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        messages.add(out.toByteArray());
      } catch (IOException | MessagingException e) {
        throw new IllegalStateException("cannot read a received message back: " + e.getMessage(), e);
      }
    }
    return messages;
  }

  /** Waits up to {@code millis} for at least {@code count} received messages; whether they came. */
  public boolean awaitReceived(int count, long millis) {
    checkArgument(count > 0, "count must be positive");
    return smtp.waitForIncomingEmail(millis, count);
  }

  /** Stops the web server and the SMTP server. */
  @Override
  public void close() {
    try {
      web.close();
    } finally {
      smtp.stop();
    }
  }

  private static LocalTls sharedTls;
  private static KeyPair sharedDkimKeys;

  /** The process's local certificate, made on first use (keytool takes a second or two). */
  private static synchronized LocalTls processTls() throws IOException {
    if (sharedTls == null) {
      sharedTls = LocalTls.create();
    }
    return sharedTls;
  }

  /** The process's DKIM key pair, made on first use. */
  private static synchronized KeyPair processDkimKeys() {
    if (sharedDkimKeys == null) {
      sharedDkimKeys = rsaKeys();
    }
    return sharedDkimKeys;
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every Java runtime", e);
    }
  }
}
