package io.redline.stats.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, read from the jar once: its own in {@code io/redline/stats/web/}, and uPlot's script and style
 * from the uPlot webjar, whose version is read from the webjar's own {@code pom.properties} (the version is set
 * in one place, the parent pom). A missing file fails at start-up, not at the first request.
 */
final class WebFiles {

    private static final String OWN = "/io/redline/stats/web/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";

    /**
     * A file to send.
     *
     * @param type its Content-Type
     * @param body its bytes
     */
    record File(String type, byte[] body) {
    }

    private final Map<String, File> files;

    WebFiles() {
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        files = Map.of(
                "/", new File("text/html; charset=utf-8", load(OWN + "index.html")),
                "/app.js", new File(JS, load(OWN + "app.js")),
                "/rates.js", new File(JS, load(OWN + "rates.js")),
                "/uplot/uPlot.iife.min.js", new File(JS, load(uplot + "uPlot.iife.min.js")),
                "/uplot/uPlot.min.css", new File(CSS, load(uplot + "uPlot.min.css")));
    }

    /** The file served at {@code path}, or null. */
    File at(String path) {
        return files.get(path);
    }

    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = WebFiles.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("missing " + UPLOT_POM + ": is the uPlot webjar on the class path?");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] load(String name) {
        try (InputStream in = WebFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing web file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
