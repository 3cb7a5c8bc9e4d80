package org.mmpcase.system;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.CacheFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DefaultCacheFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.commons.utils.cache.Cache;
import org.springframework.stereotype.Component;

/**
 * Keeps a process definition out of sight of other threads while one thread is still loading it into this node's
 * deployment cache. Camunda 7.24 ({@code AbstractDefinitionDeployer.registerDefinition}) puts a definition it loads
 * into the cache first and only then gives its timers and asynchronous steps their job definitions
 * ({@code BpmnDeployer.updateJobDeclarations}, a query). {@code ResourceDefinitionCache.resolveDefinition} looks into
 * the cache before it synchronises, so a second thread using the same definition at that moment takes the
 * half-loaded one, creates a job without a job definition and fails ("Invalid process definition id:
 * processDefinitionId is null"). It happens on every node whose cache does not hold a definition yet: after another
 * node deployed a new version, the first uses on this node race each other (system/DeploymentRaceTests).
 * <p>
 * The fix: a cache that answers "not cached" for a process definition that another thread put and has not read
 * back yet (the loading thread reads it back once it has finished: {@code resolveDefinition} does). The other
 * thread then goes into {@code resolveDefinition}'s synchronised block, waits for the loader there and gets the
 * complete definition. A definition put by a deployment on this node and never read back by its thread is loaded
 * once more by the next thread that uses it, which costs a parse and is otherwise harmless.
 * <p>
 * Not public API: the engine offers no public hook into its deployment cache. {@link CacheFactory} is the
 * documented way to plug in a cache (docs.camunda.org, "Deployment cache"), but it lives in an {@code impl} package,
 * as does {@link ProcessDefinitionEntity}; check this class when upgrading the engine (DeploymentRaceTests shows
 * whether the race is still there without it).
 */
@Component
class CompleteDefinitionsOnly extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		// the engine's own (an LRU cache of cacheCapacity definitions); there is no getter for a configured one
		CacheFactory inner = new DefaultCacheFactory();
		configuration.setCacheFactory(new CacheFactory() {
			@Override
			public <T> Cache<String, T> createCache(int maxNumberOfElementsInCache) {
				return new LoaderOnlyCache<>(inner.createCache(maxNumberOfElementsInCache));
			}
		});
	}

	/** The engine's cache, hiding process definitions that are still being loaded by another thread. */
	static final class LoaderOnlyCache<V> implements Cache<String, V> {

		private final Cache<String, V> cache;

		private final Map<String, Thread> loading = new ConcurrentHashMap<>();

		LoaderOnlyCache(Cache<String, V> cache) {
			this.cache = cache;
		}

		@Override
		public V get(String key) {
			V value = cache.get(key);
			if (value == null) {
				return null;
			}
			Thread loader = loading.get(key);
			if (loader == null) {
				return value;
			}
			if (loader == Thread.currentThread()) {
				// the loader reads it back when it has finished loading it
				loading.remove(key, loader);
				return value;
			}
			return null;
		}

		@Override
		public void put(String key, V value) {
			if (value instanceof ProcessDefinitionEntity) {
				loading.put(key, Thread.currentThread());
			}
			cache.put(key, value);
		}

		@Override
		public void clear() {
			cache.clear();
			loading.clear();
		}

		@Override
		public void remove(String key) {
			cache.remove(key);
			loading.remove(key);
		}

		@Override
		public Set<String> keySet() {
			return cache.keySet();
		}

		@Override
		public int size() {
			return cache.size();
		}

		@Override
		public boolean isEmpty() {
			return cache.isEmpty();
		}

	}

}
