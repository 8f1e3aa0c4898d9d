package io.redline.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4: every line must be a HELP, TYPE, comment or
 * sample line of the right shape; names, label names and escapes must be valid; a family is declared at most
 * once, before its samples, and its samples are not interleaved with another family's; no series repeats.
 */
public final class PrometheusTextRules {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (?:[^\\\\\\n]|\\\\[\\\\n])*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)"
            + "|NaN|[+-]Inf");
    private static final String[] SUFFIXES = {"_total", "_created", "_sum", "_count", "_bucket", "_info"};

    private PrometheusTextRules() {
    }

    /**
     * @throws AssertionError naming the line that breaks a rule
     */
    public static Exposition check(String text) {
        if (!text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Double> firstValues = new HashMap<>();
        Map<String, Set<String>> labelNames = new HashMap<>();
        Set<String> finished = new HashSet<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                String family = type.group(1);
                if (types.put(family, type.group(2)) != null) {
                    throw new AssertionError("line " + number + ": second TYPE for " + family);
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.startsWith("# HELP") || line.startsWith("# TYPE")) {
                    throw new AssertionError("line " + number + ": malformed HELP/TYPE: " + line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("line " + number + ": not a sample line: " + line);
            }
            String name = sample.group(1);
            String labels = sample.group(3) == null ? "" : sample.group(3);
            List<String> names = checkLabels(number, labels);
            if (!VALUE.matcher(sample.group(4)).matches()) {
                throw new AssertionError("line " + number + ": bad value " + sample.group(4));
            }
            String family = familyOf(name, types);
            if (!family.equals(current)) {
                if (finished.contains(family)) {
                    throw new AssertionError("line " + number + ": samples of " + family + " are interleaved");
                }
                if (current != null) {
                    finished.add(current);
                }
                current = family;
            }
            if (!series.add(name + "{" + labels + "}")) {
                throw new AssertionError("line " + number + ": series repeated: " + line);
            }
            firstValues.putIfAbsent(name, parse(sample.group(4)));
            firstValues.putIfAbsent(name + "{" + labels + "}", parse(sample.group(4)));
            Set<String> familyLabels = labelNames.computeIfAbsent(family, key -> new TreeSet<>());
            names.stream().filter(label -> !label.equals("le")).forEach(familyLabels::add);
        }
        return new Exposition(types, firstValues, labelNames);
    }

    private static List<String> checkLabels(int number, String labels) {
        if (labels.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher label = LABEL.matcher(labels);
        int position = 0;
        while (label.find() && label.start() == position) {
            names.add(label.group(1));
            position = label.end();
            if (position < labels.length() && labels.charAt(position) == ',') {
                position++;
            }
        }
        if (position != labels.length()) {
            throw new AssertionError("line " + number + ": bad labels {" + labels + "}");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new AssertionError("line " + number + ": repeated label in {" + labels + "}");
        }
        return names;
    }

    private static String familyOf(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static double parse(String value) {
        switch (value) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(value);
        }
    }

    /** What a valid exposition holds. */
    public static final class Exposition {

        private final Map<String, String> types;
        private final Map<String, Double> firstValues;
        private final Map<String, Set<String>> labelNames;

        Exposition(Map<String, String> types, Map<String, Double> firstValues, Map<String, Set<String>> labelNames) {
            this.types = types;
            this.firstValues = firstValues;
            this.labelNames = labelNames;
        }

        /** The label names the samples of a family carry (without a histogram's {@code le}), sorted. */
        public Set<String> labelNames(String family) {
            return labelNames.getOrDefault(family, Set.of());
        }

        public Set<String> families() {
            return types.keySet();
        }

        /** The declared type of a family, or null. */
        public String type(String family) {
            return types.get(family);
        }

        /**
         * The value of the first sample with that name, or of the series written with its labels as the page
         * writes them ({@code redline_gateway_requests_total{outcome="hit"}}).
         *
         * @throws AssertionError if there is none
         */
        public double value(String sample) {
            Double value = firstValues.get(sample);
            if (value == null) {
                throw new AssertionError("no sample named " + sample + " in " + firstValues.keySet());
            }
            return value;
        }
    }
}
