package io.redline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric families a docs page promises, read from its tables: every row that starts with a family name in
 * backquotes, then its type, then its labels in backquotes ({@code -} for none), e.g.
 * {@code | `redline_gateway_requests_total` | counter | `outcome` | ... |}. A process's test checks them against
 * what its {@code /metrics} really shows, so that the docs and the export cannot drift.
 */
public final class DocumentedFamilies {

    private static final Pattern ROW = Pattern.compile(
            "^\\|\\s*`([a-z_:][a-z0-9_:]*)`\\s*\\|\\s*(counter|gauge|histogram|summary|info)\\s*\\|\\s*([^|]*)\\|");
    private static final Pattern LABEL = Pattern.compile("`([a-z_][a-z0-9_]*)`");

    /** One documented family. */
    public record Documented(String name, String type, Set<String> labels) {
    }

    private DocumentedFamilies() {
    }

    /** Every family documented in the tables of these markdown files. */
    public static List<Documented> read(Path... pages) {
        List<Documented> families = new ArrayList<>();
        for (Path page : pages) {
            try {
                for (String line : Files.readAllLines(page)) {
                    Matcher row = ROW.matcher(line);
                    if (row.find()) {
                        Set<String> labels = new TreeSet<>();
                        Matcher label = LABEL.matcher(row.group(3));
                        while (label.find()) {
                            labels.add(label.group(1));
                        }
                        families.add(new Documented(row.group(1), row.group(2), labels));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (families.isEmpty()) {
            throw new AssertionError("no metric family is documented in " + Arrays.toString(pages));
        }
        return families;
    }

    /**
     * Every documented family is exported with its type and exactly its labels; and every exported family whose
     * name starts with one of {@code ownPrefixes} is documented.
     *
     * @throws AssertionError listing every difference
     */
    public static void assertExported(List<Documented> documented, PrometheusTextRules.Exposition exposition,
                                      String... ownPrefixes) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Documented family : documented) {
            names.add(family.name());
            String type = exposition.type(family.name());
            String expected = family.type().equals("info") ? "gauge" : family.type();
            if (type == null) {
                problems.add(family.name() + " is documented but not exported");
            } else if (!type.equals(expected)) {
                problems.add(family.name() + " is documented as a " + expected + " but exported as a " + type);
            } else if (!exposition.labelNames(family.name()).equals(family.labels())) {
                problems.add(family.name() + " is documented with labels " + family.labels() + " but exported with "
                        + exposition.labelNames(family.name()));
            }
        }
        for (String exported : exposition.families()) {
            if (Arrays.stream(ownPrefixes).anyMatch(exported::startsWith) && !names.contains(exported)) {
                problems.add(exported + " is exported but not documented");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }
}
