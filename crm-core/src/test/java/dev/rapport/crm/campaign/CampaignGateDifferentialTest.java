package dev.rapport.crm.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rapport.crm.policy.Decision;
import dev.rapport.crm.policy.Outreach;
import dev.rapport.crm.policy.PolicyEngine;
import dev.rapport.crm.policy.PolicyOptions;
import dev.rapport.crm.policy.RandomCases;
import dev.rapport.crm.relationship.Channel;
import dev.rapport.crm.relationship.FrequencyCap;
import dev.rapport.crm.relationship.Profiling;
import dev.rapport.crm.relationship.Purpose;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The campaign gate decides every customer exactly as the single-decision engine does
 * ({@code RULES.md}, every section the random cases reach): 25 seeded batches of 8,000 random
 * customers (200,000; every event type, every jurisdiction with a pack and some without, zones
 * with and without daylight saving, histories that fill caps), each batch gated for two
 * campaigns of one outreach over one compiled population: one at a fixed instant and one at a
 * local wall time on a daylight-saving day (a gap or a repeated hour) or on a window's edge.
 * Compared per customer: verdict, reason codes, obligations and {@code deferUntil}. A failure
 * prints the seed and the customer.
 */
class CampaignGateDifferentialTest {
  private static final long BASE_SEED = 0x10_2026_1203L;
  private static final int BATCHES = 25;
  private static final int CUSTOMERS = 8_000;

  private static final Purpose[] MARKETING = {
    Purpose.PROMOTION, Purpose.PROMOTION, Purpose.OFFER, Purpose.CONTENT, Purpose.ADVOCACY,
    Purpose.PERSONAL, Purpose.CONSENT_REQUEST
  };
  private static final Channel[] CHANNELS = {
    Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.POST, Channel.PUSH, Channel.SOCIAL, Channel.SMS,
    Channel.CALL
  };
  /** Fixed instants: after nearly every event, on window edges, mid-range. */
  private static final Instant[] FIXED = {
    Instant.parse("2026-04-14T10:00:00Z"), Instant.parse("2026-04-20T08:00:00Z"),
    Instant.parse("2026-04-12T21:00:00Z"), Instant.parse("2026-03-20T12:00:00Z"),
    Instant.parse("2026-04-16T07:59:59.5Z")
  };
  /** Local wall times: US and EU gaps, the Australian repeated hour, window edges. */
  private static final LocalDateTime[] LOCAL = {
    LocalDateTime.parse("2026-03-08T02:30"), LocalDateTime.parse("2026-03-29T01:30"),
    LocalDateTime.parse("2026-03-29T02:00"), LocalDateTime.parse("2026-04-05T02:30"),
    LocalDateTime.parse("2026-04-14T10:00"), LocalDateTime.parse("2026-04-15T21:00"),
    LocalDateTime.parse("2026-04-15T08:00"), LocalDateTime.parse("2026-04-16T22:00")
  };

  @TestFactory
  Stream<DynamicTest> theGateDecidesAsTheSingleDecisionEngine() {
    return IntStream.range(0, BATCHES)
        .mapToObj(
            batch -> {
              long seed = BASE_SEED + batch;
              return DynamicTest.dynamicTest("seed " + seed, () -> compare(seed, batch));
            });
  }

  private static void compare(long seed, int batch) {
    RandomCases cases = new RandomCases(seed);
    java.util.Random random = new java.util.Random(seed);
    List<CampaignCustomer> customers = new ArrayList<>(CUSTOMERS);
    for (int c = 0; c < CUSTOMERS; c++) {
      RandomCases.Case random1 = cases.next(0);
      customers.add(CampaignCustomer.of(random1.ledger, random1.history));
    }
    PolicyEngine engine = PolicyEngine.builder().options(options(batch)).build();
    Outreach shape =
        Outreach.builder()
            .purpose(batch % 9 == 8 ? Purpose.SERVICE : MARKETING[random.nextInt(MARKETING.length)])
            .channel(CHANNELS[random.nextInt(CHANNELS.length)])
            .at(FIXED[0])
            .entity(random.nextBoolean() ? java.util.Optional.empty() : java.util.Optional.of("acme-retail"))
            .staff(random.nextBoolean() ? java.util.Optional.of("s-1") : java.util.Optional.empty())
            .personalization(Profiling.values()[random.nextInt(Profiling.values().length)])
            .tracking(random.nextBoolean())
            .containsPromotion(random.nextInt(3) == 0)
            .build();
    CampaignGate gate = CampaignGate.builder().engine(engine).parallelism(1 + batch % 2).build();
    CustomerSource source = CustomerSource.of(customers);
    OutreachTemplate first = OutreachTemplate.at(shape.rescheduled(FIXED[random.nextInt(FIXED.length)]));
    CompiledPopulation compiled = gate.compile(source, first);
    OutreachTemplate second = first.atLocalTime(LOCAL[random.nextInt(LOCAL.length)]);
    int fallbacks = 0;
    for (OutreachTemplate template : List.of(first, second)) {
      CampaignRun run = gate.gate(compiled, template);
      assertThat(run.size()).isEqualTo(CUSTOMERS);
      for (int i = 0; i < CUSTOMERS; i++) {
        CampaignCustomer customer = customers.get(i);
        GatedDecision gated = run.get(i);
        Decision expected =
            engine.decide(
                customer.ledger().orElseThrow(),
                customer.history(),
                template.outreachIn(customer.ledger().orElseThrow().customer().zone()));
        if (!describe(gated).equals(describe(expected))) {
          fail(
              "seed " + seed + ", customer " + i + ", campaign " + template + ": decisions differ"
                  + "\n  ledger   " + customer.ledger().orElseThrow().customer() + " " + customer.ledger().orElseThrow().events()
                  + "\n  history  " + customer.history()
                  + "\n  outreach " + gated.outreach()
                  + "\n  engine   " + describe(expected)
                  + "\n  gate     " + describe(gated) + (gated.isFallback() ? " (fallback)" : " (compiled)"));
        }
        assertThat(gated.customerId()).isEqualTo(customer.id());
      }
      fallbacks += run.summary().fallbacks();
      System.out.printf("seed %d %s: %s%n", seed, template, run.summary());
    }
    if (CompiledPopulation.compilable(engine, shape)) {
      assertThat(compiled.alwaysFallback()).as("the compiled form decides most customers").isLessThan(CUSTOMERS / 4);
    }
    assertThat(fallbacks).isBetween(0, 2 * CUSTOMERS);
  }

  private static PolicyOptions options(int batch) {
    PolicyOptions.Builder options = PolicyOptions.builder();
    switch (batch % 4) {
      case 1:
        options.addCaps(
            FrequencyCap.builder().addPurposes(Purpose.PROMOTION, Purpose.OFFER).max(2).per(Duration.ofDays(7)).build());
        break;
      case 2:
        options.addDoubleOptIn(Channel.EMAIL);
        break;
      case 3:
        options.impliedConsent(batch % 8 == 3);
        options.addCaps(FrequencyCap.builder().addPurposes(Purpose.OFFER, Purpose.PROMOTION, Purpose.CONTENT, Purpose.PERSONAL, Purpose.ADVOCACY, Purpose.CONSENT_REQUEST, Purpose.SERVICE).max(1).per(Duration.ofHours(36)).build());
        break;
      default:
        break;
    }
    return options.build();
  }

  private static String describe(Decision decision) {
    return decision.verdict() + " " + decision.reasonCodes() + " " + decision.obligations() + " " + decision.deferUntil();
  }

  private static String describe(GatedDecision decision) {
    return decision.verdict() + " " + decision.reasonCodes() + " " + decision.obligations() + " " + decision.deferUntil();
  }
}
