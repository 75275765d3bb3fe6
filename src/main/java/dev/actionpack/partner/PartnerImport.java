package dev.actionpack.partner;

import dev.actionpack.domain.Refusal;
import dev.actionpack.domain.Refusal.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many partners at once, from a CSV file with the header {@value #HEADER}. Each row is held to
 * the rules of one partner created through the API ({@link PartnerDetails}); the valid rows are
 * created and every fault of the others reported by line and field, so a file can be fixed and
 * its rejected rows sent again. A row whose email address a partner has, or an earlier line of
 * the file has, is a duplicate. All the created rows commit together, or none.
 */
@Service
public class PartnerImport {

  public static final String HEADER = "name,networkMember,locale,email";
  /** Rows of partners in one file; a bigger list is split. */
  public static final int MAX_ROWS = 10_000;
  private static final List<String> COLUMNS = List.of(HEADER.split(","));
  private static final int QUERY_CHUNK = 500;
  private static final Set<String> MEMBERSHIP = Set.of("true", "false");

  private final PartnerRepository partners;

  PartnerImport(PartnerRepository partners) {
    this.partners = partners;
  }

  /** A file as uploaded: UTF-8 text, or refused as field {@code body}. */
  @Transactional
  public Report importCsv(byte[] csv) {
    try {
      return importCsv(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(csv))
          .toString());
    } catch (CharacterCodingException notUtf8) {
      throw Refusal.invalidField("body", "is not UTF-8 text");
    }
  }

  @Transactional
  public Report importCsv(String csv) {
    List<CsvRows.Row> rows = CsvRows.read(csv, MAX_ROWS + 1);
    if (rows.isEmpty() || rows.get(0).problem() != null
        || !rows.get(0).fields().equals(COLUMNS)) {
      throw Refusal.invalidField("header", "the first line must be " + HEADER);
    }
    if (rows.size() > MAX_ROWS + 1) {
      throw new Refusal(Refusal.Kind.INVALID, "too-many-rows", "Too many rows",
          "A file may have at most " + MAX_ROWS + " partners; split it.");
    }
    List<CsvRows.Row> partnerRows = rows.subList(1, rows.size());
    Set<String> taken = taken(partnerRows);
    Map<String, Integer> firstLineOf = new HashMap<>();
    List<Created> created = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    List<Partner> toSave = new ArrayList<>();
    for (CsvRows.Row row : partnerRows) {
      List<FieldError> problems = new ArrayList<>();
      PartnerDetails details = null;
      if (row.problem() != null) {
        problems.add(new FieldError("row", row.problem()));
      } else if (row.fields().size() != COLUMNS.size()) {
        problems.add(new FieldError("row", "has " + row.fields().size() + " fields, not "
            + COLUMNS.size()));
      } else {
        details = details(row.fields()).normalized();
        problems.addAll(details.problems());
        if (!MEMBERSHIP.contains(row.fields().get(1).strip().toLowerCase(Locale.ROOT))
            && !row.fields().get(1).isBlank()) {
          problems.replaceAll(problem -> problem.field().equals("networkMember")
              ? new FieldError("networkMember", "must be true or false") : problem);
        }
        if (EmailAddresses.problem(details.email()) == null) {
          String key = EmailAddresses.key(details.email());
          Integer earlier = firstLineOf.putIfAbsent(key, row.line());
          if (taken.contains(key)) {
            problems.add(new FieldError("email", "is the email of an existing partner"));
          } else if (earlier != null) {
            problems.add(new FieldError("email", "repeats the email of line " + earlier));
          }
        }
      }
      if (problems.isEmpty()) {
        Partner partner = new Partner(details.name(), details.networkMember(),
            details.locale(), details.email());
        toSave.add(partner);
        created.add(new Created(row.line(), partner.getId(), partner.getName()));
      } else {
        problems.forEach(problem ->
            rejected.add(new Rejected(row.line(), problem.field(), problem.reason())));
      }
    }
    partners.saveAll(toSave);
    return new Report(created, rejected);
  }

  /** A row's fields by the header's columns; networkMember is true, false or missing. */
  private static PartnerDetails details(List<String> fields) {
    String member = fields.get(1).strip().toLowerCase(Locale.ROOT);
    Boolean networkMember = switch (member) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
    return new PartnerDetails(emptyAsNull(fields.get(0)), networkMember,
        emptyAsNull(fields.get(2).strip()), emptyAsNull(fields.get(3)));
  }

  private static String emptyAsNull(String field) {
    return field.isBlank() ? null : field;
  }

  /** Which of the rows' well-formed addresses a partner has already, in lower case. */
  private Set<String> taken(List<CsvRows.Row> rows) {
    List<String> emails = rows.stream()
        .filter(row -> row.problem() == null && row.fields().size() == COLUMNS.size())
        .map(row -> row.fields().get(3).strip())
        .filter(email -> EmailAddresses.problem(email) == null)
        .map(EmailAddresses::key)
        .distinct()
        .toList();
    Set<String> taken = new HashSet<>();
    for (int from = 0; from < emails.size(); from += QUERY_CHUNK) {
      taken.addAll(partners.emailsTaken(
          emails.subList(from, Math.min(emails.size(), from + QUERY_CHUNK))));
    }
    return taken;
  }

  /** What was done with a file: the partners created and every fault of the rows refused. */
  public record Report(List<Created> created, List<Rejected> rejected) {}

  public record Created(int line, UUID id, String name) {}

  public record Rejected(int line, String field, String reason) {}
}
