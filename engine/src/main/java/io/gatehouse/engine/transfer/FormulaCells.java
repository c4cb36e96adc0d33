package io.gatehouse.engine.transfer;

import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet would run as a formula, neutralised as OWASP's CSV injection guidance says: a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe,
 * which spreadsheets take as "text". Attribute values are chosen by users, and an administrator opens exports.
 *
 * <p>The apostrophe is also added before a cell that already starts with apostrophes followed by one of those
 * characters, so that {@link #restore} can take exactly one off and every value survives an export and an import:
 * {@code =1} is written {@code '=1}, {@code '=1} is written {@code ''=1}, and both read back as they were.
 */
public final class FormulaCells {

    /** Apostrophes, then a character a spreadsheet reads as the start of a formula. */
    private static final Pattern FORMULA_START = Pattern.compile("'*[=+\\-@\\t\\r]");

    private FormulaCells() {
    }

    /** The cell as it is written to a CSV file. */
    public static String neutralise(String cell) {
        return cell != null && FORMULA_START.matcher(cell).lookingAt() ? "'" + cell : cell;
    }

    /** The value {@link #neutralise} wrote as {@code cell}. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && FORMULA_START.matcher(cell).lookingAt()
                ? cell.substring(1) : cell;
    }
}
