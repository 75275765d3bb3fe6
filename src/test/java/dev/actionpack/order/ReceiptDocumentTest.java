package dev.actionpack.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import dev.actionpack.domain.LocaleFormat;
import dev.actionpack.domain.Refusal;
import dev.actionpack.support.DebianPackages;
import dev.actionpack.support.PdfText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The receipt PDFs in the three languages, read back with OpenPDF's text extractor. */
class ReceiptDocumentTest {

  static final String CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0";

  private static final ReceiptDocument DOCUMENT = document(CJK_FONT);

  @Test
  @DisplayName("An en-US receipt names the order, partner, term, amount, no taxes, card and charge")
  void shouldRenderEnglishReceipt() throws IOException {
    byte[] pdf = DOCUMENT.render(renewal(LocaleFormat.EN_US, null));
    String text = PdfText.of(pdf);

    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    PdfText.assertWritten(text, "Receipt", "Microsoft Action Pack subscriptions",
        "Receipt date", "March 10, 2028 (UTC)", "Order number", "AP-O-100042",
        "Automatic renewal", "AP-500007", "Contoso Ltd", "billing@contoso.example",
        "Microsoft Action Pack",
        "Term 2: March 10, 2028 (UTC) to March 10, 2029 (UTC)",
        "Taxes (none) $0.00", "Total paid $475.00", "Paid with VISA **** 4242",
        "ch_3PqRsT");
    assertThat(info(pdf, "Title")).isEqualTo("Receipt AP-O-100042");
    assertThat(language(pdf)).isEqualTo("en-US");
    assertThat(embeddedFonts(pdf)).anyMatch(name -> name.contains("LiberationSans"))
        .noneMatch(name -> name.contains("WenQuanYi"));
  }

  @Test
  @DisplayName("An es-ES receipt writes 475,00 US$ and 10/03/2028, with Spanish accents")
  void shouldRenderSpanishReceipt() throws IOException {
    String text = PdfText.of(DOCUMENT.render(renewal(LocaleFormat.ES_ES, null)));

    PdfText.assertWritten(text, "Recibo", "Suscripciones de Microsoft Action Pack",
        "Fecha del recibo 10/03/2028 (UTC)", "Número de pedido AP-O-100042",
        "Renovación automática", "Suscripción AP-500007",
        "Periodo 2: del 10/03/2028 (UTC) al 10/03/2029 (UTC)",
        "Impuestos (ninguno) 0,00 US$", "Total pagado 475,00 US$",
        "Pagado con VISA **** 4242", "ID del cargo en el proveedor de pagos ch_3PqRsT");
  }

  @Test
  @DisplayName("A zh-CN receipt is in Chinese, US$475.00 and 2028年3月10日, its CJK font embedded")
  void shouldRenderChineseReceipt() throws IOException {
    DebianPackages.requireCjkFont();
    byte[] pdf = DOCUMENT.render(renewal(LocaleFormat.ZH_CN, null));
    String text = PdfText.of(pdf);

    // the extracted text is what was written: the glyphs were there to be embedded and mapped
    PdfText.assertWritten(text, "收据", "Microsoft Action Pack 订阅服务",
        "收据日期 2028年3月10日（UTC）", "订单号 AP-O-100042", "订单类型 自动续订",
        "付款方 Contoso Ltd", "第 2 期：2028年3月10日（UTC） 至 2029年3月10日（UTC）",
        "税费（无） US$0.00", "实付总额 US$475.00", "支付方式 VISA **** 4242",
        "支付服务商的扣款 ID ch_3PqRsT");
    assertThat(info(pdf, "Title")).isEqualTo("收据 AP-O-100042");
    assertThat(language(pdf)).isEqualTo("zh-CN");
    assertThat(embeddedFonts(pdf)).anyMatch(name -> name.contains("WenQuanYi"));
  }

  @Test
  @DisplayName("A refund receipt is a credit note naming the original order, the refund and its id")
  void shouldRenderRefundReceipt() throws IOException {
    DebianPackages.requireCjkFont();
    Receipt.RefundLine refund = new Receipt.RefundLine("re_9ZyXwV",
        new BigDecimal("236.20"), Instant.parse("2028-09-10T10:00:00Z"));

    String english = PdfText.of(DOCUMENT.render(renewal(LocaleFormat.EN_US, refund)));
    String spanish = PdfText.of(DOCUMENT.render(renewal(LocaleFormat.ES_ES, refund)));
    String chinese = PdfText.of(DOCUMENT.render(renewal(LocaleFormat.ZH_CN, refund)));

    PdfText.assertWritten(english, "Refund receipt (credit note)",
        "Refund date September 10, 2028 (UTC)", "Original order AP-O-100042",
        "Refund of order AP-O-100042", "Taxes (none) $0.00", "Total refunded $236.20",
        "Refunded to VISA **** 4242", "Payment provider refund ID re_9ZyXwV",
        "Amount paid with the original order $475.00", "ch_3PqRsT");
    PdfText.assertWritten(spanish, "Recibo de reembolso (nota de crédito)",
        "Fecha del reembolso 10/09/2028 (UTC)", "Total reembolsado 236,20 US$",
        "re_9ZyXwV");
    PdfText.assertWritten(chinese, "退款收据（贷项通知单）", "退款日期 2028年9月10日（UTC）",
        "订单 AP-O-100042 的退款", "退款总额 US$236.20", "支付服务商的退款 ID re_9ZyXwV");
  }

  @Test
  @DisplayName("Without the CJK font a Chinese receipt is refused as unavailable; Latin ones still render")
  void shouldRefuseChineseWithoutItsFont() throws IOException {
    ReceiptDocument withoutCjk = document("/nonexistent/wqy-microhei.ttc,0");

    assertThatThrownBy(() -> withoutCjk.render(renewal(LocaleFormat.ZH_CN, null)))
        .isInstanceOfSatisfying(Refusal.class,
            refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.UNAVAILABLE));
    PdfText.assertWritten(PdfText.of(withoutCjk.render(renewal(LocaleFormat.ES_ES, null))), "475,00 US$");
  }

  @Test
  @DisplayName("Without known term dates the item is the annual subscription")
  void shouldRenderWithoutTermDates() throws IOException {
    Receipt receipt = renewal(LocaleFormat.EN_US, null);
    Receipt purchase = new Receipt(receipt.orderNumber(), OrderKind.MANUAL_RENEWAL,
        receipt.subscriptionNumber(), receipt.chargedAt(), receipt.partnerName(),
        receipt.partnerEmail(), receipt.locale(), receipt.offerName(), null, receipt.amount(),
        receipt.taxes(), receipt.currency(), receipt.card(), receipt.providerChargeId(), null);

    assertThat(PdfText.of(DOCUMENT.render(purchase))).contains("Manual renewal",
        "Annual subscription").doesNotContain("Term ");
  }

  static ReceiptDocument document(String cjkFont) {
    ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
    texts.setBasenames("receipts");
    texts.setDefaultEncoding("UTF-8");
    texts.setFallbackToSystemLocale(false);
    return new ReceiptDocument(texts, new ReceiptFonts(cjkFont));
  }

  private static Receipt renewal(Locale locale, Receipt.RefundLine refund) {
    return new Receipt("AP-O-100042", OrderKind.AUTO_RENEWAL, "AP-500007",
        Instant.parse("2028-03-10T10:00:03Z"), "Contoso Ltd", "billing@contoso.example", locale,
        "Microsoft Action Pack", new Receipt.Term(2, Instant.parse("2028-03-10T10:00:00Z"),
            Instant.parse("2029-03-10T10:00:00Z")), new BigDecimal("475.00"), BigDecimal.ZERO,
        "USD", "VISA **** 4242", "ch_3PqRsT", refund);
  }

  /** An entry of the document information dictionary, such as "Title". */
  static String info(byte[] pdf, String key) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      return reader.getInfo().get(key);
    } finally {
      reader.close();
    }
  }

  static String language(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfObject lang = PdfReader.getPdfObject(reader.getCatalog().get(PdfName.LANG));
      return lang == null ? null : ((PdfString) lang).toUnicodeString();
    } finally {
      reader.close();
    }
  }

  /** The base names of the fonts whose program is embedded in the document. */
  static Set<String> embeddedFonts(byte[] pdf) throws IOException {
    PdfReader reader = new PdfReader(pdf);
    try {
      Set<String> names = new HashSet<>();
      for (int i = 1; i < reader.getXrefSize(); i++) {
        PdfObject object = reader.getPdfObjectRelease(i);
        if (object instanceof PdfDictionary dictionary
            && PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))
            && (dictionary.get(PdfName.FONTFILE2) != null
                || dictionary.get(PdfName.FONTFILE3) != null)) {
          names.add(String.valueOf(dictionary.get(PdfName.FONTNAME)));
        }
      }
      return names;
    } finally {
      reader.close();
    }
  }
}
