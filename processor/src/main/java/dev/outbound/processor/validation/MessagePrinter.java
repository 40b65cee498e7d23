package dev.outbound.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Prints errors through the {@link Messager}, except for one case it cannot place: an annotation
 * that is repeated ({@code @OutboundHost} twice) sits inside a container annotation the compiler
 * made up, which has no source, so the Messager falls back to the whole method. Under javac the
 * tree API finds the written annotation instead; elsewhere (another compiler, or a build tool that
 * wraps the processing environment) the message stays on the method.
 */
public final class MessagePrinter {

  private final Messager messager;
  private final Types types;
  private final Trees trees;

  public MessagePrinter(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.types = environment.getTypeUtils();
    this.trees = treesOf(environment);
  }

  void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    Optional<TreePath> repeated =
        annotation == null ? Optional.empty() : repeatedAnnotation(element, annotation);
    if (repeated.isPresent()) {
      trees.printMessage(
          Diagnostic.Kind.ERROR,
          message,
          repeated.get().getLeaf(),
          repeated.get().getCompilationUnit());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
    }
  }

  /**
   * The source of {@code annotation} when it is one of several repeated ones on {@code element}.
   */
  private Optional<TreePath> repeatedAnnotation(Element element, AnnotationMirror annotation) {
    if (trees == null || element.getAnnotationMirrors().contains(annotation)) {
      return Optional.empty();
    }
    int index = indexInContainer(element, annotation);
    TreePath elementPath = trees.getPath(element);
    if (index < 0 || elementPath == null) {
      return Optional.empty();
    }
    // Repeated annotations are collected into the container in source order.
    TypeMirror annotationType = annotation.getAnnotationType();
    List<TreePath> written =
        modifiers(elementPath.getLeaf()).getAnnotations().stream()
            .map(tree -> new TreePath(elementPath, tree))
            .filter(
                path -> {
                  TypeMirror type = trees.getTypeMirror(path);
                  return type != null && types.isSameType(type, annotationType);
                })
            .toList();
    return index < written.size() ? Optional.of(written.get(index)) : Optional.empty();
  }

  private static int indexInContainer(Element element, AnnotationMirror annotation) {
    for (AnnotationMirror container : element.getAnnotationMirrors()) {
      for (AnnotationValue value : container.getElementValues().values()) {
        if (value.getValue() instanceof List<?> repeated
            && repeated.stream()
                .anyMatch(
                    item ->
                        item instanceof AnnotationValue nested
                            && nested.getValue() == annotation)) {
          return indexOf(repeated, annotation);
        }
      }
    }
    return -1;
  }

  private static int indexOf(List<?> repeated, AnnotationMirror annotation) {
    for (int i = 0; i < repeated.size(); i++) {
      if (((AnnotationValue) repeated.get(i)).getValue() == annotation) {
        return i;
      }
    }
    return -1;
  }

  private static ModifiersTree modifiers(Tree tree) {
    return switch (tree) {
      case MethodTree method -> method.getModifiers();
      case ClassTree type -> type.getModifiers();
      case VariableTree variable -> variable.getModifiers();
      default -> throw new IllegalArgumentException("no modifiers on " + tree.getKind());
    };
  }

  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException notJavac) {
      return null;
    }
  }
}
