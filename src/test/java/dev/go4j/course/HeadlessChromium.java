package dev.go4j.course;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The system's Chromium and its driver (Debian: {@code chromium}, {@code chromium-driver}), started headless
 * with a fresh profile. Nothing is downloaded: a test tool's own browser download does not work everywhere,
 * and the system's browser is what a learner has. {@code GO4J_CHROMIUM} and {@code GO4J_CHROMEDRIVER} name
 * other binaries.
 */
final class HeadlessChromium {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private HeadlessChromium() {}

    /** A new headless browser with a window of {@code width} x {@code height}; skips the test if there is none. */
    static ChromeDriver start(Path profile, int width, int height) throws IOException {
        Path browser = find("GO4J_CHROMIUM", BROWSERS)
                .orElseGet(() -> skip("no Chromium found (" + BROWSERS + ", or GO4J_CHROMIUM)"));
        Path driver = find("GO4J_CHROMEDRIVER", DRIVERS)
                .orElseGet(() -> skip("no chromedriver found (" + DRIVERS + ", or GO4J_CHROMEDRIVER)"));
        // Selenium warns on every start that it has no DevTools bindings for this browser version; none are used
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .withTimeout(Duration.ofMinutes(1)).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> find(String variable, List<String> candidates) {
        String chosen = System.getenv(variable);
        if (chosen != null && !chosen.isBlank()) return Optional.of(Path.of(chosen)).filter(Files::isExecutable);
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static Path skip(String why) {
        LoudSkip.skip("the course in a browser", why + "; .ci/run installs Debian's chromium and chromium-driver");
        throw new AssertionError("unreachable");
    }
}
