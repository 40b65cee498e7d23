package dev.outbound.processor.model;

import dev.outbound.binding.DurableObjectNamespace;
import dev.outbound.binding.KvNamespace;
import dev.outbound.binding.ObjectBucket;
import dev.outbound.binding.Secret;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/** The binding interfaces a constructor parameter may ask for. */
public enum BindingType {
  KV_NAMESPACE(KvNamespace.class),
  OBJECT_BUCKET(ObjectBucket.class),
  SECRET(Secret.class),
  /** Takes the {@code @DurableObject} class as its type argument. */
  DURABLE_OBJECT_NAMESPACE(DurableObjectNamespace.class);

  /** How an error message lists the accepted types. */
  public static final String ACCEPTED =
      "KvNamespace, ObjectBucket, Secret or DurableObjectNamespace<T> with T a @DurableObject"
          + " class";

  private final Class<?> type;

  BindingType(Class<?> type) {
    this.type = type;
  }

  /** The interface, as passed to {@code BindingResolver.binding}. */
  public Class<?> type() {
    return type;
  }

  public static Optional<BindingType> of(TypeMirror type, KnownTypes known) {
    for (BindingType binding : values()) {
      if (known.is(type, binding.type)) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }
}
