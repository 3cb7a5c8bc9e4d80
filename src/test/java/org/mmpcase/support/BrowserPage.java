package org.mmpcase.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.mmpcase.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page of the portal or the reviewer workspace in headless Chromium, driven from the keyboard: every element is reached with Tab (so it is in the tab
 * order) and operated with Enter, Space or the arrow keys. Runs axe-core (from the portal's node_modules) with the
 * WCAG 2.1 A/AA tags and keeps a log of every page state checked.
 */
public final class BrowserPage {

	static final Path AXE = Path.of("src/main/portal/node_modules/axe-core/axe.min.js");

	private final Browser browser;

	private final String baseUrl;

	private final List<String> axeLog = new ArrayList<>();

	public BrowserPage(Browser browser, int port) {
		this.browser = browser;
		this.baseUrl = "http://localhost:" + port;
	}

	public Browser browser() {
		return browser;
	}

	public List<String> axeLog() {
		return axeLog;
	}

	public void open(String path) {
		browser.open(baseUrl + path);
	}

	/** Waits for the page whose h1 is this text. */
	public void at(String heading) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> {
			try {
				List<WebElement> h1 = driver.findElements(By.cssSelector("main h1"));
				return !h1.isEmpty() && h1.get(0).getText().trim().equals(heading);
			}
			catch (org.openqa.selenium.StaleElementReferenceException rendering) {
				return false;
			}
		});
	}

	public WebElement active() {
		return browser.driver().switchTo().activeElement();
	}

	/** Presses Tab until the focused element matches the selector (at most 80 times). */
	public WebElement tabTo(String css) {
		for (int i = 0; i < 80; i++) {
			WebElement active = active();
			Object matches = browser.driver().executeScript("return arguments[0].matches(arguments[1])", active, css);
			if (Boolean.TRUE.equals(matches)) {
				return active;
			}
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		}
		throw new AssertionError("cannot reach " + css + " with the Tab key");
	}

	public void type(String css, String text) {
		tabTo(css).sendKeys(text);
	}

	public void press(String css, CharSequence key) {
		tabTo(css);
		new Actions(browser.driver()).sendKeys(key).perform();
	}

	public void keys(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	/** A button or link, reached with Tab, activated with Enter. */
	public void activate(String css) {
		press(css, Keys.ENTER);
	}

	public String text(String css) {
		for (int attempt = 0;; attempt++) {
			try {
				return browser.visible(By.cssSelector(css)).getText();
			}
			catch (org.openqa.selenium.StaleElementReferenceException rendering) {
				if (attempt > 5) {
					throw rendering;
				}
			}
		}
	}

	/** Zero axe-core violations (WCAG 2.0/2.1 A and AA) in the page as it is now. */
	public void axe(String state) {
		String violations = (String) browser.driver().executeAsyncScript(script());
		axeLog.add(state + ": " + violations);
		assertThat(violations).as("axe-core violations on " + state).isEqualTo("[]");
	}

	private static String script() {
		try {
			return Files.readString(AXE) + "\n;var done = arguments[arguments.length - 1];"
					+ "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
					+ ".then(function (r) { done(JSON.stringify(r.violations.map(function (v) { return v.id + ' ('"
					+ " + v.impact + '): ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })));"
					+ " })['catch'](function (e) { done('axe failed: ' + e); });";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("axe-core is installed by the portal build (npm ci)", ex);
		}
	}

	/** Runs a fetch in the page (with its session cookie) and answers status, content type and the first bytes. */
	public String fetch(String path) {
		return (String) browser.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.arrayBuffer()"
					+ ".then(function (b) { done(r.status + ' ' + r.headers.get('Content-Type') + ' '"
					+ " + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5)))); }); })"
					+ "['catch'](function (e) { done('failed ' + e); });", path);
	}

}
