package cn.kaifeng.jointapproval.modelsafety;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;

/**
 * Bean name to bean, read-only, for the engine's expression manager. Beans are fetched on each
 * look-up rather than up front because the map is handed over while the engine is being created,
 * before beans that need the engine (most delegates) can exist.
 */
final class AllowedBeanMap extends AbstractMap<Object, Object> {

  private final BeanFactory factory;
  private final Set<String> names;

  AllowedBeanMap(BeanFactory factory, Set<String> names) {
    this.factory = factory;
    this.names = names;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && names.contains(key);
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? factory.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    var entries = new LinkedHashSet<Entry<Object, Object>>();
    names.forEach(name -> entries.add(new SimpleImmutableEntry<>(name, factory.getBean(name))));
    return entries;
  }
}
