package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A record a named handler's JSON params are decoded into, one field per component. */
public record ParamsRecord(ClassName type, List<Field> fields) {

  /** A record component, read from the JSON field of the same name. */
  public record Field(String name, ParamsFieldType type) {}
}
