package dev.outbound.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/** What every generated file needs of the annotated class it is generated for. */
public interface ClassModel {

  /** The annotated class, which every generated file names as its origin. */
  TypeElement element();

  ClassName className();
}
