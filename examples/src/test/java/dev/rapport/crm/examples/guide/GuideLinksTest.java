package dev.rapport.crm.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The guides are the project's reference: every link in them resolves to a file or a heading in
 * the repository, and none of them, nor any source file, points at documents a user of the
 * library does not have.
 */
final class GuideLinksTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> GUIDES =
      List.of("README.md", "crm-core/RULES.md", "crm-jackson/README.md", "examples/README.md");
  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern OUTSIDE_DOCUMENTS =
      Pattern.compile("(model|law|wire-format)[.]md");

  @TestFactory
  Stream<DynamicTest> everyLinkInTheGuidesResolves() {
    return GUIDES.stream()
        .map(
            guide ->
                DynamicTest.dynamicTest(
                    guide,
                    () -> assertThat(brokenLinks(ROOT.resolve(guide))).as("broken links in %s", guide).isEmpty()));
  }

  @Test
  void theLinkCheckerFindsABrokenFileAndABrokenAnchor() throws IOException {
    Path dir = Files.createTempDirectory("guide-links");
    Files.writeString(dir.resolve("other.md"), "# A heading\n\n## Second one: with `code`\n");
    Path guide = dir.resolve("guide.md");
    Files.writeString(
        guide,
        "[ok](other.md) [ok](other.md#a-heading) [ok](other.md#second-one-with-code) [ok](#top)\n"
            + "# Top\n[gone](missing.md) [bad anchor](other.md#nowhere) [web](https://example.org/x)\n");

    assertThat(brokenLinks(guide)).containsExactly("missing.md", "other.md#nowhere");
  }

  @Test
  void nothingInTheRepositoryCitesTheTeamsSpecification() throws IOException {
    List<String> citing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> !ROOT.relativize(p).toString().startsWith(".git"))
          .filter(p -> !p.toString().contains("/target/"))
          .filter(p -> p.toString().matches(".*\\.(java|md|json|xml|properties|sql)$"))
          .filter(p -> !p.getFileName().toString().equals("GuideLinksTest.java"))
          .forEach(
              p -> {
                if (OUTSIDE_DOCUMENTS.matcher(read(p)).find()) {
                  citing.add(ROOT.relativize(p).toString());
                }
              });
    }
    assertThat(citing).as("files citing the team's specification (its model, law or wire-format document)").isEmpty();
  }

  /** The targets of the links of {@code guide} that resolve to no file or heading. */
  private static List<String> brokenLinks(Path guide) {
    List<String> broken = new ArrayList<>();
    Matcher links = LINK.matcher(withoutCodeBlocks(read(guide)));
    while (links.find()) {
      String target = links.group(1);
      if (target.matches("^[a-z]+:.*")) {
        continue;
      }
      int hash = target.indexOf('#');
      String file = hash < 0 ? target : target.substring(0, hash);
      Path resolved = file.isEmpty() ? guide : guide.getParent().resolve(file).normalize();
      if (!Files.exists(resolved)) {
        broken.add(target);
      } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
        broken.add(target);
      }
    }
    return broken;
  }

  /** The anchors GitHub gives the headings of a Markdown file. */
  private static Set<String> anchors(Path markdown) {
    Set<String> anchors = new HashSet<>();
    for (String line : withoutCodeBlocks(read(markdown)).split("\n")) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String base =
            heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
        String anchor = base;
        for (int n = 1; !anchors.add(anchor); n++) {
          anchor = base + "-" + n;
        }
      }
    }
    return anchors;
  }

  private static String withoutCodeBlocks(String markdown) {
    return markdown.replaceAll("(?ms)^```.*?^```", "");
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
