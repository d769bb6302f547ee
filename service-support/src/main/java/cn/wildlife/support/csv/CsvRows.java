package cn.wildlife.support.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** CSV as the agencies' files come: one reader for every import, so that quoting works the same everywhere. */
public final class CsvRows {

    private static final char BOM = '\uFEFF';

    private CsvRows() {}

    /**
     * The rows of a CSV text as agencies' spreadsheets save it: double quotes protect commas and line breaks and are
     * doubled inside a quoted cell; a byte-order mark is dropped; an empty line is a row of one empty cell.
     */
    public static List<List<String>> parse(String text) {
        return parse(text, ImportLimits.NONE);
    }

    /** As {@link #parse(String)}, refusing the text at the first row, column, cell or character over {@code limits}. */
    public static List<List<String>> parse(String text, ImportLimits limits) {
        List<List<String>> rows = new ArrayList<>();
        read(new StringReader(text), limits, rows::add);
        return rows;
    }

    /**
     * Reads CSV from {@code in} as a stream, handing each row over as it ends, and throws {@link ImportLimitExceeded}
     * at once when a row, a row's columns, the cells or a cell's characters go over {@code limits} (the first row is
     * the header and is not counted against {@code rows}).
     */
    public static void read(Reader in, ImportLimits limits, Consumer<List<String>> rows) {
        new Reading(in, limits, rows).run();
    }

    /** One reading's state: the row and cell being built and what has been counted. */
    private static final class Reading {

        private final Reader in;
        private final ImportLimits limits;
        private final Consumer<List<String>> rows;
        private final StringBuilder cell = new StringBuilder();
        private List<String> line = new ArrayList<>();
        private int pending = -2;
        private long rowCount;
        private long cellCount;

        Reading(Reader in, ImportLimits limits, Consumer<List<String>> rows) {
            this.in = in;
            this.limits = limits;
            this.rows = rows;
        }

        void run() {
            boolean quoted = false;
            for (int c = next(); c >= 0; c = next()) {
                if (quoted) {
                    if (c == '"' && peek() == '"') {
                        next();
                        append('"');
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    endCell();
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        next();
                    }
                    endCell();
                    endRow();
                } else {
                    append((char) c);
                }
            }
            if (!cell.isEmpty() || !line.isEmpty()) {
                endCell();
                endRow();
            }
        }

        private void append(char c) {
            if (cell.length() >= limits.cellChars()) {
                throw limits.exceeded(ImportLimits.Limit.CELL_CHARS);
            }
            cell.append(c);
        }

        private void endCell() {
            if (line.size() >= limits.columns()) {
                throw limits.exceeded(ImportLimits.Limit.COLUMNS);
            }
            if (++cellCount > limits.cells()) {
                throw limits.exceeded(ImportLimits.Limit.CELLS);
            }
            line.add(cell.toString());
            cell.setLength(0);
        }

        private void endRow() {
            // The header is row 1 and is not one of the rows the limit counts.
            if (++rowCount > (long) limits.rows() + 1) {
                throw limits.exceeded(ImportLimits.Limit.ROWS);
            }
            rows.accept(line);
            line = new ArrayList<>();
        }

        /** The next character, byte-order marks dropped wherever they are (as the whole text's replace did). */
        private int next() {
            int c;
            if (pending != -2) {
                c = pending;
                pending = -2;
            } else {
                c = read();
            }
            while (c == BOM) {
                c = read();
            }
            return c;
        }

        private int peek() {
            if (pending == -2) {
                int c = read();
                while (c == BOM) {
                    c = read();
                }
                pending = c;
            }
            return pending;
        }

        private int read() {
            try {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
