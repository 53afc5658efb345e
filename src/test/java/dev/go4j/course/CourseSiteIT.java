package dev.go4j.course;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code ./go4j site}: the course as static pages that need no kernel. The index lists every notebook of
 * notebooks/ in course order with its title and a description; each page shows the notebook's saved outputs
 * (text, errors, SVG pictures); every link within the site leads to a file of the site.
 */
@DisplayName("./go4j site: the course without a kernel")
class CourseSiteIT {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    @TempDir
    static Path dir;
    static Path site;
    static List<SavedNotebook> course;

    @BeforeAll
    static void render() throws IOException {
        if (!Shell.jupyterReady()) {
            LoudSkip.skip("./go4j site", "nbconvert (Jupyter) is not installed here; scripts/install-jupyter.sh installs it (.ci/run does)");
        }
        course = new ArrayList<>();
        try (Stream<Path> files = Files.list(Shell.ROOT.resolve("notebooks"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) course.add(SavedNotebook.read(f));
        }
        assertFalse(course.isEmpty(), "the course has notebooks");
        site = dir.resolve("site");
        Shell.Run run = Shell.run(Map.of(), 10, "./go4j", "site", site.toString());
        assertTrue(run.ok(), "./go4j site failed:\n" + run.output());
        assertTrue(run.output().contains(site.resolve("index.html").toString()), "says where the site is: " + run.output());
    }

    @Test
    @DisplayName("the index lists every notebook, in course order, with its title and a description")
    void index() throws IOException {
        String index = Files.readString(site.resolve("index.html"));
        Matcher item = Pattern.compile("<li>.*?<a href=\"([^\"]+)\">(.*?)</a>(?:<p>(.*?)</p>)?</li>").matcher(index);
        List<String> pages = new ArrayList<>();
        while (item.find()) {
            int i = pages.size();
            pages.add(item.group(1));
            assertTrue(i < course.size(), "more entries than notebooks: " + item.group());
            assertEquals(course.get(i).title(), text(item.group(2)), "the title of entry " + i);
            assertNotNull(item.group(3), "entry " + i + " has a description: " + item.group());
            assertTrue(text(item.group(3)).length() > 20, "entry " + i + " has a description: " + item.group(3));
        }
        assertEquals(course.stream().map(nb -> pageOf(nb.file())).toList(), pages, "every notebook, in course order");
    }

    @TestFactory
    @DisplayName("each page shows its notebook's saved outputs and pictures, and links to its neighbours")
    Stream<DynamicTest> pages() {
        return course.stream().map(nb -> DynamicTest.dynamicTest(nb.file().getFileName().toString(), () -> {
            String html = Files.readString(site.resolve(pageOf(nb.file())));
            Matcher title = Pattern.compile("<title>(.*?)</title>").matcher(html);
            assertTrue(title.find(), "the page has a title");
            assertEquals(nb.title(), text(title.group(1)));
            String shown = text(html);
            int outputs = 0, pictures = 0;
            for (SavedNotebook.Cell cell : nb.cells()) {
                if (!cell.text().isBlank()) {
                    assertTrue(shown.contains(SavedNotebook.squeezed(cell.text())), "shows the output:\n" + cell.text());
                    outputs++;
                }
                if (!cell.error().isBlank()) {
                    String first = cell.error().lines().findFirst().orElseThrow();
                    assertTrue(shown.contains(SavedNotebook.squeezed(first)), "shows the error: " + first);
                }
            }
            for (String svg : savedPictures(nb.file())) {
                assertTrue(html.contains(svg), "shows the picture, every element of it: "
                        + svg.substring(0, svg.indexOf('>') + 1));
                pictures++;
            }
            assertTrue(outputs > 0, "the page has outputs");
            System.err.printf("site: %s: %d outputs, %d pictures%n", pageOf(nb.file()), outputs, pictures);

            int i = course.indexOf(nb);
            List<String> links = links(html);
            assertTrue(links.contains("index.html"), "links to the index: " + links);
            if (i > 0) assertTrue(links.contains(pageOf(course.get(i - 1).file())), "links to the previous page: " + links);
            if (i + 1 < course.size()) assertTrue(links.contains(pageOf(course.get(i + 1).file())), "links to the next page: " + links);
        }));
    }

    @Test
    @DisplayName("every link within the site leads to a file of the site")
    void linksWork() throws IOException {
        try (Stream<Path> files = Files.list(site)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                for (String link : links(Files.readString(page))) {
                    assertTrue(Files.isRegularFile(site.resolve(link)), page.getFileName() + " links to a missing " + link);
                }
            }
        }
    }

    @Test
    @DisplayName("a folder without notebooks, or two output folders, is refused with a message")
    void badInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Shell.Run none = Shell.run(Map.of(), 2, "./go4j", "site", "--from", empty.toString(), dir.resolve("out").toString());
        assertEquals(1, none.status(), none.output());
        assertTrue(none.output().contains("no notebooks in " + empty), none.output());
        Shell.Run two = Shell.run(Map.of(), 2, "./go4j", "site", "a", "b");
        assertEquals(2, two.status(), two.output());
        assertTrue(two.output().contains("one output folder"), two.output());
    }

    /** The site's own links in a page (not to the web, not within the page), without their #part. */
    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String link = m.group(1);
            if (link.isEmpty() || link.startsWith("#") || link.matches("^[a-z]+:.*") || link.startsWith("//")) continue;
            links.add(link.replaceFirst("#.*", ""));
        }
        return links;
    }

    /** Each SVG picture saved in a notebook, from {@code <svg} to {@code </svg>}. */
    static List<String> savedPictures(Path notebook) throws IOException {
        List<String> pictures = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(notebook.toFile());
        for (var cell : json.get("cells")) {
            for (var output : cell.path("outputs")) {
                String svg = SavedNotebook.joined(output.path("data").path("image/svg+xml"));
                if (!svg.isEmpty()) pictures.add(svg.substring(svg.indexOf("<svg"), svg.lastIndexOf("</svg>") + 6));
            }
        }
        return pictures;
    }

    static String pageOf(Path notebook) {
        return notebook.getFileName().toString().replaceFirst("\\.ipynb$", ".html");
    }

    /** What a reader sees of some HTML: tags removed, entities decoded, white space squeezed. */
    static String text(String html) {
        String s = html.replaceAll("(?s)<style.*?</style>|<script.*?</script>", " ").replaceAll("<[^>]+>", "");
        s = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16))));
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return SavedNotebook.squeezed(s);
    }
}
