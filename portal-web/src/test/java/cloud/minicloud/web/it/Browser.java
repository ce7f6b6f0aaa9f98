package cloud.minicloud.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person at headless Chromium (Debian's, with its own chromedriver): signs in through Keycloak's real login page. */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    Browser(String language) {
        try {
            profile = Files.createTempDirectory("minicloud-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,800", "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    }

    Browser() {
        this("en-US");
    }

    /** Opens a portal page; Keycloak asks for the user name, then the password (organizations are on). */
    void signIn(String user, String path) {
        driver.get(Api.PORTAL + path);
        type(By.id("username"), user);
        click(By.id("kc-login"));
        type(By.id("password"), user);
        click(By.id("kc-login"));
        wait.until(ExpectedConditions.urlContains(Api.PORTAL));
    }

    void open(String path) {
        driver.get(Api.PORTAL + path);
    }

    /** Opens the page in a new tab of the same browser (the same session), which is then the one used. */
    String openTab(String path) {
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        open(path);
        return driver.getWindowHandle();
    }

    /** The tab this browser works in (see {@link #openTab}). */
    String tab() {
        return driver.getWindowHandle();
    }

    void switchToTab(String handle) {
        driver.switchTo().window(handle);
    }

    String textOf(By locator) {
        return waitFor(locator).getText();
    }

    WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Like {@link #waitFor}, looking every 10 ms: for timing what a person waits for. */
    WebElement waitForPromptly(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    String title() {
        return driver.getTitle();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Clicks like a person: scrolled to the middle of the window first, clear of the app bar. */
    /**
     * Clicks the element the locator finds, found afresh on every try: a Vaadin grid re-renders its rows
     * when its data arrives or it scrolls, and an element found before that may stay hidden for good.
     */
    void click(By locator) {
        wait.until(d -> {
            WebElement element = d.findElement(locator);
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Picks a file in an upload field, as a person does in the file dialog: on the file input inside it. */
    void attach(By upload, Path file) {
        WebElement field = waitFor(upload);
        WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
                "const find = root => root.querySelector('input[type=file]')"
                        + " || [...root.querySelectorAll('*')].filter(e => e.shadowRoot).map(e => find(e.shadowRoot)).find(e => e);"
                        + " return find(arguments[0]) || (arguments[0].shadowRoot && find(arguments[0].shadowRoot));", field);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    void waitUntilGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Types into a field; for a Vaadin text field, into the input inside it. */
    void type(By locator, String text) {
        WebElement field = waitFor(locator);
        if (!"input".equals(field.getTagName())) {
            field = field.findElement(By.tagName("input"));
        }
        field.clear();
        field.sendKeys(text);
    }

    void waitForAttribute(By locator, String attribute, String value) {
        wait.until(ExpectedConditions.attributeToBe(locator, attribute, value));
    }

    void scrollIntoView(By locator) {
        evaluate("arguments[0].scrollIntoView({block: 'center'})", wait.until(ExpectedConditions.presenceOfElementLocated(locator)));
    }

    /** Waits until a boolean attribute (such as a Vaadin field's invalid) is set. */
    void waitForFlag(By locator, String attribute) {
        wait.until(ExpectedConditions.attributeToBe(locator, attribute, "true"));
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** What the page wrote to its console and what Chromium said of it (a failed WebSocket's status), so far. */
    String consoleLog() {
        return driver.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** How many pixels of noVNC's canvas are not (nearly) black. */
    private static final String LIT_PIXELS = """
            const canvas = document.querySelector('#vnc-console canvas');
            if (!canvas || canvas.width === 0) { return 0; }
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let lit = 0;
            for (let i = 0; i < data.length; i += 4) { if (data[i] + data[i + 1] + data[i + 2] > 90) { lit++; } }
            return lit;""";

    /**
     * Opens the instance page's screen and waits for the guest to draw on it: answers how many
     * pixels are lit (200 or more: a screen, not a blank canvas), within 30 s.
     */
    long openScreen() throws InterruptedException {
        click(By.id("open-screen"));
        waitForAttribute(By.id("vnc-console"), "status", "connected");
        long lit = 0;
        for (int i = 0; i < 30 && lit < 200; i++) {
            Thread.sleep(1000);
            lit = ((Number) evaluate(LIT_PIXELS)).longValue();
        }
        return lit;
    }

    Object evaluate(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** What following a link in this session downloads, as text (the browser's own fetch, with its cookies). */
    String download(By link) {
        String href = waitFor(link).getDomAttribute("href");
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));", href);
    }

    void scrollToTop() {
        // The page scrolls inside the app layout's shadow DOM: bring the page title into view instead.
        ((JavascriptExecutor) driver).executeScript("document.querySelector('h2').scrollIntoView({block: 'start'})");
    }

    /** Waits until the page shows the text anywhere (a notification included). */
    void waitForPageText(String text) {
        wait.until(page -> pageText().contains(text));
    }

    /** All the text a person sees on the page. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves what the person sees, for the README and for looking at a failure. */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
