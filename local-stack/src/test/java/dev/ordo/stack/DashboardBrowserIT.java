package dev.ordo.stack;

import static dev.ordo.stack.WorkflowBodies.step;
import static dev.ordo.stack.WorkflowBodies.workflow;
import static dev.ordo.stack.WorkspaceApi.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator dashboard in a real headless chromium against the whole stack: an execution started
 * from the form lights up its DAG step by step without a reload, and a failed execution is retried
 * with the button until it completes. Screenshots go to {@code target/screenshots/}; with
 * {@code -Dordo.screenshots.update=true} the execution view also replaces the README's picture.
 */
@ExtendWith(DashboardBrowserIT.ScreenshotOnFailure.class)
class DashboardBrowserIT {

    /** A failed test leaves the page it saw in {@code target/screenshots/failed-<test>.png}. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                screenshot("failed-" + context.getRequiredTestMethod().getName());
            }
        }
    }

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path README_PICTURE = Path.of("..", "docs", "images", "execution-view.png");
    private static final List<String> ORDER_STEPS = List.of("receive", "check_stock", "price", "charge", "notify");

    @TempDir
    static Path profile;

    private static WorkspaceApi api;
    private static ChromeDriver browser;
    private static String base;
    private static String orderPipeline;
    private static String chargeOnce;

    /**
     * Two workflows: an order pipeline (a fan-out and join, whose charge step fails once and is
     * retried after a short backoff) and a charge that fails once with no retries left.
     */
    @BeforeAll
    static void aWorkspaceWithTwoWorkflowsAndABrowser() {
        api = WorkspaceApi.fresh();
        Map<String, Object> charge = new LinkedHashMap<>(step("charge", 3, List.of("check_stock", "price"),
                Map.of("processing_type", "flaky", "fail_times", 1, "error", "card declined: issuer timeout",
                        "retry_policy", Map.of("initial_delay_ms", 1500, "jitter", 0.0))));
        charge.put("max_retries", 1);
        orderPipeline = api.createWorkflow(named("order pipeline", workflow("order pipeline", List.of(
                step("receive", 1, List.of(), Map.of("processing_type", "default")),
                step("check_stock", 2, List.of("receive"), Map.of("processing_type", "sleep", "millis", 300)),
                step("price", 2, List.of("receive"), Map.of("processing_type", "data_transformation",
                        "mapping", Map.of("customer", "customer", "total", "amount * 1.2"))),
                charge,
                step("notify", 4, List.of("charge"), Map.of("processing_type", "default"))),
                List.of(Map.of("name", "customer", "data_type", "string", "is_required", true),
                        Map.of("name", "amount", "data_type", "float", "is_required", false, "default_value", 42.5),
                        Map.of("name", "express", "data_type", "bool", "is_required", false, "default_value", false)))));
        chargeOnce = api.createWorkflow(named("charge once", workflow("charge once", List.of(
                step("reserve", 1, List.of(), Map.of("processing_type", "default")),
                step("charge", 2, List.of("reserve"), Map.of("processing_type", "flaky", "fail_times", 1,
                        "error", "payment provider answered 503"))),
                List.of())));
        browser = HeadlessChromium.start(profile);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
        base = "http://localhost:" + RunningStack.services().apiPort() + "/dashboard/#/w/" + workspaceId();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void an_execution_started_from_the_form_turns_its_steps_completed_live_in_the_graph() {
        browser.get(base + "/workflow/" + orderPipeline);
        WebElement customer = await().atMost(Duration.ofSeconds(10))
                .until(() -> browser.findElements(By.cssSelector("[data-variable=customer]")), found -> !found.isEmpty()).get(0);
        customer.sendKeys("Ada Lovelace");
        assertThat(browser.findElement(By.cssSelector("[data-variable=amount]")).getAttribute("value")).isEqualTo("42.5");

        click(By.id("start-submit"));

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/execution/"));
        String executionId = browser.getCurrentUrl().replaceAll(".*/execution/", "");
        recordStepStatusesSeenByThePage();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> ORDER_STEPS.stream().allMatch(name -> "completed".equals(dagStatus(name))));
        await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(executionStatus()));
        assertThat(browser.findElement(By.id("main")).getAttribute("data-stream")).as("the execution's WebSocket stream")
                .isEqualTo("open");
        assertThat(seenStatuses("charge")).as("charge as the page showed it, in order, without a reload")
                .endsWith("completed");
        assertThat(seenStatuses("charge").get(0)).isIn("pending", "queued", "running", "failed", "retrying");
        assertThat(api.get("/api/workflows/executions/" + executionId).json())
                .containsEntry("input_variables", Map.of("customer", "Ada Lovelace", "amount", 42.5, "express", false));

        click(By.cssSelector("svg.dag [data-step=charge]"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(By.cssSelector(".step-panel[data-step=charge] .attempt")).size() == 2
                && browser.findElements(By.cssSelector("svg.gantt [data-step=charge] rect.backoff")).size() == 1);
        Path picture = screenshot("execution-view");
        if (Boolean.getBoolean("ordo.screenshots.update")) {
            copy(picture, README_PICTURE);
        }
        browser.get(base + "/workflow/" + orderPipeline);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(
                By.cssSelector("tr[data-execution='" + executionId + "'][data-status=completed]")).isEmpty());
        screenshot("workflow-view");
    }

    @Test
    void a_failed_execution_completes_after_the_retry_button() {
        browser.get(base + "/workflow/" + chargeOnce);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("start-submit")).isEmpty());
        click(By.id("start-submit"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "failed".equals(executionStatus()));
        assertThat(dagStatus("charge")).isEqualTo("failed");
        await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
                .until(() -> browser.findElements(By.id("execution-error")).stream()
                .anyMatch(error -> error.getText().contains("payment provider answered 503")));
        screenshot("failed-execution");

        click(By.id("retry-button"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "completed".equals(executionStatus())
                && "completed".equals(dagStatus("charge")));
        String executionId = browser.getCurrentUrl().replaceAll(".*/execution/", "");
        assertThat(list(api.get("/api/workflows/executions/" + executionId).json().get("step_executions")))
                .filteredOn(step -> "charge".equals(step.get("step_name")))
                .singleElement().satisfies(step -> assertThat(step).containsEntry("retry_count", 1));
        screenshot("retried-execution");
    }

    @Test
    void failed_executions_selected_in_the_list_are_retried_together() {
        List<String> failed = List.of(api.execute(chargeOnce, Map.of()), api.execute(chargeOnce, Map.of()));
        failed.forEach(id -> api.awaitStatus(id, "failed"));
        browser.get(base + "/workflow/" + chargeOnce);
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("status-filter")).isEmpty());
        new Select(browser.findElement(By.id("status-filter"))).selectByValue("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> failed.stream().allMatch(id -> !browser.findElements(
                By.cssSelector("tr[data-execution='" + id + "'][data-status=failed]")).isEmpty()));

        failed.forEach(id -> click(By.cssSelector("tr[data-execution='" + id + "'] input[type=checkbox]")));
        click(By.id("bulk-retry"));

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("bulk-result")).getText(),
                "retry: 2 accepted"::equals);
        failed.forEach(id -> api.awaitStatus(id, "completed"));
    }

    @Test
    void after_a_network_blip_the_execution_view_resumes_its_stream_from_the_last_sequence_it_saw() {
        String slowChain = api.createWorkflow(named("slow chain", workflow("slow chain", List.of(
                step("first", 1, List.of(), Map.of("processing_type", "sleep", "millis", 700)),
                step("second", 2, List.of("first"), Map.of("processing_type", "sleep", "millis", 700)),
                step("third", 3, List.of("second"), Map.of("processing_type", "sleep", "millis", 700))), List.of())));
        try (SeverableProxy network = SeverableProxy.to(RunningStack.services().apiPort())) {
            String executionId = api.execute(slowChain, Map.of());
            browser.get("http://localhost:" + network.port() + "/dashboard/#/w/" + workspaceId() + "/execution/" + executionId);
            await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(streamState())
                    && "completed".equals(dagStatus("first")));
            recordStreamStatesSeenByThePage();

            network.sever();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                    List.of("first", "second", "third").stream().allMatch(name -> "completed".equals(dagStatus(name)))
                            && "completed".equals(executionStatus()));
            assertThat(streamStatesSeen()).as("the stream as the page showed it").contains("reconnecting").endsWith("open");
            assertThat(Integer.parseInt(browser.findElement(By.id("main")).getAttribute("data-stream-since")))
                    .as("the since of the resumed stream").isPositive();
        }
    }

    /** The body with its plain name: the workspace is this test's own, so the name is free. */
    private static Map<String, Object> named(String name, Map<String, Object> body) {
        Map<String, Object> renamed = new LinkedHashMap<>(body);
        renamed.put("name", name);
        return renamed;
    }

    /** Clicks what {@code target} finds, finding it again if a redraw replaced it in between. */
    private static void click(By target) {
        await().atMost(Duration.ofSeconds(5)).ignoreException(StaleElementReferenceException.class)
                .until(() -> {
                    browser.findElement(target).click();
                    return true;
                });
    }

    /** Read in the page in one go: the graph is redrawn on every update, so element handles go stale. */
    private static String dagStatus(String step) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const node = document.querySelector(`svg.dag [data-step='${arguments[0]}']`);"
                        + "return node ? node.dataset.status : null;", step);
    }

    private static String executionStatus() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const status = document.getElementById('execution-status'); return status ? status.dataset.status : null;");
    }

    /** A script in the page that notes every status each DAG node shows, for as long as the page lives. */
    private static void recordStepStatusesSeenByThePage() {
        ((JavascriptExecutor) browser).executeScript("""
                window.seenStatuses = {};
                const note = () => document.querySelectorAll('svg.dag [data-step]').forEach(node => {
                  const seen = window.seenStatuses[node.dataset.step] = window.seenStatuses[node.dataset.step] || [];
                  if (seen[seen.length - 1] !== node.dataset.status) seen.push(node.dataset.status);
                });
                note();
                new MutationObserver(note).observe(document.getElementById('main'), {subtree: true, childList: true, attributes: true});
                """);
    }

    private static String streamState() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('main').dataset.stream || null;");
    }

    /** A script in the page that notes every state of the execution's stream, in order. */
    private static void recordStreamStatesSeenByThePage() {
        ((JavascriptExecutor) browser).executeScript("""
                const main = document.getElementById('main');
                window.streamStates = [main.dataset.stream];
                new MutationObserver(() => {
                  if (window.streamStates[window.streamStates.length - 1] !== main.dataset.stream) {
                    window.streamStates.push(main.dataset.stream);
                  }
                }).observe(main, {attributes: true, attributeFilter: ['data-stream']});
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<String> streamStatesSeen() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.streamStates || [];");
    }

    @SuppressWarnings("unchecked")
    private static List<String> seenStatuses(String step) {
        Object seen = ((JavascriptExecutor) browser).executeScript("return (window.seenStatuses || {})[arguments[0]] || [];", step);
        return (List<String>) seen;
    }

    private static Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String workspaceId() {
        return list(api.get("/api/workspaces").body()).stream()
                .filter(workspace -> api.slug().equals(workspace.get("slug")))
                .map(workspace -> (String) workspace.get("id"))
                .findFirst().orElseThrow();
    }
}
