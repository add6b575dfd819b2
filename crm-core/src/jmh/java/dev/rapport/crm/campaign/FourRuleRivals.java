package dev.rapport.crm.campaign;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.Value;
import dev.rapport.crm.ledger.Granted;
import dev.rapport.crm.ledger.Ledger;
import dev.rapport.crm.ledger.LedgerEvent;
import dev.rapport.crm.ledger.Objected;
import dev.rapport.crm.ledger.Withdrawn;
import dev.rapport.crm.policy.HistoryEntry;
import dev.rapport.crm.policy.Verdict;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.Intent;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * The 4-rule policy of {@link FourRulePopulation} as the plain-Java control and three rivals
 * write it. Each is given, per customer, the same four facts folded once from the ledger, the
 * history and the send's instant ({@link FourRuleFacts}), in the form it takes: the control a
 * {@code HashMap} view, Easy Rules its {@code Facts}, jCasbin a subject object, cedar-java a
 * request with the facts as its context. Rapport's gate is given neither these facts nor the
 * policy: it compiles the ledgers and histories and applies its full rules.
 */
final class FourRuleRivals {
  static final int WINDOW_START = 8 * 60;
  static final int WINDOW_END = 21 * 60;
  static final int CAP = 2;
  static final Duration CAP_PERIOD = Duration.ofDays(7);

  private FourRuleRivals() {}

  /** The four facts of one customer for one send. */
  static final class FourRuleFacts {
    /** The latest grant or withdrawal of PROMOTION by EMAIL is a grant. */
    final boolean consent;
    /** An objection came after the latest grant of PROMOTION by EMAIL. */
    final boolean objected;
    /** PROMOTION e-mails sent in the 7 days up to the send, the send's instant included. */
    final int sent;
    /** The send's local minute of the day in the customer's zone. */
    final int minute;

    private FourRuleFacts(boolean consent, boolean objected, int sent, int minute) {
      this.consent = consent;
      this.objected = objected;
      this.sent = sent;
      this.minute = minute;
    }

    static FourRuleFacts of(Ledger ledger, List<HistoryEntry> history, Instant at) {
      boolean consent = false;
      boolean objected = false;
      for (LedgerEvent event : ledger.events()) {
        if (event.at().isAfter(at)) {
          continue;
        }
        if (event instanceof Granted) {
          Granted grant = (Granted) event;
          if (grant.intents().contains(Intent.PROMOTION) && grant.channels().contains(Channel.EMAIL)) {
            consent = true;
            objected = false;
          }
        } else if (event instanceof Withdrawn) {
          Withdrawn withdrawal = (Withdrawn) event;
          if (withdrawal.intents().contains(Intent.PROMOTION) && withdrawal.channels().contains(Channel.EMAIL)) {
            consent = false;
          }
        } else if (event instanceof Objected) {
          objected = true;
        }
      }
      Instant from = at.minus(CAP_PERIOD);
      int sent = 0;
      for (HistoryEntry entry : history) {
        if (entry.purpose() == Purpose.PROMOTION
            && entry.channel() == Channel.EMAIL
            && entry.at().isAfter(from)
            && !entry.at().isAfter(at)) {
          sent++;
        }
      }
      LocalTime local = at.atZone(ledger.customer().zone()).toLocalTime();
      return new FourRuleFacts(consent, objected, sent, local.getHour() * 60 + local.getMinute());
    }
  }

  /** The plain-Java control over a {@code HashMap} view of the facts. */
  static final class Control {
    private Control() {}

    static Map<String, Object> view(FourRuleFacts facts) {
      Map<String, Object> view = new HashMap<>();
      view.put("consent", facts.consent);
      view.put("objected", facts.objected);
      view.put("sent", facts.sent);
      view.put("minute", facts.minute);
      return view;
    }

    static Verdict decide(Map<String, Object> view) {
      if (!(Boolean) view.get("consent") || (Boolean) view.get("objected")) {
        return Verdict.DENY;
      }
      int minute = (Integer) view.get("minute");
      if ((Integer) view.get("sent") >= CAP || minute < WINDOW_START || minute >= WINDOW_END) {
        return Verdict.DEFER;
      }
      return Verdict.ALLOW;
    }
  }

  /**
   * Easy Rules: five plain-Java rules by priority, the first that applies wins (deny, deny,
   * defer, defer, else allow); the verdict is written into a holder fact.
   */
  static final class EasyRules {
    private final Verdict[] out = new Verdict[1];
    private final Rules rules =
        new Rules(
            rule("consent", 1, f -> !f.<Boolean>get("consent"), Verdict.DENY),
            rule("objection", 2, f -> f.<Boolean>get("objected"), Verdict.DENY),
            rule("cap", 3, f -> f.<Integer>get("sent") >= CAP, Verdict.DEFER),
            rule(
                "window",
                4,
                f -> f.<Integer>get("minute") < WINDOW_START || f.<Integer>get("minute") >= WINDOW_END,
                Verdict.DEFER),
            rule("allow", 5, f -> true, Verdict.ALLOW));
    private final RulesEngine engine = new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(true));

    private org.jeasy.rules.api.Rule rule(
        String name, int priority, org.jeasy.rules.api.Condition condition, Verdict verdict) {
      return new RuleBuilder().name(name).priority(priority).when(condition).then(f -> out[0] = verdict).build();
    }

    Facts facts(FourRuleFacts facts) {
      Facts view = new Facts();
      view.put("consent", facts.consent);
      view.put("objected", facts.objected);
      view.put("sent", facts.sent);
      view.put("minute", facts.minute);
      return view;
    }

    Verdict decide(Facts facts) {
      out[0] = null;
      engine.fire(rules, facts);
      return out[0];
    }
  }

  /**
   * jCasbin: one fixed ABAC matcher over the subject's attributes and one policy line. It
   * answers allowed or not (its effect is allow or deny), so it is checked against ALLOW and not
   * ALLOW.
   */
  static final class Casbin {
    static final String MODEL =
        "[request_definition]\n"
            + "r = sub, obj, act\n"
            + "[policy_definition]\n"
            + "p = obj, act\n"
            + "[policy_effect]\n"
            + "e = some(where (p.eft == allow))\n"
            + "[matchers]\n"
            + "m = r.obj == p.obj && r.act == p.act && r.sub.consent == true && r.sub.objected == false"
            + " && r.sub.sent < 2 && r.sub.minute >= 480 && r.sub.minute < 1260\n";
    private final Enforcer enforcer;

    Casbin() {
      Model model = Model.newModelFromString(MODEL);
      enforcer = new Enforcer(model);
      enforcer.addPolicy("newsletter", "send");
    }

    boolean allowed(Subject subject) {
      return enforcer.enforce(subject, "newsletter", "send");
    }
  }

  /** The subject jCasbin's matcher reads (by its getters). */
  public static final class Subject {
    private final boolean consent;
    private final boolean objected;
    private final int sent;
    private final int minute;

    Subject(FourRuleFacts facts) {
      consent = facts.consent;
      objected = facts.objected;
      sent = facts.sent;
      minute = facts.minute;
    }

    /** Rule 1's fact. */
    public boolean getConsent() {
      return consent;
    }

    /** Rule 2's fact. */
    public boolean getObjected() {
      return objected;
    }

    /** Rule 3's fact. */
    public int getSent() {
      return sent;
    }

    /** Rule 4's fact. */
    public int getMinute() {
      return minute;
    }
  }

  /**
   * cedar-java: a permit and four forbids, one per rule, with their own ids; a Deny is DENY when
   * the consent or objection forbid determined it, else DEFER. Each call crosses to the native
   * library (the request is serialized there and back).
   */
  static final class Cedar {
    private static final EntityUID ACTION = new EntityUID(EntityTypeName.parse("Action").orElseThrow(), "send");
    private static final EntityUID RESOURCE = new EntityUID(EntityTypeName.parse("Campaign").orElseThrow(), "newsletter");
    private static final EntityTypeName CUSTOMER = EntityTypeName.parse("Customer").orElseThrow();
    private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
    private final PolicySet policies;
    private final Set<Entity> entities = Set.of();

    Cedar() {
      try {
        policies =
            new PolicySet(
                Set.of(
                    new Policy("permit(principal, action == Action::\"send\", resource);", "send"),
                    new Policy("forbid(principal, action, resource) unless { context.consent };", "consent"),
                    new Policy("forbid(principal, action, resource) when { context.objected };", "objection"),
                    new Policy("forbid(principal, action, resource) when { context.sent >= 2 };", "cap"),
                    new Policy(
                        "forbid(principal, action, resource) when { context.minute < 480 || context.minute >= 1260 };",
                        "window")));
        policies.cache();
      } catch (RuntimeException | com.cedarpolicy.model.exception.CacheException e) {
        throw new IllegalStateException("cedar-java cannot load the policies: " + e, e);
      }
    }

    AuthorizationRequest request(String customerId, FourRuleFacts facts) {
      Map<String, Value> context = new HashMap<>();
      context.put("consent", new PrimBool(facts.consent));
      context.put("objected", new PrimBool(facts.objected));
      context.put("sent", new PrimLong(facts.sent));
      context.put("minute", new PrimLong(facts.minute));
      return new AuthorizationRequest(new EntityUID(CUSTOMER, customerId), ACTION, RESOURCE, context);
    }

    Verdict decide(AuthorizationRequest request) {
      AuthorizationResponse response;
      try {
        response = engine.isAuthorized(request, policies, entities);
      } catch (AuthException e) {
        throw new IllegalStateException("cedar-java failed: " + e, e);
      }
      AuthorizationSuccessResponse success =
          response.success.orElseThrow(() -> new IllegalStateException("cedar-java failed: " + response.errors));
      if (success.getDecision() == AuthorizationSuccessResponse.Decision.Allow) {
        return Verdict.ALLOW;
      }
      Set<String> reasons = success.getReason();
      return reasons.contains("consent") || reasons.contains("objection") ? Verdict.DENY : Verdict.DEFER;
    }
  }
}
