package org.mmpcase.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its chromedriver (both from apt: {@code chromium chromium-driver}); nothing is
 * downloaded. Screenshots go to {@code target/browser/}.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(
			System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	public Browser() {
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	public static boolean available() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public void open(String url) {
		driver.get(url);
	}

	public WebElement visible(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement clickable(By by) {
		return wait.until(ExpectedConditions.elementToBeClickable(by));
	}

	/** Scrolls the element to the middle of the window first, clear of fixed headers and footers. */
	public void click(By by) {
		WebElement element = clickable(by);
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		clickable(by).click();
	}

	public void screenshot(String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "browser"));
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
