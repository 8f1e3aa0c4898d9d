package io.redline.deploy.local.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one Prometheus text exposition: enough of the format to add series up. Comments, and lines that
 * do not parse, are skipped: a status line must not fail on a metric it does not know.
 */
public final class MetricSamples {

    /** One line: {@code name{labels} value}. */
    public record Sample(String name, String labels, double value) {

        /** The value of one label, or null when the sample does not have it. */
        public String label(String key) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                if (label.group(1).equals(key)) {
                    return label.group(2);
                }
            }
            return null;
        }
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static final MetricSamples NONE = new MetricSamples(List.of());

    private final List<Sample> samples;

    private MetricSamples(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static MetricSamples parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace >= 0 ? line.indexOf(' ', line.lastIndexOf('}')) : line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace >= 0 && brace < space ? line.substring(brace, space) : "";
            String[] rest = line.substring(space + 1).trim().split(" ");
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(rest[0])));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new MetricSamples(samples);
    }

    /** The sum of every sample whose name matches. */
    public double sum(Predicate<String> name) {
        return samples.stream().filter(sample -> name.test(sample.name())).mapToDouble(Sample::value).sum();
    }

    /** The sum of the samples of one name whose label {@code key} has one of {@code values}. */
    public double sum(String name, String key, Set<String> values) {
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> {
                    String value = sample.label(key);
                    // Set.of(...).contains(null) throws: a sample without the label is simply not selected
                    return value != null && values.contains(value);
                })
                .mapToDouble(Sample::value).sum();
    }

    /** The sum of the samples of one name. */
    public double sum(String name) {
        return sum(name::equals);
    }
}
