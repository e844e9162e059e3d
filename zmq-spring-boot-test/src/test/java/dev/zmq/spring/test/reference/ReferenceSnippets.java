package dev.zmq.spring.test.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the code blocks of the Markdown reference ({@code docs/reference/*.md}) equal to the test sources they come
 * from, so every example in the reference compiles (and most run) with the build.
 *
 * <p>Convention: in a page, a line {@code <!-- snippet: PATH#TAG -->} directly followed by a fenced code block; PATH
 * is relative to the repository root; in that file, the lines between {@code // tag::TAG[]} and
 * {@code // end::TAG[]} ({@code # tag::TAG[]} in YAML) are the block, without the common leading whitespace. A tag
 * may open and close several times in a file (its regions are joined); marker lines of other tags inside a region
 * are left out. A fenced block of a compiled language ({@code java}, {@code yaml}, ...) needs a marker; blocks
 * that are not compiled say so with their language: {@code text}, {@code xml} (Maven dependencies) or
 * {@code shell}. Relative links between the pages, and their {@code #anchors}, must resolve.
 *
 * <p>{@link #check} lists what is wrong; {@link #update} first rewrites every marked block from its source (for
 * maintainers: {@code -Dreference.update=true}), then lists what is still wrong. Not thread-safe; one per run.
 */
final class ReferenceSnippets {

    /** Fenced blocks that are not compiled, so need no marker. */
    static final Set<String> UNCOMPILED = Set.of("text", "xml", "shell");

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([\\w.-]+) -->\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern TAG = Pattern.compile("^\\s*(?://|#)\\s*(tag|end)::([\\w.-]+)\\[]\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Path root;

    /** @param root the repository root: marker paths are relative to it */
    ReferenceSnippets(Path root) {
        this.root = root;
    }

    /**
     * The repository root seen from {@code start} (surefire runs a module's tests in the module's directory): the
     * closest directory, {@code start} or above, holding {@code docs/reference}.
     */
    static Path repositoryRoot(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/reference")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/reference in " + start.toAbsolutePath() + " or above");
    }

    /** One problem per line, each naming the page and line: blocks that differ, missing tags, unmarked blocks. */
    List<String> check(Path docs) {
        return run(docs, false);
    }

    /** Rewrites every marked block from its source, then returns what is still wrong (as {@link #check}). */
    List<String> update(Path docs) {
        return run(docs, true);
    }

    private List<String> run(Path docs, boolean rewrite) {
        List<String> problems = new ArrayList<>();
        List<Path> pages = pages(docs);
        if (pages.isEmpty()) {
            problems.add(docs + ": no Markdown pages");
        }
        for (Path page : pages) {
            List<String> lines = read(page);
            List<String> out = new ArrayList<>(lines.size());
            page(page, lines, out, problems, rewrite);
            if (rewrite && !out.equals(lines)) {
                write(page, out);
            }
        }
        links(docs, pages, problems);
        return problems;
    }

    /**
     * Walks one page, copying it to {@code out} with every marked block as its source has it; a block that differs
     * is a problem unless {@code rewrite}.
     */
    private void page(Path page, List<String> lines, List<String> out, List<String> problems, boolean rewrite) {
        String name = root.relativize(page).toString();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            Matcher fence = FENCE.matcher(line);
            if (marker.matches()) {
                out.add(line);
                int at = i + 1;
                if (at >= lines.size() || !FENCE.matcher(lines.get(at)).matches()
                        || lines.get(at).substring(3).isBlank()) {
                    problems.add(name + ":" + (i + 1) + ": the snippet marker must be directly followed by a fenced"
                            + " block with a language (```java, ```yaml)");
                    i++;
                    continue;
                }
                int close = closing(lines, at);
                if (close < 0) {
                    problems.add(name + ":" + (at + 1) + ": fenced block is not closed");
                    out.addAll(lines.subList(at, lines.size()));
                    return;
                }
                List<String> block = lines.subList(at + 1, close);
                String source = marker.group(1);
                String tag = marker.group(2);
                List<String> expected = region(source, tag, name + ":" + (i + 1), problems);
                out.add(lines.get(at));
                if (expected == null) {
                    out.addAll(block);
                } else {
                    String diff = firstDifference(block, expected);
                    if (diff != null && !rewrite) {
                        problems.add(name + ":" + (at + 2) + ": the block of " + source + "#" + tag + " differs from"
                                + " its source " + diff + " (regenerate with -Dreference.update=true)");
                    }
                    out.addAll(expected);
                }
                out.add(lines.get(close));
                i = close + 1;
            } else if (fence.matches()) {
                String language = fence.group(1).trim().toLowerCase(Locale.ROOT);
                if (language.isEmpty()) {
                    problems.add(name + ":" + (i + 1) + ": a fenced block needs a language: " + UNCOMPILED
                            + " for blocks that are not compiled, else a <!-- snippet: PATH#TAG --> marker");
                } else if (!UNCOMPILED.contains(language)) {
                    problems.add(name + ":" + (i + 1) + ": a ```" + language + " block without a <!-- snippet:"
                            + " PATH#TAG --> marker on the line before: examples must come from compiled test"
                            + " sources");
                }
                int close = closing(lines, i);
                int end = close < 0 ? lines.size() - 1 : close;
                if (close < 0) {
                    problems.add(name + ":" + (i + 1) + ": fenced block is not closed");
                }
                out.addAll(lines.subList(i, end + 1));
                i = end + 1;
            } else {
                out.add(line);
                i++;
            }
        }
    }

    /** The index of the fence closing the block opened at {@code open}, or -1. */
    private static int closing(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The lines of {@code tag} in {@code source} (relative to the root), dedented; {@code null} after adding a
     * problem when the file or the tag is missing or a region is not closed.
     */
    private List<String> region(String source, String tag, String where, List<String> problems) {
        Path file = root.resolve(source).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            problems.add(where + ": snippet source " + source + " does not exist");
            return null;
        }
        List<String> lines = read(file);
        List<String> region = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        int openedAt = -1;
        for (int n = 0; n < lines.size(); n++) {
            Matcher m = TAG.matcher(lines.get(n));
            if (m.matches()) {
                if (m.group(2).equals(tag)) {
                    boolean open = m.group(1).equals("tag");
                    if (open == inside) {
                        problems.add(where + ": " + source + ":" + (n + 1) + ": " + (open ? "tag::" : "end::") + tag
                                + "[] " + (open ? "opens a region that is already open" : "closes no open region"));
                        return null;
                    }
                    inside = open;
                    found = true;
                    openedAt = n + 1;
                }
                continue;
            }
            if (inside) {
                region.add(lines.get(n));
            }
        }
        if (!found) {
            problems.add(where + ": tag '" + tag + "' not found in " + source + " (no tag::" + tag + "[] line)");
            return null;
        }
        if (inside) {
            problems.add(where + ": " + source + ":" + openedAt + ": tag::" + tag + "[] has no end::" + tag + "[]");
            return null;
        }
        return dedent(region);
    }

    /** {@code lines} without their common leading whitespace (blank lines do not count) and trailing blanks. */
    static List<String> dedent(List<String> lines) {
        int common = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                int indent = 0;
                while (indent < l.length() && Character.isWhitespace(l.charAt(indent))) {
                    indent++;
                }
                common = Math.min(common, indent);
            }
        }
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(common).stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return out;
    }

    /** Where {@code actual} first differs from {@code expected}, or {@code null} when they are equal. */
    static String firstDifference(List<String> actual, List<String> expected) {
        int n = Math.max(actual.size(), expected.size());
        for (int j = 0; j < n; j++) {
            String a = j < actual.size() ? actual.get(j) : null;
            String e = j < expected.size() ? expected.get(j) : null;
            if (a == null || !a.equals(e)) {
                return "at line " + (j + 1) + " of the block: the page has " + (a == null ? "(end of block)"
                        : "\"" + a + "\"") + ", the source has " + (e == null ? "(end of region)" : "\"" + e + "\"");
            }
        }
        return null;
    }

    /** Every relative link between the pages resolves, its anchor included, and the index links every page. */
    private void links(Path docs, List<Path> pages, List<String> problems) {
        Map<Path, Set<String>> anchors = new LinkedHashMap<>();
        for (Path page : pages) {
            anchors.put(page.normalize(), anchors(read(page)));
        }
        Set<Path> linkedFromIndex = new HashSet<>();
        Path index = docs.resolve("README.md").normalize();
        for (Path page : pages) {
            String name = root.relativize(page).toString();
            List<String> lines = read(page);
            boolean fenced = false;
            for (int n = 0; n < lines.size(); n++) {
                if (lines.get(n).startsWith("```")) {
                    fenced = !fenced;
                }
                if (fenced) {
                    continue;
                }
                Matcher m = LINK.matcher(lines.get(n));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    String anchor = hash < 0 ? null : target.substring(hash + 1);
                    Path to = file.isEmpty() ? page.normalize() : page.getParent().resolve(file).normalize();
                    if (!Files.exists(to)) {
                        problems.add(name + ":" + (n + 1) + ": link to " + target + ": " + to + " does not exist");
                        continue;
                    }
                    if (page.normalize().equals(index)) {
                        linkedFromIndex.add(to);
                    }
                    if (anchor != null && anchors.containsKey(to) && !anchors.get(to).contains(anchor)) {
                        problems.add(name + ":" + (n + 1) + ": link to " + target + ": no heading with the anchor #"
                                + anchor + " in " + to.getFileName());
                    }
                }
            }
        }
        for (Path page : pages) {
            if (!page.normalize().equals(index) && !linkedFromIndex.contains(page.normalize())) {
                problems.add(root.relativize(index) + ": the index does not link " + page.getFileName());
            }
        }
    }

    /** The anchors GitHub makes for a page's headings. */
    static Set<String> anchors(List<String> lines) {
        Set<String> out = new HashSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher h = HEADING.matcher(line);
            if (!fenced && h.matches()) {
                String slug = h.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-');
                int count = seen.merge(slug, 1, Integer::sum);
                out.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return out;
    }

    private static List<Path> pages(Path docs) {
        try (Stream<Path> s = Files.list(docs)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
