package io.devices.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the repository's Markdown files (the README, docs/ and the rest) names a
 * file or directory inside the repository, and a link to a heading ({@code file.md#anchor}) names a
 * heading that file has, by the anchors GitHub derives from headings. Links to web addresses are
 * not followed.
 */
class DocumentationLinksTest {
  private static final Path ROOT = Path.of(System.getProperty("repository.root")).normalize();
  private static final Pattern INLINE_LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)[^)]*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  @Test
  void theReadmeAndTheManualAreThere() {
    assertTrue(Files.isRegularFile(ROOT.resolve("README.md")), "README.md in " + ROOT);
    assertTrue(Files.isRegularFile(ROOT.resolve("docs/README.md")), "docs/README.md in " + ROOT);
  }

  @Test
  void everyRelativeLinkResolves() {
    List<Path> documents = markdownFiles();
    assertFalse(documents.isEmpty(), "Markdown files under " + ROOT);
    List<String> broken = new ArrayList<>();
    for (Path document : documents) {
      for (String link : links(document)) {
        problem(document, link).ifPresent(p -> broken.add(ROOT.relativize(document) + ": " + p));
      }
    }
    assertEquals(List.of(), broken, "broken links");
  }

  @Test
  void anchorsFollowGitHubsRule() {
    assertEquals(
        Set.of("get-applicationsapplicationiddevices", "wire-conventions", "errors", "errors-1"),
        Set.copyOf(
            anchorsOf(
                List.of(
                    "### GET /applications/{applicationId}/devices",
                    "## Wire conventions",
                    "## Errors",
                    "## Errors"))));
  }

  private static Optional<String> problem(Path document, String link) {
    if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return Optional.empty(); // http:, https:, mailto:
    }
    int hash = link.indexOf('#');
    String file = hash < 0 ? link : link.substring(0, hash);
    String anchor = hash < 0 ? null : link.substring(hash + 1);
    Path target = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
    if (!target.startsWith(ROOT)) {
      return Optional.of(link + " points outside the repository");
    }
    if (!Files.exists(target)) {
      return Optional.of(link + " names no file");
    }
    if (anchor != null
        && target.toString().endsWith(".md")
        && !anchorsOf(lines(target)).contains(anchor)) {
      return Optional.of(link + " names no heading of " + ROOT.relativize(target));
    }
    return Optional.empty();
  }

  /** The link targets of a document, outside code blocks and code spans. */
  private static List<String> links(Path document) {
    List<String> links = new ArrayList<>();
    boolean inCode = false;
    for (String line : lines(document)) {
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      String text = CODE_SPAN.matcher(line).replaceAll("");
      Matcher inline = INLINE_LINK.matcher(text);
      while (inline.find()) {
        links.add(inline.group(1).replaceAll("^<|>$", ""));
      }
      Matcher reference = REFERENCE_LINK.matcher(text);
      if (reference.find()) {
        links.add(reference.group(1));
      }
    }
    return links;
  }

  /**
   * GitHub's anchors: the heading's text, lower-cased, without punctuation, spaces as hyphens; a
   * repeated heading gets -1, -2, ...
   */
  private static List<String> anchorsOf(List<String> lines) {
    List<String> anchors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean inCode = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
      }
      Matcher heading = HEADING.matcher(line);
      if (inCode || !heading.matches()) {
        continue;
      }
      String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
      String base =
          text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_ -]", "").replace(' ', '-');
      String anchor = base;
      for (int i = 1; !seen.add(anchor); i++) {
        anchor = base + "-" + i;
      }
      anchors.add(anchor);
    }
    return anchors;
  }

  private static List<Path> markdownFiles() {
    try (Stream<Path> paths = Files.walk(ROOT)) {
      return paths
          .filter(p -> p.toString().endsWith(".md"))
          .filter(
              p -> !ROOT.relativize(p).toString().matches("(^|.*/)(target|node_modules|\\..*)/.*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
