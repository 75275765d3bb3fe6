package dev.actionpack.order;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import dev.actionpack.domain.LocaleFormat;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a receipt as a one-page PDF (A4) in the partner's language, with money and dates
 * written the way that language writes them ({@link LocaleFormat}). The texts are in the
 * {@code receipts} bundles; the fonts are embedded ({@link ReceiptFonts}).
 */
@Component
public class ReceiptDocument {

  private static final float TITLE = 20f;
  private static final float TEXT = 10f;
  private static final float TOTAL = 12f;
  private static final float SMALL = 8.5f;
  private static final Color INK = Color.BLACK;
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);
  private static final Color RULE = new Color(0xC8, 0xC8, 0xC8);

  private final MessageSource texts;
  private final ReceiptFonts fonts;

  ReceiptDocument(MessageSource texts, ReceiptFonts fonts) {
    this.texts = texts;
    this.fonts = fonts;
  }

  /** The receipt of the charge, or with {@link Receipt#refund()} the refund's credit note. */
  public byte[] render(Receipt receipt) {
    return new Page(receipt).write();
  }

  /** One receipt being written, in its language. */
  private final class Page {

    private final Receipt receipt;
    private final Locale locale;
    private final boolean chinese;

    Page(Receipt receipt) {
      this.receipt = receipt;
      this.locale = LocaleFormat.supported(receipt.locale().toLanguageTag());
      this.chinese = locale.equals(LocaleFormat.ZH_CN);
    }

    byte[] write() {
      boolean refund = receipt.refund() != null;
      String title = text(refund ? "receipt.refund.title" : "receipt.title");
      ByteArrayOutputStream pdf = new ByteArrayOutputStream(16 * 1024);
      Document document = new Document(PageSize.A4, 56, 56, 56, 56);
      PdfWriter writer = PdfWriter.getInstance(document, pdf);
      document.addTitle(title + " " + receipt.orderNumber()
          + (refund ? " " + receipt.refund().providerRefundId() : ""));
      document.addSubject(text("receipt.seller"));
      document.addCreator(text("receipt.seller"));
      document.open();
      // the catalog's /Lang: screen readers and text extraction read the text in this language
      writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));

      document.add(paragraph(title, TITLE, INK, 2f));
      document.add(paragraph(text("receipt.seller"), TEXT, MUTED, 14f));

      PdfPTable facts = table(0f);
      if (refund) {
        fact(facts, "receipt.refund.date", LocaleFormat.date(receipt.refund().refundedAt(),
            locale));
        fact(facts, "receipt.refund.originalOrder", receipt.orderNumber());
        fact(facts, "receipt.refund.originalDate", LocaleFormat.date(receipt.chargedAt(), locale));
      } else {
        fact(facts, "receipt.date", LocaleFormat.date(receipt.chargedAt(), locale));
        fact(facts, "receipt.order", receipt.orderNumber());
      }
      fact(facts, "receipt.kind", text("receipt.kind." + receipt.orderKind().name()));
      if (receipt.subscriptionNumber() != null) {
        fact(facts, "receipt.subscription", receipt.subscriptionNumber());
      }
      fact(facts, "receipt.billedTo", receipt.partnerName() + "\n" + receipt.partnerEmail());
      document.add(facts);

      PdfPTable items = new PdfPTable(new float[] {4f, 1.4f});
      items.setWidthPercentage(100);
      items.setSpacingBefore(18f);
      heading(items, text("receipt.description"), Element.ALIGN_LEFT);
      heading(items, text("receipt.amount"), Element.ALIGN_RIGHT);
      BigDecimal amount = refund ? receipt.refund().amount() : receipt.amount();
      String item = receipt.offerName() + "\n" + term();
      if (refund) {
        item = text("receipt.refund.item", receipt.orderNumber()) + "\n" + item;
      }
      line(items, item, money(amount), TEXT, false);
      line(items, text("receipt.taxes.none"), money(receipt.taxes()), TEXT, false);
      line(items, text(refund ? "receipt.refund.total" : "receipt.total"), money(amount),
          TOTAL, true);
      document.add(items);

      PdfPTable payment = table(18f);
      if (refund) {
        fact(payment, "receipt.refund.to", receipt.card());
        fact(payment, "receipt.refund.id", receipt.refund().providerRefundId());
        fact(payment, "receipt.refund.originalAmount", money(receipt.amount()));
        fact(payment, "receipt.chargeId", receipt.providerChargeId());
      } else {
        fact(payment, "receipt.paidWith", receipt.card());
        fact(payment, "receipt.chargeId", receipt.providerChargeId());
      }
      document.add(payment);

      Paragraph footer = paragraph(text("receipt.footer"), SMALL, MUTED, 0f);
      footer.setSpacingBefore(24f);
      document.add(footer);
      document.close();
      return pdf.toByteArray();
    }

    private String term() {
      Receipt.Term term = receipt.term();
      if (term == null) {
        return text("receipt.item.annual");
      }
      if (term.start() == null || term.end() == null) {
        return text("receipt.item.term", String.valueOf(term.number()));
      }
      return text("receipt.item.termDates", String.valueOf(term.number()),
          LocaleFormat.date(term.start(), locale), LocaleFormat.date(term.end(), locale));
    }

    private String money(BigDecimal amount) {
      return LocaleFormat.money(amount, receipt.currency(), locale);
    }

    private Paragraph paragraph(String text, float size, Color color, float spacingAfter) {
      Paragraph paragraph = new Paragraph(fonts.phrase(text, size, color, chinese));
      paragraph.setSpacingAfter(spacingAfter);
      return paragraph;
    }

    private PdfPTable table(float spacingBefore) {
      PdfPTable table = new PdfPTable(new float[] {2f, 3f});
      table.setWidthPercentage(100);
      table.setSpacingBefore(spacingBefore);
      return table;
    }

    private void fact(PdfPTable table, String labelKey, String value) {
      table.addCell(cell(text(labelKey), TEXT, MUTED, Element.ALIGN_LEFT));
      table.addCell(cell(value, TEXT, INK, Element.ALIGN_LEFT));
    }

    private void heading(PdfPTable table, String text, int alignment) {
      PdfPCell cell = cell(text, TEXT, MUTED, alignment);
      cell.setBorder(Rectangle.BOTTOM);
      cell.setBorderColor(RULE);
      cell.setPaddingBottom(6f);
      table.addCell(cell);
    }

    private void line(PdfPTable table, String description, String amount, float size,
        boolean total) {
      PdfPCell left = cell(description, size, INK, Element.ALIGN_LEFT);
      PdfPCell right = cell(amount, size, INK, Element.ALIGN_RIGHT);
      if (total) {
        for (PdfPCell cell : new PdfPCell[] {left, right}) {
          cell.setBorder(Rectangle.TOP);
          cell.setBorderColor(RULE);
          cell.setPaddingTop(6f);
        }
      }
      table.addCell(left);
      table.addCell(right);
    }

    private PdfPCell cell(String text, float size, Color color, int alignment) {
      PdfPCell cell = new PdfPCell(fonts.phrase(text, size, color, chinese));
      cell.setBorder(Rectangle.NO_BORDER);
      cell.setHorizontalAlignment(alignment);
      cell.setPaddingTop(4f);
      cell.setPaddingBottom(4f);
      cell.setPaddingLeft(0f);
      return cell;
    }

    private String text(String key, Object... args) {
      return texts.getMessage(key, args.length == 0 ? null : args, locale);
    }
  }
}
