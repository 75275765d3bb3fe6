package dev.actionpack.process;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable declared once with its name and type, so delegates read typed values
 * instead of casting {@code getVariable("...")} results in many places.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Integer> integerVariable(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  public static ProcessVariable<Date> dateVariable(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  /** The value, which must be set; a missing value is a modelling error, not a business case. */
  public T from(VariableScope scope) {
    return optionalFrom(scope)
        .orElseThrow(() -> new IllegalStateException("process variable '" + name + "' is not set"));
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    return Optional.ofNullable(scope.getVariable(name)).map(type::cast);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Adds the value to the variables a process is started or correlated with. */
  public VariableMap putIn(VariableMap variables, T value) {
    return variables.putValue(name, value);
  }
}
