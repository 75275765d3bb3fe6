package dev.actionpack.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read (R23): strictly and with bounds. A JSON value of the wrong type
 * is refused ({@code "false"} is not false, {@code 12.5} is not a month, a number is not a card
 * number); numbers, strings and nesting are limited at the parser, before anything is built from
 * them; text holds no control characters (tabs and line breaks excepted). Each refusal names
 * the field and answers 422.
 */
@Configuration
class JsonInput {

  static final int MAX_NUMBER_LENGTH = 32;
  static final int MAX_STRING_LENGTH = 20_000;
  static final int MAX_NESTING = 16;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .modulesToInstall(new SimpleModule("strict-text")
            .addDeserializer(String.class, new PlainText()))
        .postConfigurer(mapper -> {
          mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
              .maxNumberLength(MAX_NUMBER_LENGTH).maxStringLength(MAX_STRING_LENGTH)
              .maxNestingDepth(MAX_NESTING).build());
          for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Integer,
              LogicalType.Float}) {
            mapper.coercionConfigFor(type)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
  }

  /** A JSON string, and only a string, without control characters. */
  static final class PlainText extends StdScalarDeserializer<String> {

    PlainText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String text = parser.getText();
      if (InputRules.hasControlCharacters(text, true)) {
        throw new RefusedText(parser, "contains control characters");
      }
      return text;
    }
  }

  /** A string refused for what it holds; the handler names the field and gives the reason. */
  static final class RefusedText extends InvalidFormatException {

    private final String reason;

    RefusedText(JsonParser parser, String reason) {
      super(parser, reason, null, String.class);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
