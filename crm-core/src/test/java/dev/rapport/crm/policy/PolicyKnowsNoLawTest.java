package dev.rapport.crm.policy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency between the engine and the law runs one way ({@code RULES.md}, The law): the
 * packs of {@code dev.rapport.crm.law} use the engine's vocabulary, and no compiled class of
 * {@code dev.rapport.crm.policy} names a class of {@code law} (the built-in packs reach the
 * engine as a service of the module).
 */
final class PolicyKnowsNoLawTest {
  @Test
  void noClassOfThePolicyPackageReferencesTheLawPackage() throws IOException, URISyntaxException {
    Path classes = Path.of(JurisdictionPack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path policy = classes.resolve("dev/rapport/crm/policy");
    assertThat(policy).as("the compiled policy package, read from a directory").isDirectory();

    List<String> offenders = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.list(policy)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        read++;
        // Class names in a class file's constant pool are modified UTF-8, ASCII here.
        if (new String(Files.readAllBytes(file), ISO_8859_1).contains("dev/rapport/crm/law/")) {
          offenders.add(file.getFileName().toString());
        }
      }
    }

    assertThat(read).as("class files read").isGreaterThan(20);
    assertThat(offenders).as("policy classes that name a class of law").isEmpty();
  }
}
