package dev.actionpack.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** One section of results.json: its figures, its targets and whether each was met. */
final class Section {

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final Map<String, Object> targets = new LinkedHashMap<>();
  private final Map<String, Object> json = new LinkedHashMap<>();
  private boolean met = true;

  Section(String title) {
    json.put("title", title);
    json.put("figures", figures);
    json.put("targets", targets);
  }

  /** A figure, rounded to two decimals; {@code NaN} (not measured) becomes null. */
  Section figure(String name, double value) {
    figures.put(name, Double.isNaN(value) ? null : Math.round(value * 100) / 100.0);
    return this;
  }

  Section figure(String name, Object value) {
    figures.put(name, value);
    return this;
  }

  /** Records a target and its verdict; returns the text printed beside the figure. */
  String target(String name, String target, boolean reached) {
    targets.put(name, Map.of("target", target, "met", reached));
    met &= reached;
    return "target " + target + ": " + (reached ? "met" : "missed");
  }

  Map<String, Object> json() {
    json.put("met", met);
    return json;
  }
}
