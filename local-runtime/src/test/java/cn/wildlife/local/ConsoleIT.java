package cn.wildlife.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The officers' console in a real browser (Debian's headless Chromium, driven through Debian's chromedriver; nothing
 * is downloaded): the sample forestry officer signs in through the sample-user picker, opens 我的工作, the clue list,
 * one clue whose step buttons are exactly the API's {@code allowedSteps}, shows its reporter and takes one step, then
 * searches cases and opens one. On the transfers board (移送) the forestry officer opens a transfer, sees its
 * statutory clocks counting down and transfers it with its package ticked; the county police then see it is their
 * turn, are refused a pass-on field by field, and receive it. The officer's main pages also fit a tablet held upright
 * (768×1024) without scrolling sideways. Every page is saved as a screenshot under
 * {@code target/console-screenshots/}, numbered in the order the tests run (one browser for the class), and checked
 * with axe-core (no serious or critical violation); the browser must report no Content-Security-Policy violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core from the console's own npm dependencies (console/package-lock.json). */
    static final Path AXE = Path.of("..", "console", "node_modules", "axe-core", "axe.min.js");

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String OFFICER = "forestry-officer";
    static final String HEAD = "forestry-head";
    static final String POLICE = "police-officer";
    static final String SUPERVISOR = "supervisor";
    static final String REPORTER_NAME = "举报人赵某";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    private PlatformClient client;
    private String gateway;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private String axeSource;
    private int shots;
    private long screenshotNanos;
    private long axeNanos;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        gateway = SharedPlatform.platform().gatewayUrl();
        client = SharedPlatform.client();
        assumeTrue(
                get("/").statusCode() == 200, "the gateway serves no console: this build left it out (-Dconsole.skip)");
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
    }

    /** Debian's Chromium through Debian's chromedriver; the test skips, naming the packages, where they are missing. */
    private void openBrowser() throws IOException {
        if (driver != null) {
            return;
        }
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ConsoleIT's browser test needs Debian's headless Chromium and its driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver): apt-get install chromium chromium-driver");
        assertThat(AXE).as("axe-core, installed by the console's npm ci").exists();
        axeSource = Files.readString(AXE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1366,768",
                "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver's path is given, so Selenium Manager is never asked to find (or download) one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    void stop() {
        System.out.printf(
                "[console] %d pages: screenshots %d ms, axe-core %d ms%n",
                shots, screenshotNanos / 1_000_000, axeNanos / 1_000_000);
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void consoleIsServedOnTheGatewaysOriginWithStrictHeaders() throws Exception {
        HttpResponse<String> index = get("/");
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        String policy = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'")
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // No inline script: every script is a file of this origin.
        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>")
                        .matcher(index.body())
                        .find())
                .isFalse();

        // A page opened directly (or reloaded) is the console's index too, without a token.
        for (String page : List.of("/clues/FORESTRY-220112-2026-0001", "/transfers", "/transfers/T-1")) {
            HttpResponse<String> deepLink = get(page);
            assertThat(deepLink.statusCode()).as(page).isEqualTo(200);
            assertThat(deepLink.body()).as(page).isEqualTo(index.body());
        }

        // Hashed files are cached for a year.
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Security-Policy")).isPresent();

        // The API stays behind its token.
        assertThat(get("/api/clues").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void forestryOfficerSignsInHandlesAClueAndSearchesCases() throws Exception {
        openBrowser();
        String clueId = recordClue(Instant.now());
        String caseNumber = openCase().number();
        // A clue received long ago: its handling clock is overdue at once and lands in the office's inbox.
        String lateClueId = recordClue(Instant.parse("2026-01-05T02:00:00Z"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> inboxKinds(lateClueId).contains("OVERDUE"));

        long opening = System.nanoTime();
        driver.get(gateway + "/");
        wait.until(ExpectedConditions.urlContains("/signin"));
        WebElement officer = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("label[data-user='" + OFFICER + "']")));
        System.out.printf(
                "[console] first load: sign-in page usable after %d ms (DOM interactive after %s ms)%n",
                (System.nanoTime() - opening) / 1_000_000,
                driver.executeScript(
                        "return Math.round(performance.getEntriesByType('navigation')[0].domInteractive);"));
        page("sign-in");
        officer.click();
        driver.findElement(By.cssSelector("[data-test='sign-in']")).click();

        // 我的工作: the office's alert inbox with its counts.
        wait.until(ExpectedConditions.urlContains("/work"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='alert-counts']")));
        settled();
        assertThat(driver.findElement(By.cssSelector("[data-test='signed-in-user']"))
                        .getText())
                .contains("林草执法员");
        assertThat(driver.findElements(By.cssSelector("[data-test='alert-counts'] .number")))
                .hasSize(3);
        assertThat(Integer.parseInt(driver.findElement(By.cssSelector("[data-kind='OVERDUE']"))
                        .getText()))
                .isPositive();
        assertThat(storedAnything()).as("tokens are kept in memory only").isFalse();
        page("my-work");

        // Each alert links to its record.
        driver.findElement(By.cssSelector("[data-test='inbox']"))
                .findElement(By.linkText(lateClueId))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test='clue-id']"), lateClueId));

        // 线索: the clue list, then the clue just recorded.
        driver.findElement(By.linkText("线索")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(clueId)));
        settled();
        page("clues");
        link.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-step]")));
        settled();
        assertThat(stepButtons()).isEqualTo(allowedSteps(clueId));
        assertThat(stepButtons()).contains("assign");
        page("clue");

        // The reporter's identity: offered to the receiving agency's handler, fetched only on a click.
        driver.findElement(By.cssSelector("[data-test='show-reporter']")).click();
        WebElement reporter =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='reporter']")));
        assertThat(reporter.getText()).contains(REPORTER_NAME, "13812345678");
        settled();
        page("clue-reporter");

        driver.findElement(By.cssSelector("[data-step='assign']")).click();
        WebElement assignee = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-field='assignee']")));
        assignee.sendKeys("林草执法员张某");
        page("clue-assign");
        driver.findElement(By.cssSelector("[data-test='step-confirm']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test='clue-status']"), "已分派"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));
        List<String> after = allowedSteps(clueId);
        assertThat(after).doesNotContain("assign").contains("verify");
        wait.until(driver -> stepButtons().equals(after));
        settled();
        // The confirmation is checked as it is read, not halfway through its fade-in.
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript("const m = document.querySelector('.el-message');"
                        + " return m !== null && getComputedStyle(m).opacity === '1';")));
        page("clue-assigned");

        // 案件: search by region, then the case just opened.
        driver.findElement(By.linkText("案件")).click();
        WebElement region =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[aria-label='行政区划代码']")));
        region.sendKeys("220112");
        driver.findElement(By.cssSelector("[data-test='search']")).click();
        wait.until(ExpectedConditions.urlContains("region=220112"));
        WebElement found = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(caseNumber)));
        settled();
        page("cases");
        found.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='timeline']")));
        settled();
        assertThat(driver.findElement(By.cssSelector("[data-test='seizures']")).getText())
                .contains("大天鹅死体");
        page("case");

        // English on demand.
        driver.findElement(By.xpath("//label[.//span[text()='English']]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Clues")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='timeline']"), "entered on the platform"));
        page("case-english");

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        // The policy is enforced, and a violation would have been seen: an inline style is refused.
        ((JavascriptExecutor) driver).executeScript("document.body.setAttribute('style', 'color: red');");
        wait.until(driver -> !cspViolations().isEmpty());
        assertThat(((JavascriptExecutor) driver).executeScript("return getComputedStyle(document.body).color;"))
                .isNotEqualTo("rgb(255, 0, 0)");

        // A reload forgets the token: the page asks to sign in again, then returns to where it was.
        driver.navigate().refresh();
        wait.until(ExpectedConditions.urlContains("/signin"));
        assertThat(driver.getCurrentUrl()).contains("next=");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[data-user='" + OFFICER + "']")))
                .click();
        driver.findElement(By.cssSelector("[data-test='sign-in']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='timeline']")));

        // Signing out forgets the token too.
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
        driver.get(gateway + "/work");
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(3)
    void officersFollowATransferOnTheBoardAndTakeTheirSteps() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // A suspected crime reported by the county officer and approved by the city head (as the walk-through does):
        // it is now the county forestry bureau's turn to deliver it to the police within 24 hours.
        OpenedCase opened = openCase();
        String id = reportTransfer(opened.id());
        PlatformClient.Answer approved =
                client.post(gateway + "/api/transfers/" + id + "/steps/approve", "{}", client.as(HEAD));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "OPEN".equals(clockStates(id).get("TRANSFER_DELIVERY"))
                        && "MET".equals(clockStates(id).get("TRANSFER_APPROVAL_DECISION")));

        // 移送: the board, the transfer in the column of approval and transfer, marked as the office's turn.
        signIn(OFFICER);
        driver.findElement(By.linkText("移送")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-lane='deciding'] [data-state='APPROVED'] [data-transfer='" + id + "']")));
        settled();
        assertThat(card.getText()).contains(opened.id(), "轮到您办理");
        page("transfers");

        // The transfer: whose turn, the statutory clocks with their countdown and status, the steps as forms.
        card.findElement(By.linkText(id)).click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='transfer-state']"), "data-state", "APPROVED"));
        WebElement delivery = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-rule='TRANSFER_DELIVERY']]//*[@data-test='countdown']")));
        settled();
        assertThat(delivery.getAttribute("data-phase")).isEqualTo("running");
        assertThat(delivery.getText()).startsWith("剩余").contains("小时");
        assertThat(driver.findElement(By.xpath(
                                "//tr[.//*[@data-rule='TRANSFER_APPROVAL_DECISION']]//*[@data-test='clock-status']"))
                        .getText())
                .isEqualTo("按期办结");
        assertThat(driver.findElement(By.cssSelector("[data-test='whose-turn']"))
                        .getText())
                .contains("林业和草原局（220112）");
        assertThat(driver.findElement(By.cssSelector("[data-test='case-link']")).getText())
                .isEqualTo(opened.id());
        assertThat(transferStepButtons()).isEqualTo(transferSteps(id, OFFICER));
        page("transfer");

        // 移送公安机关: the package's parts as checkboxes; the three the regulation requires are checked for.
        driver.findElement(By.cssSelector("[data-step='transfer']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='packageParts']")));
        driver.findElement(By.cssSelector("[data-part='TRANSFER_LETTER']")).click();
        driver.findElement(By.cssSelector("[data-test='step-confirm']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".el-dialog .el-form-item__error"), "移送材料至少包括"));
        for (String part : List.of("INVESTIGATION_REPORT", "SEIZED_ITEMS_LIST", "TEST_OR_APPRAISAL_REPORTS")) {
            driver.findElement(By.cssSelector("[data-part='" + part + "']")).click();
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog .el-form-item__error")));
        // Checked, and seen checked: the boxes' colour transition over.
        wait.until(
                driver -> Boolean.TRUE.equals(
                        ((JavascriptExecutor) driver)
                                .executeScript(
                                        "const boxes = [...document.querySelectorAll('[data-part].is-checked .el-checkbox__inner')];"
                                                + " return boxes.length === 4 && boxes.every(b => getComputedStyle(b).backgroundColor"
                                                + " === getComputedStyle(boxes[0]).backgroundColor && b.getAnimations().length === 0);")));
        page("transfer-package");
        driver.findElement(By.cssSelector("[data-test='step-confirm']")).click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='transfer-state']"), "data-state", "TRANSFERRED"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));
        assertThat(driver.findElement(By.cssSelector("[data-test='whose-turn']"))
                        .getText())
                .contains("公安机关（220112）");
        assertThat(driver.findElement(By.cssSelector("[data-test='waiting']")).getAttribute("data-pending-steps"))
                .isEqualTo("receive pass-on");
        assertThat(transferStepButtons()).isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-test='package']")).getText())
                .contains("涉嫌犯罪案件移送书", "有关检验报告或者鉴定意见");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//tr[.//*[@data-rule='TRANSFER_DELIVERY']]//*[@data-test='clock-status']"), "按期办结"));
        settled();
        page("transfer-transferred");

        // The case's page lists its transfer, with whose turn it is now, and links back to it.
        driver.findElement(By.cssSelector("[data-test='case-link']")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test='case-transfers']"), id));
        assertThat(driver.findElement(By.cssSelector("[data-test='case-transfers']"))
                        .getText())
                .contains("公安机关（220112）");
        settled();
        page("case-transfers");
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));

        // The county police: their turn, with their 24-hour receipt clock; the reverse transfer is offered to them.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "OPEN".equals(clockStates(id).get("TRANSFER_RECEIPT")));
        signIn(POLICE);
        driver.findElement(By.linkText("移送")).click();
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-lane='police'] [data-state='TRANSFERRED'] [data-transfer='" + id + "']")));
        settled();
        assertThat(card.getText()).contains("轮到您办理");
        driver.findElement(By.cssSelector("[data-test='return-transfer']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field='toRegion']")));
        page("transfers-return");
        driver.findElement(By.xpath("//div[contains(@class,'el-dialog')]//button[.//span[text()='取消']]"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));

        card.findElement(By.linkText(id)).click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='transfer-state']"), "data-state", "TRANSFERRED"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-rule='TRANSFER_RECEIPT']]//*[@data-test='countdown']")));
        assertThat(transferStepButtons()).isEqualTo(transferSteps(id, POLICE)).containsExactly("receive", "pass-on");

        // A pass-on to the same police is refused: the problem names the field, shown under it.
        driver.findElement(By.cssSelector("[data-step='pass-on']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[data-field='passOnTo']")))
                .sendKeys("220112");
        driver.findElement(By.cssSelector("[data-test='step-confirm']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-dialog [role='alert']")));
        wait.until(driver -> !driver.findElement(By.cssSelector(".el-dialog .el-form-item__error"))
                .getText()
                .isBlank());
        page("transfer-pass-on-refused");
        driver.findElement(By.xpath("//div[contains(@class,'el-dialog')]//button[.//span[text()='取消']]"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));

        // 接收（签收回执）: the state moves on, and so does the turn.
        driver.findElement(By.cssSelector("[data-step='receive']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='step-confirm']")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='transfer-state']"), "data-state", "RECEIVED"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));
        List<String> after = transferSteps(id, POLICE);
        assertThat(after).containsExactly("file", "refuse-filing");
        wait.until(driver -> transferStepButtons().equals(after));
        assertThat(driver.findElement(By.cssSelector("[data-test='transfer-timeline']"))
                        .getText())
                .contains("接收（签收回执）", "移送公安机关", "批准移送", "报告负责人");
        settled();
        page("transfer-received");

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(4)
    void procuratorSeesAPenaltyInsteadOfProsecutionOnTheDashboardAndDrillsDownToTheCounty() throws Exception {
        // The dashboard opened directly (or reloaded) is the console's index too, without a token.
        HttpResponse<String> deepLink = get("/oversight?region=220112");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(get("/").body());
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // A penalty decided on a case above the prosecution threshold that was never transferred: flagged 以罚代刑.
        String flagged = openCase().id();
        PlatformClient.Answer decided = client.post(
                gateway + "/api/cases/" + flagged + "/penalty",
                """
                {"expectedVersion":%d,"decisionNumber":"双林罚决〔2026〕%s号","decidedAt":"2026-11-24T02:00:00Z",
                 "fine":5000,"confiscation":true,"summary":"没收大天鹅死体二只，罚款五千元"}""".formatted(
                                client.get(gateway + "/api/cases/" + flagged, client.as(OFFICER))
                                        .body()
                                        .get("version")
                                        .asLong(),
                                UUID.randomUUID().toString().substring(0, 6)),
                client.as(OFFICER));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);

        // 监督看板: the city procurator's own region, counted per county; the nav offers it to oversight users only.
        signIn("procurator");
        driver.findElement(By.cssSelector("[data-test='nav-oversight']")).click();
        wait.until(ExpectedConditions.urlContains("/oversight"));
        By listed = By.cssSelector("[data-test='flagged-cases'] [data-case='" + flagged + "']");
        // The services keep a region's counts for a few seconds: asked again until the new flag is in them.
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
            if (!driver.findElements(listed).isEmpty()) {
                return true;
            }
            driver.findElement(By.cssSelector("[data-test='refresh']")).click();
            return false;
        });
        assertThat(driver.findElement(By.cssSelector("[data-test='region-trail'] [aria-current='page']"))
                        .getText())
                .isEqualTo("220100");
        assertThat(Integer.parseInt(driver.findElement(By.cssSelector("[data-flagged='220112']"))
                        .getText()))
                .isPositive();
        // The charts are drawn on canvas once ECharts' chunk has loaded.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".bar-chart canvas")));
        settled();
        page("oversight");

        // One level down: the county, its flag still listed, the breadcrumb leading back to the city.
        driver.findElement(By.cssSelector("[data-drill='220112']")).click();
        wait.until(ExpectedConditions.urlContains("region=220112"));
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("[data-test='region-trail'] [aria-current='page']"), "220112"));
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='oversight-totals']"), "data-region", "220112"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(listed));
        assertThat(driver.findElements(By.cssSelector("[data-drill]")))
                .as("a county has no level below")
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-test='region-trail'] a[data-region='220100']")))
                .isNotNull();
        settled();
        page("oversight-county");

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(5)
    void forestryOfficerImportsAFacilityListWithABadRowAndOpensAFacility() throws Exception {
        HttpResponse<String> deepLink = get("/facilities/FAC-220112-ABCDEF12");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(get("/").body());
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String good = "吉林繁育-控制台-" + suffix;
        Path csv =
                Files.createDirectories(Path.of("target", "console-uploads")).resolve("facilities-" + suffix + ".csv");
        Files.writeString(csv, """
                机构名称,行政区划代码,地址,许可证号,许可有效期起,许可有效期至,许可物种,许可用途,在养物种及数量
                双阳梅花鹿繁育场%1$s,220112,双阳区鹿乡镇,%2$s,2024-01-01,2028-12-31,梅花鹿,繁育、销售,cervus-nippon:120
                某独角兽园%1$s,220112,双阳区某村,吉林繁育-坏行-%1$s,,2027-06-30,unicornis-fabulosa,展示,
                """.formatted(suffix, good));

        // 繁育机构: the registry; the file goes through the page's own file input.
        signIn(OFFICER);
        driver.findElement(By.cssSelector("[data-test='nav-facilities']")).click();
        wait.until(ExpectedConditions.urlContains("/facilities"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='facility-list']")));
        driver.findElement(By.cssSelector("[data-test='import-file']"))
                .sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("[data-test='start-import']")).click();
        // Nothing imported; the bad row's error shown on row 3, and its species cell marked in the file's own row.
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='import-errors'] [data-error-row='3']")));
        assertThat(driver.findElement(By.cssSelector("[data-test='import-errors']"))
                        .getText())
                .contains("许可物种")
                .contains("unicornis-fabulosa");
        assertThat(driver.findElement(By.cssSelector("[data-preview-row='3'] td.bad"))
                        .getText())
                .contains("unicornis-fabulosa");
        assertThat(driver.findElements(By.cssSelector("[data-test='import-job']")))
                .as("a file with a bad row imports nothing")
                .isEmpty();
        settled();
        page("facility-import-errors");

        // The good row alone, imported in the background: the job lists the facility it registered.
        driver.findElement(By.cssSelector("[data-test='skip-invalid']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-test='import-job'][data-status='DONE']")));
        By imported = By.cssSelector("[data-test='import-job'] [data-imported]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(imported));
        String facilityId = driver.findElement(imported).getDomAttribute("data-imported");
        assertThat(driver.findElements(imported)).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("[data-test='job-errors'] [data-error-row='3']")))
                .isNotNull();
        settled();
        page("facilities");

        // An inspection recorded with one item failed, and its finding ordered rectified in ten days.
        PlatformClient.Answer planned = client.post(
                gateway + "/api/inspections",
                """
                {"facilityId":"%s","plannedFor":"%s","inspectors":["张伟","李娜"]}""".formatted(facilityId, Instant.now().toString().substring(0, 10)),
                client.as(OFFICER));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);
        String inspectionId = planned.body().get("id").asString();
        PlatformClient.Answer recorded = client.post(
                gateway + "/api/inspections/" + inspectionId + "/record",
                """
                {"inspectedAt":"%s","expectedVersion":1,
                 "checklist":[{"item":"RULES_AND_PLANS","passed":true},{"item":"SECURITY","passed":false,"note":"围栏破损"},
                  {"item":"LICENCE_AND_RECORDS","passed":true},{"item":"WITHIN_SCOPE","passed":true}],
                 "counted":[{"speciesCode":"cervus-nippon","count":120}],
                 "findings":[{"item":"SECURITY","description":"鹿舍围栏破损","suspectedCrime":false}]}""".formatted(Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)),
                client.as(OFFICER));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(200);
        PlatformClient.Answer ordered = client.post(
                gateway + "/api/inspections/rectifications",
                """
                {"inspectionId":"%s","findingId":"%s","requirement":"修复鹿舍围栏","dueBy":"%s"}""".formatted(
                        inspectionId,
                        recorded.body().get("findings").get(0).get("id").asString(),
                        Instant.now().plus(10, ChronoUnit.DAYS).toString().substring(0, 10)),
                client.as(OFFICER));
        assertThat(ordered.status()).as(ordered.raw()).isEqualTo(201);

        // The facility's page: licence, the inspection's checklist, the order's clock running.
        driver.findElement(imported).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test='licence-number']"), good));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-clock='running']")));
        assertThat(driver.findElement(By.cssSelector("[data-check='SECURITY']")).getText())
                .isEqualTo("不符合");
        assertThat(driver.findElement(By.cssSelector("[data-check='LEDGER_MATCHES']"))
                        .getText())
                .isEqualTo("符合");
        settled();
        page("facility");

        // 双随机: one facility of the county and two inspectors, 王磊 never for the facility he must avoid; the
        // server's seed shown, the draw checked again from it, then published with what anyone needs to redraw it.
        driver.findElement(By.cssSelector("[data-test='nav-facilities']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='draw-link']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[data-test='draw-roster']")))
                .sendKeys("张伟\n李娜\n王磊：" + facilityId);
        driver.findElement(By.cssSelector("[data-test='draw-submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='draw-seed']")));
        assertThat(driver.getCurrentUrl()).contains("/facilities/draws/DRAW-220112-");
        driver.findElement(By.cssSelector("[data-test='draw-verify']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='draw-verification']"), "一致"));
        driver.findElement(By.cssSelector("[data-test='draw-publish']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='announcement']")));
        assertThat(driver.findElement(By.cssSelector("[data-test='announcement']"))
                        .getText())
                .contains(driver.findElement(By.cssSelector("[data-test='draw-seed']"))
                        .getText());
        settled();
        page("facility-draw");

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(6)
    void leadOfficeFollowsAJointOperationsResultsAndReportsAndEntersASortie() throws Exception {
        HttpResponse<String> deepLink = get("/operations/OP-1");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(get("/").body());
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // An operation of Changchun's forestry bureau that began three months ago: the first month's summaries are in
        // (Shuangyang's on time, Nong'an's late), the second month's are missing, the last ones not yet due.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        java.time.YearMonth first = java.time.YearMonth.from(today).minusMonths(3);
        java.time.LocalDate starts = first.atDay(1);
        java.time.LocalDate ends = first.plusMonths(4).atEndOfMonth();
        PlatformClient.Answer entered = client.post(
                gateway + "/api/operations",
                """
                {"name":"控制台测试：长春市候鸟保护专项行动 %s","leadAgency":"FORESTRY","leadOffice":"长春市林业局野生动植物保护科",
                 "region":"220100","startsOn":"%s","endsOn":"%s",
                 "participants":[{"agency":"FORESTRY","office":"长春市林业局","duties":"牵头开展专项行动，每周巡查重点市场"},
                   {"agency":"PUBLIC_SECURITY","office":"长春市公安局","duties":"依法严厉打击非法猎捕候鸟犯罪"}],
                 "phases":[{"name":"动员部署阶段","from":"%s","to":"%s","tasks":"制定方案，动员部署"},
                   {"name":"集中整治阶段","from":"%s","to":"%s","tasks":"集中查处一批案件"}],
                 "targetPlaces":["HABITAT","MARKET"],"targetBehaviours":["非法猎捕候鸟"],
                 "recurringDuties":[{"agency":"FORESTRY","description":"对花鸟市场每周至少巡查一次","everyDays":7,
                   "hotspots":["长春市花鸟鱼市场"]}],
                 "reportingRegions":["220112","220122"],"monthlyDueDay":5}""".formatted(
                                UUID.randomUUID().toString().substring(0, 6),
                                starts,
                                ends,
                                starts,
                                starts.plusDays(9),
                                starts.plusDays(10),
                                ends),
                client.as(HEAD));
        assertThat(entered.status()).as(entered.raw()).isEqualTo(201);
        String operationId = entered.body().get("id").asString();
        String ops = gateway + "/api/operations/" + operationId;
        // A case of the operation, as Shuangyang's officer opens it; the table counts it from case-service's events.
        PlatformClient.Answer opened = client.post(
                gateway + "/api/cases",
                """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"%s","title":"控制台测试：专项行动中查获出售候鸟案",
                 "value":32000,"grade":"GENERAL","operationId":"%s"}""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), operationId),
                client.as(OFFICER));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        java.time.LocalDate due = first.plusMonths(1).atDay(5);
        for (String[] report : List.of(
                new String[] {OFFICER, "220112", due.minusDays(2).toString()},
                new String[] {"forestry-nongan", "220122", due.plusDays(3).toString()})) {
            PlatformClient.Answer submitted =
                    client.post(ops + "/reports", """
                    {"region":"%s","period":"%s","submittedOn":"%s"}""".formatted(report[1], first, report[2]), client.as(report[0]));
            assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        }

        // 专项行动: the city head's list, then the operation's page.
        signIn(HEAD);
        Path downloads =
                Files.createDirectories(Path.of("target", "console-downloads")).toAbsolutePath();
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver.findElement(By.cssSelector("[data-test='nav-operations']")).click();
        wait.until(ExpectedConditions.urlContains("/operations"));
        By listed = By.cssSelector("[data-test='operations'] [data-operation='" + operationId + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(listed));
        settled();
        page("operations");
        driver.findElement(listed).click();
        wait.until(ExpectedConditions.urlContains("/operations/" + operationId));

        // The 成果表 rolls Shuangyang's case up into the city; counted once case-service's event is read.
        untilResults(By.cssSelector("[data-results-region='220100'] [data-column='ADMINISTRATIVE_CASES']"), "1");
        assertThat(driver.findElement(By.cssSelector("[data-results-region='220112'] [data-column='CASE_VALUE']"))
                        .getText())
                .isEqualTo("32,000");
        // The report schedule: on time, late, missing, as the API says.
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-report='220112:" + first + "']"), "data-state", "ON_TIME"));
        assertThat(driver.findElement(By.cssSelector("[data-report='220122:" + first + "']"))
                        .getAttribute("data-state"))
                .isEqualTo("LATE");
        assertThat(driver.findElement(By.cssSelector("[data-report='220112:" + first.plusMonths(1) + "']"))
                        .getText())
                .isEqualTo("未报送");
        settled();
        page("operation");

        // Downloads carry the token: fetched by the page and saved from a blob: URL, under the API's file name.
        driver.findElement(By.cssSelector("[data-test='download-csv']")).click();
        Path csv = downloads.resolve("成果表-220100-" + starts + "-" + ends + ".csv");
        await().atMost(WAIT).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        assertThat(Files.readString(csv)).contains("出动执法人员（人次）");
        driver.findElement(By.cssSelector("[data-test='download-xlsx']")).click();
        Path xlsx = downloads.resolve("成果表-220100-" + starts + "-" + ends + ".xlsx");
        await().atMost(WAIT).until(() -> Files.exists(xlsx) && Files.size(xlsx) > 0);

        // A sortie entered by the head: a day outside the operation is refused under the date, then corrected.
        driver.findElement(By.cssSelector("[data-test='enter-sortie']")).click();
        By day = By.cssSelector("[data-form='sortie'] [data-field='on'] input");
        wait.until(ExpectedConditions.visibilityOfElementLocated(day));
        typeInto(By.cssSelector("[data-form='sortie'] [data-field='personnel'] input"), "4");
        typeInto(day, starts.minusDays(1).toString());
        driver.findElement(By.cssSelector("[data-test='sortie-confirm']")).click();
        By dayError = By.cssSelector("[data-form='sortie'] [data-field='on'] .el-form-item__error");
        wait.until(ExpectedConditions.visibilityOfElementLocated(dayError));
        assertThat(driver.findElement(dayError).getText()).isNotBlank();
        settled();
        page("operation-sortie-refused");
        typeInto(day, starts.plusDays(4).toString());
        driver.findElement(By.cssSelector("[data-test='sortie-confirm']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-form='sortie']")));
        // Recorded for the head's own region (the form's default). The table counts it once inspection-service has
        // read its own event back, which is not waited for here.
        List<String> sorties = new ArrayList<>();
        client.get(ops + "/sorties", client.as(HEAD))
                .body()
                .forEach(s -> sorties.add(s.get("region").asString() + ":"
                        + s.get("on").asString() + ":" + s.get("personnel").asInt()));
        assertThat(sorties).containsExactly("220100:" + starts.plusDays(4) + ":4");

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(7)
    void forestryOfficerEntersASeizureAndAPenaltyAndSeesTheCasesClueLinkedAcrossAgencies() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // A suspect's phone named by a forestry clue and by a market supervision clue: a link across agencies.
        String phone = "139%08d".formatted(new java.util.Random().nextInt(100_000_000));
        String clueId = clueNaming(OFFICER, "220112", phone);
        String marketClueId = clueNaming("market-officer", "220102", phone);
        PlatformClient.Answer opened = client.post(
                gateway + "/api/cases",
                """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"%s","title":"控制台测试：花鸟市场出售豆雁案",
                 "value":6000,"grade":"GENERAL","clueId":"%s"}""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), clueId),
                client.as(OFFICER));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String caseId = opened.body().get("id").asString();
        String decision = "双林罚决〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号";

        // The case's page opened directly: the console asks to sign in, then shows it with the officer's forms.
        // Polled every 50 ms rather than every 500 ms: most of this test's waits are for one request to come back.
        WebDriverWait quick = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
        long browsing = System.nanoTime();
        driver.get(gateway + "/cases/" + caseId);
        quick.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[data-user='" + OFFICER + "']")))
                .click();
        driver.findElement(By.cssSelector("[data-test='sign-in']")).click();
        quick.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-action='seize']")))
                .click();

        // 登记扣押物品.
        quick.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-form='seize']")));
        choose(quick, "seize", "kind", "活体");
        driver.findElement(By.cssSelector("[data-form='seize'] [data-field='description'] input"))
                .sendKeys("活体豆雁");
        typeInto(By.cssSelector("[data-form='seize'] [data-field='quantity'] input"), "3");
        choose(quick, "seize", "unit", "只");
        driver.findElement(By.cssSelector("[data-form='seize'] [data-field='holder'] input"))
                .sendKeys("双阳区林业局执法大队");
        driver.findElement(By.cssSelector("[data-form='seize'] [data-field='location'] input"))
                .sendKeys("双阳区野生动物救护站");
        // A species code the catalogue does not know: the API's problem is shown under that field.
        By species = By.cssSelector("[data-form='seize'] [data-field='speciesCode'] input");
        driver.findElement(species).sendKeys("anser-unknown");
        driver.findElement(By.cssSelector("[data-test='case-action-confirm']")).click();
        By speciesError = By.cssSelector("[data-form='seize'] [data-field='speciesCode'] .el-form-item__error");
        quick.until(ExpectedConditions.visibilityOfElementLocated(speciesError));
        assertThat(driver.findElement(speciesError).getText()).isNotBlank();
        page("case-seize-refused");
        driver.findElement(species)
                .sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "anser-fabalis");
        driver.findElement(By.cssSelector("[data-test='case-action-confirm']")).click();
        quick.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-form='seize']")));
        quick.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test='seizures']"), "活体豆雁"));
        assertThat(driver.findElement(By.cssSelector("[data-test='seizures']")).getText())
                .contains("活体 · 活体豆雁", "anser-fabalis", "3 只");

        // 作出处罚决定: the penalty is shown, the status follows, and the form is offered no more.
        driver.findElement(By.cssSelector("[data-action='penalty']")).click();
        quick.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-form='penalty']")));
        driver.findElement(By.cssSelector("[data-form='penalty'] [data-field='decisionNumber'] input"))
                .sendKeys(decision);
        typeInto(By.cssSelector("[data-form='penalty'] [data-field='fine'] input"), "3000");
        driver.findElement(By.cssSelector("[data-form='penalty'] [data-field='summary'] textarea"))
                .sendKeys("没收活体豆雁三只，罚款三千元");
        driver.findElement(By.cssSelector("[data-test='case-action-confirm']")).click();
        quick.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-form='penalty']")));
        quick.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), decision));
        quick.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-action='penalty']")));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("已作出处罚决定", "3,000");
        settled();
        page("case-penalty");
        PlatformClient.Answer decided = client.get(gateway + "/api/cases/" + caseId, client.as(OFFICER));
        assertThat(decided.body().get("status").asString()).isEqualTo("PENALTY_DECIDED");
        assertThat(decided.body().get("seizures").get(0).get("quantity").asInt())
                .isEqualTo(3);

        // The clue the case came from: market supervision's clue linked by the same phone, shown masked.
        driver.findElement(By.linkText(clueId)).click();
        By linked = By.cssSelector("[data-test='record-links'] [data-linked='" + marketClueId + "']");
        quick.until(ExpectedConditions.visibilityOfElementLocated(linked));
        String links = driver.findElement(By.cssSelector("[data-test='record-links'] .el-table__body"))
                .getText();
        assertThat(links).contains("线索", "市场监督管理局", "220102", "同一电话号码").doesNotContain(phone);
        settled();
        page("clue-links");
        System.out.printf(
                "[console] case entries and links: %d ms in the browser%n", (System.nanoTime() - browsing) / 1_000_000);

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        quick.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    @Order(8)
    void forestryOfficerRecordsAnInspectionWithAFailedItemAndOrdersItRectified() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // A facility of Shuangyang with an inspection planned for today, as a draw or a plan would leave it.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PlatformClient.Answer registered =
                client.post(gateway + "/api/facilities", """
                {"name":"控制台录入测试场%s","region":"220112","address":"双阳区鹿乡镇","licenceNumber":"吉林繁育-录入-%s",
                 "licenceValidUntil":"2028-12-31","licensedSpeciesCodes":["cervus-nippon"],"purposes":["BREEDING"],
                 "holdings":[{"speciesCode":"cervus-nippon","count":40}]}""".formatted(suffix, suffix), client.as(OFFICER));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String facilityId = registered.body().get("id").asString();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        PlatformClient.Answer planned =
                client.post(gateway + "/api/inspections", """
                {"facilityId":"%s","plannedFor":"%s","inspectors":["张伟","李娜"]}""".formatted(facilityId, today), client.as(OFFICER));
        assertThat(planned.status()).as(planned.raw()).isEqualTo(201);

        // The facility's page opened directly, then the record: SECURITY failed, a finding naming an unknown species.
        long browsing = System.nanoTime();
        driver.get(gateway + "/facilities/" + facilityId);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[data-user='" + OFFICER + "']")))
                .click();
        driver.findElement(By.cssSelector("[data-test='sign-in']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='open-record']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-form='record']")));
        for (String item : List.of("RULES_AND_PLANS", "LICENCE_AND_RECORDS", "WITHIN_SCOPE", "LEDGER_MATCHES")) {
            driver.findElement(By.cssSelector("[data-form='record'] [data-answer='" + item + ":passed']"))
                    .click();
        }
        driver.findElement(By.cssSelector("[data-form='record'] [data-answer='SECURITY:failed']"))
                .click();
        driver.findElement(By.cssSelector("[data-test='add-finding']")).click();
        driver.findElement(By.cssSelector("[data-form='record'] textarea[data-test='finding-description']"))
                .sendKeys("鹿舍围栏破损，存在逃逸风险");
        By species = By.cssSelector("[data-form='record'] [data-finding='0'] [data-field='speciesCodes']");
        driver.findElement(species).findElement(By.tagName("input")).sendKeys("unicornis-fabulosa");
        driver.findElement(By.cssSelector("[data-test='record-confirm']")).click();
        // The API's refusal (RFC 9457) is shown under the field it names; corrected, the record is taken.
        By speciesError = By.cssSelector(
                "[data-form='record'] [data-finding='0'] [data-field='speciesCodes'] .el-form-item__error");
        wait.until(ExpectedConditions.visibilityOfElementLocated(speciesError));
        assertThat(driver.findElement(speciesError).getText()).isNotBlank();
        settled();
        page("facility-record-refused");
        typeInto(
                By.cssSelector("[data-form='record'] [data-finding='0'] [data-field='speciesCodes'] input"),
                "cervus-nippon");
        driver.findElement(By.cssSelector("[data-test='record-confirm']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-form='record']")));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-check='SECURITY']"), "不符合"));

        // 责令限期整改 in ten days: the order's clock counts down on the refreshed page.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='open-order']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-form='order']")));
        driver.findElement(By.cssSelector("[data-form='order'] textarea[data-test='order-requirement']"))
                .sendKeys("修复鹿舍围栏");
        typeInto(
                By.cssSelector("[data-form='order'] [data-field='dueBy'] input"),
                today.plusDays(10).toString());
        driver.findElement(By.cssSelector("[data-test='order-confirm']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-form='order']")));
        By clock = By.cssSelector("[data-test='facility-rectifications'] [data-clock='running']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(clock));
        assertThat(driver.findElement(clock).getText()).isEqualTo("剩余 10 天");
        settled();
        page("facility-rectification-ordered");

        // The county's past draws (the one drawn on the facility pages above among them), each linking to its draw.
        driver.findElement(By.cssSelector("[data-test='nav-facilities']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='draw-link']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='draw-history'] a[data-draw^='DRAW-220112-']")));
        settled();
        page("facility-draws");
        System.out.printf(
                "[console] facility entries: %d ms in the browser%n", (System.nanoTime() - browsing) / 1_000_000);
        PlatformClient.Answer orders =
                client.get(gateway + "/api/inspections/rectifications?facilityId=" + facilityId, client.as(OFFICER));
        assertThat(orders.body().get(0).get("dueBy").asString())
                .isEqualTo(today.plusDays(10).toString());

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    /** Picks an option of an Element Plus select in a form: its list opens in a popper outside the form. */
    private void choose(WebDriverWait quick, String form, String field, String option) {
        driver.findElement(
                        By.cssSelector("[data-form='" + form + "'] [data-field='" + field + "'] .el-select__wrapper"))
                .click();
        By item = By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space()='" + option + "']");
        WebElement shown = quick.until(driver -> driver.findElements(item).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
        // Clicked where it is, not where a mouse would land: the list is still zooming in (a pointer click once took
        // the option below).
        driver.executeScript("arguments[0].click();", shown);
        quick.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-form='" + form + "'] [data-field='" + field + "'] .el-select__wrapper"), option));
    }

    /** A new clue of the user's agency naming a suspect's phone. */
    private String clueNaming(String user, String region, String phone) {
        String body = """
                {"region":"%s","source":"TIP_OFF","receivedAt":"%s","behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "summary":"控制台测试：花鸟市场有人出售豆雁","identifiers":[{"type":"PHONE","value":"%s"}]}""".formatted(region, Instant.now().truncatedTo(ChronoUnit.SECONDS), phone);
        PlatformClient.Answer created = client.post(gateway + "/api/clues", body, client.as(user));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    @Test
    @Order(9)
    void auditAdministratorVerifiesAndSearchesTheTrailAndTheHeadExportsAPersonsData() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        // A reporter with a phone of their own: the head's export finds exactly the clue they reported.
        String phone = "137%08d".formatted(new java.util.Random().nextInt(100_000_000));
        PlatformClient.Answer created = client.post(
                gateway + "/api/clues",
                """
                {"region":"220112","source":"TIP_OFF","receivedAt":"%s","speciesCodes":["cygnus-cygnus"],
                 "behaviours":["ILLEGAL_HUNTING"],"summary":"控制台测试：群众举报有人收购野生鸟类 %s"}""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID()),
                client.as(OFFICER));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String clueId = created.body().get("id").asString();
        PlatformClient.Answer reporter = client.send(
                "PUT",
                gateway + "/api/clues/" + clueId + "/reporter",
                """
                {"anonymous":false,"name":"%s","phone":"%s","rewardRequested":false}""".formatted(REPORTER_NAME, phone),
                client.as(OFFICER));
        assertThat(reporter.status()).as(reporter.raw()).isEqualTo(200);

        // 审计: the audit administrator's nav has the audit alone; the chain verified, then searched for the clue.
        long browsing = System.nanoTime();
        signIn("audit-admin");
        assertThat(driver.findElements(By.cssSelector("[data-test='nav-admin-keys']")))
                .isEmpty();
        assertThat(driver.findElements(By.cssSelector("[data-test='nav-personal-data']")))
                .isEmpty();
        driver.findElement(By.cssSelector("[data-test='nav-admin-audit']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/audit"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='audit-verify']")))
                .click();
        wait.until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-test='audit-verification']"), "data-state", "INTACT"));
        typeInto(By.cssSelector("[data-form='audit-search'] [data-field='recordId'] input"), clueId);
        By written = By.cssSelector("[data-test='audit-entries'] [data-action='WRITE']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(written));
        settled();
        page("audit");

        // 个人信息导出: the head's lawful export; a missing legal basis is named under its field, then given.
        signIn(HEAD);
        assertThat(driver.findElements(By.cssSelector("[data-test='nav-admin-audit']")))
                .isEmpty();
        Path downloads =
                Files.createDirectories(Path.of("target", "console-downloads")).toAbsolutePath();
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        driver.findElement(By.cssSelector("[data-test='nav-personal-data']")).click();
        wait.until(ExpectedConditions.urlContains("/personal-data"));
        By form = By.cssSelector("[data-form='personal-data-export']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(form));
        driver.findElement(By.cssSelector("[data-field='identifier.type'] [data-type='PHONE']"))
                .click();
        driver.findElement(By.cssSelector("[data-field='identifier.value'] input"))
                .sendKeys(phone);
        driver.findElement(By.cssSelector("[data-field='requestReference'] input"))
                .sendKeys("长林个查〔2026〕7号");
        driver.findElement(By.cssSelector("[data-test='export-submit']")).click();
        By basisError = By.cssSelector("[data-field='legalBasis'] .el-form-item__error");
        wait.until(ExpectedConditions.visibilityOfElementLocated(basisError));
        assertThat(driver.findElement(basisError).getText()).isNotBlank();
        driver.findElement(By.cssSelector("[data-field='legalBasis'] textarea"))
                .sendKeys("《中华人民共和国个人信息保护法》第四十五条：个人有权向个人信息处理者查阅、复制其个人信息");
        driver.findElement(By.cssSelector("[data-test='export-submit']")).click();
        By result = By.cssSelector("[data-test='export-result']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(result));
        assertThat(driver.findElement(result).getAttribute("data-count")).isEqualTo("1");
        assertThat(driver.findElements(By.cssSelector("[data-test='export-records'] [data-record='" + clueId + "']")))
                .isNotEmpty();
        // The number typed is gone from the form, and was never in the address or any storage.
        assertThat(driver.findElement(By.cssSelector("[data-field='identifier.value'] input"))
                        .getAttribute("value"))
                .isEmpty();
        assertThat(driver.getCurrentUrl()).doesNotContain(phone);
        assertThat(storedAnything()).isFalse();
        settled();
        page("personal-data-export");
        String exportId = driver.findElement(result).getAttribute("data-export");
        driver.findElement(By.cssSelector("[data-test='export-download']")).click();
        Path file = downloads.resolve("个人信息导出-" + exportId + ".json");
        await().atMost(WAIT).until(() -> Files.exists(file) && Files.size(file) > 0);
        JsonNode saved = json.readTree(Files.readString(file));
        assertThat(saved.get("exportId").asString()).isEqualTo(exportId);
        assertThat(saved.get("records").get(0).get("personalData").get("phone").asString())
                .isEqualTo(phone);
        System.out.printf("[ConsoleIT] order 9 browser time: %d ms%n", (System.nanoTime() - browsing) / 1_000_000);

        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    /** Asks the 成果表 again (统计) until a cell shows the number: the tallies follow the records' events. */
    private void untilResults(By cell, String number) {
        new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
            List<WebElement> found = driver.findElements(cell);
            if (!found.isEmpty() && found.get(0).getText().equals(number)) {
                return true;
            }
            driver.findElement(By.cssSelector("[data-test='compute-results']")).click();
            return false;
        });
    }

    /** Replaces an input's text as typed, and leaves it (Element Plus's pickers and number inputs take it on change). */
    @Test
    @Order(10)
    void systemAdministratorImportsASpeciesListWithABadRowAndFindsTheNewSpecies() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        String code = "console-species-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createDirectories(Path.of("target", "console-uploads")).resolve(code + ".csv");
        Files.writeString(csv, """
                代码,中文名,学名,纲,保护级别,CITES附录,计数单位
                %s,控制台测试鸮,Otus consolensis,鸟纲,国家二级,II,只
                BAD,某,X,鸟纲,国家二级,,只
                """.formatted(code));

        // The system administrator reads no agency's records: no 线索, 案件 or 移送 in the nav; 物种名录 is there.
        signIn("system-admin");
        assertThat(driver.findElements(By.cssSelector("[data-test='nav-clues']")))
                .isEmpty();
        driver.findElement(By.cssSelector("[data-test='nav-species']")).click();
        wait.until(ExpectedConditions.urlContains("/admin/species"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='species-table']")));
        driver.findElement(By.cssSelector("[data-test='species-file']"))
                .sendKeys(csv.toAbsolutePath().toString());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='species-start-import']")))
                .click();
        // Nothing imported; the bad row named by its number, in place.
        By rowError = By.cssSelector("[data-test='species-import-errors'] [data-error-row]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(rowError));
        assertThat(driver.findElement(By.cssSelector("[data-test='species-import-errors']"))
                        .getText())
                .contains("3")
                .contains("BAD");
        settled();
        page("species-import-errors");

        driver.findElement(By.cssSelector("[data-test='species-skip-invalid']")).click();
        driver.findElement(By.cssSelector("[data-test='species-start-import']")).click();
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='species-import-report']")));
        typeInto(By.cssSelector("input[data-test='species-q'], [data-test='species-q'] input"), code);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test='species-table'] [data-species='" + code + "']")));
        settled();
        page("species");
        assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    @Order(11)
    void anOfficerWorksOnATabletHeldUpright() throws Exception {
        openBrowser();
        cspViolations(); // the browser's log so far is read, and forgotten
        driver.manage().window().setSize(new Dimension(768, 1024));
        try {
            // The pages an officer uses most, each within the screen's width (the nav scrolls sideways).
            signIn(OFFICER);
            assertWithinTheScreen("我的工作");
            page("tablet-my-work");
            driver.findElement(By.cssSelector("[data-test='nav-clues']")).click();
            wait.until(ExpectedConditions.urlContains("/clues"));
            WebElement clue = wait.until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector(".console-main a[href^='/clues/']")));
            settled();
            assertWithinTheScreen("线索");
            page("tablet-clues");
            clue.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='clue-id']")));
            settled();
            assertWithinTheScreen("线索详情");
            page("tablet-clue");
            driver.findElement(By.cssSelector("[data-test='nav-transfers']")).click();
            wait.until(ExpectedConditions.urlContains("/transfers"));
            WebElement transfer = wait.until(
                    ExpectedConditions.elementToBeClickable(By.cssSelector("[data-transfer] a[href^='/transfers/']")));
            settled();
            assertWithinTheScreen("移送");
            page("tablet-transfers");
            transfer.click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='transfer-state']")));
            settled();
            assertWithinTheScreen("移送详情");
            page("tablet-transfer");
            assertThat(cspViolations()).as("Content-Security-Policy violations").isEmpty();
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /** The page is no wider than the window: nothing to scroll sideways but what is meant to (the nav, wide tables). */
    private void assertWithinTheScreen(String page) {
        Object widths = driver.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        List<?> both = (List<?>) widths;
        assertThat(((Number) both.get(0)).longValue())
                .as("%s: page width against the window's", page)
                .isLessThanOrEqualTo(((Number) both.get(1)).longValue());
    }

    private void typeInto(By input, String text) {
        WebElement field = driver.findElement(input);
        field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
        field.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /** Signs in through the sample-user picker, on a fresh page: the console then opens 我的工作. */
    private void signIn(String user) {
        driver.get(gateway + "/");
        wait.until(ExpectedConditions.urlContains("/signin"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("label[data-user='" + user + "']")))
                .click();
        driver.findElement(By.cssSelector("[data-test='sign-in']")).click();
        wait.until(ExpectedConditions.urlContains("/work"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='alert-counts']")));
    }

    /** A suspected crime the forestry officer reports to the head, naming the case by its platform id. */
    private String reportTransfer(String caseId) {
        String body = """
                {"caseNumber":"%s","summary":"控制台测试：非法猎捕大天鹅1只、豆雁2只，涉嫌非法狩猎罪 %s"}""".formatted(caseId, UUID.randomUUID());
        PlatformClient.Answer reported = client.post(gateway + "/api/transfers", body, client.as(OFFICER));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        return reported.body().get("id").asString();
    }

    /** Every clock on the transfer, as the supervision office (which sees every agency's) reads them. */
    private Map<String, String> clockStates(String transferId) {
        Map<String, String> states = new java.util.HashMap<>();
        client.get(gateway + "/api/deadlines?size=50&subjectId=" + transferId, client.as(SUPERVISOR))
                .body()
                .get("items")
                .forEach(d ->
                        states.put(d.get("ruleId").asString(), d.get("state").asString()));
        return states;
    }

    /** The steps the transfer's state allows that are the user's to take (the API lists them whoever takes them). */
    private List<String> transferSteps(String transferId, String user) {
        PlatformClient.Answer transfer = client.get(gateway + "/api/transfers/" + transferId, client.as(user));
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(200);
        List<String> mine = switch (user) {
            case POLICE ->
                List.of(
                        "receive",
                        "pass-on",
                        "file",
                        "refuse-filing",
                        "reconsider-and-file",
                        "reconsider-and-uphold",
                        "give-explanation");
            default ->
                List.of(
                        "transfer",
                        "hand-over-items",
                        "request-reconsideration",
                        "request-supervision",
                        "accept-non-filing",
                        "accept-return",
                        "record-outcome");
        };
        List<String> steps = new ArrayList<>();
        transfer.body().get("allowedSteps").forEach(step -> {
            if (mine.contains(step.asString())) {
                steps.add(step.asString());
            }
        });
        return steps;
    }

    private List<String> transferStepButtons() {
        return driver.findElements(By.cssSelector("[data-test='step-buttons'] [data-step]")).stream()
                .map(button -> button.getAttribute("data-step"))
                .toList();
    }

    /** A new clue of the officer's own: the list shows the last recorded first, so it is on the list's first page. */
    private String recordClue(Instant receivedAt) {
        String body = """
                {"region":"220112","source":"TIP_OFF","receivedAt":"%s",
                 "speciesCodes":["cygnus-cygnus"],"behaviours":["ILLEGAL_HUNTING"],
                 "summary":"控制台测试：群众举报水库边有人架网捕鸟 %s"}""".formatted(receivedAt.truncatedTo(ChronoUnit.SECONDS), UUID.randomUUID());
        PlatformClient.Answer created = client.post(gateway + "/api/clues", body, client.as(OFFICER));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        PlatformClient.Answer reporter = client.send(
                "PUT", gateway + "/api/clues/" + id + "/reporter", """
                {"anonymous":false,"name":"%s","phone":"13812345678","rewardRequested":true}""".formatted(REPORTER_NAME), client.as(OFFICER));
        assertThat(reporter.status()).as(reporter.raw()).isEqualTo(200);
        return id;
    }

    record OpenedCase(String id, String number) {}

    /** A new case with a seized item, opened now. */
    private OpenedCase openCase() {
        String body = """
                {"kind":"ADMINISTRATIVE","region":"220112","openedAt":"%s","title":"控制台测试：奢岭水库出售大天鹅案",
                 "behaviours":["ILLEGAL_PURCHASE_TRANSPORT_SALE"],
                 "species":[{"speciesCode":"cygnus-cygnus","count":2,"unit":"ANIMAL"}],"value":32000,"grade":"GENERAL"}""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        PlatformClient.Answer opened = client.post(gateway + "/api/cases", body, client.as(OFFICER));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String id = opened.body().get("id").asString();
        PlatformClient.Answer seized = client.post(
                gateway + "/api/cases/" + id + "/seizures",
                """
                {"kind":"DEAD","speciesCode":"cygnus-cygnus","description":"大天鹅死体","quantity":2,"unit":"ANIMAL",
                 "holder":"双阳区林业局执法大队","location":"证物室","seizedAt":"%s"}""".formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                client.as(OFFICER));
        assertThat(seized.status()).as(seized.raw()).isBetween(200, 201);
        return new OpenedCase(id, opened.body().get("number").asString());
    }

    private List<String> inboxKinds(String clueId) {
        List<String> kinds = new ArrayList<>();
        client.get(gateway + "/api/inbox?size=200", client.as(OFFICER)).body().forEach(item -> {
            if (item.get("subjectId").asString().equals(clueId)) {
                kinds.add(item.get("kind").asString());
            }
        });
        return kinds;
    }

    private List<String> allowedSteps(String clueId) {
        PlatformClient.Answer clue = client.get(gateway + "/api/clues/" + clueId, client.as(OFFICER));
        assertThat(clue.status()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        clue.body().get("allowedSteps").forEach(step -> steps.add(step.asString()));
        return steps;
    }

    private List<String> stepButtons() {
        return driver.findElements(By.cssSelector("[data-test='step-buttons'] [data-step]")).stream()
                .map(button -> button.getAttribute("data-step"))
                .toList();
    }

    /** No request in flight: Element Plus's loading masks are gone. */
    /**
     * No loading mask, and every transition has run. Element Plus tags zoom in when they appear: for the frame
     * before their transition starts they are transparent and WebDriver reads no text from them, so the check
     * looks two frames later.
     */
    private void settled() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-loading-mask")));
        await().atMost(Duration.ofSeconds(5)).until(this::transitionsRun);
    }

    private boolean transitionsRun() {
        return Boolean.TRUE.equals(driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() =>
                  done(document.getAnimations().every(a => a.playState !== 'running'))));
                """));
    }

    private boolean storedAnything() {
        Object stored = ((JavascriptExecutor) driver)
                .executeScript("return localStorage.length + sessionStorage.length + document.cookie.length;");
        return ((Number) stored).longValue() > 0;
    }

    /** A screenshot of the page as it is, and axe-core's verdict on it: no serious or critical violation. */
    private void page(String name) throws IOException {
        JavascriptExecutor js = driver;
        // A dialog still fading in is judged at part of its opacity: axe then finds its text too faint (seen on a
        // slower machine). Judged once every CSS transition and animation has run.
        await().atMost(Duration.ofSeconds(5)).until(this::transitionsRun);
        long shooting = System.nanoTime();
        Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(++shots, name)), fullPage());
        long judging = System.nanoTime();
        screenshotNanos += judging - shooting;
        // axe-core (half a megabyte) is sent once per document: the console changes pages without reloading.
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axeSource);
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))))
                  .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e) }])));
                """);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : json.readTree((String) result)) {
            String impact = violation.path("impact").asString("");
            String line = "%s (%s): %s %s"
                    .formatted(
                            violation.path("id").asString(""),
                            impact,
                            violation.path("help").asString(""),
                            violation.path("nodes"));
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(line);
            } else {
                System.out.println("[axe] " + name + ": " + line);
            }
        }
        axeNanos += System.nanoTime() - judging;
        assertThat(serious).as("axe-core on %s", name).isEmpty();
    }

    /** The whole page, beyond the 1366×768 window (Chromium's own capture, through the DevTools protocol). */
    private byte[] fullPage() {
        Object size = ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];");
        List<?> widthAndHeight = (List<?>) size;
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of(
                                "x", 0,
                                "y", 0,
                                "width", widthAndHeight.get(0),
                                "height", widthAndHeight.get(1),
                                "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private List<String> cspViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
