package dev.actionpack.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;

/** What a PDF says, read back with OpenPDF the way a reader's viewer would show it. */
public final class PdfText {

  private PdfText() {}

  /** The document's text, each line's runs joined by one space, spaces as plain spaces. */
  public static String of(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      StringBuilder text = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      return text.toString().replace('\u00a0', ' ').replace('\u202f', ' ')
          .replaceAll("[ \\t]+", " ");
    } finally {
      reader.close();
    }
  }

  /**
   * Each expected text is in the document. OpenPDF's extractor puts a space between two table
   * cells only now and then, so spaces are not compared.
   */
  public static void assertWritten(String text, String... expected) {
    String actual = text.replaceAll("\\s+", "");
    for (String each : expected) {
      assertThat(actual).as("the document's text:%n%s", text)
          .contains(each.replaceAll("\\s+", ""));
    }
  }
}
