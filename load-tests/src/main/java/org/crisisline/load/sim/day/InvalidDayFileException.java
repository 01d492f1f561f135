package org.crisisline.load.sim.day;

/**
 * A day file that cannot be simulated: malformed JSON, a missing field or a value out of range.
 * The message names the field (as a dotted path such as {@code rota.operativesPerHour[3]}) so the
 * person who wrote the file can fix it without reading code.
 */
public final class InvalidDayFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidDayFileException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The dotted path of the offending field; empty when the file as a whole is unreadable. */
    public String field() {
        return field;
    }
}
