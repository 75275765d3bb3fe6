package dev.actionpack.order;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import dev.actionpack.domain.Refusal;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fonts of receipts, both embedded (subsets) so that a receipt reads the same on any reader.
 * Latin text (Spanish accents, €, US$) is in Liberation Sans, which OpenPDF ships in its jar: the
 * built-in Helvetica knows only Latin-1 and Windows-1252 and is never embedded. Every character
 * Liberation lacks (Chinese) is in a CJK font that no Maven Central artifact ships as TTF/OTF
 * (only woff/woff2, which OpenPDF cannot read), so it is the operating system's: Debian's and
 * Ubuntu's fonts-wqy-microhei, installed by .ci/run and the Dockerfile. A receipt that needs it
 * while it is missing is refused as unavailable; receipts in Latin script do not need it.
 */
@Component
public class ReceiptFonts {

  private static final Logger log = LoggerFactory.getLogger(ReceiptFonts.class);
  private static final String LATIN = "font-fallback/LiberationSans-Regular.ttf";

  private final BaseFont latin;
  private final String cjkFont;
  private volatile BaseFont cjk;

  ReceiptFonts(@Value("${actionpack.receipts.cjk-font}") String cjkFont) {
    this.cjkFont = cjkFont;
    try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(LATIN)) {
      if (in == null) {
        throw new IllegalStateException(LATIN + " is not on the classpath (OpenPDF's jar)");
      }
      this.latin = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED, true, in.readAllBytes(), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text in runs of the font that has its characters, at {@code size} points. Chinese text
   * ({@code cjkFirst}) is set in the CJK font, its Latin letters and digits too, so that a line
   * keeps one typeface and a date such as 2028年3月10日 stays one run; the rest in Liberation.
   */
  Phrase phrase(String text, float size, Color color, boolean cjkFirst) {
    Phrase phrase = new Phrase();
    StringBuilder run = new StringBuilder();
    BaseFont runFont = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      BaseFont font = cjkFirst ? cjk()
          : latin.charExists(codePoint) || Character.isWhitespace(codePoint) ? latin : cjk();
      if (cjkFirst && !font.charExists(codePoint) && latin.charExists(codePoint)) {
        font = latin;
      }
      if (font != runFont && run.length() > 0) {
        phrase.add(new Chunk(run.toString(), new Font(runFont, size, Font.NORMAL, color)));
        run.setLength(0);
      }
      runFont = font;
      run.appendCodePoint(codePoint);
      i += Character.charCount(codePoint);
    }
    if (run.length() > 0) {
      phrase.add(new Chunk(run.toString(), new Font(runFont, size, Font.NORMAL, color)));
    }
    return phrase;
  }

  private BaseFont cjk() {
    BaseFont loaded = cjk;
    if (loaded != null) {
      return loaded;
    }
    synchronized (this) {
      if (cjk == null) {
        cjk = loadCjk();
      }
      return cjk;
    }
  }

  private BaseFont loadCjk() {
    int index = cjkFont.lastIndexOf(',');
    Path file = Path.of(index > 0 && cjkFont.substring(index + 1).matches("\\d+")
        ? cjkFont.substring(0, index) : cjkFont);
    if (Files.isReadable(file)) {
      try {
        // read once into memory: each receipt's subset is then cut without reading the file
        String name = file.getFileName() + cjkFont.substring(file.toString().length());
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
            Files.readAllBytes(file), null);
      } catch (IOException | RuntimeException e) {
        log.error("Receipt font {} cannot be read", cjkFont, e);
      }
    } else {
      log.error("Receipt font {} is missing (install fonts-wqy-microhei or set "
          + "actionpack.receipts.cjk-font)", cjkFont);
    }
    throw new Refusal(Refusal.Kind.UNAVAILABLE, "receipt-font-unavailable",
        "Receipt unavailable", "The receipt cannot be made now: a font for its text is not "
            + "available on the server. Please try again later.");
  }
}
