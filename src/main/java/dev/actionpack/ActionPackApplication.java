package dev.actionpack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ActionPackApplication {

  public static void main(String[] args) {
    SpringApplication.run(ActionPackApplication.class, args);
  }
}
