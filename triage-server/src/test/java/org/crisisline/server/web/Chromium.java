package org.crisisline.server.web;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) for the pages' tests, with
 * its console and network logs kept. Fails, never skips, when Chromium is missing. Paths can be moved with
 * the system properties {@code crisisline.chromium} and {@code crisisline.chromedriver}. A JUnit extension:
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();} starts one browser for a test
 * class and quits it after. Not thread-safe: one test at a time drives it.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Debian's Chromium is newer than Selenium's DevTools bindings; the tests use none, so the warning is noise. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    ChromeDriver driver;
    private final List<String> extraArguments;
    private Path profile;

    /** Chromium as the pages' tests use it. */
    Chromium() {
        this(List.of());
    }

    /** Chromium with more command-line switches, e.g. a fake microphone for the softphone. */
    Chromium(List<String> extraArguments) {
        this.extraArguments = List.copyOf(extraArguments);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path binary = Path.of(System.getProperty("crisisline.chromium", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getProperty("crisisline.chromedriver", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(binary) || !Files.isExecutable(chromedriver)) {
            fail("The browser tests need Chromium and ChromeDriver at " + binary + " and " + chromedriver
                    + ". Install them with: sudo apt-get install chromium chromium-driver"
                    + " (or point -Dcrisisline.chromium and -Dcrisisline.chromedriver at them).");
        }
        CDP_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("crisisline-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** The element once it is visible. */
    WebElement visible(String css) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}. */
    void waitForText(String css, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until the element's text no longer contains {@code text}. */
    void waitForNoText(String css, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text)));
    }

    void waitForUrl(String fragment) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.urlContains(fragment));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Sets a {@code datetime-local} input to {@code at} in the browser's own time zone, as an operative picking it
     * would (typing into the input depends on the browser's locale).
     */
    void setLocalDateTime(String css, Instant at) {
        ((JavascriptExecutor) driver).executeScript("const d = new Date(arguments[1]);"
                + "d.setMinutes(d.getMinutes() - d.getTimezoneOffset());"
                + "arguments[0].value = d.toISOString().slice(0, 16);", find(css), at.toString());
    }

    /**
     * Signs in on the sign-in page with the keyboard alone (Enter submits) and waits for the role's page; starts from a blank page, no cookies and
     * empty logs, so nothing from an earlier page counts against this one.
     */
    void signIn(WebServer server, String username, String page) {
        open("about:blank");
        console();
        requestedUrls();
        open(server.url("/"));
        driver.manage().deleteAllCookies();
        open(server.url("/"));
        type("#username", username);
        type("#password", server.password(username) + Keys.ENTER);
        waitForUrl(page);
    }

    /** Saves the whole page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1280, Math.min(4000, ((Number) height).intValue() + 140)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        return file;
    }

    /** The console messages since the last call (severe ones are errors). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /**
     * Every web URL (http, https, ws, wss) requested since the last call, from Chromium's network log; the
     * browser's own chrome:// and data: loads are not the page's.
     */
    List<String> requestedUrls() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> new JsonObject(entry.getMessage()).getJsonObject("message"))
                .filter(message -> "Network.requestWillBeSent".equals(message.getString("method")))
                .map(message -> message.getJsonObject("params").getJsonObject("request").getString("url"))
                .filter(url -> url.matches("(?i)(https?|wss?)://.*"))
                .toList();
    }

    /** Since the last check, the page asked nothing of another origin and logged no error. */
    void assertCleanSince(WebServer server) {
        String origin = server.url("/");
        org.assertj.core.api.Assertions.assertThat(requestedUrls()).as("requests")
                .allSatisfy(url -> org.assertj.core.api.Assertions.assertThat(url).startsWith(origin));
        org.assertj.core.api.Assertions.assertThat(console()).as("console errors")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile == null) {
            return;
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
