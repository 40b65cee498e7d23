package dev.outbound.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The public instance methods callable on an object of a class, which its stub must run through the
 * object's actor so that no call bypasses it: those declared in the class in source order, then
 * those inherited from superclasses, nearest first, then default methods of its interfaces. Each
 * appears once, in its most specific declaration; final ones are included, for validation to
 * reject.
 *
 * <p>Methods of {@code Object} and overrides of them ({@code equals}, {@code hashCode}, {@code
 * toString}) are left out: collections and logging in the runtime call them, and must not wait for
 * the object's current call to end.
 */
public final class PublicMethods {

  private final KnownTypes known;

  public PublicMethods(KnownTypes known) {
    this.known = known;
  }

  public List<ExecutableElement> of(TypeElement type) {
    List<ExecutableElement> found = new ArrayList<>();
    Set<TypeElement> interfaces = new LinkedHashSet<>();
    for (TypeElement declaring : classAndSuperclasses(type)) {
      for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
        if (isPublicInstanceMethod(method)
            && !isOverriddenIn(found, method, type)
            && !overridesObjectMethod(method, type)) {
          found.add(method);
        }
      }
      addInterfaces(declaring, interfaces);
    }
    List<ExecutableElement> defaults =
        interfaces.stream()
            .flatMap(declaring -> ElementFilter.methodsIn(declaring.getEnclosedElements()).stream())
            .filter(method -> method.getModifiers().contains(Modifier.DEFAULT))
            .toList();
    for (ExecutableElement method : defaults) {
      if (!isOverriddenIn(found, method, type) && !isOverriddenIn(defaults, method, type)) {
        found.add(method);
      }
    }
    return List.copyOf(found);
  }

  /** The class and its superclasses up to, not including, {@code Object}. */
  private List<TypeElement> classAndSuperclasses(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement current = type;
        current != null && !isObject(current);
        current = superclass(current)) {
      chain.add(current);
    }
    return chain;
  }

  /**
   * Null at the top, and for a superclass that does not resolve: the class waits for it in a later
   * round.
   */
  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  /** Every interface the type implements, directly or through other interfaces. */
  private static void addInterfaces(TypeElement type, Set<TypeElement> interfaces) {
    List<TypeElement> direct =
        type.getInterfaces().stream()
            .filter(DeclaredType.class::isInstance)
            .map(superinterface -> (TypeElement) ((DeclaredType) superinterface).asElement())
            .toList();
    interfaces.addAll(direct);
    direct.forEach(superinterface -> addInterfaces(superinterface, interfaces));
  }

  private static boolean isPublicInstanceMethod(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC);
  }

  private boolean isOverriddenIn(
      List<ExecutableElement> found, ExecutableElement method, TypeElement type) {
    return found.stream()
        .anyMatch(overrider -> known.elements().overrides(overrider, method, type));
  }

  private boolean overridesObjectMethod(ExecutableElement method, TypeElement type) {
    TypeElement object = known.elements().getTypeElement(Object.class.getCanonicalName());
    return ElementFilter.methodsIn(object.getEnclosedElements()).stream()
        .anyMatch(objectMethod -> known.elements().overrides(method, objectMethod, type));
  }

  private boolean isObject(TypeElement type) {
    return known.is(type.asType(), Object.class);
  }
}
