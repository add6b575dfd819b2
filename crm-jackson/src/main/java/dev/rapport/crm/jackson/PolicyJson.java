package dev.rapport.crm.jackson;

import com.google.common.collect.ImmutableList;
import dev.rapport.crm.policy.Code;
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
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Outreach, history entries, decisions and policy options ({@code wire-format.md}, Outreach,
 * history and decisions; Scenario files: {@code options}).
 */
final class PolicyJson {

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

  private static final ObjectReader<Outreach.Builder, Outreach> OUTREACH =
      ObjectReader.of("an outreach", Outreach::builder, Outreach.Builder::build)
          .required("purpose", in -> in.enumValue(Purpose.class), Outreach.Builder::purpose)
          .required("channel", in -> in.enumValue(Channel.class), Outreach.Builder::channel)
          .required("at", JsonIn::instant, Outreach.Builder::at)
          .optional("staff", JsonIn::string, Outreach.Builder::staff)
          .optional("entity", JsonIn::string, Outreach.Builder::entity)
          .optional("automated", JsonIn::bool, Outreach.Builder::automated)
          .optional("containsPromotion", JsonIn::bool, Outreach.Builder::containsPromotion)
          .optional(
              "personalization", in -> in.enumValue(Profiling.class), Outreach.Builder::personalization)
          .optional("tracking", JsonIn::bool, Outreach.Builder::tracking)
          .optional("topic", JsonIn::string, Outreach.Builder::topic);

  static Outreach readOutreach(JsonIn in) {
    return OUTREACH.read(in);
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

  private static final ObjectReader<ObjectReader.Values, HistoryEntry> HISTORY =
      ObjectReader.ofValues(
              "a history entry", // a blank topic is refused by HistoryEntry itself
              v -> HistoryEntry.of(v.get("at"), v.get("purpose"), v.get("channel"), v.optional("topic")))
          .required("at", JsonIn::instant)
          .required("purpose", in -> in.enumValue(Purpose.class))
          .required("channel", in -> in.enumValue(Channel.class))
          .optional("topic", JsonIn::string);

  static HistoryEntry readHistory(JsonIn in) {
    return HISTORY.read(in);
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

  /** A reason as read, before the decision's verdict is known; the object, for its errors. */
  private record RawReason(
      Code code, Optional<String> event, String message, JsonIn in, JsonIn.ObjectIn object) {
    Reason reason(@Nullable Verdict verdict) {
      Verdict supports = code instanceof ReasonCode builtIn ? builtIn.verdict() : verdict;
      try {
        return Reason.of(code.name(), supports, message, event);
      } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
        throw in.error(object.path(), object.start(), "refused by the model: " + e.getMessage(), e);
      }
    }
  }

  private static final ObjectReader<ObjectReader.Values, RawReason> REASON =
      ObjectReader.ofValues(
              "a reason",
              v -> new RawReason(v.get("code"), v.optional("event"), v.get("message"), v.in(), v.object()))
          .required("code", PolicyJson::reasonCode)
          .optional("event", JsonIn::string)
          .required("message", JsonIn::string);

  /** A built-in or a team's code, as {@link Code#of} (the core) accepts it. */
  private static Code reasonCode(JsonIn in) {
    String code = in.string();
    try {
      return Code.of(code);
    } catch (IllegalArgumentException e) {
      throw in.error(
          in.path(),
          in.location(),
          "reason code \""
              + code
              + "\" is neither built in ("
              + JsonIn.allowed(ReasonCode.values())
              + ") nor a team's own UPPER_SNAKE code",
          e);
    }
  }

  private static final ObjectReader<ObjectReader.Values, Obligation> OBLIGATION =
      ObjectReader.ofValues(
              "an obligation",
              v -> v.<String>optional("detail")
                  .map(detail -> Obligation.of(v.get("code"), detail))
                  .orElseGet(() -> Obligation.of(v.get("code"))))
          .required("code", in -> in.enumValue(ObligationCode.class))
          .optional("detail", JsonIn::string);

  private static final ObjectReader<ObjectReader.Values, Decision> DECISION =
      ObjectReader.ofValues("a decision", PolicyJson::decision)
          .required("verdict", in -> in.enumValue(Verdict.class))
          .required("reasons", in -> in.list(REASON::read))
          .optional("obligations", in -> in.list(OBLIGATION::read))
          .optional("deferUntil", JsonIn::instant);

  private static Decision decision(ObjectReader.Values v) {
    Verdict verdict = v.get("verdict");
    ImmutableList.Builder<Reason> reasons = ImmutableList.builder();
    for (RawReason raw : v.<List<RawReason>>get("reasons")) {
      reasons.add(raw.reason(verdict));
    }
    return Decision.of(
        verdict,
        reasons.build(),
        v.getOr("obligations", ImmutableList.<Obligation>of()),
        v.optional("deferUntil"));
  }

  static Decision readDecision(JsonIn in) {
    return DECISION.read(in);
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

  private static final ObjectReader<PolicyOptions.Builder, PolicyOptions> OPTIONS =
      ObjectReader.of("policy options", PolicyOptions::builder, PolicyOptions.Builder::build)
          .optional("impliedConsent", JsonIn::bool, PolicyOptions.Builder::impliedConsent)
          .optional("replyWindow", JsonIn::duration, PolicyOptions.Builder::replyWindow)
          .optional("doubleOptIn", in -> in.enumSet(Channel.class), PolicyOptions.Builder::doubleOptIn)
          .optional("caps", in -> in.list(PreferencesJson::readCap), PolicyOptions.Builder::caps);

  static PolicyOptions readOptions(JsonIn in) {
    return OPTIONS.read(in);
  }
}
