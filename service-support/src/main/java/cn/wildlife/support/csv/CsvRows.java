package cn.wildlife.support.csv;

import java.util.ArrayList;
import java.util.List;

/** CSV as the agencies' files come: one reader for every import, so that quoting works the same everywhere. */
public final class CsvRows {

    private CsvRows() {}

    /**
     * The rows of a CSV text as agencies' spreadsheets save it: double quotes protect commas and line breaks and are
     * doubled inside a quoted cell; a byte-order mark is dropped; an empty line is a row of one empty cell.
     */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String s = text.replace("\uFEFF", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                rows.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !line.isEmpty()) {
            line.add(cell.toString());
            rows.add(line);
        }
        return rows;
    }
}
