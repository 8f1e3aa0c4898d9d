package io.redline.deploy.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code expr} values of a Prometheus rules file, as written there: on the {@code expr:} line, or folded
 * ({@code expr: >-}) on the more indented lines below it. promtool checks the YAML itself.
 */
final class RuleExpressions {

    private RuleExpressions() {
    }

    static List<String> read(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (!trimmed.startsWith("expr:")) {
                continue;
            }
            String value = trimmed.substring("expr:".length()).strip();
            if (!value.startsWith(">") && !value.startsWith("|")) {
                expressions.add(value);
                continue;
            }
            int indent = line.indexOf("expr:");
            StringBuilder folded = new StringBuilder();
            while (i + 1 < lines.size() && indentOf(lines.get(i + 1)) > indent) {
                folded.append(lines.get(++i).strip()).append(' ');
            }
            expressions.add(folded.toString().strip());
        }
        return expressions;
    }

    private static int indentOf(String line) {
        return line.isBlank() ? Integer.MAX_VALUE : line.length() - line.stripLeading().length();
    }
}
