package io.jenkins.plugins.stepfunctions.engine.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of fields (RFC 4180: fields in double quotes may hold the delimiter,
 * line breaks and doubled quotes). Lines end with LF or CRLF; a last line without its line break
 * still counts; empty lines are skipped (they hold no item).
 */
final class CsvRows {
    private CsvRows() {
    }

    /** The character of an ItemReader {@code CSVDelimiter} name. */
    static char delimiter(String name) {
        return switch (name == null ? "COMMA" : name) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
    }

    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean lineHasContent = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                lineHasContent = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                lineHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (lineHasContent || !field.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                lineHasContent = false;
            } else {
                field.append(c);
                lineHasContent = true;
            }
        }
        if (lineHasContent || !field.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
