package dev.actionpack.benchmark;

import static dev.actionpack.process.ProcessVariable.dateVariable;
import static dev.actionpack.process.ProcessVariable.integerVariable;

import dev.actionpack.process.ProcessVariable;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The control model's only task ({@code benchmark/control.bpmn}): one JDBC update of one row of
 * the benchmark's own table, in the job's transaction. Registered as a bean by the benchmark, so
 * neither the model nor the delegate is part of the service.
 */
final class UpdateRowDelegate implements JavaDelegate {

  static final String BEAN = "updateRowDelegate";
  static final String KEY = "benchmark-control";
  static final String RESOURCE = "benchmark/control.bpmn";
  static final String TABLE = "benchmark_control";
  static final ProcessVariable<Integer> ROW = integerVariable("row");
  static final ProcessVariable<Date> DUE_AT = dateVariable("dueAt");

  private final JdbcTemplate jdbc;

  UpdateRowDelegate(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    jdbc.update("update " + TABLE + " set touched = touched + 1 where id = ?",
        ROW.from(execution));
  }
}
