package dev.actionpack.benchmark;

/**
 * One timed window: how many units of work ({@code count}) in how many seconds, and the CPU they
 * cost: this JVM's and, on PostgreSQL, the database server's ({@code NaN} on H2, which runs in
 * this JVM, or when the server could not be found).
 */
record Window(int count, double seconds, double jvmCpuMs, double databaseCpuMs) {

  double perSecond() {
    return count / seconds;
  }

  /** CPU ms per unit of work: the JVM's plus the database server's where it has one. */
  double cpuMsEach() {
    return (jvmCpuMs + (Double.isNaN(databaseCpuMs) ? 0 : databaseCpuMs)) / count;
  }

  double jvmCpuMsEach() {
    return jvmCpuMs / count;
  }

  double databaseCpuMsEach() {
    return databaseCpuMs / count;
  }
}
