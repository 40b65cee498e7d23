package dev.outbound.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Every problem found in one container class, each on the element it is about and, when it is about
 * an annotation value, on that value, so the compiler points at the exact place to change.
 * Collected first and printed together so one build shows them all.
 */
public final class ValidationReport {

  private record Item(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  public void error(String message, Element element) {
    items.add(new Item(message, element, null, null));
  }

  public void error(String message, Element element, AnnotationMirror annotation) {
    items.add(new Item(message, element, annotation, null));
  }

  public void error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    items.add(new Item(message, element, annotation, value));
  }

  public boolean isClean() {
    return items.isEmpty();
  }

  public void printTo(MessagePrinter printer) {
    for (Item item : items) {
      printer.error(item.message, item.element, item.annotation, item.value);
    }
  }
}
