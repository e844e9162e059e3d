package dev.zmq.spring.test.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The reference in {@code docs/reference} shows only code that is compiled: every ```java or ```yaml block is a
 * tagged region of a test source (see {@link ReferenceSnippets}), and equals it. Run with
 * {@code -Dreference.update=true} to rewrite the blocks from their sources instead of failing on a difference.
 */
class ReferenceSnippetsTest {

    private static final String SOURCE = "src/Example.java";

    @Test
    void everyCodeBlockOfTheReferenceIsItsCompiledSource() {
        Path root = ReferenceSnippets.repositoryRoot(Path.of(""));
        Path docs = root.resolve("docs/reference");
        ReferenceSnippets snippets = new ReferenceSnippets(root);
        List<String> problems = Boolean.getBoolean("reference.update") ? snippets.update(docs) : snippets.check(docs);
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in docs/reference:\n" + String.join("\n", problems));
        }
    }

    @Test
    void aBlockThatDiffersIsNamedWithItsPageTagAndFirstDifferingLine(@TempDir Path root) throws IOException {
        Path docs = site(root, """
                class Example {
                    // tag::hello[]
                    void hello() {
                        System.out.println("hello");
                    }
                    // end::hello[]
                }
                """, """
                <!-- snippet: src/Example.java#hello -->
                ```java
                void hello() {
                    System.out.println("bye");
                }
                ```
                """);

        assertThat(new ReferenceSnippets(root).check(docs)).singleElement().asString()
                .contains("docs/reference/page.md:3").contains("src/Example.java#hello").contains("line 2")
                .contains("System.out.println(\"bye\");").contains("System.out.println(\"hello\");");
    }

    @Test
    void updateRewritesTheBlockFromItsSource(@TempDir Path root) throws IOException {
        Path docs = site(root, """
                # tag::config[]
                zmq:
                  io-threads: 2
                # end::config[]
                """, """
                Text.
                <!-- snippet: src/Example.java#config -->
                ```yaml
                zmq:
                  io-threads: 1
                ```
                More text.
                """);

        assertThat(new ReferenceSnippets(root).update(docs)).isEmpty();
        assertThat(Files.readString(docs.resolve("page.md"))).isEqualTo("""
                Text.
                <!-- snippet: src/Example.java#config -->
                ```yaml
                zmq:
                  io-threads: 2
                ```
                More text.
                """);
        assertThat(new ReferenceSnippets(root).check(docs)).isEmpty();
    }

    @Test
    void aMissingTagFails(@TempDir Path root) throws IOException {
        Path docs = site(root, "class Example {}\n", """
                <!-- snippet: src/Example.java#gone -->
                ```java
                class Example {}
                ```
                """);

        assertThat(new ReferenceSnippets(root).check(docs)).singleElement().asString()
                .contains("page.md:1").contains("tag 'gone' not found in src/Example.java");
    }

    @Test
    void aCompiledLanguageBlockWithoutMarkerFailsButTextAndXmlPass(@TempDir Path root) throws IOException {
        Path docs = site(root, "class Example {}\n", """
                ```xml
                <dependency/>
                ```
                ```text
                anything
                ```
                ```java
                int uncompiled = 1;
                ```
                ```yaml
                zmq: {}
                ```
                """);

        assertThat(new ReferenceSnippets(root).check(docs)).hasSize(2).satisfiesExactly(
                java -> assertThat(java).contains("page.md:7").contains("```java block without"),
                yaml -> assertThat(yaml).contains("page.md:10").contains("```yaml block without"));
    }

    @Test
    void regionsAreDedentedJoinedAndLeaveOtherTagsOut(@TempDir Path root) throws IOException {
        Path docs = site(root, """
                    // tag::both[]
                    import a.B;
                    // end::both[]
                    class Example {
                        // tag::both[]
                        // tag::inner[]
                        void x() {
                        }
                        // end::inner[]
                        // end::both[]
                    }
                """, """
                <!-- snippet: src/Example.java#both -->
                ```java
                import a.B;
                    void x() {
                    }
                ```
                """);

        assertThat(new ReferenceSnippets(root).check(docs)).isEmpty();
    }

    @Test
    void brokenLinksAndAnchorsFail(@TempDir Path root) throws IOException {
        Path docs = site(root, "class Example {}\n", """
                # A page

                ## Its `first` section

                See [here](#its-first-section), [there](missing.md) and [the index](README.md#nowhere).
                """);

        assertThat(new ReferenceSnippets(root).check(docs)).hasSize(2).satisfiesExactly(
                missing -> assertThat(missing).contains("page.md:5").contains("missing.md"),
                anchor -> assertThat(anchor).contains("page.md:5").contains("#nowhere"));
    }

    /** A repository at {@code root} with {@code src/Example.java} and the pages README.md and page.md. */
    private static Path site(Path root, String source, String page) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>\n");
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve(SOURCE), source);
        Path docs = Files.createDirectories(root.resolve("docs/reference"));
        Files.writeString(docs.resolve("README.md"), "# Index\n\n[Page](page.md)\n");
        Files.writeString(docs.resolve("page.md"), page);
        return docs;
    }
}
