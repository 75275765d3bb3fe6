package dev.actionpack.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Checks that run before every engine command, inside its transaction and command context. */
public final class EngineCommands {

  private EngineCommands() {}

  /** Adds {@code interceptor} after the engine's own, where the command context exists. */
  public static void checkWith(ProcessEngineConfigurationImpl configuration,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = configuration
        .getCustomPostCommandInterceptorsTxRequired() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(interceptor);
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}
