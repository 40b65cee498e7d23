package dev.outbound.runtime.binding.durable;

import dev.outbound.binding.DurableObjectState;
import dev.outbound.spi.BindingRequirement;
import dev.outbound.spi.BindingResolver;
import dev.outbound.spi.DurableObjectDefinition;
import dev.outbound.spi.ObjectActor;
import java.util.List;

/** What the processor generates for {@link Reminder}. */
final class Reminder_DurableObject implements DurableObjectDefinition<Reminder> {

  @Override
  public Class<Reminder> objectClass() {
    return Reminder.class;
  }

  @Override
  public List<BindingRequirement> bindings() {
    return List.of(
        new BindingRequirement(
            "alarms",
            AlarmLog.class,
            "AlarmLog",
            "dev.outbound.runtime.binding.durable.Reminder(log)"));
  }

  @Override
  public Reminder activate(DurableObjectState state, ObjectActor actor, BindingResolver bindings) {
    return new Reminder_Stub(state, bindings.binding("alarms", AlarmLog.class), actor);
  }
}
