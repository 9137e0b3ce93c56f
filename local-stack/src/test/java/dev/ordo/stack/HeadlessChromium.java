package dev.ordo.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromedriver}, installed with apt-get
 * when the driver is missing (CI is a fresh Debian machine where the tests run as root). Selenium
 * Manager never runs: the driver and the browser are given by path, so nothing is downloaded.
 */
final class HeadlessChromium {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path APT_GET = Path.of("/usr/bin/apt-get");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);

    private HeadlessChromium() {
    }

    /**
     * Installs chromium and chromium-driver unless both are there. Where there is no apt-get the test
     * cannot run and is skipped; where apt-get fails, this fails with its output.
     */
    static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        Assumptions.assumeTrue(Files.isExecutable(APT_GET),
                "The browser test needs Debian's chromium and chromium-driver, and this machine has no apt-get to install them");
        String firstTry = apt("install", "-y", "--no-install-recommends", "chromium", "chromium-driver");
        if (!installed()) {
            String update = apt("update");
            String secondTry = apt("install", "-y", "--no-install-recommends", "chromium", "chromium-driver");
            if (!installed()) {
                throw new IllegalStateException("Expected apt-get to install chromium and chromium-driver, but "
                        + DRIVER + " or " + BROWSER + " is still missing:\n" + firstTry + update + secondTry);
            }
        }
    }

    private static boolean installed() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
    }

    private static String apt(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(APT_GET.toString(), "-q"));
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile("apt-get", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + ": no answer within " + INSTALL_TIMEOUT + "\n";
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            return String.join(" ", command) + " exited " + process.exitValue() + ":\n" + tail(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String output) {
        return output.length() > 4000 ? output.substring(output.length() - 4000) : output;
    }

    /** A new headless browser with a fresh profile in {@code profile}, 1440 x 900. */
    static ChromeDriver start(Path profile) {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
