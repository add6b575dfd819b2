package dev.rapport.crm.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What only the library itself calls stays out of crm-core's public API: the helpers of the
 * reasons' sentences, the wire format's names and the engine's own shortcuts are package-private
 * (or live where they are used), so neither a user nor a generated Immutables class reaches them
 * through a public type.
 */
final class PublicApiTest {
  @ParameterizedTest(name = "{0}.{1} is not public")
  @CsvSource({
    "dev.rapport.crm.ledger.Evidence, summary",
    "dev.rapport.crm.ledger.Evidence, invalidity",
    "dev.rapport.crm.ledger.EventType, wireName",
    "dev.rapport.crm.ledger.Granted, isImport",
    "dev.rapport.crm.policy.PolicyEngine, unknownCustomer",
    "dev.rapport.crm.policy.PolicyEngine, hasTeamRulesOrPacks",
    "dev.rapport.crm.ledger.Standing, reading",
    "dev.rapport.crm.campaign.CompiledPopulation, alwaysFallback",
  })
  void anInternalHelperIsNotPartOfAPublicType(String type, String method) throws ClassNotFoundException {
    Class<?> publicType = Class.forName(type);
    List<Method> named =
        Arrays.stream(publicType.getMethods())
            .filter(m -> m.getName().equals(method))
            .collect(Collectors.toList());

    assertThat(Modifier.isPublic(publicType.getModifiers())).as("%s is public", type).isTrue();
    assertThat(named).as("public methods named %s of %s", method, type).isEmpty();
  }
}
