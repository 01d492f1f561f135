package org.crisisline.load.sim.report;

import java.util.Locale;

/**
 * A minimal SVG writer: rectangles, lines and text in user units, with text escaped. Enough for a
 * bar chart that opens in any browser, with no charting library.
 */
final class SvgCanvas {
    static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";

    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    SvgCanvas rect(double x, double y, double w, double h, String fill) {
        body.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, Math.max(0, w), Math.max(0, h), fill));
        return this;
    }

    /** A rectangle drawn as an outline with diagonal hatching: a value off the scale. */
    SvgCanvas hatched(double x, double y, double w, double h, String colour) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"url(#hatch)\" stroke=\"%s\"/>%n", x, y, Math.max(0, w), Math.max(0, h), colour));
        return this;
    }

    SvgCanvas line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
        body.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1, y1, x2, y2, stroke, dashed ? " stroke-dasharray=\"6 4\"" : ""));
        return this;
    }

    /** @param anchor start, middle or end */
    SvgCanvas text(double x, double y, String text, int size, String anchor, boolean bold) {
        body.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\"%s>%s</text>%n",
                x, y, size, anchor, bold ? " font-weight=\"bold\"" : "", escape(text)));
        return this;
    }

    String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" %s fill=\"#222\">%n", width, height, width, height, FONT)
                + "<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#fff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#b33\" stroke-width=\"3\"/></pattern></defs>\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
                + body
                + "</svg>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
