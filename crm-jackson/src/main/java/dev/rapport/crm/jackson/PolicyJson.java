package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Obligation;
import dev.rapport.crm.policy.ObligationCode;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.Reason;
import dev.rapport.crm.policy.ReasonCode;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * Outreach, history entries, decisions and policy options ({@code wire-format.md}, Outreach,
 * history and decisions; Scenario files: {@code options}).
 */
final class PolicyJson {
  static final String[] OUTREACH_FIELDS = {
    "purpose", "channel", "at", "staff", "entity", "automated", "containsPromotion",
    "personalization", "tracking", "topic"
  };
  static final String[] HISTORY_FIELDS = {"at", "purpose", "channel", "topic"};
  static final String[] DECISION_FIELDS = {"verdict", "reasons", "obligations", "deferUntil"};
  static final String[] REASON_FIELDS = {"code", "event", "message"};
  static final String[] OBLIGATION_FIELDS = {"code", "detail"};
  static final String[] OPTIONS_FIELDS = {"impliedConsent", "replyWindow", "doubleOptIn", "caps"};
  private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  private PolicyJson() {}

  // ---------------------------------------------------------------- outreach

  static void writeOutreach(Outreach outreach, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("purpose", outreach.purpose().name());
    gen.writeStringProperty("channel", outreach.channel().name());
    JsonOut.instant(gen, "at", outreach.at());
    JsonOut.string(gen, "staff", outreach.staff());
    JsonOut.string(gen, "entity", outreach.entity());
    JsonOut.flag(gen, "automated", outreach.automated());
    JsonOut.flag(gen, "containsPromotion", outreach.containsPromotion());
    if (outreach.personalization() != Profiling.NONE) {
      gen.writeStringProperty("personalization", outreach.personalization().name());
    }
    JsonOut.flag(gen, "tracking", outreach.tracking());
    JsonOut.string(gen, "topic", outreach.topic());
    gen.writeEndObject();
  }

  static Outreach readOutreach(JsonIn in) {
    JsonIn.ObjectIn object = in.object("an outreach", OUTREACH_FIELDS);
    Outreach.Builder builder = Outreach.builder();
    while (object.next()) {
      switch (object.name()) {
        case "purpose":
          builder.purpose(in.enumValue(Purpose.class));
          break;
        case "channel":
          builder.channel(in.enumValue(Channel.class));
          break;
        case "at":
          builder.at(in.instant());
          break;
        case "staff":
          builder.staff(in.string());
          break;
        case "entity":
          builder.entity(in.string());
          break;
        case "automated":
          builder.automated(in.bool());
          break;
        case "containsPromotion":
          builder.containsPromotion(in.bool());
          break;
        case "personalization":
          builder.personalization(in.enumValue(Profiling.class));
          break;
        case "tracking":
          builder.tracking(in.bool());
          break;
        case "topic":
          builder.topic(in.string());
          break;
        default:
          throw object.unknownField("an outreach", OUTREACH_FIELDS);
      }
    }
    object.require("an outreach", "purpose", "channel", "at");
    return object.build(builder::build);
  }

  // ---------------------------------------------------------------- history

  static void writeHistory(HistoryEntry entry, JsonGenerator gen) {
    gen.writeStartObject();
    JsonOut.instant(gen, "at", entry.at());
    gen.writeStringProperty("purpose", entry.purpose().name());
    gen.writeStringProperty("channel", entry.channel().name());
    JsonOut.string(gen, "topic", entry.topic());
    gen.writeEndObject();
  }

  static HistoryEntry readHistory(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a history entry", HISTORY_FIELDS);
    Instant at = null;
    Purpose purpose = null;
    Channel channel = null;
    String topic = null;
    while (object.next()) {
      switch (object.name()) {
        case "at":
          at = in.instant();
          break;
        case "purpose":
          purpose = in.enumValue(Purpose.class);
          break;
        case "channel":
          channel = in.enumValue(Channel.class);
          break;
        case "topic":
          topic = in.string();
          break;
        default:
          throw object.unknownField("a history entry", HISTORY_FIELDS);
      }
    }
    object.require("a history entry", "at", "purpose", "channel");
    Instant when = at;
    Purpose what = purpose;
    Channel how = channel;
    Optional<String> about = Optional.ofNullable(topic);
    return object.build(
        () -> {
          about.ifPresent(
              t -> {
                if (t.isBlank()) {
                  throw new IllegalArgumentException("a history entry's topic must not be blank");
                }
              });
          return HistoryEntry.of(when, what, how, about);
        });
  }

  // ---------------------------------------------------------------- decision

  static void writeDecision(Decision decision, JsonGenerator gen) {
    gen.writeStartObject();
    gen.writeStringProperty("verdict", decision.verdict().name());
    gen.writeArrayPropertyStart("reasons");
    for (Reason reason : decision.reasons()) {
      gen.writeStartObject();
      gen.writeStringProperty("code", reason.code().name());
      JsonOut.string(gen, "event", reason.event());
      gen.writeStringProperty("message", reason.message());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeArrayPropertyStart("obligations");
    for (Obligation obligation : decision.obligations()) {
      gen.writeStartObject();
      gen.writeStringProperty("code", obligation.code().name());
      JsonOut.string(gen, "detail", obligation.detail());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    JsonOut.instant(gen, "deferUntil", decision.deferUntil());
    gen.writeEndObject();
  }

  /** A reason as read, before the decision's verdict is known. */
  private static final class RawReason {
    final String code;
    final Optional<String> event;
    final String message;
    final String path;
    final tools.jackson.core.TokenStreamLocation location;

    RawReason(String code, Optional<String> event, String message, String path,
        tools.jackson.core.TokenStreamLocation location) {
      this.code = code;
      this.event = event;
      this.message = message;
      this.path = path;
      this.location = location;
    }
  }

  private static RawReason readReason(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a reason", REASON_FIELDS);
    String code = null;
    String event = null;
    String message = null;
    while (object.next()) {
      switch (object.name()) {
        case "code":
          code = in.string();
          if (!UPPER_SNAKE.matcher(code).matches()) {
            throw in.error(
                "reason code \""
                    + code
                    + "\" is neither built in ("
                    + JsonIn.allowed(ReasonCode.values())
                    + ") nor a team's own UPPER_SNAKE code");
          }
          break;
        case "event":
          event = in.string();
          break;
        case "message":
          message = in.string();
          break;
        default:
          throw object.unknownField("a reason", REASON_FIELDS);
      }
    }
    object.require("a reason", "code", "message");
    return new RawReason(code, Optional.ofNullable(event), message, object.path(), object.start());
  }

  private static Obligation readObligation(JsonIn in) {
    JsonIn.ObjectIn object = in.object("an obligation", OBLIGATION_FIELDS);
    ObligationCode code = null;
    String detail = null;
    while (object.next()) {
      switch (object.name()) {
        case "code":
          code = in.enumValue(ObligationCode.class);
          break;
        case "detail":
          detail = in.string();
          break;
        default:
          throw object.unknownField("an obligation", OBLIGATION_FIELDS);
      }
    }
    object.require("an obligation", "code");
    ObligationCode c = code;
    String d = detail;
    return object.build(() -> d == null ? Obligation.of(c) : Obligation.of(c, d));
  }

  static Decision readDecision(JsonIn in) {
    JsonIn.ObjectIn object = in.object("a decision", DECISION_FIELDS);
    Verdict verdict = null;
    List<RawReason> reasons = ImmutableList.of();
    List<Obligation> obligations = ImmutableList.of();
    Instant deferUntil = null;
    while (object.next()) {
      switch (object.name()) {
        case "verdict":
          verdict = in.enumValue(Verdict.class);
          break;
        case "reasons":
          reasons = in.list(PolicyJson::readReason);
          break;
        case "obligations":
          obligations = in.list(PolicyJson::readObligation);
          break;
        case "deferUntil":
          deferUntil = in.instant();
          break;
        default:
          throw object.unknownField("a decision", DECISION_FIELDS);
      }
    }
    object.require("a decision", "verdict", "reasons");
    ImmutableList.Builder<Reason> built = ImmutableList.builder();
    for (RawReason raw : reasons) {
      // A built-in code carries its own verdict; a team's own code supports the decision's.
      Verdict supports = ReasonCode.isBuiltIn(raw.code) ? ReasonCode.valueOf(raw.code).verdict() : verdict;
      try {
        built.add(Reason.of(raw.code, supports, raw.message, raw.event));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw in.error(raw.path, raw.location, "refused by the model: " + e.getMessage(), e);
      }
    }
    Verdict v = verdict;
    List<Obligation> o = obligations;
    Optional<Instant> until = Optional.ofNullable(deferUntil);
    return object.build(() -> Decision.of(v, built.build(), o, until));
  }

  // ---------------------------------------------------------------- options

  static void writeOptions(PolicyOptions options, JsonGenerator gen) {
    gen.writeStartObject();
    JsonOut.flag(gen, "impliedConsent", options.impliedConsent());
    if (!options.replyWindow().equals(PolicyOptions.defaults().replyWindow())) {
      gen.writeStringProperty("replyWindow", JsonOut.duration(options.replyWindow()));
    }
    if (!options.doubleOptIn().isEmpty()) {
      JsonOut.names(gen, "doubleOptIn", options.doubleOptIn());
    }
    if (!options.caps().isEmpty()) {
      gen.writeName("caps");
      PreferencesJson.writeCaps(options.caps(), gen);
    }
    gen.writeEndObject();
  }

  static PolicyOptions readOptions(JsonIn in) {
    JsonIn.ObjectIn object = in.object("policy options", OPTIONS_FIELDS);
    PolicyOptions.Builder builder = PolicyOptions.builder();
    while (object.next()) {
      switch (object.name()) {
        case "impliedConsent":
          builder.impliedConsent(in.bool());
          break;
        case "replyWindow":
          Duration window = in.duration();
          builder.replyWindow(window);
          break;
        case "doubleOptIn":
          builder.doubleOptIn(in.enumSet(Channel.class));
          break;
        case "caps":
          builder.caps(in.list(PreferencesJson::readCap));
          break;
        default:
          throw object.unknownField("policy options", OPTIONS_FIELDS);
      }
    }
    return object.build(builder::build);
  }
}
