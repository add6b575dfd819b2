package dev.rapport.crm.examples.email;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.html.HtmlEscapers;
import com.google.common.net.UrlEscapers;
import dev.rapport.crm.examples.links.LinkToken;
import dev.rapport.crm.examples.links.LinkUse;
import dev.rapport.crm.examples.links.SignedLinks;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.relationship.Profiling;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends an allowed email through a real SMTP server with Jakarta Mail, honouring every
 * obligation of the decision:
 *
 * <ul>
 *   <li>{@code INCLUDE_UNSUBSCRIBE}: a {@code List-Unsubscribe} header (RFC 2369) with the
 *       signed HTTPS link and a {@code mailto:}, and the same links in the footer;
 *   <li>{@code ONE_CLICK_UNSUBSCRIBE}: {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 *       (RFC 8058), both headers covered by the DKIM signature;
 *   <li>{@code IDENTIFY_SENDER}: the sender's name and postal address in the footer;
 *   <li>{@code NO_TRACKING}: no open pixel and no rewritten links, even if the draft asks for
 *       them;
 *   <li>{@code LIMIT_PERSONALIZATION}: the draft's placeholders are filled only up to the level
 *       allowed ({@code {{first_name}}} from {@code BASIC}, {@code {{interest}}} from {@code
 *       DECLARED}, {@code {{recent_purchase}}} at {@code INFERRED}); deeper ones get neutral
 *       words. Without the obligation the outreach's own level applies.
 * </ul>
 *
 * <p>Every message is DKIM-signed ({@link DkimSigner}) and carries a {@code Message-ID} that
 * its links name, so that a withdrawal records which message it came from. The draft's body is
 * plain text: paragraphs split by blank lines, URLs made into links, everything else escaped.
 *
 * <p>Time comes from the clock given (the {@code Date} header, the links' issue time, the
 * signature's {@code t=}).
 */
public final class SmtpDelivery implements ConsentCheckedMailer.Delivery {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(first_name|interest|recent_purchase)}}");
  private static final Pattern URL = Pattern.compile("https://[^\\s<>\"]+");

  private final Session session;
  private final SenderIdentity sender;
  private final Function<String, Recipient> addressBook;
  private final SignedLinks links;
  private final DkimSigner signer;
  private final Clock clock;
  private final String trackingBase;

  /**
   * A delivery through the SMTP server at {@code host:port}.
   *
   * @param host the SMTP server's host
   * @param port the SMTP server's port
   * @param sender who sends
   * @param addressBook the recipient of each customer id; throws {@link
   *     java.util.NoSuchElementException} for an unknown one
   * @param links makes the signed unsubscribe and preference links
   * @param signer signs each message with DKIM
   * @param clock the time of sending
   */
  public SmtpDelivery(
      String host,
      int port,
      SenderIdentity sender,
      Function<String, Recipient> addressBook,
      SignedLinks links,
      DkimSigner signer,
      Clock clock) {
    checkArgument(port > 0 && port < 65536, "not a port: %s", port);
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", host);
    properties.setProperty("mail.smtp.port", Integer.toString(port));
    properties.setProperty("mail.smtp.connectiontimeout", "10000");
    properties.setProperty("mail.smtp.timeout", "10000");
    this.session = Session.getInstance(properties);
    this.sender = sender;
    this.addressBook = addressBook;
    this.links = links;
    this.signer = signer;
    this.clock = clock;
    this.trackingBase = "https://click." + sender.domain();
  }

  @Override
  public void deliver(String customerId, Outreach outreach, Decision decision, Email draft) {
    checkArgument(decision.isAllowed(), "only an allowed email is delivered, got %s", decision.verdict());
    Recipient recipient = addressBook.apply(customerId);
    InternetAddress to = address(customerId, recipient.address());
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String messageId = "<" + UUID.randomUUID() + "@" + sender.domain() + ">";
    LinkToken unsubscribe = token(LinkUse.UNSUBSCRIBE, customerId, outreach, now, messageId);
    LinkToken preferences = token(LinkUse.PREFERENCES, customerId, outreach, now, messageId);
    try {
      MimeMessage message = compose(decision, outreach, draft, recipient, to, now, messageId, unsubscribe, preferences);
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      message.writeTo(raw);
      byte[] signed = signer.sign(crlf(raw.toByteArray()), now);
      MimeMessage wire = new MimeMessage(session, new ByteArrayInputStream(signed));
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect();
        // sendMessage, not Transport.send: the signed bytes go as they are, without saveChanges.
        transport.sendMessage(wire, wire.getAllRecipients());
      }
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("could not send to customer " + customerId + ": " + e.getMessage(), e);
    }
  }

  private MimeMessage compose(
      Decision decision,
      Outreach outreach,
      Email draft,
      Recipient recipient,
      InternetAddress to,
      Instant now,
      String messageId,
      LinkToken unsubscribe,
      LinkToken preferences)
      throws MessagingException, UnsupportedEncodingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(sender.address(), sender.name(), "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, to);
    message.setSubject(draft.subject(), "UTF-8");
    message.setSentDate(Date.from(now));
    for (Map.Entry<String, String> header : draft.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue());
    }
    boolean unsubscribeObliged =
        decision.hasObligation(ObligationCode.INCLUDE_UNSUBSCRIBE)
            || decision.hasObligation(ObligationCode.ONE_CLICK_UNSUBSCRIBE);
    String unsubscribeUrl = links.url(unsubscribe);
    if (unsubscribeObliged) {
      String mailto =
          // RFC 6068: a space in a mailto header is %20; the token is base64url and a dot.
          "mailto:unsubscribe@" + sender.domain() + "?subject=unsubscribe%20" + links.signer().sign(unsubscribe);
      message.setHeader(
          Email.LIST_UNSUBSCRIBE,
          MimeUtility.fold(Email.LIST_UNSUBSCRIBE.length() + 2, "<" + unsubscribeUrl + ">, <" + mailto + ">"));
    }
    if (decision.hasObligation(ObligationCode.ONE_CLICK_UNSUBSCRIBE)) {
      message.setHeader(Email.LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
    }
    boolean tracking = draft.tracking() && !decision.hasObligation(ObligationCode.NO_TRACKING);
    Profiling level =
        decision
            .obligation(ObligationCode.LIMIT_PERSONALIZATION)
            .flatMap(o -> o.detail())
            .map(Profiling::valueOf)
            .orElse(outreach.personalization());
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
    for (String paragraph : personalize(draft.body(), recipient, level).split("\n\\s*\n")) {
      html.append("<p>").append(linkify(paragraph.strip(), tracking, messageId)).append("</p>\n");
    }
    if (unsubscribeObliged) {
      html.append("<p>Don't want these? <a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a> or <a href=\"")
          .append(escape(links.url(preferences))).append("\">choose what you get from us</a>.</p>\n");
    }
    if (decision.hasObligation(ObligationCode.IDENTIFY_SENDER)) {
      html.append("<p>Sent by ").append(escape(sender.name())).append(", ").append(escape(sender.postalAddress())).append(".</p>\n");
    }
    if (tracking) {
      html.append("<img src=\"").append(escape(trackingBase + "/open?m=" + UrlEscapers.urlFormParameterEscaper().escape(messageId)))
          .append("\" width=\"1\" height=\"1\" alt=\"\">\n");
    }
    html.append("</body></html>\n");
    message.setText(html.toString(), "UTF-8", "html");
    message.saveChanges();
    return message;
  }

  /** The draft with each placeholder filled if {@code level} allows it, else neutral words. */
  static String personalize(String text, Recipient recipient, Profiling level) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value;
      switch (matcher.group(1)) {
        case "first_name":
          value = level.compareTo(Profiling.BASIC) >= 0 ? recipient.firstName() : "there";
          break;
        case "interest":
          value = level.compareTo(Profiling.DECLARED) >= 0 ? recipient.interest() : "our range";
          break;
        default:
          value = level.compareTo(Profiling.INFERRED) >= 0 ? recipient.recentPurchase() : "our range";
          break;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Escaped text with each https URL as a link, through the click tracker only if allowed. */
  private String linkify(String text, boolean tracking, String messageId) {
    String escaped = escape(text);
    Matcher matcher = URL.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String url = matcher.group();
      String href =
          tracking
              ? escape(trackingBase + "/click?m=" + UrlEscapers.urlFormParameterEscaper().escape(messageId)
                  + "&u=" + UrlEscapers.urlFormParameterEscaper().escape(url.replace("&amp;", "&")))
              : url;
      matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + href + "\">" + url + "</a>"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String escape(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }

  private static LinkToken token(LinkUse use, String customerId, Outreach outreach, Instant now, String messageId) {
    return new LinkToken(
        use, customerId, outreach.purpose(), outreach.channel(), outreach.entity().orElse(""), now, messageId);
  }

  private static InternetAddress address(String customerId, String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      parsed.validate();
      if (parsed.getAddress().indexOf('@') < 0) {
        throw new AddressException("no domain", address);
      }
      return parsed;
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "customer " + customerId + " has a malformed email address '" + address + "': " + e.getMessage(), e);
    }
  }

  /** The bytes with every line ending made CRLF, as SMTP and DKIM see them. */
  static byte[] crlf(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
        out.write('\r');
      }
      if (b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
        out.write('\r');
        out.write('\n');
        continue;
      }
      out.write(b);
    }
    return out.toByteArray();
  }
}
