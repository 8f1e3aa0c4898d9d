package io.redline.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.redline.testkit.Awaits;
import io.redline.testkit.Browsers;
import io.redline.testkit.RedisExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The web page in two real headless browsers on two nodes. */
class WebPageTest {

    @RegisterExtension
    static final RedisExtension REDIS = new RedisExtension();

    private static RunningChatNode nodeA;
    private static RunningChatNode nodeB;

    @BeforeAll
    static void startNodes() throws Exception {
        Browsers.assumeInstalled();
        nodeA = new RunningChatNode(REDIS.settings(), Map.of());
        nodeB = new RunningChatNode(REDIS.settings(), Map.of());
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
            nodeB.close();
        }
    }

    @Test
    void twoBrowsersOnTwoNodesChatAndMarkupIsShownAsText() {
        ChromeDriver ann = Browsers.start();
        ChromeDriver bob = Browsers.start();
        try {
            join(ann, nodeA, "Ann");
            join(bob, nodeB, "Bob");
            Awaits.await().until(() -> texts(ann, "#members li").equals(List.of("Ann", "Bob")));

            say(ann, "hello from node A");
            Awaits.await().until(() -> texts(bob, "#messages .text").contains("hello from node A"));

            String attack = "<img src=x onerror=\"window.__owned=1\"><b>bold?</b>";
            say(bob, attack);
            Awaits.await().until(() -> texts(ann, "#messages .text").contains(attack));
            assertEquals(0, ann.findElements(By.cssSelector("#messages img, #messages b")).size(),
                    "the markup is text, not elements");
            assertEquals(null, ann.executeScript("return window.__owned;"), "no script ran");
            assertEquals(List.of("Ann", "Bob"), texts(ann, "#messages .who"));
        } finally {
            ann.quit();
            bob.quit();
        }
    }

    private static void join(ChromeDriver browser, RunningChatNode node, String name) {
        browser.get(node.http("/"));
        browser.findElement(By.id("name")).sendKeys(name);
        WebElement room = browser.findElement(By.id("room"));
        room.clear();
        room.sendKeys("browsers");
        browser.findElement(By.id("join-button")).click();
        Awaits.await().until(() -> browser.findElement(By.id("content")).isEnabled());
    }

    private static void say(ChromeDriver browser, String text) {
        WebElement content = browser.findElement(By.id("content"));
        content.sendKeys(text);
        content.sendKeys(Keys.ENTER);
    }

    /** Read in one script: the page re-renders lists, and elements found one call earlier may be gone. */
    private static List<String> texts(ChromeDriver browser, String css) {
        Object texts = browser.executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", css);
        return ((List<?>) texts).stream().map(String::valueOf).collect(Collectors.toList());
    }
}
